namespace Gleaner.Discovery;

/// <summary>How a URL was found, which decides how it is treated: feeds and sitemaps are read for
/// links, pages are fetched, stored when they are articles and followed when they are listings.</summary>
public enum UrlKind
{
    /// <summary>A page (article or listing), known from a link.</summary>
    Page = 0,

    /// <summary>A page named by a feed or sitemap entry: most likely an article.</summary>
    Entry = 1,

    /// <summary>A feed or a sitemap (what it is exactly is told from its content once fetched).</summary>
    Source = 2,
}

/// <summary>A URL found in a feed, sitemap or page, with the date the source gives for it, if any.</summary>
public readonly record struct DiscoveredUrl(string Url, UrlKind Kind, DateTimeOffset? Date = null);
