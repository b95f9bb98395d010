using System.Diagnostics;
using Gleaner.Fetching;
using Gleaner.Tests.Crawling;

namespace Gleaner.Tests.Fetching;

public class FetcherTests : IAsyncLifetime
{
    private NewsSite _site = null!;

    public async Task InitializeAsync() => _site = await NewsSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Uri At(string path) => new(_site.BaseUrl + path);

    private static Fetcher Create(FetchOptions? options = null) =>
        new(options ?? new FetchOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task FetchesAPageWithOurUserAgent()
    {
        using var fetcher = Create(new FetchOptions { UserAgent = "TestBot/2.0 (+contact)" });
        var result = await fetcher.FetchAsync(At("/world/2024/05/world-story-1"));
        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Contains("Headline of world-story-1", System.Text.Encoding.UTF8.GetString(result.Body));
        Assert.Equal("TestBot/2.0 (+contact)", _site.Requests.Last().UserAgent);
    }

    [Fact]
    public async Task GzipIsDecodedAndTruncatedGzipIsReportedNotThrown()
    {
        using var fetcher = Create();
        var ok = await fetcher.FetchAsync(At("/faults/gzip-ok"));
        Assert.Equal(FetchOutcome.Ok, ok.Outcome);
        Assert.Contains("gzip-story", System.Text.Encoding.UTF8.GetString(ok.Body));

        var truncated = await fetcher.FetchAsync(At("/faults/truncated-gzip"));
        Assert.Equal(FetchOutcome.BrokenBody, truncated.Outcome);
    }

    [Fact]
    public async Task A100MegabyteBodyIsAbortedAtTheLimit()
    {
        using var fetcher = Create(new FetchOptions { MaxBodyBytes = 1024 * 1024 });
        var result = await fetcher.FetchAsync(At("/faults/huge"));
        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task SlowAnswersWithinTheTimeoutArriveAndHangingOnesTimeOut()
    {
        // Far above the slow page's 300 ms: on a loaded 2-core machine a cold process's first request alone took up to 1.5 s.
        using var fetcher = Create(new FetchOptions { Timeout = TimeSpan.FromSeconds(5), MaxRetries = 0 });
        Assert.Equal(FetchOutcome.Ok, (await fetcher.FetchAsync(At("/faults/slow"))).Outcome);
        var hang = await fetcher.FetchAsync(At("/faults/hang"));
        Assert.Equal(FetchOutcome.Timeout, hang.Outcome);
        Assert.True(hang.IsTransient);
    }

    [Fact]
    public async Task A503IsRetriedAndA500ThatStaysIsReported()
    {
        using var fetcher = Create();
        var flaky = await fetcher.FetchAsync(At("/faults/flaky-500"));
        Assert.Equal(FetchOutcome.Ok, flaky.Outcome);
        Assert.Equal(2, flaky.Requests);

        var broken = await fetcher.FetchAsync(At("/faults/500"));
        Assert.Equal(FetchOutcome.HttpError, broken.Outcome);
        Assert.Equal(500, broken.StatusCode);
        Assert.Equal(3, _site.CountRequests("/faults/500")); // first try and two retries
    }

    [Fact]
    public async Task RetryAfterOf429IsHonoured()
    {
        using var fetcher = Create();
        var result = await fetcher.FetchAsync(At("/faults/429"));
        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        var times = _site.Requests.Where(r => r.PathAndQuery == "/faults/429").Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.95), $"retried after {times[1] - times[0]}");
    }

    [Fact]
    public async Task ALongRetryAfterIsHandedBackInsteadOfWaited()
    {
        using var fetcher = Create(new FetchOptions { MaxRetryAfterWait = TimeSpan.FromMilliseconds(100) });
        var result = await fetcher.FetchAsync(At("/faults/429"));
        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1), result.RetryAfter);
        Assert.Equal(1, result.Requests);
    }

    [Fact]
    public async Task RedirectsAreFollowedCheckedAndLoopsDetected()
    {
        using var fetcher = Create();
        var moved = await fetcher.FetchAsync(At("/faults/moved"));
        Assert.Equal(FetchOutcome.Ok, moved.Outcome);
        Assert.Equal(At("/world/2024/05/world-story-1"), moved.FinalUrl);

        var loop = await fetcher.FetchAsync(At("/faults/loop-a"));
        Assert.Equal(FetchOutcome.RedirectLoop, loop.Outcome);

        var refused = await fetcher.FetchAsync(At("/faults/moved"), (target, _) => ValueTask.FromResult<string?>("not allowed"));
        Assert.Equal(FetchOutcome.RedirectBlocked, refused.Outcome);

        var unfollowed = await fetcher.FetchAsync(At("/faults/moved"), followRedirects: false);
        Assert.Equal(FetchOutcome.Redirect, unfollowed.Outcome);
        Assert.Equal(At("/world/2024/05/world-story-1"), unfollowed.RedirectTarget);
    }

    [Fact]
    public async Task NonHtmlIsSkippedWithoutReadingTheBody()
    {
        using var fetcher = Create();
        var result = await fetcher.FetchAsync(At("/faults/report.pdf"));
        Assert.Equal(FetchOutcome.NotHtml, result.Outcome);
        Assert.Contains("application/pdf", result.Reason);
    }

    [Fact]
    public async Task ConditionalRequestsGetNotModified()
    {
        using var fetcher = Create();
        var first = await fetcher.FetchAsync(At("/faults/etag"));
        Assert.Equal("\"v1\"", first.ETag);
        var second = await fetcher.FetchAsync(At("/faults/etag"), etag: first.ETag);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
    }

    [Fact]
    public async Task NoServerMeansConnectionFailed()
    {
        // A port nobody listens on: bind one and release it.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var fetcher = Create(new FetchOptions { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var result = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/"));
        Assert.Equal(FetchOutcome.ConnectionFailed, result.Outcome);
        Assert.Equal(2, result.Requests);
    }

    [Fact]
    public async Task RobotsCacheFetchesOncePerHostAndTreatsServerErrorsAsDisallowAll()
    {
        using var fetcher = Create(new FetchOptions { MaxRetries = 0 });
        var cache = new RobotsCache(fetcher);
        var first = await cache.GetAsync(At("/a"));
        await cache.GetAsync(At("/b"));
        Assert.Equal(1, _site.CountRequests("/robots.txt"));
        Assert.False(first.Robots.For(FetchOptions.DefaultUserAgent).IsAllowed("/private/x"));
        Assert.Single(first.Robots.Sitemaps);

        _site.RobotsStatus = 503;
        var failing = await new RobotsCache(fetcher).GetAsync(At("/a"));
        Assert.False(failing.Reachable);
        Assert.False(failing.Robots.For("GleanerBot").IsAllowed("/a"));

        _site.RobotsStatus = 404;
        var missing = await new RobotsCache(fetcher).GetAsync(At("/a"));
        Assert.True(missing.Reachable);
        Assert.True(missing.Robots.For("GleanerBot").IsAllowed("/private/x"));
    }
}
