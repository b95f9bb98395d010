using System.Text.Json;
using AngleSharp.Dom;

namespace Gleaner.Extraction;

/// <summary>What a fetched HTML page is, for deciding whether to store it or only follow its links.</summary>
public enum PageKind
{
    /// <summary>One story: store it.</summary>
    Article,

    /// <summary>A homepage, section, tag, search or archive page listing stories: follow its links, store nothing.</summary>
    Listing,
}

/// <summary>
/// Tells article pages from listing pages by evidence the page gives about itself: structured data
/// (JSON-LD types, <c>og:type</c>, <c>article:published_time</c>), the amount of running prose outside
/// links, the link density and the number of story teasers. No site-specific rules. Thread-safe.
/// </summary>
public static class ArticleClassifier
{
    // A story has a few paragraphs of prose; a teaser has one short sentence. 400 characters of
    // paragraph text outside links is about three short news paragraphs.
    private const int ProseCharsOfAnArticle = 400;

    // Teasers and captions are mostly shorter than this (non-space characters); a run this long outside links is a paragraph.
    private const int LongTextRun = 100;

    // Listing pages are mostly links: when more than this share of the body text sits inside links and
    // the prose is thin, the page lists things.
    private const double ListingLinkDensity = 0.5;

    // A list of stories shows many linked headlines; an article may link a few related ones.
    private const int HeadlineLinksOfAListing = 5;

    // Three or more <article> teasers (or repeated headline links) are a list of stories.
    private const int TeasersOfAListing = 3;

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "TechArticle",
        "ScholarlyArticle", "Report", "SatiricalArticle", "AdvertiserContentArticle",
    };

    private static readonly HashSet<string> ListingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "Blog",
    };

    /// <summary>Classifies raw HTML (parses it once, within the extractor's default bounds).</summary>
    public static PageKind Classify(string html, Uri? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new ArticleExtractor().Parse(html);
        return Classify(document, url);
    }

    /// <summary>Classifies a parsed page. <paramref name="url"/> is where it came from, if known.</summary>
    public static PageKind Classify(IDocument document, Uri? url = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var score = 0;

        score += StructuredDataScore(document);

        var ogType = document.QuerySelector("meta[property='og:type']")?.Attr("content")?.Trim();
        if (string.Equals(ogType, "article", StringComparison.OrdinalIgnoreCase))
            score += 2;
        else if (string.Equals(ogType, "website", StringComparison.OrdinalIgnoreCase))
            score -= 1;

        if (document.QuerySelector("meta[property='article:published_time'], meta[itemprop='datePublished'], time[itemprop='datePublished']") is not null)
            score += 1;

        var (prose, linkText, allText) = MeasureText(document.Body);
        if (prose >= ProseCharsOfAnArticle)
            score += 2;
        else
            score -= 2;
        if (allText > 0 && (double)linkText / allText > ListingLinkDensity)
            score -= 2;

        var teasers = document.QuerySelectorAll("article").Length;
        if (teasers >= TeasersOfAListing)
            score -= 2;
        else if (teasers == 1)
            score += 1;

        // Headlines that are links, outside page furniture, are story teasers (a story has one headline, not a link).
        if (CountHeadlineLinks(document) >= HeadlineLinksOfAListing)
            score -= 2;

        if (url is not null && url.AbsolutePath is "/" or "" && string.IsNullOrEmpty(url.Query))
            score -= 3; // a site's root is its front page

        return score > 0 ? PageKind.Article : PageKind.Listing;
    }

    /// <summary>Whether the page's markup says it is an article (JSON-LD type, <c>og:type</c>, a published time),
    /// whatever its body holds: the evidence an app shell still carries before its script runs.</summary>
    internal static bool DeclaresArticle(IDocument document) =>
        StructuredDataScore(document) > 0
        || string.Equals(document.QuerySelector("meta[property='og:type']")?.Attr("content")?.Trim(), "article", StringComparison.OrdinalIgnoreCase)
        || document.QuerySelector("meta[property='article:published_time'], meta[itemprop='datePublished']") is not null;

    /// <summary>+3 when JSON-LD says the page's main entity is an article, -3 when it says it is a collection.</summary>
    private static int StructuredDataScore(IDocument document)
    {
        var score = 0;
        foreach (var item in JsonLdReader.Read(document))
        {
            if (!item.TryGetProperty("@type", out var type))
                continue;
            if (HasType(type, ArticleTypes))
                score = Math.Max(score, 3);
            else if (HasType(type, ListingTypes))
                score = Math.Min(score, -3);
        }
        return score;
    }

    private static bool HasType(JsonElement type, HashSet<string> names)
    {
        if (type.ValueKind == JsonValueKind.String)
            return names.Contains(type.GetString()!);
        if (type.ValueKind == JsonValueKind.Array)
            foreach (var entry in type.EnumerateArray())
                if (entry.ValueKind == JsonValueKind.String && names.Contains(entry.GetString()!))
                    return true;
        return false;
    }

    /// <summary>Characters of paragraph prose outside links, of text inside links, and of all text in the body.</summary>
    private static (int Prose, int LinkText, int AllText) MeasureText(IElement? body)
    {
        if (body is null)
            return (0, 0, 0);
        int prose = 0, linkText = 0, allText = 0;
        Walk(body, insideLink: false, insideParagraph: false, ref prose, ref linkText, ref allText);
        return (prose, linkText, allText);
    }

    private static void Walk(INode node, bool insideLink, bool insideParagraph, ref int prose, ref int linkText, ref int allText)
    {
        // By index: AngleSharp's NextSibling scans the parent's child list, quadratic in the siblings.
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                var length = CountNonSpace(text.Data);
                allText += length;
                if (insideLink)
                    linkText += length;
                else if (insideParagraph || length >= LongTextRun)
                    prose += length; // a long run of text outside links is prose, in <p> or not (<div>text<br>text</div> layouts)
            }
            else if (child is IElement element)
            {
                var name = element.LocalName;
                if (name is "script" or "style" or "noscript" or "template" or "nav" or "footer" or "header" or "aside" or "form")
                    continue;
                Walk(element, insideLink || name == "a", insideParagraph || name == "p", ref prose, ref linkText, ref allText);
            }
        }
    }

    private static int CountHeadlineLinks(IDocument document)
    {
        var count = 0;
        foreach (var link in document.QuerySelectorAll("h1 a[href], h2 a[href], h3 a[href], h4 a[href]"))
            if (link.Closest("nav, aside, footer, header") is null)
                count++;
        return count;
    }

    private static int CountNonSpace(string text)
    {
        var count = 0;
        foreach (var c in text)
            if (!char.IsWhiteSpace(c))
                count++;
        return count;
    }
}
