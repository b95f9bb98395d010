using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gleaner.Crawling;
using Gleaner.Discovery;
using Gleaner.Fetching;
using Gleaner.Storage;
using Gleaner.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: CrawlBench speed PAGES_DIR [ARTICLES_PER_SITE] [SITES] | CrawlBench frontier [URLS] | CrawlBench site PAGES_DIR
var mode = args.Length > 0 ? args[0] : "";
return mode switch
{
    "site" when args.Length >= 2 => await Site(args[1]),
    "speed" when args.Length >= 2 => await Speed(args[1], args.Length > 2 ? int.Parse(args[2]) : 500, args.Length > 3 ? int.Parse(args[3]) : 4),
    "serve" when args.Length >= 4 => await Serve(args[1], int.Parse(args[2]), int.Parse(args[3])),
    "frontier" => await FrontierMemory(args.Length > 1 ? int.Parse(args[1]) : 1_000_000),
    "classify" when args.Length >= 2 => Classify(args[1]),
    _ => Usage(),
};

// Lists the pages of a folder of articles that the classifier takes for listings (each one is an article lost to a crawl).
static int Classify(string pagesDirectory)
{
    var files = Directory.GetFiles(pagesDirectory, "*.html.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
    var listings = 0;
    foreach (var file in files)
        if (Gleaner.Extraction.ArticleClassifier.Classify(ReadGzip(file), new Uri("https://example.com/news/story")) == Gleaner.Extraction.PageKind.Listing)
        {
            listings++;
            Console.WriteLine("listing: " + Path.GetFileName(file));
        }
    Console.WriteLine($"{files.Length - listings} of {files.Length} pages classified as articles");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: CrawlBench speed PAGES_DIR [ARTICLES_PER_SITE] [SITES] | CrawlBench frontier [URLS] | CrawlBench site PAGES_DIR");
    return 2;
}

// The two local sites of the crawl test (Gleaner.Cli.Tests/BenchmarkNewsSites.cs), each crawled from its home page with the
// default options but delay 0 into a fresh SQLite store, for MAX_PAGES fetches (default 600: the listings and articles fit;
// the ~3,800 dead links found inside the articles would take an hour more, as a host whose URLs keep failing waits 2 s a
// turn): requests per stored article so far and to the end (fetched + left queued), where the last article came and how
// many dead links were fetched before it, and crawl CPU per stored article.
static async Task<int> Site(string pagesDirectory)
{
    await using var sites = await Gleaner.Cli.Tests.BenchmarkNewsSites.StartAsync(pagesDirectory);
    foreach (var (name, start, log) in new[] { ("full", sites.FullBaseUrl, sites.Full), ("links-only", sites.LinksOnlyBaseUrl, sites.LinksOnly) })
    {
        var directory = Directory.CreateTempSubdirectory("gleaner-site-bench-").FullName;
        try
        {
            await using var store = await ArticleStores.OpenAsync(Path.Combine(directory, "site.db"));
            await using var frontier = await StoreFrontier.OpenAsync(store);
            var budget = int.TryParse(Environment.GetEnvironmentVariable("MAX_PAGES"), out var pages) ? pages : 600;
            var crawler = new Crawler(frontier, new StoreCrawlOutput(store), new CrawlOptions { Delay = TimeSpan.Zero, MaxPages = budget });
            await crawler.AddStartsAsync([start + "/"]);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            await crawler.RunAsync();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var statistics = crawler.Statistics;
            var requests = log.Requests;
            var articleRequests = requests.Select((r, at) => (r, at)).Where(x => sites.ArticleOf(x.r.Target) >= 0).ToList();
            var lastArticle = articleRequests.Count == 0 ? 0 : articleRequests[^1].at + 1;
            var dead = requests.Count(r => r.Status == 404);
            var deadBefore = requests.Take(lastArticle).Count(r => r.Status == 404);
            var records = 0L;
            var aliases = 0L;
            await foreach (var record in store.ExportAsync(ArticleFilter.None))
            {
                records++;
                aliases += record.Aliases.Count;
            }
            var left = (await frontier.CountAsync()).Queued;
            Console.WriteLine($"{name}: {requests.Count} requests ({dead} answered 404), {records} articles stored ({aliases} aliases) of {sites.Count} pages: " +
                $"{(double)requests.Count / Math.Max(1, records):0.00} requests per stored article; {left} URLs (links found inside articles) left queued, " +
                $"{(double)(requests.Count + left) / Math.Max(1, records):0.0} requests per stored article to the end");
            Console.WriteLine($"{name}: last article at request {lastArticle} of {requests.Count}, after {deadBefore} dead links; " +
                $"elapsed {statistics.Clock.Elapsed.TotalSeconds:0.0} s; CPU {cpu.TotalSeconds:0.0} s (crawler and server), {cpu.TotalMilliseconds / Math.Max(1, records):0} ms per stored article; load {LoadAverage()}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
    return 0;
}

// Crawls SITES local sites (one Kestrel port each: politeness is per host, so several sites let fetches
// overlap) whose articles are the real benchmark pages, with delay 0, into a fresh SQLite store; first, as the
// same-run reference, the WARC harvest of the same article pages (see WarcReference).
static async Task<int> Speed(string pagesDirectory, int articlesPerSite, int siteCount)
{
    var pages = Directory.GetFiles(pagesDirectory, "*.html.gz").Order(StringComparer.Ordinal).Select(ReadGzip).ToArray();
    if (pages.Length == 0)
        return Usage();
    var warcCpuPerPage = await WarcReference(pages, articlesPerSite, siteCount);
    // The sites run in a child process, so the CPU measured below is the crawler's alone.
    var serve = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "serve", pagesDirectory, articlesPerSite.ToString(), siteCount.ToString()])
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
    };
    serve.Environment.Remove("DOTNET_DiagnosticPorts"); // a profiler started the crawler (dotnet-trace): the servers must not wait for it
    using var servers = Process.Start(serve)!;
    var starts = new List<string>();
    while (starts.Count < siteCount && await servers.StandardOutput.ReadLineAsync() is { } line)
        starts.Add(line + "/");
    if (starts.Count < siteCount)
        throw new InvalidOperationException("the site servers did not start");

    var directory = Directory.CreateTempSubdirectory("gleaner-crawl-bench-").FullName;
    try
    {
        await using var store = await ArticleStores.OpenAsync(Path.Combine(directory, "bench.db"));
        await using var frontier = await StoreFrontier.OpenAsync(store);
        var options = new CrawlOptions { Delay = TimeSpan.Zero, Concurrency = siteCount * 2, MaxDepth = 2, ProbeSitemaps = false, Fetch = new FetchOptions { MaxRetries = 0 } };
        var crawler = new Crawler(frontier, new StoreCrawlOutput(store), options);
        await crawler.AddStartsAsync(starts);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await crawler.RunAsync();
        var statistics = crawler.Statistics;
        var elapsed = statistics.Clock.Elapsed;
        var (fetch, extract, save, frontierTime) = statistics.Time;
        var busy = fetch + extract + save + frontierTime;
        Console.WriteLine($"sites {siteCount}, articles per site {articlesPerSite}, pages (benchmark set) {pages.Length}, concurrency {options.Concurrency}, delay 0");
        Console.WriteLine($"fetched {statistics.Fetched}, stored {statistics.Stored}, listings {statistics.Listings}, skipped {statistics.Skipped}, errors {statistics.Errors}");
        Console.WriteLine($"elapsed {elapsed.TotalSeconds:0.0} s, {statistics.PagesPerSecond:0.0} pages/s end to end, {statistics.Stored / elapsed.TotalSeconds:0.0} articles/s");
        Console.WriteLine($"share of worker time: fetch {Share(fetch, busy)}, parse+classify+extract {Share(extract, busy)}, store {Share(save, busy)}, frontier {Share(frontierTime, busy)}");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"CPU {cpu.TotalSeconds:0.0} s (crawler only; the servers run in another process): {statistics.Fetched / cpu.TotalSeconds:0.0} pages per CPU second; load average at the end {LoadAverage()}");
        var articlePages = articlesPerSite * siteCount;
        var perStored = cpu.TotalMilliseconds / Math.Max(1, statistics.Stored);
        var perArticlePage = cpu.TotalMilliseconds / articlePages;
        Console.WriteLine($"crawl CPU per stored article {perStored:0.0} ms = {perStored / warcCpuPerPage:0.00}x the WARC harvest's per page; " +
            $"per article page fetched {perArticlePage:0.0} ms = {perArticlePage / warcCpuPerPage:0.00}x");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB (the crawler's process)");
    }
    finally
    {
        servers.StandardInput.Close(); // the servers stop when their input ends
        await servers.WaitForExitAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
    return 0;
}

// The reference of the crawl's CPU, in the same process and run: a WARC holding the article pages the crawl will fetch (the
// same pages in the same order, one response each) harvested by WarcHarvester with one worker, twice (the first run warms
// the JIT up, as the crawl's own first pages do not: the crawl runs after it, so its extraction is warm too). Returns
// the second run's CPU milliseconds per page.
static async Task<double> WarcReference(string[] pages, int articlesPerSite, int siteCount)
{
    var path = Path.Combine(Directory.CreateTempSubdirectory("gleaner-crawl-bench-warc-").FullName, "pages.warc.gz");
    try
    {
        using (var writer = new Gleaner.Archives.WarcWriter(path))
        {
            var at = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
            for (var s = 0; s < siteCount; s++)
                for (var i = 0; i < articlesPerSite; i++)
                {
                    var uri = new Uri($"http://site{s}.example/article/{i}");
                    var request = Gleaner.Archives.HttpMessages.Request("GET", uri, [new("User-Agent", "Gleaner-bench")]);
                    var response = Gleaner.Archives.HttpMessages.Response(200, "OK", [new("Content-Type", "text/html; charset=utf-8")],
                        Encoding.UTF8.GetBytes(pages[i % pages.Length]));
                    writer.WriteExchange(uri.AbsoluteUri, at, request, response, "192.0.2.1");
                }
        }
        var cpuPerPage = 0.0;
        for (var run = 0; run < 2; run++)
        {
            var harvester = new Gleaner.Archives.WarcHarvester(new Gleaner.Extraction.ArticleExtractor(), new Gleaner.Archives.WarcHarvestOptions { Workers = 1 });
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var articles = 0;
            await foreach (var harvested in harvester.RunAsync([new Gleaner.Archives.WarcSource(path)]))
                if (harvested is Gleaner.Archives.WarcArticle)
                    articles++;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
            cpuPerPage = cpu.TotalMilliseconds / (articlesPerSite * siteCount);
            Console.WriteLine($"reference, WARC harvest of the same {articlesPerSite * siteCount} article pages ({(run == 0 ? "cold" : "warm")}): {articles} articles, " +
                $"CPU {cpu.TotalSeconds:0.0} s = {cpuPerPage:0.0} ms per page");
        }
        return cpuPerPage;
    }
    finally
    {
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}

// The SITES sites of the speed benchmark, for its crawler in another process: prints each site's base URL, one a line, and
// serves until its standard input ends.
static async Task<int> Serve(string pagesDirectory, int articlesPerSite, int siteCount)
{
    var pages = Directory.GetFiles(pagesDirectory, "*.html.gz").Order(StringComparer.Ordinal).Select(ReadGzip).ToArray();
    var apps = new List<WebApplication>();
    for (var s = 0; s < siteCount; s++)
    {
        var (app, baseUrl) = await StartSite(pages, articlesPerSite);
        apps.Add(app);
        Console.WriteLine(baseUrl);
    }
    await Console.Out.FlushAsync();
    await Console.In.ReadToEndAsync();
    foreach (var app in apps)
        await app.StopAsync();
    return 0;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static string Share(TimeSpan part, TimeSpan whole) => whole.Ticks == 0 ? "-" : $"{100.0 * part.Ticks / whole.Ticks:0}%";

// Fills a SQLite frontier with URLS queued URLs (100 hosts) and reports time, memory and claim speed.
static async Task<int> FrontierMemory(int count)
{
    var directory = Directory.CreateTempSubdirectory("gleaner-frontier-bench-").FullName;
    try
    {
        var path = Path.Combine(directory, "frontier.db");
        await using var frontier = await SqliteFrontierDatabase.OpenAsync(path);
        var clock = Stopwatch.StartNew();
        const int Batch = 5000;
        var entries = new List<FrontierEntry>(Batch);
        for (var i = 0; i < count; i++)
        {
            var host = $"https://news{i % 100}.example.com";
            entries.Add(new FrontierEntry($"{host}/2024/05/{i}/a-story-about-something-{i}", host, UrlKind.Page, 2, 4, host + "/", null));
            if (entries.Count == Batch || i == count - 1)
            {
                entries.Sort((a, b) => string.CompareOrdinal(a.Host, b.Host));
                await frontier.AddAsync(entries);
                entries.Clear();
            }
        }
        var insert = clock.Elapsed;
        GC.Collect();
        var managed = GC.GetTotalMemory(true);
        clock.Restart();
        const int Claims = 2000;
        for (var i = 0; i < Claims; i++)
        {
            var claim = await frontier.ClaimAsync(TimeSpan.FromMinutes(5));
            if (claim is null)
                break;
            await frontier.CompleteAsync(claim, UrlState.Done, "bench", TimeSpan.Zero);
        }
        var claiming = clock.Elapsed;
        // What an idle worker asks each time it finds no host ready: when the next one will be.
        clock.Restart();
        const int Asks = 50;
        for (var i = 0; i < Asks; i++)
            await frontier.NextReadyAtAsync();
        var nextReady = clock.Elapsed;
        var counts = await frontier.CountAsync();
        Console.WriteLine($"frontier: {count:N0} URLs on 100 hosts added in {insert.TotalSeconds:0.0} s ({count / insert.TotalSeconds:N0} URLs/s)");
        Console.WriteLine($"claim + complete with {counts.Queued:N0} queued: {Claims / claiming.TotalSeconds:N0} per second (load average {LoadAverage()})");
        Console.WriteLine($"next ready time (an idle worker's question) with {counts.Queued:N0} queued: {nextReady.TotalMilliseconds / Asks:0.00} ms");
        Console.WriteLine($"database {new FileInfo(path).Length / 1048576} MB (+ WAL {(File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length / 1048576 : 0)} MB); " +
            $"process: managed heap {managed / 1024} KB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
    return 0;
}

static async Task<(WebApplication, string)> StartSite(string[] pages, int articles)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    var app = builder.Build();
    const int PerSection = 50;
    app.Run(async context =>
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.ContentType = "text/html; charset=utf-8";
        if (path == "/")
        {
            var links = new StringBuilder("<html><head><title>Bench</title></head><body><nav>");
            for (var s = 0; s * PerSection < articles; s++)
                links.Append($"<a href=\"/section/{s}\">Section {s}</a> ");
            await context.Response.WriteAsync(links.Append("</nav></body></html>").ToString());
        }
        else if (path.StartsWith("/section/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(9), out var section))
        {
            var links = new StringBuilder("<html><head><title>Section</title></head><body>");
            for (var i = section * PerSection; i < Math.Min(articles, (section + 1) * PerSection); i++)
                links.Append($"<article><h2><a href=\"/article/{i}\">Story {i}</a></h2></article>");
            await context.Response.WriteAsync(links.Append("</body></html>").ToString());
        }
        else if (path.StartsWith("/article/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(9), out var article) && article < articles)
            await context.Response.WriteAsync(pages[article % pages.Length]);
        else
            context.Response.StatusCode = 404;
    });
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    return (app, address);
}

static string ReadGzip(string path)
{
    using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var reader = new StreamReader(gzip, Encoding.UTF8);
    return reader.ReadToEnd();
}
