using System.Diagnostics;

namespace Gleaner.Crawling;

/// <summary>Live counters of a crawl, updated from many threads (read them any time).</summary>
public sealed class CrawlStatistics
{
    private long _fetched, _listed, _stored, _updated, _unchanged, _truncated, _listings, _errors, _skipped, _requests;
    private long _fetchTicks, _extractTicks, _storeTicks, _frontierTicks;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>URLs fetched (pages, feeds, sitemaps), whatever the answer.</summary>
    public long Fetched => Interlocked.Read(ref _fetched);

    /// <summary>Article URLs reported by a discovery-only crawl (<see cref="CrawlOptions.ListOnly"/>).</summary>
    public long Listed => Interlocked.Read(ref _listed);

    /// <summary>Articles saved that this crawl had not stored before.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Articles saved again because they changed since this crawl stored them.</summary>
    public long Updated => Interlocked.Read(ref _updated);

    /// <summary>Articles fetched again and found as stored before (not saved again).</summary>
    public long Unchanged => Interlocked.Read(ref _unchanged);

    /// <summary>Sitemaps that listed more URLs than the protocol's cap per file (the rest not read).</summary>
    public long Truncated => Interlocked.Read(ref _truncated);

    /// <summary>Listing pages read for links (not stored).</summary>
    public long Listings => Interlocked.Read(ref _listings);

    /// <summary>URLs that failed (this attempt), including ones that will be retried.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>URLs not fetched or not stored on purpose (robots.txt, not HTML, --since, --lang...).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>HTTP requests sent, robots.txt, retries and redirects included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Set when the crawl ended with URLs left whose turn comes later than it waits
    /// (<see cref="CrawlOptions.MaxDeferredWait"/>): the earliest time one of them is due.</summary>
    public DateTimeOffset? DeferredUntil { get; internal set; }

    /// <summary>Queued URLs, as last counted.</summary>
    public long Queued { get; internal set; }

    /// <summary>Hosts waiting for their turn (delay or a request in flight), as last counted.</summary>
    public long WaitingHosts { get; internal set; }

    public double PagesPerSecond => Fetched / Math.Max(Clock.Elapsed.TotalSeconds, 0.001);

    /// <summary>Time spent (summed over workers) fetching, parsing and extracting, saving, and in the frontier.</summary>
    public (TimeSpan Fetch, TimeSpan Extract, TimeSpan Store, TimeSpan Frontier) Time =>
        (Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _fetchTicks)), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _extractTicks)),
         Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _storeTicks)), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _frontierTicks)));

    internal void CountFetched() => Interlocked.Increment(ref _fetched);
    internal void CountListed() => Interlocked.Increment(ref _listed);
    internal void CountStored() => Interlocked.Increment(ref _stored);
    internal void CountUpdated() => Interlocked.Increment(ref _updated);
    internal void CountUnchanged() => Interlocked.Increment(ref _unchanged);
    internal void CountTruncated() => Interlocked.Increment(ref _truncated);
    internal void CountListing() => Interlocked.Increment(ref _listings);
    internal void CountError() => Interlocked.Increment(ref _errors);
    internal void CountSkipped() => Interlocked.Increment(ref _skipped);
    internal void CountRequests(int requests) => Interlocked.Add(ref _requests, requests);
    internal void AddFetchTime(long ticks) => Interlocked.Add(ref _fetchTicks, ticks);
    internal void AddExtractTime(long ticks) => Interlocked.Add(ref _extractTicks, ticks);
    internal void AddStoreTime(long ticks) => Interlocked.Add(ref _storeTicks, ticks);
    internal void AddFrontierTime(long ticks) => Interlocked.Add(ref _frontierTicks, ticks);
}

/// <summary>The end of a crawl run: its counters, the frontier's counts after it, whether it was stopped (cancelled)
/// rather than finished, and the start points that could not be read (invalid or failed).</summary>
public sealed record CrawlResult(CrawlStatistics Statistics, FrontierCounts Frontier, bool Stopped, IReadOnlyList<string> FailedStarts);
