using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Gleaner.Cli.Tests;

/// <summary>A host that answers 429 with a Retry-After of an hour must not hold a one-off crawl open: the crawl
/// ends when only such URLs are left, says so, and leaves them queued for the next run.</summary>
public sealed class DeferredCrawlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-deferred-").FullName;

    private string StorePath => Path.Combine(_folder, "gleaner.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Story(int n)
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<p>Paragraph {i} of story {n}. The council met on Monday to discuss the budget for the coming year, and members argued at length.</p>"));
        return $"<!DOCTYPE html><html lang=\"en\"><head><title>Story {n}</title><meta property=\"og:type\" content=\"article\"></head>"
            + $"<body><article><h1>Story {n}</h1>{paragraphs}</article></body></html>";
    }

    [Fact]
    public async Task AnHourLongRetryAfterEndsTheCrawlWithTheOtherPagesStored()
    {
        await using var open = await LocalSite.StartAsync(app =>
        {
            app.MapGet("/", context => LocalSite.WriteHtml(context,
                "<html><head><title>Home</title></head><body><a href=\"/news/story-1\">Story one has a long headline</a> <a href=\"/news/story-2\">Story two has a long headline</a></body></html>"));
            app.MapGet("/news/{slug}", context => LocalSite.WriteHtml(context, Story(context.Request.Path.Value!.EndsWith('1') ? 1 : 2)));
        });
        await using var busy = await LocalSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", context =>
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            });
            app.MapGet("/", context =>
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "3600";
                return Task.CompletedTask;
            });
        });

        var crawl = CliRunner.Run(null, "crawl", open.BaseUrl + "/", busy.BaseUrl + "/", "--store", StorePath, "--delay", "0");

        Assert.True(crawl.ExitCode == 0, crawl.Stderr);
        Assert.Contains("1 URLs deferred until", crawl.Stderr);
        await using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM articles), (SELECT state FROM crawl_urls WHERE url = $url)";
        command.Parameters.AddWithValue("$url", busy.BaseUrl + "/");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(2, reader.GetInt64(0));
        Assert.Equal(0, reader.GetInt64(1)); // still queued for the next run
    }
}
