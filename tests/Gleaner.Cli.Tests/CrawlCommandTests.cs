using System.Diagnostics;
using Gleaner.Archives;
using Microsoft.Data.Sqlite;

namespace Gleaner.Cli.Tests;

/// <summary><c>gleaner crawl</c> run as a child process against the fixture news site on 127.0.0.1.</summary>
public sealed class CrawlCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gleaner-crawl-cli-").FullName;

    private string StorePath => Path.Combine(_directory, "gleaner.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task CrawlingTheFixtureSiteStoresEveryArticleAndNoListingPage()
    {
        await using var site = await NewsSite.StartAsync();
        var result = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--store", StorePath, "--delay", "0");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var stored = await StoredUrls.OfAsync(StorePath);
        Assert.Equal(site.ArticleUrls().Order(), stored.Order());
        Assert.Contains($"records {site.ArticleUrls().Count} stored, 0 updated, 0 unchanged", result.Stderr);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task KilledMidCrawlAResumedCrawlLosesNothingStoresNothingTwiceAndRefetchesNoDoneUrl()
    {
        await using var site = await NewsSite.StartAsync();
        var start = CliRunner.StartInfo("crawl", site.BaseUrl + "/", "--store", StorePath, "--delay", "60ms");
        using (var crawl = Process.Start(start)!)
        {
            _ = crawl.StandardError.ReadToEndAsync();
            _ = crawl.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (site.Requests.Count(r => r.PathAndQuery.Contains("-story-", StringComparison.Ordinal)) < 8 && DateTime.UtcNow < deadline && !crawl.HasExited)
                await Task.Delay(5);
            Assert.False(crawl.HasExited, "the crawl ended before it could be killed");
            crawl.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
            await crawl.WaitForExitAsync();
        }

        // What the killed run had finished, and how often the server had served each URL by then.
        var done = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT url FROM crawl_urls WHERE state = 2";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                done.Add(reader.GetString(0));
        }
        Assert.NotEmpty(done);
        var servedBefore = site.Requests.GroupBy(r => r.PathAndQuery).ToDictionary(g => g.Key, g => g.Count());

        var resumed = CliRunner.Run(null, "crawl", "--resume", "--store", StorePath, "--delay", "0");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);

        var stored = await StoredUrls.OfAsync(StorePath);
        Assert.Equal(site.ArticleUrls().Order(), stored.Order()); // none lost, none twice
        foreach (var url in done)
        {
            var path = new Uri(url).PathAndQuery;
            Assert.Equal(servedBefore.GetValueOrDefault(path), site.CountRequests(path));
        }
    }

    [Fact]
    public async Task TheReportListsFailuresByReasonAndAWarcHoldsTheResponses()
    {
        await using var site = await NewsSite.StartAsync(withFaults: true);
        var warc = Path.Combine(_directory, "crawl.warc.gz");
        var result = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--store", StorePath, "--delay", "0", "--timeout", "3s", "--attempts", "1",
            "--max-depth", "3", "--warc", warc, "--report");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("\tfailed\thttp 500\t" + site.BaseUrl + "/faults/500", result.Stdout);
        Assert.Contains("\tskipped\tdisallowed by robots.txt\t", result.Stdout);

        var report = CliRunner.Run(null, "crawl", "--report", "--store", StorePath);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("http 500", report.Stdout);

        using var reader = WarcReader.Open(warc);
        var responses = new HashSet<string>();
        while (reader.Read() is { } record)
            using (record)
                if (record.Type == WarcRecordType.Response)
                    responses.Add(record.TargetUri!);
        Assert.Contains(site.BaseUrl + "/world/2024/05/world-story-1", responses);
        Assert.Contains(site.BaseUrl + "/feed.xml", responses);
    }

    [PostgresFact]
    [Trait("Category", "Slow")]
    public async Task TwoCrawlProcessesShareOnePostgresStoreWithoutFetchingAUrlTwice()
    {
        var (store, schema) = await PostgresTestDatabase.CreateSchemaAsync();
        try
        {
            await using var site = await NewsSite.StartAsync();
            // The first run queues the start page's links; then two processes share the rest.
            var first = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--store", store, "--max-pages", "1", "--delay", "0");
            Assert.True(first.ExitCode == 0, first.Stderr);
            var workers = new[] { "a", "b" }.Select(_ => Task.Run(() => CliRunner.Run(null, "crawl", "--resume", "--store", store, "--delay", "20ms"))).ToArray();
            var results = await Task.WhenAll(workers);
            foreach (var result in results)
                Assert.True(result.ExitCode == 0, result.Stderr);

            var fetchedTwice = site.Requests.Where(r => r.PathAndQuery != "/robots.txt").GroupBy(r => r.PathAndQuery)
                .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.Empty(fetchedTwice);
            var urls = await StoredUrls.OfAsync(store);
            Assert.Equal(site.ArticleUrls().Order(), urls.Order());
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }

    [Fact]
    public Task ADayTwoCrawlOfTheSameStartStoresExactlyTheNewArticles() => DayTwoAsync(StorePath);

    [PostgresFact]
    public async Task ADayTwoCrawlOfTheSameStartStoresExactlyTheNewArticlesOnPostgres()
    {
        var (store, schema) = await PostgresTestDatabase.CreateSchemaAsync();
        try
        {
            await DayTwoAsync(store);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }

    /// <summary>Day 1 crawls the site; articles then appear in the feed, a sitemap and a section; day 2 crawls the same start.</summary>
    private static async Task DayTwoAsync(string store)
    {
        await using var site = await NewsSite.StartAsync();
        var day1 = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--store", store, "--delay", "0");
        Assert.True(day1.ExitCode == 0, day1.Stderr);
        var requestsOfDay1 = site.Requests.Count;
        string[] fresh = [site.Publish("fresh-feed-story"), site.PublishInSitemap("fresh-sitemap-story"), site.PublishInSection("fresh-section-story")];

        var day2 = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--store", store, "--delay", "0");
        Assert.True(day2.ExitCode == 0, day2.Stderr);
        Assert.Equal(site.ArticleUrls().Order(), (await StoredUrls.OfAsync(store)).Order());
        Assert.Contains("records 3 stored, 0 updated, 0 unchanged", day2.Stderr);

        var ofDay2 = site.Requests.Skip(requestsOfDay1).ToList();
        // Of the articles, only the new ones were fetched, once each.
        var articlesFetched = ofDay2.Where(r => r.PathAndQuery.Contains("/2024/", StringComparison.Ordinal)).Select(r => site.BaseUrl + r.PathAndQuery).Order();
        Assert.Equal(fresh.Order(), articlesFetched);
        // Every known feed, sitemap and listing was asked again, conditionally: the unchanged ones cost a 304.
        foreach (var unchanged in new[] { "/", "/atom.xml", "/feed.json", "/sitemap_index.xml", "/news-sitemap.xml", "/business/", "/world/?page=2" })
            Assert.Contains(ofDay2, r => r.PathAndQuery == unchanged && r.Status == 304);
        foreach (var changed in new[] { "/feed.xml", "/sitemaps/articles.xml.gz", "/world/" })
            Assert.Contains(ofDay2, r => r.PathAndQuery == changed && r.Status == 200);
    }

    [Fact]
    public void AnUnreachableStartFailsAtOnceWithTheReason()
    {
        // A port nothing listens on: taken from the system, then released.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        // Retried as a passing failure this took 93 s (30 s, then 60 s between attempts): the guard is far below that.
        var result = CliRunner.Run(null, TimeSpan.FromSeconds(45), ["crawl", $"http://127.0.0.1:{port}/", "--store", StorePath]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unreachable: connection failed", result.Stderr);
        Assert.Contains($"http://127.0.0.1:{port}/: could not be read", result.Stderr);
    }

    [InterruptibleFact]
    [Trait("Category", "Slow")]
    public async Task CtrlCPrintsTheSummaryAndLeavesTheCrawlResumable()
    {
        await using var site = await NewsSite.StartAsync();
        var start = CliRunner.StartInfo("crawl", site.BaseUrl + "/", "--store", StorePath, "--delay", "100ms");
        string stderr;
        using (var crawl = Process.Start(start)!)
        {
            var error = crawl.StandardError.ReadToEndAsync();
            _ = crawl.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (site.Requests.Count(r => r.PathAndQuery.Contains("-story-", StringComparison.Ordinal)) < 5 && DateTime.UtcNow < deadline && !crawl.HasExited)
                await Task.Delay(5);
            Assert.False(crawl.HasExited, "the crawl ended before it could be interrupted");
            using (var interrupt = Process.Start("kill", ["-INT", crawl.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await interrupt.WaitForExitAsync();
            await crawl.WaitForExitAsync();
            stderr = await error;
        }
        Assert.True(stderr.Contains("gleaner: crawl: stopped: ", StringComparison.Ordinal), stderr);
        Assert.Contains("continue with 'gleaner crawl --resume'", stderr);

        var resumed = CliRunner.Run(null, "crawl", "--resume", "--store", StorePath, "--delay", "0");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(site.ArticleUrls().Order(), (await StoredUrls.OfAsync(StorePath)).Order());
        var articlesFetchedTwice = site.Requests.Where(r => r.PathAndQuery.Contains("-story-", StringComparison.Ordinal)).GroupBy(r => r.PathAndQuery)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        // Only the one in flight when Ctrl+C came (one host: one request at a time) may be fetched again.
        Assert.True(articlesFetchedTwice.Count <= 1, string.Join(", ", articlesFetchedTwice));
    }

    [Fact]
    public async Task ListPrintsEveryArticleUrlOnceWithFeedDatesFetchingNoListedItemAndStoringNothing()
    {
        await using var site = await NewsSite.StartAsync();
        var result = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--list", "--format", "jsonl", "--store", StorePath, "--delay", "0");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(site.ArticleUrls().Order(), lines.Select(l => l.GetProperty("url").GetString()!).Order());
        var feedStory = lines.Single(l => l.GetProperty("url").GetString() == site.BaseUrl + "/world/2024/06/feed-story-1");
        Assert.StartsWith("2024-06-01", feedStory.GetProperty("date").GetString());
        Assert.Contains(feedStory.GetProperty("via").GetString(), new[] { "feed", "sitemap" });
        var sectionStory = lines.Single(l => l.GetProperty("url").GetString() == site.BaseUrl + "/world/2024/05/world-story-7");
        Assert.Equal("link", sectionStory.GetProperty("via").GetString());
        Assert.StartsWith("2024-05-03", sectionStory.GetProperty("date").GetString()); // from the page's head
        Assert.Equal(0, site.CountRequests("/world/2024/06/feed-story-1")); // a listed item is not fetched
        Assert.False(File.Exists(StorePath));
        Assert.Contains($"{site.ArticleUrls().Count} article URLs listed", result.Stderr);
    }

    [Fact]
    public async Task ListWithDepthZeroGivesOnlyWhatFeedsAndSitemapsList()
    {
        await using var site = await NewsSite.StartAsync();
        var result = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--list", "--max-depth", "0", "--store", StorePath, "--delay", "0");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var urls = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).ToList();
        var expected = site.ArticleUrls().Where(u => !u.Contains("/2024/05/", StringComparison.Ordinal)).Concat(
            new[] { "world/2024/05/world-story-3", "business/2024/05/business-story-4", "business/2024/05/business-story-5", "business/2024/05/business-story-6" }
                .Select(p => $"{site.BaseUrl}/{p}"));
        Assert.Equal(expected.Order(), urls.Order());
        Assert.Equal(1, site.Requests.Count(r => r.PathAndQuery.Contains("/2024/", StringComparison.Ordinal) || r.PathAndQuery == "/")); // the homepage only
    }

    [Theory]
    [InlineData("crawl")]
    [InlineData("crawl", "ftp://example.com/")]
    [InlineData("crawl", "http://127.0.0.1:1/", "--delay", "soon")]
    [InlineData("crawl", "http://127.0.0.1:1/", "--since", "yesterday")]
    [InlineData("crawl", "--resume", "--list")]
    [InlineData("crawl", "http://127.0.0.1:1/", "--format", "jsonl")]
    [InlineData("crawl", "http://127.0.0.1:1/", "--list", "--format", "xml")]
    public void BadUsageExitsWithTwo(params string[] args)
    {
        var result = CliRunner.Run(null, args);
        Assert.Equal(2, result.ExitCode);
    }
}
