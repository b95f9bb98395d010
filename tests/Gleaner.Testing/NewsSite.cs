using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gleaner.Testing;

/// <summary>
/// A small news site served by Kestrel on 127.0.0.1 (a free port) for crawl tests: a homepage and
/// sections listing articles, RSS / Atom / JSON feeds, a sitemap index with a gzipped sitemap and a news
/// sitemap, robots.txt, an endless calendar, and fault pages (slow, hanging, 500, 429 with Retry-After,
/// redirect loops, wrong and missing charsets, truncated gzip, a 100 MB body, non-HTML). Every request
/// is logged so tests can count fetches and measure their spacing. Articles are reachable in different
/// ways on purpose: some only from sections, some only from the feeds, some only from the sitemaps.
/// The homepage, sections, feeds and sitemaps carry an ETag and answer a matching If-None-Match with 304,
/// and new articles can be published to the feed, the sitemap or a section (re-run tests).
/// </summary>
public sealed class NewsSite : IAsyncDisposable
{
    public const int SectionArticles = 8;   // per section, linked from section pages
    public const int FeedOnlyArticles = 3;  // only in the feeds
    public const int SitemapOnlyArticles = 3; // only in the gzipped sitemap
    public const int NewsSitemapArticles = 2; // only in the news sitemap

    private static readonly string[] Sections = ["world", "business"];

    private LocalSite? _site;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _published = new();
    private readonly ConcurrentQueue<string> _publishedInSitemap = new();
    private readonly ConcurrentQueue<string> _publishedInSection = new();

    /// <param name="withFaults">Link the fault pages and the calendar from the homepage.</param>
    /// <param name="robots">robots.txt content; null for the default (disallow /private/, name the sitemap index).</param>
    private NewsSite(bool withFaults, string? robots)
    {
        WithFaults = withFaults;
        RobotsTxt = robots;
    }

    private void Routes(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var at = DateTimeOffset.UtcNow;
            try
            {
                await next(context);
            }
            finally
            {
                Requests.Enqueue(new Request(context.Request.Path + context.Request.QueryString, at,
                    context.Request.Headers.UserAgent.ToString(), context.Request.Headers.IfNoneMatch.ToString(), context.Response.StatusCode));
            }
        });
        app.Run(Handle);
    }

    public bool WithFaults { get; }

    public string? RobotsTxt { get; set; }

    /// <summary>When set, robots.txt answers with this status and no body.</summary>
    public int? RobotsStatus { get; set; }

    /// <summary>robots.txt answers 503 to this many requests first (a host that fails for a moment), then as usual.</summary>
    public int RobotsFailuresFirst { get; set; }

    private int _robotsRequests;

    /// <summary>Base address, e.g. <c>http://127.0.0.1:40123</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<Request> Requests { get; } = new();

    public sealed record Request(string PathAndQuery, DateTimeOffset At, string UserAgent, string IfNoneMatch, int Status);

    public static async Task<NewsSite> StartAsync(bool withFaults = false, string? robots = null)
    {
        var site = new NewsSite(withFaults, robots);
        site._site = await LocalSite.StartAsync(site.Routes);
        site.BaseUrl = site._site.BaseUrl;
        return site;
    }

    /// <summary>Every article URL the site has (what a complete crawl stores).</summary>
    public IReadOnlyList<string> ArticleUrls()
    {
        var urls = new List<string>();
        foreach (var section in Sections)
            for (var i = 1; i <= SectionArticles; i++)
                urls.Add($"{BaseUrl}/{section}/2024/05/{section}-story-{i}");
        for (var i = 1; i <= FeedOnlyArticles; i++)
            urls.Add($"{BaseUrl}/world/2024/06/feed-story-{i}");
        for (var i = 1; i <= SitemapOnlyArticles; i++)
            urls.Add($"{BaseUrl}/business/2024/06/sitemap-story-{i}");
        for (var i = 1; i <= NewsSitemapArticles; i++)
            urls.Add($"{BaseUrl}/world/2024/07/news-story-{i}");
        foreach (var slug in _published)
            urls.Add($"{BaseUrl}/world/2024/08/{slug}");
        foreach (var slug in _publishedInSitemap)
            urls.Add($"{BaseUrl}/business/2024/09/{slug}");
        foreach (var slug in _publishedInSection)
            urls.Add($"{BaseUrl}/world/2024/10/{slug}");
        return urls;
    }

    /// <summary>Publishes a new article: it appears in the RSS feed (watch mode test).</summary>
    public string Publish(string slug)
    {
        _published.Enqueue(slug);
        return $"{BaseUrl}/world/2024/08/{slug}";
    }

    /// <summary>Publishes a new article listed only in the (gzipped) articles sitemap.</summary>
    public string PublishInSitemap(string slug)
    {
        _publishedInSitemap.Enqueue(slug);
        return $"{BaseUrl}/business/2024/09/{slug}";
    }

    /// <summary>Publishes a new article linked only from the first page of the world section.</summary>
    public string PublishInSection(string slug)
    {
        _publishedInSection.Enqueue(slug);
        return $"{BaseUrl}/world/2024/10/{slug}";
    }

    /// <summary>How many requests asked for exactly this path and query.</summary>
    public int CountRequests(string pathAndQuery) => Requests.Count(r => r.PathAndQuery == pathAndQuery);

    private async Task Handle(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var response = context.Response;
        switch (path)
        {
            case "/":
                await Conditional(context, Homepage(), "text/html; charset=utf-8");
                return;
            case "/robots.txt":
                if (Interlocked.Increment(ref _robotsRequests) <= RobotsFailuresFirst)
                {
                    response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
                if (RobotsStatus is { } status)
                {
                    response.StatusCode = status;
                    return;
                }
                response.ContentType = "text/plain";
                await response.WriteAsync(RobotsTxt ?? $"User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n\nSitemap: {BaseUrl}/sitemap_index.xml\n");
                return;
            case "/feed.xml":
                await Conditional(context, RssFeed(), "application/rss+xml");
                return;
            case "/atom.xml":
                await Conditional(context, AtomFeed(), "application/atom+xml");
                return;
            case "/feed.json":
                await Conditional(context, JsonFeed(), "application/feed+json");
                return;
            case "/sitemap_index.xml":
                await Conditional(context, $"""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <sitemap><loc>{BaseUrl}/sitemaps/articles.xml.gz</loc><lastmod>2024-06-10</lastmod></sitemap>
                      <sitemap><loc>{BaseUrl}/news-sitemap.xml</loc></sitemap>
                    </sitemapindex>
                    """, "application/xml");
                return;
            case "/sitemaps/articles.xml.gz":
            {
                var sitemap = ArticlesSitemap();
                if (NotModified(context, sitemap))
                    return;
                response.ContentType = "application/x-gzip";
                await response.Body.WriteAsync(Gzip(sitemap));
                return;
            }
            case "/news-sitemap.xml":
                await Conditional(context, NewsSitemap(), "text/xml");
                return;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 1 && Array.IndexOf(Sections, segments[0]) >= 0 && path.EndsWith('/'))
        {
            await Conditional(context, SectionPage(segments[0], context.Request.Query["page"].ToString()), "text/html; charset=utf-8");
            return;
        }
        if (segments.Length == 4 && Array.IndexOf(Sections, segments[0]) >= 0 && segments[1] == "2024")
        {
            await Html(response, ArticlePage(segments[0], segments[3], $"2024-{segments[2]}-03T10:00:00+00:00"));
            return;
        }
        if (segments.Length == 3 && segments[0] == "calendar" && int.TryParse(segments[1], out var year) && int.TryParse(segments[2], out var month))
        {
            await Html(response, CalendarPage(year, month));
            return;
        }
        if (segments.Length >= 1 && segments[0] == "private")
        {
            await Html(response, ArticlePage("world", "private-story", "2024-05-03T10:00:00+00:00"));
            return;
        }
        await HandleFault(context, path);
    }

    private async Task HandleFault(HttpContext context, string path)
    {
        var response = context.Response;
        var attempt = _attempts.AddOrUpdate(path, 1, (_, n) => n + 1);
        switch (path)
        {
            case "/faults/slow":
                await Task.Delay(300, context.RequestAborted);
                await Html(response, ArticlePage("world", "slow-story", "2024-05-03T10:00:00+00:00"));
                return;
            case "/faults/hang":
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
                return;
            case "/faults/500":
                response.StatusCode = 500;
                return;
            case "/faults/flaky-500":
                if (attempt == 1)
                {
                    response.StatusCode = 503;
                    return;
                }
                await Html(response, ArticlePage("world", "flaky-story", "2024-05-03T10:00:00+00:00"));
                return;
            case "/faults/429":
                if (attempt == 1)
                {
                    response.StatusCode = 429;
                    response.Headers.RetryAfter = "1";
                    return;
                }
                await Html(response, ArticlePage("world", "patient-story", "2024-05-03T10:00:00+00:00"));
                return;
            case "/faults/loop-a":
                response.Redirect("/faults/loop-b");
                return;
            case "/faults/loop-b":
                response.Redirect("/faults/loop-a");
                return;
            case "/faults/moved":
                response.StatusCode = 301;
                response.Headers.Location = "/world/2024/05/world-story-1";
                return;
            case "/faults/wrong-charset":
                response.ContentType = "text/html; charset=iso-8859-1";
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(ArticlePage("world", "charset-story", "2024-05-03T10:00:00+00:00", "Zürich café naïve")));
                return;
            case "/faults/no-charset":
                response.ContentType = "text/html";
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(ArticlePage("world", "nocharset-story", "2024-05-03T10:00:00+00:00", "Zürich café naïve")));
                return;
            case "/faults/truncated-gzip":
            {
                var gzipped = Gzip(ArticlePage("world", "truncated-story", "2024-05-03T10:00:00+00:00"));
                response.ContentType = "text/html; charset=utf-8";
                response.Headers.ContentEncoding = "gzip";
                await response.Body.WriteAsync(gzipped.AsMemory(0, gzipped.Length / 2));
                return;
            }
            case "/faults/huge":
            {
                // 100 MB generated while streaming, never held in memory.
                response.ContentType = "text/html";
                var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler filler filler filler</p>\n", 2048)));
                long sent = 0;
                await response.Body.WriteAsync(Encoding.ASCII.GetBytes("<html><body>"), context.RequestAborted);
                while (sent < 100L * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested)
                {
                    await response.Body.WriteAsync(chunk, context.RequestAborted);
                    sent += chunk.Length;
                }
                return;
            }
            case "/faults/report.pdf":
                response.ContentType = "application/pdf";
                await response.Body.WriteAsync(Encoding.ASCII.GetBytes("%PDF-1.4 not really"));
                return;
            case "/faults/etag":
                const string etag = "\"v1\"";
                if (context.Request.Headers.IfNoneMatch.ToString() == etag)
                {
                    response.StatusCode = 304;
                    return;
                }
                response.Headers.ETag = etag;
                await Html(response, ArticlePage("world", "etag-story", "2024-05-03T10:00:00+00:00"));
                return;
            case "/faults/gzip-ok":
                response.ContentType = "text/html; charset=utf-8";
                response.Headers.ContentEncoding = "gzip";
                await response.Body.WriteAsync(Gzip(ArticlePage("world", "gzip-story", "2024-05-03T10:00:00+00:00")));
                return;
        }
        response.StatusCode = 404;
        await response.WriteAsync("not found");
    }

    /// <summary>Answers with <paramref name="content"/> and an ETag of it, or 304 when the request names that ETag.</summary>
    private static async Task Conditional(HttpContext context, string content, string contentType)
    {
        if (NotModified(context, content))
            return;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(content);
    }

    /// <summary>Sets the ETag of <paramref name="content"/>; true (and 304 sent) when the request already has it.</summary>
    private static bool NotModified(HttpContext context, string content)
    {
        var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16]}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() != etag)
            return false;
        context.Response.StatusCode = 304;
        return true;
    }

    private static async Task Html(HttpResponse response, string html)
    {
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html);
    }

    private string Homepage()
    {
        var body = new StringBuilder();
        foreach (var section in Sections)
        {
            body.Append($"<li><a href=\"/{section}/\">{section}</a></li>");
            body.Append($"<article><h2><a href=\"/{section}/2024/05/{section}-story-1?utm_source=home#top\">Top {section} story</a></h2></article>");
        }
        body.Append("<li><a href=\"/private/hidden-story\">Members</a></li>");
        body.Append("<li><a href=\"http://other.invalid/elsewhere\">Another site</a></li>");
        body.Append("<li><a href=\"mailto:desk@other.invalid\">Mail us</a></li>");
        if (WithFaults)
        {
            body.Append("<li><a href=\"/calendar/2024/05\">Events calendar</a></li>");
            foreach (var fault in new[] { "slow", "500", "flaky-500", "429", "loop-a", "moved", "wrong-charset", "no-charset", "truncated-gzip", "huge", "report.pdf", "etag", "hang" })
                body.Append($"<li><a href=\"/faults/{fault}\">{fault}</a></li>");
        }
        return $"""
            <!DOCTYPE html><html lang="en"><head><title>The Fixture Times</title>
            <meta property="og:type" content="website">
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            <link rel="alternate" type="application/atom+xml" href="{BaseUrl}/atom.xml">
            <link rel="alternate" type="application/feed+json" href="/feed.json">
            </head><body><header><h1>The Fixture Times</h1></header><nav><ul>{body}</ul></nav></body></html>
            """;
    }

    private string SectionPage(string section, string page)
    {
        var number = int.TryParse(page, out var p) ? p : 1;
        var items = new StringBuilder();
        if (section == "world" && number == 1)
            foreach (var slug in _publishedInSection)
                items.Append($"<article><h2><a href=\"/world/2024/10/{slug}\">A new story from world, a headline of some length</a></h2><p>Teaser.</p></article>");
        var half = SectionArticles / 2;
        for (var i = (number - 1) * half + 1; i <= Math.Min(number * half, SectionArticles); i++)
            items.Append($"<article><h2><a href=\"/{section}/2024/05/{section}-story-{i}\">Story {i} from {section}, a headline of some length</a></h2><p>Teaser.</p></article>");
        var next = number * half < SectionArticles ? $"<a href=\"/{section}/?page={number + 1}\">Next page</a>" : "";
        return $"""
            <!DOCTYPE html><html><head><title>{section} - The Fixture Times</title>
            <script type="application/ld+json">{"{"}"@type":"CollectionPage","name":"{section}"{"}"}</script></head>
            <body><nav><a href="/">Home</a></nav><main>{items}</main>{next}</body></html>
            """;
    }

    private static string ArticlePage(string section, string slug, string published, string extra = "")
    {
        var paragraphs = new StringBuilder();
        for (var i = 1; i <= 5; i++)
            paragraphs.Append($"<p>Paragraph {i} of {slug}. The council met on Monday to discuss the budget for the coming year, and members argued at length about roads and schools. {extra}</p>");
        return $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Headline of {slug} - The Fixture Times</title>
            <meta property="og:type" content="article"><meta property="article:published_time" content="{published}">
            <script type="application/ld+json">{"{"}"@type":"NewsArticle","headline":"Headline of {slug}","datePublished":"{published}"{"}"}</script>
            </head><body><nav><a href="/">Home</a> <a href="/{section}/">{section}</a></nav>
            <article><h1>Headline of {slug}</h1>{paragraphs}</article>
            <aside><a href="/{section}/2024/05/{section}-story-2">Related story</a></aside></body></html>
            """;
    }

    private static string CalendarPage(int year, int month)
    {
        var next = month == 12 ? (year + 1, 1) : (year, month + 1);
        var previous = month == 1 ? (year - 1, 12) : (year, month - 1);
        return $"""
            <!DOCTYPE html><html><head><title>Events {year}-{month:00}</title></head><body>
            <a href="/calendar/{previous.Item1}/{previous.Item2:00}">Previous month</a> <a href="/calendar/{next.Item1}/{next.Item2:00}">Next month</a>
            <table><tr><td>No events</td></tr></table></body></html>
            """;
    }

    private string RssFeed()
    {
        var items = new StringBuilder();
        for (var i = 1; i <= FeedOnlyArticles; i++)
            items.Append($"<item><title>Feed story {i}</title><link>{BaseUrl}/world/2024/06/feed-story-{i}</link><pubDate>Mon, 0{i} Jun 2024 08:00:00 GMT</pubDate><description><![CDATA[<p>Teaser <html> inside CDATA</p>]]></description></item>");
        foreach (var slug in _published)
            items.Append($"<item><title>{slug}</title><link>{BaseUrl}/world/2024/08/{slug}</link><pubDate>Thu, 01 Aug 2024 08:00:00 +0000</pubDate></item>");
        items.Append($"<item><title>Section story</title><link>{BaseUrl}/world/2024/05/world-story-3</link><pubDate>Fri, 03 May 2024 10:00:00 GMT</pubDate></item>");
        return $"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Fixture Times</title><link>{BaseUrl}/</link>{items}</channel></rss>""";
    }

    private string AtomFeed() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>The Fixture Times</title>
          <entry><title>Feed story 1</title><link rel="alternate" href="{BaseUrl}/world/2024/06/feed-story-1"/><published>2024-06-01T08:00:00Z</published></entry>
          <entry><title>Business 4</title><link href="/business/2024/05/business-story-4"/><updated>2024-05-03T10:00:00Z</updated></entry>
        </feed>
        """;

    private string JsonFeed() => $$"""
        {"version":"https://jsonfeed.org/version/1.1","title":"The Fixture Times","items":[
          {"id":"1","url":"{{BaseUrl}}/world/2024/06/feed-story-2","date_published":"2024-06-02T08:00:00Z"},
          {"id":"2","url":"{{BaseUrl}}/business/2024/05/business-story-5","date_published":"2024-05-03T10:00:00Z"}]}
        """;

    private string ArticlesSitemap()
    {
        var urls = new StringBuilder();
        for (var i = 1; i <= SitemapOnlyArticles; i++)
            urls.Append($"<url><loc>{BaseUrl}/business/2024/06/sitemap-story-{i}</loc><lastmod>2024-06-0{i}</lastmod></url>");
        urls.Append($"<url><loc>{BaseUrl}/business/2024/05/business-story-6</loc><lastmod>2024-05-03T10:00:00+00:00</lastmod></url>");
        foreach (var slug in _publishedInSitemap)
            urls.Append($"<url><loc>{BaseUrl}/business/2024/09/{slug}</loc><lastmod>2024-09-01</lastmod></url>");
        return $"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>""";
    }

    private string NewsSitemap()
    {
        var urls = new StringBuilder();
        for (var i = 1; i <= NewsSitemapArticles; i++)
            urls.Append($"""
                <url><loc>{BaseUrl}/world/2024/07/news-story-{i}</loc><news:news><news:publication><news:name>The Fixture Times</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2024-07-0{i}T09:00:00+00:00</news:publication_date><news:title>News story {i}</news:title></news:news></url>
                """);
        return $"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>""";
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }
}
