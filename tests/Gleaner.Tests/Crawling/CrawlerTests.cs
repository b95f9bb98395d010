using System.Collections.Concurrent;
using Gleaner.Crawling;
using Gleaner.Fetching;
using Gleaner.Storage;
using Gleaner.Storage.Sqlite;

namespace Gleaner.Tests.Crawling;

/// <summary>Keeps saved articles in memory, by URL (idempotent as the interface requires), counting every save.</summary>
internal sealed class MemoryOutput : ICrawlOutput
{
    public ConcurrentDictionary<string, Article> Articles { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);
    public int Saves;

    public Task AddAliasAsync(string recordUrl, string alias, CancellationToken cancellationToken)
    {
        Aliases[alias] = recordUrl;
        return Task.CompletedTask;
    }

    public Task SaveAsync(Article article, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Saves);
        Articles[article.Url!] = article;
        return Task.CompletedTask;
    }
}

public sealed class CrawlerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gleaner-crawl-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<SqlFrontier> NewFrontierAsync(string name = "frontier.db")
    {
        var frontier = await SqliteFrontierDatabase.OpenAsync(Path.Combine(_directory, name));
        return frontier;
    }

    /// <summary>
    /// The fetch timeout of tests whose site has the hanging page: it must end that page quickly (each try of it holds
    /// the host's one turn for this long), yet every healthy answer must come well within it. On 2 cores at load 25-30
    /// the first request of a cold test process (Kestrel and HttpClient paths still being compiled) took up to 1.5 s
    /// and warm ones up to 0.7 s (the 2 MB read of the huge page): a 1 s timeout failed robots.txt, and with it the
    /// whole crawl. 5 s leaves three times the worst seen.
    /// </summary>
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(5);

    private static CrawlOptions Fast(TimeSpan? delay = null) => new()
    {
        Delay = delay ?? TimeSpan.Zero,
        RetryDelay = TimeSpan.FromMilliseconds(50),
        Fetch = new FetchOptions { Timeout = TimeSpan.FromSeconds(10), RetryBaseDelay = TimeSpan.FromMilliseconds(20), MaxBodyBytes = 2 * 1024 * 1024 },
    };

    [Fact]
    public async Task CrawlingTheHomepageStoresEveryArticleAndNoListing()
    {
        await using var site = await NewsSite.StartAsync();
        var output = new MemoryOutput();
        var frontier = await NewFrontierAsync();
        var crawler = new Crawler(frontier, output, Fast());
        await crawler.AddStartsAsync([site.BaseUrl + "/"]);
        await crawler.RunAsync();

        Assert.Equal(site.ArticleUrls().Order(), output.Articles.Keys.Order());
        Assert.Equal(output.Articles.Count, output.Saves); // each once
        // robots.txt: /private/ is disallowed and never requested; nothing fetched twice.
        Assert.Equal(0, site.Requests.Count(r => r.PathAndQuery.StartsWith("/private/", StringComparison.Ordinal)));
        var fetchedTwice = site.Requests.GroupBy(r => r.PathAndQuery).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(fetchedTwice);
        Assert.Equal(UrlState.Skipped, await frontier.StateOfAsync(site.BaseUrl + "/private/hidden-story"));
        Assert.Null(await frontier.StateOfAsync("http://other.invalid/elsewhere"));
    }

    [Fact]
    public async Task FaultsEndUpInTheReportAndTheCalendarEnds()
    {
        await using var site = await NewsSite.StartAsync(withFaults: true);
        var output = new MemoryOutput();
        var frontier = await NewFrontierAsync();
        var options = Fast() with
        {
            Traps = new Gleaner.Discovery.TrapLimits { MaxListingsPerShape = 5 },
            Concurrency = 4,
            MaxAttempts = 2,
            Fetch = Fast().Fetch with { Timeout = HangTimeout, MaxRetries = 1 },
        };
        var crawler = new Crawler(frontier, output, options);
        await crawler.AddStartsAsync([site.BaseUrl + "/"]);
        await crawler.RunAsync();

        var report = await frontier.ReportAsync();
        Assert.Contains(report, r => r.State == UrlState.Failed && r.Reason == "http 500");
        Assert.Contains(report, r => r.State == UrlState.Failed && r.Reason.StartsWith("broken body", StringComparison.Ordinal));
        Assert.Contains(report, r => r.State == UrlState.Failed && r.Reason.StartsWith("body larger than", StringComparison.Ordinal));
        Assert.Contains(report, r => r.State == UrlState.Skipped && r.Reason.Contains("application/pdf"));
        Assert.Contains(report, r => r.State == UrlState.Failed && r.Reason.StartsWith("timeout", StringComparison.Ordinal));
        Assert.True(site.Requests.Count(r => r.PathAndQuery.StartsWith("/calendar/", StringComparison.Ordinal)) <= 8,
            "the endless calendar was followed too far");
        // Faults that recover are stored: 503 then 200, 429 then 200, slow, charsets.
        foreach (var slug in new[] { "flaky-500", "429", "slow", "wrong-charset", "no-charset", "etag" })
            Assert.Contains(site.BaseUrl + "/faults/" + slug, output.Articles.Keys);
        Assert.Equal(2, site.CountRequests("/faults/loop-a") + site.CountRequests("/faults/loop-b"));
        Assert.DoesNotContain(site.BaseUrl + "/faults/loop-a", output.Articles.Keys);
    }

    [Fact]
    public async Task AttemptsCountRequestsNotRoundsOfRetries()
    {
        await using var site = await NewsSite.StartAsync(withFaults: true);
        var options = Fast() with { Concurrency = 4, MaxAttempts = 2, Fetch = Fast().Fetch with { Timeout = HangTimeout } };
        var crawler = new Crawler(await NewFrontierAsync(), new MemoryOutput(), options);
        await crawler.AddStartsAsync([site.BaseUrl + "/"]);
        await crawler.RunAsync();

        Assert.Equal(2, site.CountRequests("/faults/500"));
    }

    [Fact]
    public async Task ARobotsTxtThatFailsOnceCostsNoPageOfItsHost()
    {
        await using var site = await NewsSite.StartAsync();
        site.RobotsFailuresFirst = 1;
        var output = new MemoryOutput();
        // One try each: a page that met the stored failure without a request of its own would be given up at once.
        var crawler = new Crawler(await NewFrontierAsync(), output, Fast() with { MaxAttempts = 2, MaxDepth = 0 });
        var articles = site.ArticleUrls().Take(5).ToList();
        await crawler.AddStartsAsync(articles);
        await crawler.RunAsync();

        Assert.All(articles, url => Assert.Contains(url, output.Articles.Keys));
        Assert.Equal(2, site.CountRequests("/robots.txt"));
    }

    [Fact]
    public async Task AHostWhoseRobotsTxtKeepsFailingIsGivenUpAfterAsManyTriesAsAPage()
    {
        await using var site = await NewsSite.StartAsync();
        site.RobotsStatus = 503;
        var output = new MemoryOutput();
        var crawler = new Crawler(await NewFrontierAsync(), output, Fast() with { MaxAttempts = 2, MaxDepth = 0 });
        await crawler.AddStartsAsync(site.ArticleUrls().Take(5));
        await crawler.RunAsync();

        Assert.Empty(output.Articles);
        Assert.Equal(0L, crawler.Statistics.Stored);
        // Two failed fetches in a row give the host up; a page that made the second request may make one more on its retry.
        Assert.InRange(site.CountRequests("/robots.txt"), 2, 3);
        Assert.Equal(0, site.Requests.Count(r => r.PathAndQuery != "/robots.txt"));
    }

    [Fact]
    public async Task RequestsToOneHostAreSpacedByTheDelay()
    {
        await using var site = await NewsSite.StartAsync();
        var delay = TimeSpan.FromMilliseconds(60);
        var crawler = new Crawler(await NewFrontierAsync(), new MemoryOutput(), Fast(delay) with { Concurrency = 4, MaxPages = 12 });
        await crawler.AddStartsAsync([site.BaseUrl + "/"]);
        await crawler.RunAsync();

        var times = site.Requests.Select(r => r.At).Order().ToList();
        Assert.True(times.Count >= 10);
        for (var i = 1; i < times.Count; i++)
            Assert.True(times[i] - times[i - 1] >= delay - TimeSpan.FromMilliseconds(2), // clock granularity
                $"requests {i - 1} and {i} were {(times[i] - times[i - 1]).TotalMilliseconds} ms apart");
    }

    [Fact]
    public async Task RobotsCrawlDelayWinsWhenLarger()
    {
        await using var site = await NewsSite.StartAsync(robots: "User-agent: *\nCrawl-delay: 0.2\n");
        var crawler = new Crawler(await NewFrontierAsync(), new MemoryOutput(), Fast(TimeSpan.FromMilliseconds(10)) with { MaxPages = 4 });
        await crawler.AddStartsAsync([site.BaseUrl + "/"]);
        await crawler.RunAsync();
        var times = site.Requests.Select(r => r.At).Order().ToList();
        for (var i = 1; i < times.Count; i++)
            Assert.True(times[i] - times[i - 1] >= TimeSpan.FromMilliseconds(198), $"gap {(times[i] - times[i - 1]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task SinceSkipsOlderEntriesBeforeFetchingThem()
    {
        await using var site = await NewsSite.StartAsync();
        var output = new MemoryOutput();
        var crawler = new Crawler(await NewFrontierAsync(), output, Fast() with { Since = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), MaxDepth = 1 });
        await crawler.AddStartsAsync([site.BaseUrl + "/feed.xml"]);
        await crawler.RunAsync();
        Assert.Equal(NewsSite.FeedOnlyArticles, output.Articles.Count);
        Assert.Equal(0, site.CountRequests("/world/2024/05/world-story-3")); // dated May in the feed
    }

    [Fact]
    public async Task LangAndSinceFilterExtractedArticles()
    {
        await using var site = await NewsSite.StartAsync();
        var german = new MemoryOutput();
        var frontier = await NewFrontierAsync("german.db");
        var crawler = new Crawler(frontier, german, Fast() with { Language = "de", MaxDepth = 1 });
        await crawler.AddStartsAsync([site.BaseUrl + "/feed.xml"]);
        await crawler.RunAsync();
        Assert.Empty(german.Articles);
        Assert.Contains(await frontier.ReportAsync(), r => r.Reason == "language en, not de");

        // Feed and sitemap entries are dated before fetching; pages found by links only by their extracted date.
        var recent = new MemoryOutput();
        var since = new Crawler(await NewFrontierAsync("since.db"), recent, Fast() with { Since = new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero) });
        await since.AddStartsAsync([site.BaseUrl + "/"]);
        await since.RunAsync();
        Assert.Equal(site.ArticleUrls().Where(u => u.Contains("/2024/07/", StringComparison.Ordinal)).Order(), recent.Articles.Keys.Order());
    }

    [Fact]
    public async Task MaxPagesStopsAndAResumedCrawlFinishesWithoutRefetching()
    {
        await using var site = await NewsSite.StartAsync();
        var output = new MemoryOutput();
        var frontier = await NewFrontierAsync();
        var first = new Crawler(frontier, output, Fast() with { MaxPages = 10 });
        await first.AddStartsAsync([site.BaseUrl + "/"]);
        await first.RunAsync();
        Assert.Equal(10, first.Statistics.Fetched);
        Assert.True((await frontier.CountAsync()).Queued > 0);

        // A new crawler on the same frontier resumes by itself: the earlier start's site is in scope again.
        var resumed = new Crawler(frontier, output, Fast());
        await resumed.RunAsync();
        Assert.Equal(site.ArticleUrls().Order(), output.Articles.Keys.Order());
        Assert.Equal(output.Articles.Count, output.Saves);
        var fetchedTwice = site.Requests.Where(r => r.PathAndQuery != "/robots.txt").GroupBy(r => r.PathAndQuery).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(fetchedTwice);
    }

    [Fact]
    public async Task WatchModePicksUpANewlyPublishedArticle()
    {
        await using var site = await NewsSite.StartAsync();
        var output = new MemoryOutput();
        var crawler = new Crawler(await NewFrontierAsync(), output, Fast() with { Watch = TimeSpan.FromMilliseconds(200), MaxDepth = 1 });
        await crawler.AddStartsAsync([site.BaseUrl + "/feed.xml"]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = crawler.RunAsync(stop.Token);
        await WaitUntil(() => output.Articles.Count >= NewsSite.FeedOnlyArticles + 1 && site.CountRequests("/feed.xml") >= 2, stop.Token);
        var savesBefore = output.Saves;
        var fresh = site.Publish("fresh-story");
        await WaitUntil(() => output.Articles.ContainsKey(fresh), stop.Token);
        await Task.Delay(500); // another poll or two
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(savesBefore + 1, output.Saves); // only the new one stored again
        Assert.Equal(1, site.CountRequests("/world/2024/08/fresh-story"));
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
            await Task.Delay(20, cancellationToken);
    }
}
