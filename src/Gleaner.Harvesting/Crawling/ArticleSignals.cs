using AngleSharp.Dom;
using Gleaner.Extraction;

namespace Gleaner.Crawling;

/// <summary>
/// What a crawl asks of a page before storing it as an article: some sign that it is one (a publication date, an
/// author, or article markup), and an address that is not site furniture (about, privacy, contact, terms...).
/// The classifier's prose test alone lets an "About us" or a privacy policy through: they are long, plain text.
/// </summary>
internal static class ArticleSignals
{
    /// <summary>Last path segments (without extension) of pages every site has and no news story lives at; several languages.</summary>
    private static readonly HashSet<string> FurnitureSlugs = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "about-us", "aboutus", "who-we-are", "contact", "contact-us", "contactus", "contacts", "imprint", "impressum",
        "privacy", "privacy-policy", "privacypolicy", "privacy-notice", "data-protection", "datenschutz", "datenschutzerklaerung",
        "datenschutzerklarung", "terms", "terms-of-use", "terms-of-service", "terms-and-conditions", "tos", "legal", "legal-notice",
        "disclaimer", "cookies", "cookie-policy", "cookie-settings", "accessibility", "barrierefreiheit", "agb", "nutzungsbedingungen",
        "kontakt", "ueber-uns", "uber-uns", "mentions-legales", "a-propos", "qui-sommes-nous", "confidentialite",
        "politique-de-confidentialite", "aviso-legal", "contacto", "quienes-somos", "politica-de-privacidad", "privacidad",
        "chi-siamo", "contatti", "note-legali", "over-ons", "colofon", "privacybeleid", "o-nas", "kontakty", "polityka-prywatnosci",
        "advertise", "advertising", "careers", "jobs", "newsletter", "subscribe", "login", "register", "faq", "help", "sitemap",
    };

    /// <summary>Null when <paramref name="article"/> (extracted from <paramref name="document"/> fetched from <paramref name="url"/>)
    /// may be stored, else why not. With <paramref name="looksLikeListing"/> (the classifier took the page, a feed or
    /// sitemap item, for a listing) stronger evidence is asked: a date or an author. A page the classifier takes for an
    /// article and a feed or sitemap lists as an item (<paramref name="listed"/>) needs no more: the listing is the signal.</summary>
    public static string? WhyNotAnArticle(IDocument document, Uri url, Article article, bool looksLikeListing, bool listed = false)
    {
        if (string.IsNullOrWhiteSpace(article.Text))
            return "no article text";
        var dated = !string.IsNullOrEmpty(article.Published);
        var signed = article.Authors.Count > 0;
        if (IsFurniture(url) && !dated)
            return "site furniture (about, contact, privacy, terms...), not an article";
        if (looksLikeListing)
            return dated || signed ? null : "mostly links, and no date or author";
        if (listed || dated || signed || HasArticleMarkup(document))
            return null;
        return "no article signals (no date, author or article markup)";
    }

    /// <summary>Whether the last path segment names a furniture page (<c>/about</c>, <c>/de/impressum.html</c>).</summary>
    public static bool IsFurniture(Uri url)
    {
        var path = url.AbsolutePath.AsSpan().TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var segment = slash >= 0 ? path[(slash + 1)..] : path;
        var dot = segment.LastIndexOf('.');
        if (dot > 0)
            segment = segment[..dot];
        return segment.Length > 0 && FurnitureSlugs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(segment);
    }

    /// <summary>The publication date a page declares in its head or microdata, without extracting it (discovery only).</summary>
    public static DateTimeOffset? DeclaredDate(IDocument document)
    {
        var element = document.QuerySelector("meta[property='article:published_time'], meta[itemprop='datePublished'], time[itemprop='datePublished']");
        return Gleaner.Discovery.FeedDates.Parse(element?.Attr("content") ?? element?.Attr("datetime"));
    }

    private static bool HasArticleMarkup(IDocument document)
    {
        if (document.QuerySelector("article, [itemprop='articleBody'], [itemtype*='Article' i], [itemtype*='BlogPosting' i]") is not null)
            return true;
        var ogType = document.QuerySelector("meta[property='og:type']")?.Attr("content");
        if (string.Equals(ogType?.Trim(), "article", StringComparison.OrdinalIgnoreCase))
            return true;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var json = script.TextContent;
            if (json.Contains("Article", StringComparison.Ordinal) || json.Contains("BlogPosting", StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
