using Gleaner.Discovery;

namespace Gleaner.Crawling;

/// <summary>The state of a URL in the frontier.</summary>
public enum UrlState
{
    Queued = 0,
    /// <summary>Claimed by a worker, which holds the host's turn until <c>claim_until</c>.</summary>
    Fetching = 1,
    Done = 2,
    Failed = 3,
    /// <summary>Not fetched on purpose (robots.txt, scope, traps, --since, not HTML...).</summary>
    Skipped = 4,
}

/// <summary>A URL to add to the frontier.</summary>
public readonly record struct FrontierEntry(string Url, string Host, UrlKind Kind, int Depth, int Priority, string? DiscoveredFrom, DateTimeOffset? Lastmod, int Hops = 0);

/// <summary>A URL a worker claimed: it holds the turn of <see cref="Host"/> until it reports back.</summary>
public sealed record ClaimedUrl(long Id, string Url, string Host, UrlKind Kind, int Depth, int Attempts, int Hops, DateTimeOffset? Lastmod,
    string? ETag, string? LastModified, string? DiscoveredFrom);

/// <summary>A stored record as the crawl remembers it: its key, its host (see <see cref="Crawler.HostKey"/>), a hash of its
/// text and a hash of the whole record but the fetch time.</summary>
public readonly record struct RecordFingerprint(string Url, string Host, string TextHash, string RecordHash);

/// <summary>How a record about to be stored relates to what the crawl stored before.</summary>
public enum RecordCheck
{
    New,
    Changed,
    Unchanged,
    /// <summary>Another record of the same host has exactly this text (an address variant without a canonical).</summary>
    Duplicate,
}

/// <summary>Counts of URLs by state.</summary>
public sealed record FrontierCounts(long Queued, long Fetching, long Done, long Failed, long Skipped)
{
    public long Unfinished => Queued + Fetching;
}

/// <summary>
/// What a crawl needs of its frontier: every URL ever seen once, claims that give one worker a host's turn at a time
/// with the host's delay between requests, and what was stored from each URL. <see cref="Storage.SqlFrontier"/> keeps it
/// in the store's SQLite or PostgreSQL database, so a crawl survives <c>kill -9</c> and processes can share it.
/// </summary>
public interface IFrontier : IAsyncDisposable
{
    /// <summary>Names this process in claims.</summary>
    string WorkerId { get; }

    /// <summary>True when no other process can use the frontier at the same time, so claims left when a crawl starts are a dead run's.</summary>
    bool SingleProcess { get; }

    /// <summary>Adds URLs not seen before (known ones are left as they are). Returns how many were new.</summary>
    Task<int> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Puts URLs back in the queue whatever their state (start points of a new crawl, feeds and sitemaps in watch mode).</summary>
    Task RequeueAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken = default);

    /// <summary>Requeues the finished feeds, sitemaps, start pages and listing pages of <paramref name="hosts"/> (all when null), validators kept. Returns how many.</summary>
    Task<int> RequeuePolledAsync(IReadOnlyCollection<string>? hosts = null, CancellationToken cancellationToken = default);

    /// <summary>Every host the frontier knows (host keys, see <see cref="Fetching.HostKey"/>).</summary>
    Task<List<string>> HostsAsync(CancellationToken cancellationToken = default);

    /// <summary>How a record about to be stored relates to what the crawl stored before (with the address of an exact copy's record).</summary>
    Task<(RecordCheck Check, string? SameAs)> CheckRecordAsync(RecordFingerprint record, CancellationToken cancellationToken = default);

    /// <summary>Returns claims whose worker is gone to the queue and frees their hosts; with <paramref name="all"/> regardless of lease time.</summary>
    Task<int> ReleaseStaleClaimsAsync(bool all, CancellationToken cancellationToken = default);

    /// <summary>Claims the next URL of a host whose turn it is, leasing the host for <paramref name="lease"/>; null when no host is ready now.</summary>
    Task<ClaimedUrl?> ClaimAsync(TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Ends a claim: the URL's new state, the host's turn given back (next allowed after <paramref name="hostDelay"/>), the listing mark and the stored record's fingerprint.
    /// A URL queued again or failed counts an attempt unless <paramref name="countAttempt"/> is false (no request was made for it).</summary>
    Task CompleteAsync(ClaimedUrl claim, UrlState state, string? reason, TimeSpan hostDelay, string? etag = null, string? lastModified = null,
        DateTimeOffset? retryAt = null, bool listing = false, RecordFingerprint? stored = null, bool countAttempt = true, CancellationToken cancellationToken = default);

    /// <summary>URLs by state.</summary>
    Task<FrontierCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The earliest time a queued URL may be claimed, or null when none is queued.</summary>
    Task<DateTimeOffset?> NextReadyAtAsync(CancellationToken cancellationToken = default);

    /// <summary>Hosts waiting for their turn now (delay not passed, or a request in flight).</summary>
    Task<long> BusyHostsAsync(CancellationToken cancellationToken = default);

    /// <summary>Failed and skipped URLs grouped by reason, most frequent first, with one example URL each.</summary>
    Task<List<(UrlState State, string Reason, long Count, string Example)>> ReportAsync(CancellationToken cancellationToken = default);

    /// <summary>The state of one URL, or null when the frontier has never seen it.</summary>
    Task<UrlState?> StateOfAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>The start points of earlier runs (depth 0), to put their sites back in scope when resuming.</summary>
    Task<List<string>> StartUrlsAsync(CancellationToken cancellationToken = default);
}
