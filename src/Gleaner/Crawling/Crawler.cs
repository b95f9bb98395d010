using System.Collections.Concurrent;
using System.Diagnostics;
using Gleaner.Discovery;
using Gleaner.Extraction;
using Gleaner.Fetching;
using Gleaner.Rendering;

namespace Gleaner.Crawling;

/// <summary>A line for the crawl's log: what happened to one URL.</summary>
public readonly record struct CrawlEvent(string Url, string What, bool IsError);

/// <summary>
/// The crawl loop: workers claim URLs from the <see cref="Frontier"/> (one host per worker at a time,
/// the host's delay kept between requests), check robots.txt, fetch, tell feeds, sitemaps and pages
/// apart by content, queue what they list, store article pages and follow listing pages for links.
/// An article is saved (idempotently, by URL) before its URL is marked done, so a crash in between
/// costs a refetch, never a lost or doubled article.
/// </summary>
public sealed class Crawler : IDisposable
{
    /// <summary>Where sites commonly keep sitemaps that robots.txt does not name.</summary>
    private static readonly string[] WellKnownSitemaps = ["/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-news.xml"];

    private const string ProbeMarker = "(probe)";

    private readonly Frontier _frontier;
    private readonly ICrawlOutput _output;
    private readonly CrawlOptions _options;
    private readonly Fetcher _fetcher;
    private readonly Fetcher _sourceFetcher;
    private readonly RobotsCache _robots;
    private readonly ArticleExtractor _extractor;
    private readonly CrawlScope _scope;
    private readonly TrapGuard _traps;
    private readonly PageRendering? _rendering;
    private readonly ConcurrentDictionary<string, int> _pagesPerHost = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _robotsSitemapsQueued = new(StringComparer.Ordinal);
    private long _claimsLeft;
    private int _busy; // workers claiming or processing a URL
    private long _lastRelease = Stopwatch.GetTimestamp();

    // Completed when a worker gives a host's turn back or queues URLs, so idle workers look again at once
    // instead of polling the database; replaced after each signal.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A crawler; with a <c>renderer</c>, pages are run in a browser as <see cref="CrawlOptions.Render"/> says, every request
    /// the browser makes checked against this crawl's robots.txt cache, sites and delay.</summary>
    public Crawler(Frontier frontier, ICrawlOutput output, CrawlOptions? options = null, ArticleExtractor? extractor = null, IPageRenderer? renderer = null)
    {
        _frontier = frontier;
        _output = output;
        _options = options ?? new CrawlOptions();
        // Every retry goes through the frontier (spaced by RetryDelay or the server's Retry-After), none in place:
        // MaxAttempts then counts requests, and a failing URL never holds its host's turn for several timeouts.
        var fetch = _options.Fetch with { MaxRetries = 0 };
        _fetcher = new Fetcher(fetch);
        // The sitemap protocol allows 50 MB uncompressed: feeds and sitemaps get a larger body limit than pages.
        _sourceFetcher = new Fetcher(fetch with { MaxBodyBytes = Math.Max(fetch.MaxBodyBytes, DocumentSniffer.MaxDocumentBytes) });
        _robots = new RobotsCache(_fetcher);
        _extractor = extractor ?? new ArticleExtractor();
        _scope = new CrawlScope(_options.Include, _options.Exclude);
        _traps = new TrapGuard(_options.Traps);
        _claimsLeft = _options.MaxPages ?? long.MaxValue;
        if (renderer is not null && _options.Render != RenderMode.Never)
            _rendering = new PageRendering(renderer, _options.Render, new RenderPolicy(new RenderPolicyOptions
            {
                AllowCrossSite = _options.RenderCrossSite, Delay = _options.Delay, MaxCrawlDelay = _options.MaxCrawlDelay, UserAgent = _options.Fetch.UserAgent,
            }, _options.IgnoreRobots ? null : _robots));
    }

    public CrawlStatistics Statistics { get; } = new();

    /// <summary>Called for each URL handled (from worker threads).</summary>
    public Action<CrawlEvent>? OnEvent { get; set; }

    /// <summary>Adds start points (homepages, sections, feeds, sitemaps), putting known ones back in the queue. Invalid URLs are returned.</summary>
    public async Task<List<string>> AddStartsAsync(IEnumerable<string> starts, CancellationToken cancellationToken = default)
    {
        var invalid = new List<string>();
        var entries = new List<FrontierEntry>();
        foreach (var start in starts)
        {
            var canonical = UrlCanonicalizer.Canonicalize(start);
            if (canonical is null)
            {
                invalid.Add(start);
                continue;
            }
            var uri = new Uri(canonical);
            _scope.AddSite(uri);
            entries.Add(new FrontierEntry(canonical, HostKey(uri), UrlKind.Source, 0, 0, null, null));
        }
        await _frontier.AddAsync(entries, cancellationToken).ConfigureAwait(false);
        await _frontier.RequeueAsync(entries.Select(e => e.Url).ToList(), cancellationToken).ConfigureAwait(false);
        return invalid;
    }

    /// <summary>Counts queued URLs and waiting hosts into <see cref="Statistics"/> (for progress displays).</summary>
    public async Task RefreshStatisticsAsync(CancellationToken cancellationToken = default)
    {
        Statistics.Queued = (await _frontier.CountAsync(cancellationToken).ConfigureAwait(false)).Queued;
        Statistics.WaitingHosts = await _frontier.BusyHostsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts the sites of earlier start points in scope (a resumed crawl knows them only from the frontier).</summary>
    public void AddScopeSite(Uri url) => _scope.AddSite(url);

    /// <summary>Crawls until the frontier has nothing left (or, watching, until cancelled), or <see cref="CrawlOptions.MaxPages"/> is reached.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var workers = new Task[Math.Max(1, _options.Concurrency)];
            for (var i = 0; i < workers.Length; i++)
                workers[i] = Task.Run(() => WorkAsync(cancellationToken), cancellationToken);
            await Task.WhenAll(workers).ConfigureAwait(false);

            if (_options.Watch is not { } interval || Interlocked.Read(ref _claimsLeft) <= 0 || cancellationToken.IsCancellationRequested)
                return;
            Report("", $"queue empty; polling feeds, sitemaps and start pages again in {interval}", isError: false);
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            await _frontier.RequeueSourcesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        // A lease long enough for the robots.txt fetch and every redirect hop (retries go through the frontier);
        // a worker that dies loses its host's turn for this long (PostgreSQL).
        var lease = _options.Fetch.Timeout * (_options.Fetch.MaxRedirects + 2) + _options.MaxCrawlDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Decrement(ref _claimsLeft) < 0)
            {
                Interlocked.Increment(ref _claimsLeft);
                return;
            }
            var started = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _busy);
            var claim = await _frontier.ClaimAsync(lease, cancellationToken).ConfigureAwait(false);
            Statistics.AddFrontierTime(Stopwatch.GetTimestamp() - started);
            if (claim is null)
            {
                Interlocked.Decrement(ref _busy);
                Interlocked.Increment(ref _claimsLeft);
                await ReleaseExpiredClaimsAsync(cancellationToken).ConfigureAwait(false);
                var counts = await _frontier.CountAsync(cancellationToken).ConfigureAwait(false);
                if (counts.Unfinished == 0)
                    return;
                var changed = Volatile.Read(ref _changed).Task;
                var next = await _frontier.NextReadyAtAsync(cancellationToken).ConfigureAwait(false);
                var wait = next is { } at ? at - DateTimeOffset.UtcNow : TimeSpan.FromMilliseconds(250);
                // Only URLs due much later are left and no worker can add more: a one-off crawl ends; they stay queued.
                if (_options.Watch is null && next is { } due && wait > _options.MaxDeferredWait && Volatile.Read(ref _busy) == 0)
                {
                    Statistics.DeferredUntil = due;
                    return;
                }
                // Another process may free a host (PostgreSQL), so the wait is bounded even without a signal.
                await Task.WhenAny(changed, Task.Delay(Clamp(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(250)), cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }
            try
            {
                await ProcessAsync(claim, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
            }
        }
    }

    private async Task ProcessAsync(ClaimedUrl claim, CancellationToken cancellationToken)
    {
        var url = new Uri(claim.Url);
        var delay = _options.Delay;
        try
        {
            if (!_options.IgnoreRobots)
            {
                var fetchedRobots = _robots.NeedsFetch(url);
                var robots = await _robots.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (robots.Response is { Outcome: not (FetchOutcome.Timeout or FetchOutcome.ConnectionFailed) } robotsResponse)
                    await _output.RecordResponseAsync(robotsResponse, cancellationToken).ConfigureAwait(false); // archived like any fetch
                if (!robots.Reachable)
                {
                    await RetryOrFailAsync(claim, $"robots.txt unreachable: {robots.Reason}", null, delay, cancellationToken).ConfigureAwait(false);
                    return;
                }
                var policy = robots.Robots.For(_options.Fetch.UserAgent);
                if (policy.CrawlDelay is { } crawlDelay && crawlDelay > delay)
                    delay = crawlDelay < _options.MaxCrawlDelay ? crawlDelay : _options.MaxCrawlDelay;
                if (fetchedRobots)
                {
                    Statistics.CountRequests(1);
                    await QueueRobotsSitemapsAsync(claim, robots.Robots, cancellationToken).ConfigureAwait(false);
                }
                if (!policy.IsAllowed(url))
                {
                    await SkipAsync(claim, "disallowed by robots.txt", delay, cancellationToken).ConfigureAwait(false);
                    return;
                }
                if (fetchedRobots && delay > TimeSpan.Zero)
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false); // the robots.txt request used this host's turn
            }

            var started = Stopwatch.GetTimestamp();
            var fetcher = claim.Kind == UrlKind.Source ? _sourceFetcher : _fetcher;
            var result = await fetcher.FetchAsync(url, etag: claim.ETag, lastModified: claim.LastModified, followRedirects: false,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            Statistics.AddFetchTime(Stopwatch.GetTimestamp() - started);
            Statistics.CountFetched();
            Statistics.CountRequests(result.Requests);
            _pagesPerHost.AddOrUpdate(claim.Host, 1, (_, n) => n + 1);
            if (result.Outcome is not (FetchOutcome.Timeout or FetchOutcome.ConnectionFailed))
                await _output.RecordResponseAsync(result, cancellationToken).ConfigureAwait(false);

            switch (result.Outcome)
            {
                case FetchOutcome.Ok:
                    await HandleBodyAsync(claim, result, delay, cancellationToken).ConfigureAwait(false);
                    break;
                case FetchOutcome.NotModified:
                    await CompleteAsync(claim, UrlState.Done, "not modified", delay, cancellationToken).ConfigureAwait(false);
                    break;
                case FetchOutcome.Redirect:
                    await HandleRedirectAsync(claim, result.RedirectTarget!, delay, cancellationToken).ConfigureAwait(false);
                    break;
                case FetchOutcome.NotHtml:
                    await SkipAsync(claim, result.Reason!, delay, cancellationToken).ConfigureAwait(false);
                    break;
                case FetchOutcome.HttpError when result.StatusCode == 404 && claim.DiscoveredFrom == ProbeMarker:
                    await SkipAsync(claim, "no sitemap at this usual place", delay, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    if (result.IsTransient)
                        await RetryOrFailAsync(claim, result.Reason!, result.RetryAfter, delay, cancellationToken).ConfigureAwait(false);
                    else
                        await FailAsync(claim, result.Reason!, delay, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the claim stays; --resume (or the lease's end) returns it to the queue
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException or ArgumentException or UriFormatException)
        {
            await FailAsync(claim, "unreadable: " + e.Message, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleBodyAsync(ClaimedUrl claim, FetchResult result, TimeSpan delay, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var body = DocumentSniffer.Decompress(result.Body);
        var kind = DocumentSniffer.Sniff(body);
        var baseUrl = result.FinalUrl;
        switch (kind)
        {
            case DocumentKind.RssFeed or DocumentKind.AtomFeed or DocumentKind.JsonFeed:
            {
                var entries = FeedParser.Parse(body, kind, baseUrl);
                Statistics.AddExtractTime(Stopwatch.GetTimestamp() - started);
                var added = await QueueAsync(claim, entries, cancellationToken).ConfigureAwait(false);
                await CompleteAsync(claim, UrlState.Done, $"feed: {entries.Count} entries, {added} new", delay, cancellationToken, result).ConfigureAwait(false);
                return;
            }
            case DocumentKind.Sitemap or DocumentKind.SitemapIndex:
            {
                var entries = SitemapParser.Parse(body, baseUrl);
                Statistics.AddExtractTime(Stopwatch.GetTimestamp() - started);
                var added = await QueueAsync(claim, entries, cancellationToken).ConfigureAwait(false);
                await CompleteAsync(claim, UrlState.Done, $"sitemap: {entries.Count} entries, {added} new", delay, cancellationToken, result).ConfigureAwait(false);
                return;
            }
            case DocumentKind.Html:
                await HandlePageAsync(claim, result, HtmlDecoder.Decode(body, result.ContentType), started, delay, cancellationToken).ConfigureAwait(false);
                return;
            default:
                Statistics.AddExtractTime(Stopwatch.GetTimestamp() - started);
                await SkipAsync(claim, "neither a page, a feed nor a sitemap", delay, cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private async Task HandlePageAsync(ClaimedUrl claim, FetchResult result, string html, long started, TimeSpan delay, CancellationToken cancellationToken,
        bool rendered = false)
    {
        var pageUrl = result.FinalUrl;
        PageKind pageKind;
        string? renderBecause = null;
        List<DiscoveredUrl> links;
        Article? article = null;
        string? notStored = null;
        // One parse serves the classifier, the link finder and the extractor.
        using (var document = _extractor.Parse(html))
        {
            pageKind = ArticleClassifier.Classify(document, pageUrl);
            links = HtmlLinks.Find(document, pageUrl);
            if (pageKind == PageKind.Article)
            {
                try
                {
                    article = _extractor.Extract(document, pageUrl.AbsoluteUri);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    // One odd page must not stop the crawl: it is reported, and its links are still followed.
                    notStored = $"extraction failed: {e.GetType().Name}: {e.Message}";
                }
                if (article is not null)
                    notStored = Filter(article);
            }
            if (!rendered)
                renderBecause = _rendering?.ReasonToRender(document, article);
        }
        // A page built by script is handled again from the DOM the browser built; if rendering fails, from its HTML.
        if (renderBecause is not null && await RenderAsync(claim, pageUrl, html, renderBecause, cancellationToken).ConfigureAwait(false) is { } renderedHtml)
        {
            await HandlePageAsync(claim, result, renderedHtml, started, delay, cancellationToken, rendered: true).ConfigureAwait(false);
            return;
        }
        if (claim.Depth == 0 && _options.ProbeSitemaps)
            foreach (var path in WellKnownSitemaps)
                links.Add(new DiscoveredUrl(new Uri(pageUrl, path).AbsoluteUri, UrlKind.Source));

        if (pageKind != PageKind.Article)
            _traps.CountListing(pageUrl);
        Statistics.AddExtractTime(Stopwatch.GetTimestamp() - started);

        var added = await QueueAsync(claim, links, cancellationToken, probe: claim.Depth == 0 && _options.ProbeSitemaps).ConfigureAwait(false);
        if (article is null && notStored is not null)
        {
            await FailAsync(claim, notStored, delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (article is null)
        {
            Statistics.CountListing();
            await CompleteAsync(claim, UrlState.Done, $"listing: {added} new links", delay, cancellationToken, result).ConfigureAwait(false);
            return;
        }
        if (notStored is not null)
        {
            await SkipAsync(claim, notStored, delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        article.Url ??= pageUrl.AbsoluteUri;
        article.SourceDomain ??= RegistrableDomain.Of(new Uri(article.Url).Host);
        article.Fetched ??= result.FetchedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var storeStarted = Stopwatch.GetTimestamp();
        await _output.SaveAsync(article, cancellationToken).ConfigureAwait(false);
        Statistics.AddStoreTime(Stopwatch.GetTimestamp() - storeStarted);
        Statistics.CountStored();
        await CompleteAsync(claim, UrlState.Done, "stored", delay, cancellationToken, result).ConfigureAwait(false);
    }

    /// <summary>The page's DOM after its scripts ran, or null (reported) when the browser could not render it.</summary>
    private async Task<string?> RenderAsync(ClaimedUrl claim, Uri pageUrl, string html, string reason, CancellationToken cancellationToken)
    {
        try
        {
            var page = await _rendering!.RenderAsync(pageUrl, html, cancellationToken).ConfigureAwait(false);
            Statistics.CountRequests(page.Requests);
            Report(claim.Url, $"rendered ({reason}): {page.Requests} requests, {page.Blocked} blocked{(page.TimedOut ? ", stopped at the time limit" : "")}", isError: false);
            return page.Html;
        }
        catch (RenderException e)
        {
            Report(claim.Url, $"not rendered ({reason}): {e.Message}", isError: true);
            return null;
        }
    }

    /// <summary>Null when the article passes --since and --lang, else why it is not stored.</summary>
    private string? Filter(Article article)
    {
        if (_options.Since is { } since && FeedDates.Parse(article.Published) is { } published && published < since)
            return "published before --since";
        if (_options.Language is { } language && article.Language is { } actual && !string.Equals(language, actual, StringComparison.OrdinalIgnoreCase))
            return $"language {actual}, not {language}";
        return null;
    }

    private async Task HandleRedirectAsync(ClaimedUrl claim, Uri target, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (claim.Hops + 1 > _options.Fetch.MaxRedirects)
        {
            await FailAsync(claim, $"more than {_options.Fetch.MaxRedirects} redirects", delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        var canonical = UrlCanonicalizer.Canonicalize(target);
        if (canonical is null || canonical == claim.Url)
        {
            await FailAsync(claim, "redirect loop", delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        var targetUri = new Uri(canonical);
        if ((_scope.Check(targetUri) ?? _traps.Check(targetUri)) is { } refusal)
        {
            await SkipAsync(claim, $"redirect to {canonical}: {refusal}", delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        // The target goes through the frontier: its host's turn and robots.txt apply, and a known URL (a loop) is not queued again.
        var added = await _frontier.AddAsync([new FrontierEntry(canonical, HostKey(targetUri), claim.Kind, claim.Depth, Priority(claim.Kind, claim.Depth),
            claim.Url, claim.Lastmod, claim.Hops + 1)], cancellationToken).ConfigureAwait(false);
        await CompleteAsync(claim, UrlState.Done, added > 0 ? $"redirect to {canonical}" : $"redirect to a known URL {canonical}", delay, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues discovered URLs that pass scope, traps, depth, --since and the per-host budget. Returns how many were new.</summary>
    private async Task<int> QueueAsync(ClaimedUrl from, List<DiscoveredUrl> found, CancellationToken cancellationToken, bool probe = false)
    {
        var entries = new List<FrontierEntry>(found.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in found)
        {
            var depth = from.Depth + 1;
            if (depth > _options.MaxDepth && item.Kind != UrlKind.Entry)
                continue;
            if (item.Kind == UrlKind.Entry && _options.Since is { } since && item.Date is { } date && date < since)
            {
                Statistics.CountSkipped();
                continue;
            }
            var canonical = UrlCanonicalizer.Canonicalize(item.Url);
            if (canonical is null || !seen.Add(canonical))
                continue;
            var uri = new Uri(canonical);
            if (_scope.Check(uri) is not null || _traps.Check(uri) is not null)
                continue;
            var host = HostKey(uri);
            if (_pagesPerHost.TryGetValue(host, out var pages) && pages >= _options.MaxPagesPerHost)
                continue;
            var isProbe = probe && item.Kind == UrlKind.Source && Array.IndexOf(WellKnownSitemaps, uri.AbsolutePath) >= 0;
            entries.Add(new FrontierEntry(canonical, host, item.Kind, depth, Priority(item.Kind, depth), isProbe ? ProbeMarker : from.Url, item.Date));
        }
        // Sorted by host so the frontier upserts each host once per run of its URLs.
        entries.Sort((a, b) => string.CompareOrdinal(a.Host, b.Host));
        var started = Stopwatch.GetTimestamp();
        var added = await _frontier.AddAsync(entries, cancellationToken).ConfigureAwait(false);
        Statistics.AddFrontierTime(Stopwatch.GetTimestamp() - started);
        if (added > 0)
            SignalChange();
        return added;
    }

    private async Task QueueRobotsSitemapsAsync(ClaimedUrl claim, RobotsTxt robots, CancellationToken cancellationToken)
    {
        if (robots.Sitemaps.Count == 0 || !_robotsSitemapsQueued.TryAdd(claim.Host, true))
            return;
        var found = new List<DiscoveredUrl>(robots.Sitemaps.Count);
        foreach (var sitemap in robots.Sitemaps)
            found.Add(new DiscoveredUrl(sitemap, UrlKind.Source));
        await QueueAsync(claim with { Depth = 0 }, found, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Feeds and sitemaps first (they list many articles), then their entries, then links breadth first.</summary>
    private static int Priority(UrlKind kind, int depth) => kind switch
    {
        UrlKind.Source => 0,
        UrlKind.Entry => 1,
        _ => 2 + depth,
    };

    private async Task RetryOrFailAsync(ClaimedUrl claim, string reason, TimeSpan? retryAfter, TimeSpan delay, CancellationToken cancellationToken)
    {
        Statistics.CountError();
        if (claim.Attempts + 1 >= _options.MaxAttempts)
        {
            await CompleteAsync(claim, UrlState.Failed, reason, delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        var wait = retryAfter ?? TimeSpan.FromTicks(_options.RetryDelay.Ticks << Math.Min(claim.Attempts, 10));
        Report(claim.Url, $"{reason}; retrying in {wait}", isError: true);
        await _frontier.CompleteAsync(claim, UrlState.Queued, reason, delay, retryAt: DateTimeOffset.UtcNow + wait, cancellationToken: cancellationToken).ConfigureAwait(false);
        SignalChange();
    }

    private Task FailAsync(ClaimedUrl claim, string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        Statistics.CountError();
        return CompleteAsync(claim, UrlState.Failed, reason, delay, cancellationToken);
    }

    private Task SkipAsync(ClaimedUrl claim, string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        Statistics.CountSkipped();
        return CompleteAsync(claim, UrlState.Skipped, reason, delay, cancellationToken);
    }

    private async Task CompleteAsync(ClaimedUrl claim, UrlState state, string reason, TimeSpan delay, CancellationToken cancellationToken, FetchResult? result = null)
    {
        Report(claim.Url, reason, isError: state == UrlState.Failed);
        var started = Stopwatch.GetTimestamp();
        await _frontier.CompleteAsync(claim, state, reason, delay, result?.ETag, result?.LastModified, cancellationToken: cancellationToken).ConfigureAwait(false);
        Statistics.AddFrontierTime(Stopwatch.GetTimestamp() - started);
        SignalChange();
    }

    /// <summary>Now and then, while idle, returns the claims of workers that died (their lease ran out) to the queue.</summary>
    private async Task ReleaseExpiredClaimsAsync(CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastRelease);
        if (Stopwatch.GetElapsedTime(last, now) < TimeSpan.FromMinutes(1) || Interlocked.CompareExchange(ref _lastRelease, now, last) != last)
            return;
        if (await _frontier.ReleaseStaleClaimsAsync(all: false, cancellationToken).ConfigureAwait(false) > 0)
            SignalChange();
    }

    private void SignalChange() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private void Report(string url, string what, bool isError) => OnEvent?.Invoke(new CrawlEvent(url, what, isError));

    /// <summary>Politeness is per scheme, host and port.</summary>
    public static string HostKey(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    public void Dispose()
    {
        _fetcher.Dispose();
        _sourceFetcher.Dispose();
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
