using Gleaner.Discovery;
using Gleaner.Fetching;
using Gleaner.Rendering;

namespace Gleaner.Crawling;

/// <summary>Settings of a crawl. The defaults are polite and bounded.</summary>
public sealed record CrawlOptions
{
    /// <summary>Least time between the end of one request to a host and the start of the next; robots.txt Crawl-delay wins when larger.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A robots.txt Crawl-delay above this is capped (some sites ask for hours).</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests in flight at once, each to a different host.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Stop after this many fetches in this run (what is left stays queued for --resume); null: no limit.</summary>
    public int? MaxPages { get; init; }

    /// <summary>
    /// Links followed this many steps from a start point at most. Feeds and sitemaps take no step, and the items they
    /// list are always read: 0 reads the start pages, the feeds and sitemaps they lead to (robots.txt's and the usual
    /// places too) and the articles those list, following no link; 1 also the pages the starts link to; and so on.
    /// </summary>
    public int MaxDepth { get; init; } = 10;

    /// <summary>
    /// Discovery only: article URLs are reported (<see cref="ICrawlOutput.ListAsync"/>) instead of stored. Items of feeds
    /// and sitemaps are not fetched; other pages are fetched to follow their links and to tell articles from listings,
    /// never extracted.
    /// </summary>
    public bool ListOnly { get; init; }

    /// <summary>Pages fetched from one host in one run at most (a budget against traps).</summary>
    public int MaxPagesPerHost { get; init; } = 100_000;

    /// <summary>Tries of a URL before it is marked failed (transient failures only).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>A crawl without <see cref="Watch"/> waits this long at most for URLs whose turn comes later (a
    /// retry, a server's Retry-After): when every URL left is due later than that, it ends and leaves them queued
    /// for the next run. A host answering 429 with Retry-After: 3600 must not hold a finished crawl open for an hour.</summary>
    public TimeSpan MaxDeferredWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First wait before a failed URL is tried again, doubled per attempt (a Retry-After overrides it).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Skip articles published before this (feed and sitemap dates are used before fetching).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Store only articles in this language (ISO 639-1); articles of unknown language are kept.</summary>
    public string? Language { get; init; }

    /// <summary>Fetch what robots.txt forbids. Off by default; for sites you own or have permission for.</summary>
    public bool IgnoreRobots { get; init; }

    /// <summary>Also look for sitemaps at the usual places (<c>/sitemap.xml</c>...) of each start site.</summary>
    public bool ProbeSitemaps { get; init; } = true;

    /// <summary>Keep polling feeds, sitemaps and start pages at this interval after the queue drains; null: stop when done.</summary>
    public TimeSpan? Watch { get; init; }

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public TrapLimits Traps { get; init; } = new();

    /// <summary>Which pages are rendered, when the crawler is given a renderer (see <see cref="RenderTrigger"/>).</summary>
    public RenderMode Render { get; init; } = RenderMode.Auto;

    /// <summary>Let rendered pages request other sites (robots.txt and the delay still apply to them).</summary>
    public bool RenderCrossSite { get; init; }

    public FetchOptions Fetch { get; init; } = new();
}
