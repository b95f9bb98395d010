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
/// The crawl loop: workers claim URLs from the <see cref="IFrontier"/> (one host per worker at a time,
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

    private readonly IFrontier _frontier;
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
    private readonly ConcurrentDictionary<string, bool> _listed = new(StringComparer.Ordinal);
    private readonly HostHealth _health = new();
    private long _claimsLeft;
    private int _busy; // workers claiming or processing a URL
    private int _startsAdded;
    private bool _resumed;
    private long _lastRelease = Stopwatch.GetTimestamp();

    // Completed when a worker gives a host's turn back or queues URLs, so idle workers look again at once
    // instead of polling the database; replaced after each signal.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A crawler; with a <c>renderer</c>, pages are run in a browser as <see cref="CrawlOptions.Render"/> says, every request
    /// the browser makes checked against this crawl's robots.txt cache, sites and delay.</summary>
    public Crawler(IFrontier frontier, ICrawlOutput output, CrawlOptions? options = null, ArticleExtractor? extractor = null, IPageRenderer? renderer = null)
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
        // A failed robots.txt is asked again after the first retry's wait, so a page that met it is retried against a new answer.
        _robots = new RobotsCache(_fetcher) { UnreachableLifetime = _options.RetryDelay };
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
        _startsAdded += entries.Count;

        // A site crawled before: what it lists now is found by polling its known feeds, sitemaps and listings again.
        var sites = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
            sites.Add(RegistrableDomain.Of(new Uri(entry.Url).Host));
        var hosts = new List<string>();
        foreach (var host in await _frontier.HostsAsync(cancellationToken).ConfigureAwait(false))
            if (Uri.TryCreate(host, UriKind.Absolute, out var hostUri) && sites.Contains(RegistrableDomain.Of(hostUri.Host)))
                hosts.Add(host);
        var polled = hosts.Count == 0 ? 0 : await _frontier.RequeuePolledAsync(hosts, cancellationToken).ConfigureAwait(false);
        if (polled > entries.Count)
            Report("", $"polling {polled - entries.Count:N0} known feeds, sitemaps and listing pages again", isError: false);
        return invalid;
    }

    /// <summary>Counts queued URLs and waiting hosts into <see cref="Statistics"/> (for progress displays).</summary>
    public async Task RefreshStatisticsAsync(CancellationToken cancellationToken = default)
    {
        Statistics.Queued = (await _frontier.CountAsync(cancellationToken).ConfigureAwait(false)).Queued;
        Statistics.WaitingHosts = await _frontier.BusyHostsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Crawls until the frontier has nothing left (or, watching, until cancelled), or <see cref="CrawlOptions.MaxPages"/> is reached.
    /// A frontier left by an earlier run is resumed: claims of a stopped run are released and the sites of its start
    /// points are in scope again. With <see cref="CrawlOptions.Watch"/>, feeds, sitemaps, start and listing pages are
    /// polled again at that interval, also while the queue still drains.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await ResumeAsync(cancellationToken).ConfigureAwait(false);
        using var workersDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = _options.Watch is { } interval ? PollAsync(interval, workersDone.Token) : Task.CompletedTask;
        try
        {
            var workers = new Task[Math.Max(1, _options.Concurrency)];
            for (var i = 0; i < workers.Length; i++)
                workers[i] = Task.Run(() => WorkAsync(cancellationToken), cancellationToken);
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            await workersDone.CancelAsync().ConfigureAwait(false);
            try
            {
                await polling.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // the poll loop ends with the workers
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="starts"/> (none: continue the crawl in the frontier) and crawls, resuming whatever an earlier
    /// run left. Cancelling stops the crawl and still returns its summary (<see cref="CrawlResult.Stopped"/>); what was
    /// not finished stays in the frontier for the next run.
    /// </summary>
    public async Task<CrawlResult> CrawlAsync(IEnumerable<string> starts, CancellationToken cancellationToken = default)
    {
        var startList = starts.ToList();
        var invalid = await AddStartsAsync(startList, cancellationToken).ConfigureAwait(false);
        var stopped = false;
        try
        {
            await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stopped = true;
        }
        var counts = await _frontier.CountAsync(CancellationToken.None).ConfigureAwait(false);
        var failed = new List<string>(invalid);
        foreach (var start in startList)
            if (UrlCanonicalizer.Canonicalize(start) is { } canonical && await _frontier.StateOfAsync(canonical, CancellationToken.None).ConfigureAwait(false) == UrlState.Failed)
                failed.Add(start);
        return new CrawlResult(Statistics, counts, stopped, failed);
    }

    /// <summary>Once per crawler: takes over a frontier an earlier run left (claims of a stopped run, the sites of its start points).</summary>
    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        if (_resumed)
            return;
        _resumed = true;
        // On SQLite one process owns the crawl, so every claim left is a dead run's; on PostgreSQL only expired leases are.
        var released = await _frontier.ReleaseStaleClaimsAsync(all: _frontier.SingleProcess, cancellationToken).ConfigureAwait(false);
        foreach (var earlier in await _frontier.StartUrlsAsync(cancellationToken).ConfigureAwait(false))
            _scope.AddSite(new Uri(earlier));
        var queued = (await _frontier.CountAsync(cancellationToken).ConfigureAwait(false)).Queued;
        if (queued > _startsAdded || released > 0)
            Report("", $"continuing {queued:N0} queued URLs" + (released > 0 ? $" ({released} claims of a stopped run released)" : ""), isError: false);
    }

    /// <summary>Watch mode: puts feeds, sitemaps, start and listing pages back in the queue every <paramref name="interval"/>.</summary>
    private async Task PollAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            var polled = await _frontier.RequeuePolledAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (polled > 0)
            {
                Report("", $"polling {polled:N0} feeds, sitemaps, start and listing pages again", isError: false);
                SignalChange();
            }
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
                var changed = Volatile.Read(ref _changed).Task;
                var next = await _frontier.NextReadyAtAsync(cancellationToken).ConfigureAwait(false);
                // Something queued means something unfinished; only with nothing queued are the claims in flight counted
                // (idle workers come here after every page another worker finishes: the count reads every URL's state).
                var unfinished = next is not null || (await _frontier.CountAsync(cancellationToken).ConfigureAwait(false)).Unfinished > 0;
                if (!unfinished && _options.Watch is null)
                    return;
                // Watching with nothing queued: the poll loop's signal (or another process's URLs) ends the wait.
                var wait = next is { } at ? at - DateTimeOffset.UtcNow : TimeSpan.FromMilliseconds(unfinished ? 250 : 1000);
                // Only URLs due much later are left and no worker can add more: a one-off crawl ends; they stay queued.
                // A host another process holds looks due only when its lease ends, so with a shared frontier the crawl
                // ends only when no process is fetching (else a second worker quit while the first still held the site).
                if (_options.Watch is null && next is { } due && wait > _options.MaxDeferredWait && Volatile.Read(ref _busy) == 0
                    && (_frontier.SingleProcess || (await _frontier.CountAsync(cancellationToken).ConfigureAwait(false)).Fetching == 0))
                {
                    Statistics.DeferredUntil = due;
                    return;
                }
                // Another process may free a host (PostgreSQL), so the wait is bounded even without a signal.
                await Task.WhenAny(changed, Task.Delay(Clamp(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(unfinished ? 250 : 1000)), cancellationToken)).ConfigureAwait(false);
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
                    if (!fetchedRobots && robots.FailuresInRow < _options.MaxAttempts)
                        await AwaitRobotsAsync(claim, robots, delay, cancellationToken).ConfigureAwait(false);
                    else if (IsStart(claim) && robots.Failure == FetchOutcome.ConnectionFailed)
                        await FailAsync(claim, $"unreachable: {robots.Reason}", delay, cancellationToken).ConfigureAwait(false);
                    else
                        await RetryOrFailAsync(claim, $"robots.txt unreachable: {robots.Reason}", null, delay, cancellationToken).ConfigureAwait(false);
                    return;
                }
                var policy = robots.Robots.For(_options.Fetch.UserAgent);
                if (policy.CrawlDelay is { } crawlDelay && crawlDelay > delay)
                    delay = crawlDelay < _options.MaxCrawlDelay ? crawlDelay : _options.MaxCrawlDelay;
                if (fetchedRobots)
                    Statistics.CountRequests(1);
                if (!policy.IsAllowed(url))
                {
                    await SkipAsync(claim, "disallowed by robots.txt", delay, cancellationToken).ConfigureAwait(false);
                    return;
                }
                if (fetchedRobots && delay > TimeSpan.Zero)
                    await WaitAtLeastAsync(delay, cancellationToken).ConfigureAwait(false); // the robots.txt request used this host's turn
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
                case FetchOutcome.ConnectionFailed when IsStart(claim):
                    await FailAsync(claim, "unreachable: " + result.Reason, delay, cancellationToken).ConfigureAwait(false);
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
                var added = await QueueAsync(claim, entries, cancellationToken, listedVia: "feed").ConfigureAwait(false);
                await CompleteAsync(claim, UrlState.Done, $"feed: {entries.Count} entries, {added} new", delay, cancellationToken, result).ConfigureAwait(false);
                return;
            }
            case DocumentKind.Sitemap or DocumentKind.SitemapIndex:
            {
                var entries = SitemapParser.Parse(body, baseUrl, out var overCap);
                Statistics.AddExtractTime(Stopwatch.GetTimestamp() - started);
                if (overCap > 0)
                {
                    Statistics.CountTruncated();
                    Report(claim.Url, $"warning: sitemap lists {entries.Count + overCap:N0} URLs; only the first {entries.Count:N0} are read (the protocol's cap per file)", isError: true);
                }
                var added = await QueueAsync(claim, entries, cancellationToken, listedVia: "sitemap").ConfigureAwait(false);
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
        DateTimeOffset? listedDate = null;
        // A feed or sitemap item is an article candidate even when its page looks like a list (link-heavy
        // templates, many teasers): it is extracted, and stored when it gives an article's signals.
        var listed = claim.Kind == UrlKind.Entry;
        // One parse serves the classifier, the link finder and the extractor.
        using (var document = _extractor.Parse(html))
        {
            pageKind = ArticleClassifier.Classify(document, pageUrl);
            links = HtmlLinks.Find(document, pageUrl);
            if (_options.ListOnly)
                listedDate = pageKind == PageKind.Article ? ArticleSignals.DeclaredDate(document) : null;
            else if (pageKind == PageKind.Article || listed)
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
                    notStored = ArticleSignals.WhyNotAnArticle(document, pageUrl, article, looksLikeListing: pageKind != PageKind.Article, listed) ?? Filter(article);
                if (article is not null && notStored is not null && pageKind != PageKind.Article)
                {
                    // A listed page that is a listing after all: followed for links, and the report says why.
                    notStored = null;
                    article = null;
                }
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
        if (claim.Depth == 0)
        {
            // A page a crawl starts from stands for its site: the sitemaps robots.txt names, and those at the usual
            // places, are read too. A feed or sitemap given as the start is read alone.
            if (!_options.IgnoreRobots)
                foreach (var sitemap in (await _robots.GetAsync(pageUrl, cancellationToken).ConfigureAwait(false)).Robots.Sitemaps)
                    links.Add(new DiscoveredUrl(sitemap, UrlKind.Source));
            if (_options.ProbeSitemaps)
                foreach (var path in WellKnownSitemaps)
                    links.Add(new DiscoveredUrl(new Uri(pageUrl, path).AbsoluteUri, UrlKind.Source));
        }

        var isListing = _options.ListOnly ? pageKind != PageKind.Article : article is null && notStored is null;
        if (isListing)
            _traps.CountListing(pageUrl);
        Statistics.AddExtractTime(Stopwatch.GetTimestamp() - started);

        // Links inside an article (related stories, tags, the author's page) come after those of listings and pagination;
        // also those of a link-heavy page stored as an article because a feed or sitemap lists it.
        var added = await QueueAsync(claim, links, cancellationToken, probe: claim.Depth == 0 && _options.ProbeSitemaps,
            fromArticle: pageKind == PageKind.Article || article is not null).ConfigureAwait(false);
        if (_options.ListOnly && !isListing)
        {
            if (_listed.TryAdd(claim.Url, true))
                await ListAsync(new ListedUrl(claim.Url, listedDate, "link", claim.DiscoveredFrom), cancellationToken).ConfigureAwait(false);
            await CompleteAsync(claim, UrlState.Done, "article (listed)", delay, cancellationToken, result).ConfigureAwait(false);
            return;
        }
        if (article is null && notStored is not null)
        {
            await FailAsync(claim, notStored, delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (article is null && listed)
        {
            // The report shows it: a feed or sitemap named it, the page did not bear that out.
            await SkipAsync(claim, $"listed by a feed or sitemap, but a listing page: {ListingReason(pageKind)}", delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (article is null)
        {
            Statistics.CountListing();
            await CompleteAsync(claim, UrlState.Done, $"listing: {added} new links", delay, cancellationToken, result, listing: true).ConfigureAwait(false);
            return;
        }
        if (notStored is not null)
        {
            await SkipAsync(claim, notStored, delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        await StoreAsync(claim, result, article, pageUrl, delay, cancellationToken).ConfigureAwait(false);
    }

    private static string ListingReason(PageKind pageKind) =>
        pageKind == PageKind.Article ? "no article text" : "mostly links, and no date, author or article markup";

    /// <summary>Saves an article unless the crawl stored it unchanged before, or another page of the host has exactly its text.</summary>
    private async Task StoreAsync(ClaimedUrl claim, FetchResult result, Article article, Uri pageUrl, TimeSpan delay, CancellationToken cancellationToken)
    {
        article.Url ??= pageUrl.AbsoluteUri;
        article.SourceDomain ??= RegistrableDomain.Of(new Uri(article.Url).Host);
        var fingerprint = RecordFingerprints.Of(article, HostKey(new Uri(article.Url)));
        article.Fetched ??= Formats.IsoDates.FormatSeconds(result.FetchedAt);
        var storeStarted = Stopwatch.GetTimestamp();
        var (check, sameAs) = await _frontier.CheckRecordAsync(fingerprint, cancellationToken).ConfigureAwait(false);
        switch (check)
        {
            case RecordCheck.Unchanged:
                Statistics.AddStoreTime(Stopwatch.GetTimestamp() - storeStarted);
                Statistics.CountUnchanged();
                await CompleteAsync(claim, UrlState.Done, "unchanged", delay, cancellationToken, result).ConfigureAwait(false);
                return;
            case RecordCheck.Duplicate:
                // One record; this address is kept as its alias, so a lookup by it finds the record.
                await _output.AddAliasAsync(sameAs!, article.Url, cancellationToken).ConfigureAwait(false);
                Statistics.AddStoreTime(Stopwatch.GetTimestamp() - storeStarted);
                Report(claim.Url, $"same text as {sameAs}", isError: false);
                await SkipAsync(claim, "same text as another page of the host (stored once, this address as its alias)", delay, cancellationToken).ConfigureAwait(false);
                return;
        }
        await _output.SaveAsync(article, cancellationToken).ConfigureAwait(false);
        Statistics.AddStoreTime(Stopwatch.GetTimestamp() - storeStarted);
        if (check == RecordCheck.Changed)
            Statistics.CountUpdated();
        else
            Statistics.CountStored();
        await CompleteAsync(claim, UrlState.Done, check == RecordCheck.Changed ? "updated" : "stored", delay, cancellationToken, result, stored: fingerprint)
            .ConfigureAwait(false);
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

    /// <summary>Null when the article passes the since date and language filters, else why it is not stored.</summary>
    private string? Filter(Article article)
    {
        if (_options.Since is { } since && FeedDates.Parse(article.Published) is { } published && published < since)
            return "published before the since date";
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
    private async Task<int> QueueAsync(ClaimedUrl from, List<DiscoveredUrl> found, CancellationToken cancellationToken, bool probe = false, bool fromArticle = false,
        string? listedVia = null)
    {
        var entries = new List<FrontierEntry>(found.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in found)
        {
            // Feeds and sitemaps named by a page, robots.txt or a sitemap index take no step: with --max-depth 0 a crawl
            // reads its starts, the feeds and sitemaps they lead to, and the articles those list, and follows no link.
            var depth = item.Kind == UrlKind.Source ? from.Depth : from.Depth + 1;
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
            if (_options.ListOnly && item.Kind == UrlKind.Entry)
            {
                // Listing, feed and sitemap items are reported, not fetched.
                if (_listed.TryAdd(canonical, true))
                    await ListAsync(new ListedUrl(canonical, item.Date, from.Kind == UrlKind.Source ? listedVia ?? "feed" : "link", from.Url), cancellationToken).ConfigureAwait(false);
                continue;
            }
            var isProbe = probe && item.Kind == UrlKind.Source && Array.IndexOf(WellKnownSitemaps, uri.AbsolutePath) >= 0;
            entries.Add(new FrontierEntry(canonical, host, item.Kind, depth, Priority(item.Kind, depth, fromArticle), isProbe ? ProbeMarker : from.Url, item.Date));
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

    /// <summary>
    /// Feeds and sitemaps first (they list many articles), then their entries, then links of listings and pagination
    /// breadth first, then links found inside articles (related stories, tags: many, and often dead or off-topic).
    /// </summary>
    private static int Priority(UrlKind kind, int depth, bool fromArticle = false) => kind switch
    {
        UrlKind.Source => 0,
        UrlKind.Entry => 1,
        _ => (fromArticle ? ArticleLinkPriority : 2) + depth,
    };

    /// <summary>Above every listing link's priority within the default depth (2 + 10).</summary>
    private const int ArticleLinkPriority = 20;

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
        _health.Count(claim.Host, failed: true);
        await _frontier.CompleteAsync(claim, UrlState.Queued, reason, _health.Turn(claim.Host, delay, _options.MaxCrawlDelay), retryAt: DateTimeOffset.UtcNow + wait,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        SignalChange();
    }

    /// <summary>
    /// Waits <paramref name="wait"/> by the high-resolution clock. <see cref="Task.Delay(TimeSpan, CancellationToken)"/> runs on a
    /// coarse tick (4 ms on Linux) and can end a few milliseconds early, which would bring two requests to a host closer
    /// than its delay.
    /// </summary>
    private static async Task WaitAtLeastAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        for (long left; (left = until - Stopwatch.GetTimestamp()) > 0;)
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left * 1000.0 / Stopwatch.Frequency)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues again, costing no attempt, a URL that met its host's robots.txt failure kept from another page's request: its
    /// turn comes when the cache asks the host again. Attempts count requests; one timed-out robots.txt must not use up the
    /// tries of every page of its host. Once that many fetches in a row have failed, the host's pages fail as before.
    /// </summary>
    private async Task AwaitRobotsAsync(ClaimedUrl claim, RobotsLookup robots, TimeSpan delay, CancellationToken cancellationToken)
    {
        Report(claim.Url, $"robots.txt unreachable: {robots.Reason}; waiting for it to be asked again", isError: false);
        await _frontier.CompleteAsync(claim, UrlState.Queued, "robots.txt unreachable: " + robots.Reason, delay, retryAt: robots.Expires,
            countAttempt: false, cancellationToken: cancellationToken).ConfigureAwait(false);
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

    private async Task CompleteAsync(ClaimedUrl claim, UrlState state, string reason, TimeSpan delay, CancellationToken cancellationToken, FetchResult? result = null,
        bool listing = false, RecordFingerprint? stored = null)
    {
        Report(claim.Url, reason, isError: state == UrlState.Failed);
        _health.Count(claim.Host, failed: state == UrlState.Failed);
        delay = _health.Turn(claim.Host, delay, _options.MaxCrawlDelay);
        var started = Stopwatch.GetTimestamp();
        await _frontier.CompleteAsync(claim, state, reason, delay, result?.ETag, result?.LastModified, listing: listing, stored: stored,
            cancellationToken: cancellationToken).ConfigureAwait(false);
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

    private Task ListAsync(ListedUrl item, CancellationToken cancellationToken)
    {
        Statistics.CountListed();
        return _output.ListAsync(item, cancellationToken);
    }

    private void SignalChange() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private void Report(string url, string what, bool isError) => OnEvent?.Invoke(new CrawlEvent(url, what, isError));

    /// <summary>A start point of a crawl (not a URL found on the way).</summary>
    private static bool IsStart(ClaimedUrl claim) => claim.Depth == 0 && claim.DiscoveredFrom is null;

    /// <summary>Politeness is per scheme, host and port.</summary>
    public static string HostKey(Uri url) => Fetching.HostKey.Of(url);

    public void Dispose()
    {
        _fetcher.Dispose();
        _sourceFetcher.Dispose();
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
