using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Gleaner.Archives;
using Gleaner.Extraction;
using Gleaner.Formats;
using Gleaner.Storage;

namespace Gleaner.Fuzz;

/// <summary>
/// The inputs mutations start from. <see cref="BuiltIn"/> are small documents written here (what the tests use);
/// <see cref="FromShared"/> adds the shared benchmark pages and the feeds, WARC files and records made from them.
/// </summary>
public sealed class Seeds
{
    public List<byte[]> Pages { get; } = [];
    public List<byte[]> Discovery { get; } = [];
    public List<byte[]> Robots { get; } = [];
    public List<byte[]> Warcs { get; } = [];
    public List<byte[]> JsonLines { get; } = [];
    public List<byte[]> JsonDocuments { get; } = [];
    public List<byte[]> Records { get; } = [];
    public List<byte[]> Csv { get; } = [];
    public List<byte[]> Queries { get; } = [];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static Seeds BuiltIn()
    {
        var seeds = new Seeds();
        foreach (var page in BuiltInPages)
            seeds.AddPage(Utf8(page));
        seeds.Discovery.AddRange([Utf8(Rss), Utf8(Atom), Utf8(JsonFeed), Utf8(RdfFeed), Utf8(Sitemap), Utf8(SitemapIndex), Gzip(Utf8(Sitemap))]);
        seeds.Robots.AddRange([Utf8(RobotsFile), Utf8("User-agent: *\nDisallow:\n"), Utf8("User-agent: Gleaner\r\nDisallow: /\r\nAllow: /news/$\r\n")]);
        seeds.Queries.AddRange([.. QueryTexts.Select(Utf8)]);
        return seeds;
    }

    /// <summary>Every third page of the shared sets (up to <paramref name="maxPages"/>), and what is made from them.</summary>
    public void AddShared(string sharedData, int maxPages)
    {
        var files = new[] { "article-extraction-benchmark/html", "fundus-test-pages/pages", "readability-test-pages" }
            .Select(folder => Path.Combine(sharedData, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.html*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .Where((_, i) => i % 3 == 0)
            .Take(maxPages);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            AddPage(file.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(bytes) : bytes);
        }
    }

    /// <summary>A page, and the links, WARC files and records made from it.</summary>
    private void AddPage(byte[] html)
    {
        Pages.Add(html);
        Discovery.Add(html);
        var url = $"https://news.example/{Pages.Count}/story";
        var article = new ArticleExtractor().Extract(html, "text/html", url);
        Warcs.Add(MakeWarc(url, html, compress: Pages.Count % 2 == 0));
        JsonLines.Add(Utf8(JsonSerializer.Serialize(article, ArticleJson.Compact) + "\n" + NewsPleaseJson(article) + "\n"));
        JsonDocuments.Add(Utf8("[" + JsonSerializer.Serialize(article, ArticleJson.Compact) + "," + NewsPleaseJson(article) + "]"));
        Records.Add(Utf8(RecordFormat.Format(article)));
        var stored = new StoredArticle(Pages.Count, article, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, Pages.Count)
        {
            Aliases = [url + "?p=2"],
        };
        Csv.Add(Utf8(StoredArticleLines.CsvHeader + "\r\n" + StoredArticleLines.CsvLine(stored) + "\r\n"));
        if (Queries.Count < 64 && article.Title is { Length: > 0 } title)
            Queries.Add(Utf8(title.Length > 80 ? title[..80] : title));
    }

    private static string NewsPleaseJson(Article article) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["url"] = article.Url,
        ["title"] = article.Title,
        ["maintext"] = article.Text,
        ["authors"] = article.Authors,
        ["date_publish"] = article.Published is { } published ? published.Replace('T', ' ') : "2024-05-01 10:00:00",
        ["date_modify"] = null,
        ["image_url"] = article.Image,
        ["language"] = article.Language,
        ["source_domain"] = article.SourceDomain,
    });

    /// <summary>A WARC (request, response with a chunked or gzip body, resource, metadata) made by WarcWriter.</summary>
    private static byte[] MakeWarc(string url, byte[] html, bool compress)
    {
        using var output = new MemoryStream();
        using (var writer = new WarcWriter(output, new WarcWriterOptions { Compress = compress }))
        {
            var date = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
            var request = Utf8($"GET {new Uri(url).PathAndQuery} HTTP/1.1\r\nHost: news.example\r\n\r\n");
            var head = Utf8($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {html.Length}\r\n\r\n");
            writer.WriteExchange(url, date, request, [.. head, .. html]);
            var gzipped = Gzip(html);
            var gzipHead = Utf8($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: {gzipped.Length}\r\n\r\n");
            var id = writer.WriteResponse(url + "?gz", date, [.. gzipHead, .. gzipped]);
            var chunked = Utf8($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n{html.Length:x}\r\n");
            writer.WriteResponse(url + "?chunked", date, [.. chunked, .. html, .. Utf8("\r\n0\r\n\r\n")]);
            writer.WriteResource(url + "?resource", date, "text/html", html);
            writer.WriteMetadata(url, date, id, [new("fetchTimeMs", "12")]);
        }
        return output.ToArray();
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static readonly string[] BuiltInPages =
    [
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Harbour reopens after storm | Coast News</title>
        <meta property="og:title" content="Harbour reopens after storm"><meta name="author" content="Ann Writer">
        <meta property="article:published_time" content="2024-05-01T10:00:00+02:00">
        <link rel="canonical" href="https://news.example/harbour-reopens">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour reopens after storm",
        "datePublished":"2024-05-01T10:00:00+02:00","author":[{"@type":"Person","name":"Ann Writer"}],"image":{"url":"https://news.example/h.jpg"}}</script>
        </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Harbour reopens after storm</h1><p class="byline">By Ann Writer</p>
        <p>The harbour reopened on Wednesday after three days of closure, the port authority said in a statement.</p>
        <p>Fishing boats returned to their moorings in the afternoon, and ferries will run to the usual timetable from Thursday.</p>
        <figure><img src="/h.jpg" alt="boats"><figcaption>Boats in the harbour.</figcaption></figure>
        <table><tr><td>Ferry</td><td>08:00</td></tr><tr><td>Ferry</td><td>12:00</td></tr></table>
        <blockquote>"We are glad to be back," a skipper said.</blockquote><ul><li>one</li><li>two</li></ul></article>
        <aside><a href="/related/1">Related story</a></aside><footer>© Coast News</footer></body></html>
        """,
        """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Zürich: Gemeinderat beschließt Budget</title>
        <meta name="description" content="Der Gemeinderat hat das Budget verabschiedet."></head>
        <body><div id="main"><div class="content"><h1>Gemeinderat beschließt Budget</h1><time datetime="2024-03-02">2. März 2024</time>
        <div class="text"><p>Der Gemeinderat hat am Mittwochabend das Budget für das kommende Jahr verabschiedet.</p>
        <p>Die Debatte dauerte bis spät in die Nacht, mehrere Anträge wurden abgelehnt.</p></div></div>
        <div class="comments"><p>Kommentar: gut so!</p></div></div></body></html>
        """,
    ];

    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Coast News</title><link>https://news.example/</link>
        <item><title>Harbour reopens</title><link>https://news.example/harbour-reopens</link><pubDate>Wed, 01 May 2024 10:00:00 +0200</pubDate><guid>https://news.example/?p=1</guid></item>
        <item><title>Budget</title><link>/budget</link><dc:date>2024-03-02T08:00:00Z</dc:date></item>
        </channel></rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Coast News</title><updated>2024-05-01T10:00:00Z</updated>
        <entry><title>Harbour reopens</title><link rel="alternate" href="https://news.example/harbour-reopens"/><published>2024-05-01T10:00:00+02:00</published></entry>
        <entry><title>Budget</title><link href="budget"/><updated>2024-03-02T08:00:00Z</updated></entry></feed>
        """;

    private const string JsonFeed = """
        {"version":"https://jsonfeed.org/version/1.1","title":"Coast News","items":[{"id":"1","url":"https://news.example/harbour-reopens","date_published":"2024-05-01T10:00:00+02:00"},{"id":"2","url":"/budget"}]}
        """;

    private const string RdfFeed = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://news.example/"><title>Coast News</title></channel>
        <item rdf:about="https://news.example/harbour-reopens"><title>Harbour reopens</title><link>https://news.example/harbour-reopens</link></item></rdf:RDF>
        """;

    private const string Sitemap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://news.example/harbour-reopens</loc><lastmod>2024-05-01</lastmod>
        <news:news><news:publication_date>2024-05-01T10:00:00+02:00</news:publication_date><news:title>Harbour</news:title></news:news></url>
        <url><loc>https://news.example/budget</loc><lastmod>2024-03-02T08:00:00Z</lastmod></url></urlset>
        """;

    private const string SitemapIndex = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>https://news.example/sitemap-news.xml</loc><lastmod>2024-05-01</lastmod></sitemap>
        <sitemap><loc>https://news.example/sitemap-2024.xml.gz</loc></sitemap></sitemapindex>
        """;

    private const string RobotsFile = """
        # robots for news.example
        User-agent: *
        Disallow: /private/
        Disallow: /*?print=
        Allow: /private/open$
        Crawl-delay: 2

        User-agent: Gleaner
        User-agent: OtherBot
        Disallow: /search
        Sitemap: https://news.example/sitemap.xml
        """;

    private static readonly string[] QueryTexts =
    [
        "harbour", "\"harbour reopens\" storm", "budget -zürich", "harbour OR ferry", "(harbour OR port) (storm OR gale) -drill",
        "harb* ferr*", "covid-19 \"north korea\"", "Maßnahme OR 北京", "a b c d e f g h",
    ];
}
