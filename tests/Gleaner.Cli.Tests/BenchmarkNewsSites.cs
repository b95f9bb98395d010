using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gleaner.Cli.Tests;

/// <summary>
/// Two news sites on 127.0.0.1 whose articles are the pages of the shared article-extraction benchmark (read where they
/// lie, never copied), for the crawl test and <c>bench/run site</c>.
/// <list type="bullet">
/// <item>The full site: an RSS feed (the first 100 articles) and a news sitemap named in robots.txt (article 80 on), paginated
/// sections, tag and author pages, furniture pages (about, privacy, contact), articles linked without a canonical under
/// variants (a trailing slash, <c>?p=2</c>), and traps (an endless calendar, session ids on every listing).</item>
/// <item>The links-only site: a home page and paginated sections, nothing else to find articles by.</item>
/// </list>
/// The benchmark pages declare their own canonical on their original site, which a crawl never takes for the key on
/// 127.0.0.1: to the crawler they are pages without a canonical. Their relative links are dead links here (404).
/// </summary>
public sealed class BenchmarkNewsSites : IAsyncDisposable
{
    public const string PagesFolder = "data/article-extraction-benchmark/html";

    private static readonly string[] Sections = ["world", "business", "science", "culture", "sport", "opinion"];
    private static readonly string[] Tags = ["climate", "elections", "markets", "health", "technology"];
    private static readonly string[] Authors = ["ann-lee", "bo-chan", "cy-dee", "di-eve"];
    private const int PerPage = 12;

    /// <summary>The feed lists articles below this number; the news sitemap lists the rest and a few before (an overlap).</summary>
    public const int FeedArticles = 100;
    public const int SitemapFrom = 80;

    private readonly string[] _pages;
    private readonly List<LocalSite> _sites = [];

    private BenchmarkNewsSites(string[] pages) => _pages = pages;

    /// <summary>Every request served, in order, per site: path and query, and the status answered.</summary>
    public RequestLog Full { get; } = new();
    public RequestLog LinksOnly { get; } = new();

    public string FullBaseUrl { get; private set; } = "";
    public string LinksOnlyBaseUrl { get; private set; } = "";

    public int Count => _pages.Length;

    /// <summary>The folder of benchmark pages under the shared data root.</summary>
    public static string PagesPath(string sharedRoot) => Path.Combine(sharedRoot, PagesFolder);

    public static async Task<BenchmarkNewsSites> StartAsync(string pagesPath)
    {
        var files = Directory.GetFiles(pagesPath, "*.html.gz").Order(StringComparer.Ordinal).ToArray();
        var pages = new string[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            await using var gzip = new GZipStream(File.OpenRead(files[i]), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            pages[i] = await reader.ReadToEndAsync();
        }
        var sites = new BenchmarkNewsSites(pages);
        sites.FullBaseUrl = await sites.StartSiteAsync(sites.Full, full: true);
        sites.LinksOnlyBaseUrl = await sites.StartSiteAsync(sites.LinksOnly, full: false);
        return sites;
    }

    /// <summary>The path of article <paramref name="i"/> (its one address; variants add a slash or <c>?p=2</c>).</summary>
    public static string ArticlePath(int i) => $"/news/{Published(i):yyyy/MM}/story-{i:D3}";

    /// <summary>The article a path (or a variant of it) serves, or -1.</summary>
    public int ArticleOf(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0].TrimEnd('/');
        var at = path.LastIndexOf("/story-", StringComparison.Ordinal);
        if (!path.StartsWith("/news/", StringComparison.Ordinal) || at < 0
            || !int.TryParse(path.AsSpan(at + 7), NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= _pages.Length
            || path != ArticlePath(i))
            return -1;
        return i;
    }

    /// <summary>The furniture pages this site serves (a page's own dead link to <c>/about/</c> is none of them).</summary>
    public static bool IsFurniture(string path) => path is "/about" or "/privacy" or "/contact";

    private static DateTimeOffset Published(int i) => new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero).AddHours(-13 * i);

    private async Task<string> StartSiteAsync(RequestLog log, bool full)
    {
        var site = await LocalSite.StartAsync(app => app.Run(async context =>
        {
            var (status, type, body) = full ? ServeFull(context.Request) : ServeLinksOnly(context.Request);
            log.Add(context.Request.Path + context.Request.QueryString, status);
            context.Response.StatusCode = status;
            context.Response.ContentType = type;
            await context.Response.WriteAsync(body);
        }));
        _sites.Add(site);
        return site.BaseUrl;
    }

    private const string Html = "text/html; charset=utf-8";

    private (int, string, string) ServeFull(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var baseUrl = $"http://{request.Host}";
        if (ArticleOf(path + request.QueryString) is var article and >= 0)
            return (200, Html, _pages[article]);
        switch (path)
        {
            case "/robots.txt":
                return (200, "text/plain", $"User-agent: *\nAllow: /\n\nSitemap: {baseUrl}/news-sitemap.xml\n");
            case "/feed.xml":
                return (200, "application/rss+xml; charset=utf-8", Feed(baseUrl));
            case "/news-sitemap.xml":
                return (200, "application/xml; charset=utf-8", NewsSitemap(baseUrl));
            case "/":
                return (200, Html, Home(full: true));
            case "/about" or "/privacy" or "/contact":
                return (200, Html, Furniture(path[1..]));
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var page = int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        if (parts is ["section", var section] && Array.IndexOf(Sections, section) is var s and >= 0)
            return Listing($"Section {section}", $"/section/{section}", Range(i => i % Sections.Length == s), page, full: true);
        if (parts is ["tag", var tag] && Array.IndexOf(Tags, tag) is var t and >= 0)
            // Tag pages link every seventh article with a trailing slash: the same page at another address.
            return Listing($"Tagged {tag}", $"/tag/{tag}", Range(i => i % Tags.Length == t), page, full: true, variant: i => i % 7 == 0 ? "/" : "");
        if (parts is ["author", var author] && Array.IndexOf(Authors, author) is var a and >= 0)
            // Author pages link every eleventh article with a page parameter that changes nothing.
            return Listing($"Articles by {author}", $"/author/{author}", Range(i => i % Authors.Length == a), page, full: true, variant: i => i % 11 == 0 ? "?p=2" : "");
        if (parts is ["calendar", var year, var month] && int.TryParse(year, out var y) && int.TryParse(month, out var m) && m is >= 1 and <= 12)
            return (200, Html, Calendar(y, m));
        return (404, Html, "<html><body><h1>Not found</h1></body></html>");
    }

    private (int, string, string) ServeLinksOnly(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (ArticleOf(path + request.QueryString) is var article and >= 0)
            return (200, Html, _pages[article]);
        if (path == "/")
            return (200, Html, Home(full: false));
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var page = int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        if (parts is ["section", var section] && Array.IndexOf(Sections, section) is var s and >= 0)
            return Listing($"Section {section}", $"/section/{section}", Range(i => i % Sections.Length == s), page, full: false);
        return (404, Html, "<html><body><h1>Not found</h1></body></html>");
    }

    private List<int> Range(Func<int, bool> keep)
    {
        var list = new List<int>();
        for (var i = 0; i < _pages.Length; i++)
            if (keep(i))
                list.Add(i);
        return list;
    }

    private static string Head(string title, bool full) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | The Local Bench</title>" +
        (full ? "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">" : "") + "</head><body>";

    private static string Navigation(bool full)
    {
        var nav = new StringBuilder("<header><nav>");
        nav.Append("<a href=\"/\">Home</a>");
        foreach (var section in Sections)
            nav.Append($" <a href=\"/section/{section}\">{section}</a>");
        if (full)
        {
            foreach (var tag in Tags)
                nav.Append($" <a href=\"/tag/{tag}\">#{tag}</a>");
            // A session id on every listing's links: the same pages under ever new addresses.
            nav.Append($" <a href=\"/?sid={Guid.NewGuid():N}\">Home (session)</a> <a href=\"/calendar/2024/01\">Archive</a>");
        }
        return nav.Append("</nav></header>").ToString();
    }

    private static string Footer(bool full) => full
        ? "<footer><a href=\"/about\">About us</a> <a href=\"/privacy\">Privacy</a> <a href=\"/contact\">Contact</a> " +
          string.Join(' ', Authors.Select(a => $"<a href=\"/author/{a}\">{a}</a>")) + "</footer></body></html>"
        : "</body></html>";

    private string Home(bool full)
    {
        var html = new StringBuilder(Head("Home", full)).Append(Navigation(full)).Append("<main><h1>The Local Bench</h1><ul>");
        for (var i = 0; i < Math.Min(10, _pages.Length); i++)
            html.Append($"<li><a href=\"{ArticlePath(i)}\">Story {i}</a> <time datetime=\"{Published(i):O}\">{Published(i):d MMM}</time></li>");
        return html.Append("</ul></main>").Append(Footer(full)).ToString();
    }

    private (int, string, string) Listing(string title, string path, List<int> articles, int page, bool full, Func<int, string>? variant = null)
    {
        var pages = Math.Max(1, (articles.Count + PerPage - 1) / PerPage);
        if (page > pages)
            return (404, Html, "<html><body><h1>Not found</h1></body></html>");
        var html = new StringBuilder(Head(title, full)).Append(Navigation(full)).Append($"<main><h1>{title}</h1>");
        for (var k = (page - 1) * PerPage; k < Math.Min(articles.Count, page * PerPage); k++)
        {
            var i = articles[k];
            html.Append($"<article><h2><a href=\"{ArticlePath(i)}{variant?.Invoke(i)}\">Story {i}</a></h2><p>A short teaser for story {i}.</p></article>");
        }
        html.Append("<nav class=\"pagination\">");
        if (page > 1)
            html.Append($"<a rel=\"prev\" href=\"{path}?page={page - 1}\">Previous</a> ");
        if (page < pages)
            html.Append($"<a rel=\"next\" href=\"{path}?page={page + 1}\">Next</a>");
        return (200, Html, html.Append("</nav></main>").Append(Footer(full)).ToString());
    }

    /// <summary>An archive calendar whose months go on forever both ways: a trap with nothing in it.</summary>
    private static string Calendar(int year, int month)
    {
        var before = new DateOnly(year, month, 1).AddMonths(-1);
        var after = new DateOnly(year, month, 1).AddMonths(1);
        return Head($"Archive {year}-{month:D2}", true) + Navigation(true) +
               $"<main><h1>Archive {year}-{month:D2}</h1><p>No stories this month.</p>" +
               $"<a href=\"/calendar/{before:yyyy}/{before:MM}\">Earlier</a> <a href=\"/calendar/{after:yyyy}/{after:MM}\">Later</a></main>" + Footer(true);
    }

    private static string Furniture(string name)
    {
        var text = name switch
        {
            "about" => "The Local Bench is an independent newsroom founded by a group of reporters who wanted to cover their region in depth. " +
                       "We publish reporting, analysis and opinion every day, and we are funded by our readers and a small number of sponsors. " +
                       "Our editorial team works from offices in three towns and meets every morning to decide what to cover.",
            "privacy" => "We collect only the data we need to run this website: the pages you read, the device you use and, if you subscribe, " +
                         "your name and email address. We never sell personal data. You may ask us at any time to see, correct or delete the data " +
                         "we hold about you, and we will answer within thirty days as the law requires.",
            _ => "You can reach the newsroom by email or by post. For corrections, please tell us the address of the story and what is wrong; " +
                 "the duty editor reads every message. Press releases go to the desk of the section they concern. We cannot answer every " +
                 "message, but we read them all, and we are glad to hear about stories we should be covering.",
        };
        var html = new StringBuilder(Head(name, true)).Append(Navigation(true)).Append($"<main><h1>{char.ToUpperInvariant(name[0])}{name[1..]}</h1>");
        foreach (var sentence in text.Split(". "))
            html.Append("<p>").Append(WebUtility.HtmlEncode(sentence.TrimEnd('.'))).Append(".</p>");
        return html.Append("</main>").Append(Footer(true)).ToString();
    }

    private string Feed(string baseUrl)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>The Local Bench</title>")
            .Append($"<link>{baseUrl}/</link><description>Latest stories</description>");
        for (var i = 0; i < Math.Min(FeedArticles, _pages.Length); i++)
            xml.Append($"<item><title>Story {i}</title><link>{baseUrl}{ArticlePath(i)}</link><pubDate>{Published(i):R}</pubDate></item>");
        return xml.Append("</channel></rss>").ToString();
    }

    private string NewsSitemap(string baseUrl)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
            .Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
        for (var i = SitemapFrom; i < _pages.Length; i++)
            xml.Append($"<url><loc>{baseUrl}{ArticlePath(i)}</loc><news:news><news:publication><news:name>The Local Bench</news:name>")
                .Append($"<news:language>en</news:language></news:publication><news:publication_date>{Published(i):yyyy-MM-dd'T'HH:mm:ssK}</news:publication_date>")
                .Append($"<news:title>Story {i}</news:title></news:news></url>");
        return xml.Append("</urlset>").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var site in _sites)
            await site.DisposeAsync();
    }

    /// <summary>The requests one site served, in order.</summary>
    public sealed class RequestLog
    {
        private readonly List<(string Target, int Status)> _requests = [];

        public void Add(string target, int status)
        {
            lock (_requests)
                _requests.Add((target, status));
        }

        public IReadOnlyList<(string Target, int Status)> Requests
        {
            get
            {
                lock (_requests)
                    return _requests.ToList();
            }
        }
    }
}
