using System.Diagnostics;
using Gleaner.Archives;
using Gleaner.Storage;
using Gleaner.Tests.Crawling;
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

    private async Task<List<string>> StoredUrlsAsync()
    {
        await using var store = await ArticleStores.OpenAsync(StorePath, new StoreOptions { CreateIfMissing = false });
        var urls = new List<string>();
        await foreach (var record in store.ExportAsync(ArticleFilter.None))
            urls.Add(record.Article.Url!);
        return urls;
    }

    [Fact]
    public async Task CrawlingTheFixtureSiteStoresEveryArticleAndNoListingPage()
    {
        await using var site = await NewsSite.StartAsync();
        var result = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--store", StorePath, "--delay", "0");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var stored = await StoredUrlsAsync();
        Assert.Equal(site.ArticleUrls().Order(), stored.Order());
        Assert.Contains("articles stored", result.Stderr);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task KilledMidCrawlAResumedCrawlLosesNothingStoresNothingTwiceAndRefetchesNoDoneUrl()
    {
        await using var site = await NewsSite.StartAsync();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { CliRunner.GleanerDll, "crawl", site.BaseUrl + "/", "--store", StorePath, "--delay", "60ms" })
            start.ArgumentList.Add(arg);
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

        var stored = await StoredUrlsAsync();
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

    [PostgresCliFact]
    [Trait("Category", "Slow")]
    public async Task TwoCrawlProcessesShareOnePostgresStoreWithoutFetchingAUrlTwice()
    {
        var baseString = Environment.GetEnvironmentVariable(PostgresCliFactAttribute.Variable)!;
        var schema = "gleaner_crawl_cli_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new Npgsql.NpgsqlConnection(baseString))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var store = new Npgsql.NpgsqlConnectionStringBuilder(baseString) { SearchPath = schema }.ConnectionString;
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
            await using var opened = await ArticleStores.OpenAsync(store, new StoreOptions { CreateIfMissing = false });
            var urls = new List<string>();
            await foreach (var record in opened.ExportAsync(ArticleFilter.None))
                urls.Add(record.Article.Url!);
            Assert.Equal(site.ArticleUrls().Order(), urls.Order());
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(baseString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData("crawl")]
    [InlineData("crawl", "ftp://example.com/")]
    [InlineData("crawl", "http://127.0.0.1:1/", "--delay", "soon")]
    [InlineData("crawl", "http://127.0.0.1:1/", "--since", "yesterday")]
    public void BadUsageExitsWithTwo(params string[] args)
    {
        var result = CliRunner.Run(null, args);
        Assert.Equal(2, result.ExitCode);
    }
}

/// <summary>A [Fact] skipped, saying why, when no PostgreSQL server is configured.</summary>
public sealed class PostgresCliFactAttribute : FactAttribute
{
    public const string Variable = "GLEANER_TEST_POSTGRES";

    public PostgresCliFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"needs PostgreSQL: set {Variable} to an Npgsql connection string (export {Variable}=\"$(.ci/postgres)\")";
    }
}
