using System.Text;
using Gleaner.Crawling;
using Gleaner.Fetching;
using Gleaner.Storage;
using Gleaner.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gleaner.Tests.Crawling;

/// <summary>
/// What a crawl stores: a small blog on 127.0.0.1 with site furniture (about, privacy, impressum), a page without any
/// article signal, one story served under address variants without a canonical, a link-heavy roundup that the feed
/// lists as an item, and a story whose canonical carries tracking parameters.
/// </summary>
public sealed class CrawlJudgementTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gleaner-judgement-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task FurnitureAndSignallessPagesAreNotStoredDuplicatesOnceListedRoundupsAreAndTrackingNeverReachesTheKey()
    {
        await using var site = await StartBlogAsync();
        var baseUrl = site.BaseUrl;
        var frontier = await SqliteFrontierDatabase.OpenAsync(Path.Combine(_directory, "frontier.db"));
        var output = new MemoryOutput();
        using var crawler = new Crawler(frontier, output, new CrawlOptions { Delay = TimeSpan.Zero, ProbeSitemaps = false, Fetch = new FetchOptions { Timeout = TimeSpan.FromSeconds(10) } });

        var result = await crawler.CrawlAsync([baseUrl + "/"]);

        // The roundup reads as a list of links; it is stored because the feed lists it as an item.
        Assert.Equal(Gleaner.Extraction.PageKind.Listing, Gleaner.Extraction.ArticleClassifier.Classify(Roundup()));
        // A plain page the feed lists is stored (the listing is its signal); a furniture page the feed lists is not.
        Assert.Equal(new[] { baseUrl + "/2024/editors-letter", baseUrl + "/2024/roundup", baseUrl + "/2024/tracked-story", baseUrl + "/2024/twin-story" },
            output.Articles.Keys.Order());
        Assert.Equal(4, result.Statistics.Stored);
        var report = await frontier.ReportAsync();
        var furniture = report.Single(r => r.Reason.StartsWith("site furniture", StringComparison.Ordinal));
        Assert.Equal(3, furniture.Count); // about, privacy, impressum
        Assert.Contains(report, r => r.Reason.StartsWith("no article signals", StringComparison.Ordinal) && r.Example == baseUrl + "/our-mission");
        Assert.Contains(report, r => r.Reason.StartsWith("same text as another page", StringComparison.Ordinal) && r.Count == 2);
        // The twin's other addresses are kept as aliases of its one record.
        Assert.Equal(new[] { baseUrl + "/2024/twin-story/", baseUrl + "/2024/twin-story?p=2" }, output.Aliases.Keys.Order(StringComparer.Ordinal));
        Assert.All(output.Aliases.Values, record => Assert.Equal(baseUrl + "/2024/twin-story", record));
    }

    [Fact]
    public async Task ARerunFindsTheSameRecordsUnchangedAndStoresNothingAgain()
    {
        await using var site = await StartBlogAsync();
        var baseUrl = site.BaseUrl;
        var frontier = await SqliteFrontierDatabase.OpenAsync(Path.Combine(_directory, "frontier.db"));
        var options = new CrawlOptions { Delay = TimeSpan.Zero, ProbeSitemaps = false };
        var output = new MemoryOutput();
        using (var first = new Crawler(frontier, output, options))
            await first.CrawlAsync([baseUrl + "/"]);
        var saves = output.Saves;

        // The start is an article itself: fetched again, found unchanged (the record but its fetch time), not saved.
        using var again = new Crawler(frontier, output, options);
        var result = await again.CrawlAsync([baseUrl + "/2024/twin-story"]);
        Assert.Equal(1, result.Statistics.Unchanged);
        Assert.Equal(0, result.Statistics.Stored);
        Assert.Equal(saves, output.Saves);
    }

    private static Task<LocalSite> StartBlogAsync() => LocalSite.StartAsync(app =>
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var baseUrl = $"http://{context.Request.Host}";
            string? html = path switch
            {
                "/" => Homepage(),
                "/about" => PlainPage("About us", "We are a small team writing about the town, its council and its schools since 1998."),
                "/privacy" => PlainPage("Privacy policy", "We keep the data you give us only as long as the law asks and never sell it to anyone."),
                "/de/impressum.html" => PlainPage("Impressum", "Verantwortlich für den Inhalt dieser Seite ist die Redaktion, erreichbar unter der Anschrift."),
                "/our-mission" => PlainPage("Our mission", "Local reporting matters, and we believe every resident deserves to know how decisions are made."),
                // As plain as the mission page, but the feed lists it: the listing is its article signal.
                "/2024/editors-letter" => PlainPage("A letter from the editor", "Thank you for reading us this year; the council budget story drew more letters than any other."),
                "/2024/twin-story" or "/2024/twin-story/" => Story("Twin story", canonical: null),
                "/2024/tracked-story" => Story("Tracked story", canonical: baseUrl + "/2024/tracked-story?utm_source=rss&utm_medium=feed"),
                "/2024/roundup" => Roundup(),
                _ => null,
            };
            if (path == "/feed.xml")
            {
                context.Response.ContentType = "application/rss+xml";
                return context.Response.WriteAsync($"""
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Town Blog</title>
                    <item><title>Roundup</title><link>{baseUrl}/2024/roundup</link><pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate></item>
                    <item><title>Tracked</title><link>{baseUrl}/2024/tracked-story?utm_source=rss</link></item>
                    <item><title>From the editor</title><link>{baseUrl}/2024/editors-letter</link></item>
                    <item><title>About us</title><link>{baseUrl}/about</link></item>
                    </channel></rss>
                    """);
            }
            if (html is null)
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }
            return LocalSite.WriteHtml(context, html);
        }));

    private static string Homepage() => """
        <!DOCTYPE html><html><head><title>Town Blog</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
        <body><nav><a href="/about">About</a> <a href="/privacy">Privacy</a> <a href="/de/impressum.html">Impressum</a> <a href="/our-mission">Mission</a></nav>
        <ul><li><a href="/2024/twin-story">Twin story</a></li><li><a href="/2024/twin-story/">Twin story again</a></li>
        <li><a href="/2024/twin-story?p=2">Twin story, page variant</a></li></ul></body></html>
        """;

    /// <summary>Long plain prose: the classifier alone takes it for an article; it has no date, author or article markup.</summary>
    private static string PlainPage(string title, string sentence)
    {
        var body = new StringBuilder();
        for (var i = 0; i < 6; i++)
            body.Append("<p>").Append(sentence).Append(' ').Append(sentence).Append("</p>");
        return $"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>";
    }

    private static string Story(string title, string? canonical)
    {
        var body = new StringBuilder();
        for (var i = 1; i <= 5; i++)
            body.Append($"<p>Paragraph {i} of the {title.ToLowerInvariant()}. The council met on Monday to discuss the budget for the coming year, and members argued at length about roads.</p>");
        var link = canonical is null ? "" : $"<link rel=\"canonical\" href=\"{canonical}\">";
        return $"""
            <!DOCTYPE html><html lang="en"><head><title>{title}</title>{link}
            <meta property="article:published_time" content="2024-06-03T08:00:00+00:00"></head>
            <body><article><h1>{title}</h1>{body}</article></body></html>
            """;
    }

    /// <summary>A weekly roundup: mostly linked headlines, a short introduction, a date and an author.</summary>
    private static string Roundup()
    {
        var items = new StringBuilder();
        for (var i = 1; i <= 12; i++)
            items.Append($"<article><h3><a href=\"/2024/older-{i}\">Headline number {i} of the week in the town</a></h3></article>");
        return $"""
            <!DOCTYPE html><html lang="en"><head><title>The week in review</title>
            <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-06-03T08:00:00+00:00"></head>
            <body><h1>The week in review</h1><p class="byline">By Jane Doe</p>
            <p>A busy week at the town hall: the budget passed after a long night, and the school board chose a new head.</p>
            {items}</body></html>
            """;
    }
}
