using System.Text.Json;
using Gleaner.Fetching;
using Gleaner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Gleaner.Cli.Tests;

/// <summary>The browser these tests drive: <c>GLEANER_TEST_CHROMIUM</c> (CI sets it), else Debian's <c>/usr/bin/chromium</c>.</summary>
internal static class TestBrowser
{
    public static string? Path { get; } =
        Environment.GetEnvironmentVariable("GLEANER_TEST_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured) ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    public const string SkipReason = "no Chromium: set GLEANER_TEST_CHROMIUM or install Debian's chromium (.ci/chromium does)";
}

/// <summary>A fact that drives headless Chromium; skipped, saying why, when there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (TestBrowser.Path is null)
            Skip = TestBrowser.SkipReason;
    }
}

/// <summary>
/// <c>--render</c> of <c>gleaner extract</c> and <c>gleaner crawl</c> against a fixture site on 127.0.0.1 whose articles are
/// built by script. The browser is started through a wrapper that counts its launches, so "a static page starts no browser"
/// is measured on the processes themselves.
/// </summary>
public sealed class RenderCommandTests : IDisposable
{
    private const string FirstParagraph = "The harbour ferry carried its first passengers of the year on Saturday morning after a winter of repairs to its hull and engines.";
    private const string SecondParagraph = "Crowds gathered on the quay to watch it leave, and the harbour master rang the old bell that marks each first sailing of the year.";
    private const string ThirdParagraph = "The timetable returns to normal next week, with sailings every half hour from seven in the morning until eight at night.";
    private const string CrossSiteMarker = "This paragraph came from another site.";
    // The static page's own paragraph: without it its text would equal the rendered page's, and a crawl keeps one record per text and host.
    private const string StaticOnlyParagraph = "Ticket prices stay as they were last year, the ferry company said in a statement on Friday.";

    private readonly string _directory = Directory.CreateTempSubdirectory("gleaner-render-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string LaunchLog => Path.Combine(_directory, "launches.log");

    private int Launches => File.Exists(LaunchLog) ? File.ReadAllLines(LaunchLog).Length : 0;

    /// <summary>A browser executable that logs each start, then runs the real one.</summary>
    private string CountingBrowser()
    {
        var wrapper = Path.Combine(_directory, "chromium");
        File.WriteAllText(wrapper, $"#!/bin/sh\necho started >> '{LaunchLog}'\nexec '{TestBrowser.Path}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) // the browser tests run where Debian's chromium does
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return wrapper;
    }

    private static string Shell(string title, string body) =>
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        + $"<title>{title} - The Courier</title><meta property=og:type content=article>"
        + "<link rel=stylesheet href=/css/site.css></head>"
        + $"<body><header><a href=/>The Courier</a></header>{body}<img src=/img/logo.png alt=''></body></html>";

    /// <summary>
    /// /news/script-story: the article is written into an empty #root by a script. /news/json-story: a script fetches it
    /// from /api/story.json. /news/static-story: a plain page. /news/cross-site-story: a script-built page that also loads
    /// a script from another site (localhost, where the page is on 127.0.0.1), which must not run by default.
    /// </summary>
    private static Task<LocalSite> StartSiteAsync(List<string> requested) => LocalSite.StartAsync(app =>
    {
        app.Use(async (context, next) =>
        {
            lock (requested)
                requested.Add(context.Request.Path + " " + context.Request.Headers.UserAgent);
            await next(context);
        });
        app.MapGet("/", context => LocalSite.WriteHtml(context,
            "<!doctype html><title>The Courier</title><ul><li><a href=/news/script-story>Ferry</a><li><a href=/news/static-story>Static</a></ul>"));
        app.MapGet("/robots.txt", context => context.Response.WriteAsync("User-agent: *\nDisallow: /private/\n"));
        app.MapGet("/news/script-story", context => LocalSite.WriteHtml(context, Shell("Harbour ferry returns",
            "<noscript>You need to enable JavaScript to run this app.</noscript><div id=root></div>"
            + "<script src=/static/story.js></script><script src=/private/tracker.js></script>")));
        app.MapGet("/static/story.js", context =>
        {
            context.Response.ContentType = "text/javascript";
            return context.Response.WriteAsync(
                "var root = document.getElementById('root');"
                + "root.innerHTML = '<article><h1>Harbour ferry returns</h1>' + "
                + JsonSerializer.Serialize(string.Concat($"<p>{FirstParagraph}</p>", $"<p>{SecondParagraph}</p>", $"<p>{ThirdParagraph}</p>"))
                + " + '</article>';");
        });
        app.MapGet("/private/tracker.js", context => context.Response.WriteAsync("window.tracked = true;"));
        app.MapGet("/news/json-story", context => LocalSite.WriteHtml(context, Shell("Night trains return",
            "<div id=app></div><script src=/static/loader.js></script>")));
        app.MapGet("/static/loader.js", context =>
        {
            context.Response.ContentType = "text/javascript";
            return context.Response.WriteAsync(
                "fetch('/api/story.json').then(r => r.json()).then(story => {"
                + "  var app = document.getElementById('app'); var article = document.createElement('article');"
                + "  var h1 = document.createElement('h1'); h1.textContent = story.title; article.appendChild(h1);"
                + "  story.paragraphs.forEach(t => { var p = document.createElement('p'); p.textContent = t; article.appendChild(p); });"
                + "  app.appendChild(article); });");
        });
        app.MapGet("/api/story.json", context => context.Response.WriteAsJsonAsync(new
        {
            title = "Night trains return",
            paragraphs = new[] { FirstParagraph.Replace("harbour ferry", "night train"), SecondParagraph, ThirdParagraph },
        }));
        app.MapGet("/news/static-story", context => LocalSite.WriteHtml(context, Shell("Harbour ferry returns",
            $"<article><h1>Harbour ferry returns</h1><p>{FirstParagraph}</p><p>{SecondParagraph}</p><p>{ThirdParagraph}</p><p>{StaticOnlyParagraph}</p></article>"
            + "<noscript>Enable JavaScript to see the comments.</noscript><script src=/static/comments.js></script>")));
        app.MapGet("/news/cross-site-story", context =>
        {
            var otherSite = $"http://localhost:{context.Request.Host.Port}";
            return LocalSite.WriteHtml(context, Shell("Harbour ferry returns",
                $"<div id=root></div><script src=/static/story.js></script><script src={otherSite}/static/cross.js></script>"));
        });
        app.MapGet("/static/cross.js", context =>
        {
            context.Response.ContentType = "text/javascript";
            return context.Response.WriteAsync($"document.body.insertAdjacentHTML('beforeend', '<p>{CrossSiteMarker}</p>');");
        });
    });

    private static JsonElement[] Records(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();

    [ChromiumFact]
    public async Task ScriptBuiltArticlesAreRenderedInOneBrowserAndStaticOnesStartNone()
    {
        var requested = new List<string>();
        await using var site = await StartSiteAsync(requested);
        var browser = CountingBrowser();

        var result = CliRunner.Run(null, "extract", "--render", "auto", "--browser", browser, "-f", "jsonl",
            site.BaseUrl + "/news/script-story", site.BaseUrl + "/news/json-story");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var records = Records(result.Stdout);
        Assert.Equal(2, records.Length);
        var inserted = records[0].GetProperty("text").GetString()!;
        Assert.Contains(FirstParagraph, inserted);
        Assert.Contains(ThirdParagraph, inserted);
        Assert.Equal("Harbour ferry returns", records[0].GetProperty("title").GetString());
        var fetched = records[1].GetProperty("text").GetString()!;
        Assert.Contains("The night train carried its first passengers", fetched);
        Assert.Contains(ThirdParagraph, fetched);
        Assert.Equal(1, Launches); // one browser for both pages

        // The scripts and the JSON were requested with Gleaner's User-Agent; images, style sheets and what robots.txt forbids were not.
        lock (requested)
        {
            Assert.Contains(requested, r => r.StartsWith("/api/story.json " + FetchOptions.DefaultUserAgent, StringComparison.Ordinal));
            Assert.Contains(requested, r => r.StartsWith("/static/story.js " + FetchOptions.DefaultUserAgent, StringComparison.Ordinal));
            Assert.DoesNotContain(requested, r => r.StartsWith("/img/", StringComparison.Ordinal) || r.StartsWith("/css/", StringComparison.Ordinal));
        }

        File.Delete(LaunchLog);
        var plain = CliRunner.Run(null, "extract", "--render", "auto", "--browser", browser, "-f", "json", site.BaseUrl + "/news/static-story");
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.Contains(SecondParagraph, JsonDocument.Parse(plain.Stdout).RootElement.GetProperty("text").GetString());
        Assert.Equal(0, Launches);
    }

    [ChromiumFact]
    public async Task ScriptsOfOtherSitesDoNotRun()
    {
        var requested = new List<string>();
        await using var site = await StartSiteAsync(requested);
        var browser = CountingBrowser();

        var blocked = CliRunner.Run(null, "extract", "--render", "always", "--browser", browser, "-f", "json", site.BaseUrl + "/news/cross-site-story");
        Assert.True(blocked.ExitCode == 0, blocked.Stderr);
        var text = JsonDocument.Parse(blocked.Stdout).RootElement.GetProperty("text").GetString()!;
        Assert.Contains(FirstParagraph, text);
        Assert.DoesNotContain(CrossSiteMarker, text);
        lock (requested)
            Assert.DoesNotContain(requested, r => r.StartsWith("/static/cross.js", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task ACrawlRendersTheScriptBuiltArticleUnderItsRobotsRulesAndStoresBoth()
    {
        var requested = new List<string>();
        await using var site = await StartSiteAsync(requested);
        var store = Path.Combine(_directory, "gleaner.db");

        var result = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--store", store, "--delay", "0", "--render", "auto", "--browser", CountingBrowser());

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("/news/script-story: rendered (empty app root <div id=root>)", result.Stderr);
        var texts = new Dictionary<string, string>();
        await using (var articles = await ArticleStores.OpenAsync(store, new StoreOptions { CreateIfMissing = false }))
            await foreach (var record in articles.ExportAsync(ArticleFilter.None))
                texts[new Uri(record.Article.Url!).AbsolutePath] = record.Article.Text ?? "";
        Assert.Contains(FirstParagraph, texts["/news/script-story"]);
        Assert.Contains(SecondParagraph, texts["/news/static-story"]);
        Assert.Equal(1, Launches);
        lock (requested)
            Assert.DoesNotContain(requested, r => r.StartsWith("/private/", StringComparison.Ordinal)); // robots.txt disallows it
    }

    [Fact]
    public void AskingForRenderingWithoutABrowserIsAnErrorNamingThePath()
    {
        var missing = Path.Combine(_directory, "no-such-chromium");
        var result = CliRunner.Run(null, "extract", "--render", "always", "--browser", missing, "https://127.0.0.1:9/story");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"no browser at {missing}", result.Stderr);
    }
}
