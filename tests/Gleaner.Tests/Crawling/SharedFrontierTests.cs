using System.Data.Common;
using Gleaner.Crawling;
using Gleaner.Fetching;
using Gleaner.Storage;
using Npgsql;

namespace Gleaner.Tests.Crawling;

/// <summary>Several crawl workers sharing one frontier on PostgreSQL, as several machines would.</summary>
public sealed class SharedFrontierTests : IAsyncLifetime
{
    private string _schema = "";
    private NpgsqlDataSource? _dataSource;

    public async Task InitializeAsync()
    {
        var connectionString = PostgresTestDatabase.ConnectionString;
        if (string.IsNullOrEmpty(connectionString))
            return;
        _schema = "gleaner_crawl_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = _schema }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is null)
            return;
        await using (var connection = await _dataSource.OpenConnectionAsync())
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await _dataSource.DisposeAsync();
    }

    private SqlFrontier NewFrontier(string worker) =>
        new(async cancellationToken => (DbConnection)await _dataSource!.OpenConnectionAsync(cancellationToken), FrontierDialect.PostgreSql, worker);

    [PostgresFact]
    public async Task TwoWorkersNeverFetchTheSameUrlAndKeepTheHostDelayTogether()
    {
        await using var site = await NewsSite.StartAsync();
        var delay = TimeSpan.FromMilliseconds(30);
        var options = new CrawlOptions
        {
            Delay = delay,
            Concurrency = 3,
            Fetch = new FetchOptions { Timeout = TimeSpan.FromSeconds(5) },
        };
        var first = NewFrontier("worker-1");
        await first.EnsureSchemaAsync();
        var outputs = new[] { new MemoryOutput(), new MemoryOutput() };
        // The first worker stops after a few URLs, so the second must take part whatever the scheduling: on a
        // loaded machine the first one's own workers could otherwise take every turn of the one host.
        var crawlers = new[]
        {
            new Crawler(first, outputs[0], options with { MaxPages = 4 }), new Crawler(NewFrontier("worker-2"), outputs[1], options),
        };
        await crawlers[0].AddStartsAsync([site.BaseUrl + "/"]); // the second worker finds the start's site in the frontier

        await Task.WhenAll(crawlers.Select(c => c.RunAsync()));

        var pages = site.Requests.Where(r => r.PathAndQuery != "/robots.txt").ToList();
        var fetchedTwice = pages.GroupBy(r => r.PathAndQuery).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(fetchedTwice);
        Assert.True(crawlers[0].Statistics.Fetched > 0 && crawlers[1].Statistics.Fetched > 0, "both workers took part");
        var stored = outputs[0].Articles.Keys.Concat(outputs[1].Articles.Keys).Order().ToList();
        Assert.Equal(site.ArticleUrls().Order(), stored);

        // One host: the two workers took turns, never closer together than the delay.
        var times = pages.Select(r => r.At).Order().ToList();
        for (var i = 1; i < times.Count; i++)
            Assert.True(times[i] - times[i - 1] >= delay - TimeSpan.FromMilliseconds(2), $"gap of {(times[i] - times[i - 1]).TotalMilliseconds} ms");
    }
}
