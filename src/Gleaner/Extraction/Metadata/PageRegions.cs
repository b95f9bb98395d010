using System.Buffers;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Where on a page a piece of evidence stands. Dates and names inside comments, related-article
/// lists, sidebars, navigation and footers (where copyright lines live) belong to other things.
/// </summary>
internal static class PageRegions
{
    /// <summary>Class or id fragments of regions that describe something other than the article.</summary>
    private static readonly SearchValues<string> ForeignMarkers = SearchValues.Create(
    [
        "comment", "related", "recommend", "sidebar", "footer", "copyright", "popular", "trending", "widget",
        "more-", "teaser", "promo", "newsletter", "disqus", "reply", "replies", "respond", "outbrain", "taboola",
        "most-read", "mostread", "read-more", "readmore", "also-", "next-", "prev-", "breadcrumb", "menu", "rail",
        "kommentar", "commentaire", "comentario", "commento", "коммент",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the element or an ancestor is a comment, related, sidebar, navigation or page footer region.</summary>
    public static bool IsForeign(IElement element)
    {
        // HTML5 articles put their byline and date in their own <footer> or <aside>; the page's are foreign.
        // Read in the one climb (a search for an article above each footer would make it quadratic in depth).
        var footerOutsideArticle = false;
        for (var node = element; node is not null; node = node.ParentElement)
        {
            switch (node.LocalName)
            {
                case "nav":
                    return true;
                case "footer" or "aside":
                    footerOutsideArticle = true;
                    break;
                case "article":
                    footerOutsideArticle = false;
                    break;
                case "body" or "html":
                    return footerOutsideArticle;
            }
            if (HasMarker(node.GetAttribute("class")) || HasMarker(node.GetAttribute("id")))
                return true;
        }
        return footerOutsideArticle;
    }

    private static bool HasMarker(string? value) =>
        !string.IsNullOrEmpty(value) && value.AsSpan().IndexOfAny(ForeignMarkers) >= 0;

    /// <summary>True when <paramref name="element"/> is <paramref name="ancestor"/> or inside it.</summary>
    public static bool IsInside(IElement element, IElement ancestor)
    {
        for (var node = element; node is not null; node = node.ParentElement)
            if (node == ancestor)
                return true;
        return false;
    }

    /// <summary>
    /// The headline element: the <c>&lt;h1&gt;</c> (or else <c>&lt;h2&gt;</c>) that states the chosen
    /// title, else the only <c>&lt;h1&gt;</c>, else the first one inside an <c>&lt;article&gt;</c> or
    /// <c>&lt;main&gt;</c>, else the first one outside foreign regions. Matching the title skips
    /// logos and hidden show names that some pages mark up as <c>&lt;h1&gt;</c>.
    /// </summary>
    public static IElement? Headline(PageIndex index, string? title)
    {
        var all = index.Headings1;
        if (title is not null)
        {
            var key = Key(title);
            foreach (var headings in (ReadOnlySpan<List<IElement>>)[all, index.Headings2])
            {
                foreach (var heading in headings)
                {
                    var text = heading.TextContent;
                    if (text.Length < MaxHeadingChars && Key(text) == key && !IsForeign(heading))
                        return heading;
                }
            }
        }
        if (all.Count == 0)
            return null;
        if (all.Count == 1)
            return all[0];
        foreach (var h1 in all)
            if (Ancestor(h1, "article", "main") is not null && !IsForeign(h1))
                return h1;
        foreach (var h1 in all)
            if (!IsForeign(h1))
                return h1;
        return null;
    }

    private const int MaxHeadingChars = 1000;

    private static string Key(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    /// <summary>
    /// The part of the page that holds the article's header: the <c>&lt;article&gt;</c> around the
    /// headline, else the headline's ancestor a few levels up, else the first <c>&lt;article&gt;</c>.
    /// </summary>
    public static IElement? ArticleScope(PageIndex index, IElement? headline)
    {
        if (headline is not null)
        {
            if (Ancestor(headline, "article") is { } article)
                return article;
            var scope = headline;
            for (var i = 0; i < 3 && scope.ParentElement is { LocalName: not ("body" or "html") } parent; i++)
                scope = parent;
            return scope;
        }
        return index.FirstArticle;
    }

    /// <summary>The element itself or its nearest ancestor with one of the tag names.</summary>
    public static IElement? Ancestor(IElement element, string name, string? otherName = null)
    {
        for (var node = element; node is not null; node = node.ParentElement)
            if (node.LocalName == name || node.LocalName == otherName)
                return node;
        return null;
    }
}
