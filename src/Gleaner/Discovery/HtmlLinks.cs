using AngleSharp.Dom;
using Gleaner.Extraction;

namespace Gleaner.Discovery;

/// <summary>Finds the links of an HTML page: its feeds (<c>link rel=alternate</c>) and the pages it links to.</summary>
public static class HtmlLinks
{
    /// <summary>Links beyond this many per page are ignored (bounds work on link farms).</summary>
    public const int MaxLinks = 2000;

    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml"];

    /// <summary>Feeds the page announces, and the pages it links to (<c>a[href]</c>, minus <c>rel=nofollow</c>), as absolute URLs.</summary>
    public static List<DiscoveredUrl> Find(IDocument document, Uri pageUrl)
    {
        var baseUrl = BaseUrl(document, pageUrl);
        var found = new List<DiscoveredUrl>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.Attr("rel")!;
            var type = link.Attr("type")?.Trim().ToLowerInvariant();
            if (rel.Contains("alternate", StringComparison.OrdinalIgnoreCase) && type is not null && Array.IndexOf(FeedTypes, type) >= 0)
                Add(found, link.Attr("href"), baseUrl, UrlKind.Source);
        }
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            if (found.Count >= MaxLinks)
                break;
            var rel = anchor.Attr("rel");
            if (rel is not null && rel.Contains("nofollow", StringComparison.OrdinalIgnoreCase))
                continue;
            Add(found, anchor.Attr("href"), baseUrl, UrlKind.Page);
        }
        return found;
    }

    private static Uri BaseUrl(IDocument document, Uri pageUrl)
    {
        var href = document.QuerySelector("base[href]")?.Attr("href");
        return href is not null && Uri.TryCreate(pageUrl, href, out var baseUrl) ? baseUrl : pageUrl;
    }

    private static void Add(List<DiscoveredUrl> found, string? href, Uri baseUrl, UrlKind kind)
    {
        if (string.IsNullOrWhiteSpace(href))
            return;
        href = href.Trim();
        if (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            return;
        if (Uri.TryCreate(baseUrl, href, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            found.Add(new DiscoveredUrl(absolute.AbsoluteUri, kind));
    }
}
