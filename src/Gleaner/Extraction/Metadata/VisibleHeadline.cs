using System.Buffers;
using System.Text;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// The headline the reader sees above the article, as an element and its text without the kicker
/// ("Eskalation im Nahen Osten" over "«Die Zurückhaltung …»") and without text hidden for screen
/// readers. The SEO and social titles (JSON-LD, og:title, <c>&lt;title&gt;</c>) often word it
/// differently; <see cref="TitleFinder"/> weighs it as the strongest single source.
/// </summary>
internal static class VisibleHeadline
{
    /// <summary>Class fragments of a kicker (the small line over a headline) inside a heading.</summary>
    private static readonly SearchValues<string> KickerMarkers = SearchValues.Create(
    [
        "kicker", "overline", "topline", "dachzeile", "roofline", "eyebrow", "supertitle", "overtitle", "pretitle", "pre-title",
        "spitzmarke", "surtitre", "antetitulo", "occhiello", "overhead",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>Class fragments of text shown to screen readers only.</summary>
    private static readonly SearchValues<string> HiddenMarkers = SearchValues.Create(
        ["offscreen", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Class fragments of the region that holds an article's headline and standfirst.</summary>
    private static readonly SearchValues<string> HeaderMarkers = SearchValues.Create(["head", "title"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Class fragments that say a header region is the article's rather than the page's masthead.</summary>
    private static readonly SearchValues<string> ArticleMarkers = SearchValues.Create(["article", "post", "entry", "story", "content"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Headings further down than this are subheadings, not the headline.</summary>
    private const int MaxHeadings = 5;

    /// <summary>
    /// The first <c>&lt;h1&gt;</c> inside the page's <c>&lt;article&gt;</c> or <c>&lt;main&gt;</c>
    /// outside comments and sidebars. Where every <c>&lt;h1&gt;</c> sits in a breadcrumb or the
    /// navigation (an SEO copy of the title), or there is none, the first <c>&lt;h2&gt;</c> in the
    /// article's header region or opening the article is the headline readers see.
    /// </summary>
    public static IElement? Find(PageIndex index)
    {
        var h1s = index.Headings1;
        var anyOwnH1 = false;
        IElement? teaser = null;
        for (var i = 0; i < h1s.Count && i < MaxHeadings; i++)
        {
            var h1 = h1s[i];
            if (PageRegions.IsForeignHeading(h1) || PageRegions.IsSiteNameLink(h1))
                continue;
            anyOwnH1 = true;
            if (PageRegions.Ancestor(h1, "article", "main") is null)
                continue;
            // A heading that is all one link may be a teaser for another story above the article's own, unlinked headline.
            if (!IsOneLink(h1))
                return h1;
            teaser ??= h1;
        }
        if (teaser is not null || anyOwnH1)
            return teaser;
        var h2s = index.Headings2;
        for (var i = 0; i < h2s.Count && i < MaxHeadings; i++)
            if ((InArticleHeader(h2s[i]) || OpensArticle(h2s[i])) && !PageRegions.IsForeignHeading(h2s[i]))
                return h2s[i];
        return null;
    }

    /// <summary>Text before a heading in its article that may still be a kicker or a dateline, not the story.</summary>
    private const int MaxTextBeforeHeadline = 100;

    /// <summary>
    /// True when the heading opens an <c>&lt;article&gt;</c>: nothing but short lines (a kicker, a date) stands before it
    /// there, and something follows it (a heading that is all the article holds is its text). Blogs that keep the
    /// <c>&lt;h1&gt;</c> for the site's name set the post's title so.
    /// </summary>
    private static bool OpensArticle(IElement heading)
    {
        var followed = false;
        for (IElement node = heading; node.ParentElement is { } parent; node = parent)
        {
            for (var sibling = node.PreviousElementSibling; sibling is not null; sibling = sibling.PreviousElementSibling)
                if (sibling.LocalName is "p" or "h1" or "h2" || sibling.TextContent.Length > MaxTextBeforeHeadline)
                    return false;
            followed |= node.NextElementSibling is not null;
            if (parent.LocalName == "article")
                return followed;
            if (parent.LocalName is "main" or "body")
                return false;
        }
        return false;
    }

    /// <summary>True when all of the heading's text lies in one link.</summary>
    private static bool IsOneLink(IElement heading)
    {
        IElement? link = null;
        foreach (var node in heading.ChildNodes)
        {
            if (node is IElement { LocalName: "a" } element && link is null)
                link = element;
            else if (!string.IsNullOrWhiteSpace(node.TextContent))
                return false;
        }
        return link is not null && link.HasAttribute("href");
    }

    /// <summary>True when a header region of the article (not the page's masthead) holds the heading.</summary>
    private static bool InArticleHeader(IElement heading)
    {
        for (var node = heading.ParentElement; node is not null; node = node.ParentElement)
        {
            var name = node.LocalName;
            if (name is "body" or "html" or "article" or "main")
                return false;
            var classes = node.Attr("class");
            var isHeader = name is "header" or "hgroup" || Has(classes, HeaderMarkers);
            if (isHeader && (Has(classes, ArticleMarkers) || PageRegions.Ancestor(node, "article", "main") is not null))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The heading's text without hidden parts and without a kicker: an element classed as one, or a
    /// shorter leading part where the heading is split into parts and the last is classed as the
    /// headline's text (<c>&lt;span class="topline"&gt;…&lt;/span&gt;&lt;span class="headline-text"&gt;…&lt;/span&gt;</c>).
    /// </summary>
    public static string? Text(IElement heading)
    {
        var builder = new StringBuilder();
        AppendText(heading, builder);
        var whole = TextCleaning.OneLine(builder.ToString());
        if (whole is null)
            return null;
        if (LastTitlePart(heading) is { } last && TextCleaning.OneLine(TextOf(last)) is { } lastText && lastText.Length * 2 > whole.Length)
            return lastText.TrimEnd('¶', '#', ' ');
        return whole.TrimEnd('¶', '#', ' ');
    }

    private static string TextOf(IElement element)
    {
        var builder = new StringBuilder();
        AppendText(element, builder);
        return builder.ToString();
    }

    /// <summary>The last of two or more parts when it is classed as the headline and no loose text stands beside the parts.</summary>
    private static IElement? LastTitlePart(IElement heading)
    {
        IElement? last = null;
        var parts = 0;
        foreach (var node in heading.ChildNodes)
        {
            if (node is IElement element)
            {
                if (IsHidden(element) || string.IsNullOrWhiteSpace(element.TextContent))
                    continue;
                parts++;
                last = element;
            }
            else if (node.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(node.TextContent))
                return null;
        }
        if (parts < 2 || last is null)
            return null;
        var classes = last.Attr("class");
        // "subtitle", "subheadline": a standfirst after the headline, not the headline itself.
        return classes is not null && !classes.Contains("sub", StringComparison.OrdinalIgnoreCase) && (classes.Contains("headline", StringComparison.OrdinalIgnoreCase) || classes.Contains("title", StringComparison.OrdinalIgnoreCase)
            || classes.Contains("text", StringComparison.OrdinalIgnoreCase)) ? last : null;
    }

    private static void AppendText(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                if (element.LocalName is "script" or "style" or "template" or "noscript" || IsHidden(element) || Has(element.Attr("class"), KickerMarkers))
                {
                    builder.Append(' ');
                    continue;
                }
                if (element.LocalName is "br" or "div" or "p")
                    builder.Append(' ');
                AppendText(element, builder);
            }
            else if (child.NodeType == NodeType.Text)
                builder.Append(child.TextContent);
        }
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden") || string.Equals(element.Attr("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || Has(element.Attr("class"), HiddenMarkers);

    private static bool Has(string? value, SearchValues<string> markers) => !string.IsNullOrEmpty(value) && value.AsSpan().IndexOfAny(markers) >= 0;
}
