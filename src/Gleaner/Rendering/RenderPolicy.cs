using Gleaner.Extraction;
using Gleaner.Fetching;

namespace Gleaner.Rendering;

/// <summary>The rules for the requests a rendered page makes. The defaults suit a one-off extraction of a URL the user gave.</summary>
public sealed record RenderPolicyOptions
{
    /// <summary>Let the page load scripts and data from other sites (other registrable domains). Off: a news page's
    /// article comes from its own site; other sites serve ads, trackers and widgets.</summary>
    public bool AllowCrossSite { get; init; }

    /// <summary>Least time between the starts of two requests to one host; robots.txt Crawl-delay wins when larger (when robots.txt is read).</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>A robots.txt Crawl-delay above this is capped.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests one page may make at most; the rest are refused (a page that polls or loads without end).</summary>
    public int MaxRequestsPerPage { get; init; } = 50;

    /// <summary>The User-Agent whose robots.txt group applies.</summary>
    public string UserAgent { get; init; } = FetchOptions.DefaultUserAgent;
}

/// <summary>
/// Checks each request of a page being rendered against the crawl's rules: http(s) only, the page's own site
/// unless other sites are allowed, robots.txt (when a <see cref="RobotsCache"/> is given, the crawler's own, so a
/// host's file is fetched once for pages and scripts alike), a budget of requests per page, and a least delay
/// between requests to one host, shared by all pages rendered under this policy. Thread-safe.
/// </summary>
public sealed class RenderPolicy
{
    private readonly RenderPolicyOptions _options;
    private readonly RobotsCache? _robots;
    private readonly Dictionary<string, long> _nextTurn = new(StringComparer.Ordinal); // host -> Stopwatch timestamp of its next free turn

    /// <param name="options">The rules; defaults when null.</param>
    /// <param name="robots">Where robots.txt is read; null to not read it (a URL the user asked for by name).</param>
    public RenderPolicy(RenderPolicyOptions? options = null, RobotsCache? robots = null)
    {
        _options = options ?? new RenderPolicyOptions();
        _robots = robots;
    }

    public RenderPolicyOptions Options => _options;

    /// <summary>The check for the requests of <paramref name="page"/>, just fetched: its host's next request waits the delay from now.</summary>
    public RenderRequestCheck For(Uri page)
    {
        TakeTurn(HostKey.Of(page), _options.Delay);
        var made = 0;
        return async (url, cancellationToken) =>
        {
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                return $"{url.Scheme}: URL";
            if (!_options.AllowCrossSite && !RecordAddress.IsSameSite(page, url))
                return "another site";
            if (Interlocked.Increment(ref made) > _options.MaxRequestsPerPage)
                return $"more than {_options.MaxRequestsPerPage} requests for one page";
            var delay = _options.Delay;
            if (_robots is not null)
            {
                var robots = await _robots.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (!robots.Reachable)
                    return $"robots.txt unreachable: {robots.Reason}";
                var rules = robots.Robots.For(_options.UserAgent);
                if (!rules.IsAllowed(url))
                    return "disallowed by robots.txt";
                if (rules.CrawlDelay is { } crawlDelay && crawlDelay > delay)
                    delay = crawlDelay < _options.MaxCrawlDelay ? crawlDelay : _options.MaxCrawlDelay;
            }
            var wait = TakeTurn(HostKey.Of(url), delay);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            return null;
        };
    }

    /// <summary>Books the host's next turn and returns how long to wait for it: turns are <paramref name="delay"/> apart.</summary>
    private TimeSpan TakeTurn(string host, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
            return TimeSpan.Zero;
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        long turn;
        lock (_nextTurn)
        {
            turn = _nextTurn.TryGetValue(host, out var next) && next > now ? next : now;
            _nextTurn[host] = turn + (long)(delay.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        }
        return System.Diagnostics.Stopwatch.GetElapsedTime(now, turn);
    }
}
