using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Gleaner.Archives;
using Gleaner.Crawling;
using Gleaner.Discovery;
using Gleaner.Fetching;
using Gleaner.Rendering;
using Gleaner.Storage;
using Gleaner.Storage.Sqlite;
using Spectre.Console;
using Gleaner.Formats;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner crawl</c>: find a site's articles and store them, politely and resumably.</summary>
internal static class CrawlCommand
{
    public static Command Create()
    {
        var starts = new Argument<string[]>("start")
        {
            Description = "Homepages, section pages, feeds (RSS, Atom, JSON Feed) or sitemaps to start from; told apart by content",
            Arity = ArgumentArity.ZeroOrMore,
        };
        starts.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-'))
                    result.AddError($"Unknown option '{token.Value}'.");
                else if (UrlCanonicalizer.Canonicalize(token.Value) is null)
                    result.AddError($"'{token.Value}' is not an http(s) URL.");
        });
        var store = new Option<string?>("--store") { Description = "The store: an SQLite file (default gleaner.db) or a PostgreSQL connection (postgres://...); the frontier lives there too" };
        var sources = new Option<string?>("--sources") { Description = "A file of start URLs, one per line (# comments and blank lines ignored)" };
        var resume = new Option<bool>("--resume") { Description = "Continue the crawl in the store (after a stop or kill -9); no START needed" };
        var delay = OptionValues.Duration("--delay", "Least time between requests to one host (1s, 500ms, 0); robots.txt Crawl-delay wins when larger",
            TimeSpan.Zero, TimeSpan.FromDays(1), "1s");
        var concurrency = OptionValues.WholeNumber("--concurrency", "Hosts fetched from in parallel", 1, 1000, 8);
        var maxPages = OptionValues.OptionalWholeNumber("--max-pages", "Stop after this many fetches (the rest stays queued for --resume)", 1, int.MaxValue);
        var maxDepth = OptionValues.WholeNumber("--max-depth", "Follow links this many steps from a start at most; feeds and sitemaps take no step and their items are always read, so 0 reads the starts, their feeds and sitemaps and the articles those list, and follows no link", 0, 1000, 10);
        var since = new Option<string?>("--since") { Description = "Skip articles published before this date (ISO 8601); feed and sitemap dates are used before fetching" };
        var lang = new Option<string?>("--lang") { Description = "Store only articles in this language (ISO 639-1)" };
        var watch = OptionValues.OptionalDuration("--watch", "Keep polling feeds, sitemaps and start pages at this interval (15m, 1h) and store new articles; stop with Ctrl+C",
            TimeSpan.FromSeconds(1), TimeSpan.FromDays(365));
        var ignoreRobots = new Option<bool>("--ignore-robots") { Description = "Do not obey robots.txt (only for sites you own or may crawl so)" };
        var include = new Option<string[]>("--include") { Description = "Also crawl URLs matching this pattern (* wildcard, or re:REGEX); repeatable" };
        var exclude = new Option<string[]>("--exclude") { Description = "Never crawl URLs matching this pattern (* wildcard, or re:REGEX); repeatable" };
        var userAgent = new Option<string>("--user-agent") { Description = "User-Agent sent (its first word is matched against robots.txt groups)", DefaultValueFactory = _ => FetchOptions.DefaultUserAgent };
        var timeout = OptionValues.Duration("--timeout", "Time allowed for one request", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), "30s");
        var attempts = OptionValues.WholeNumber("--attempts", "Requests, in all, for a URL that fails for a passing reason (timeout, 429, 5xx), spaced 30 s, 1 min, 2 min... or as Retry-After says", 1, 100, 3);
        var warc = new Option<string?>("--warc") { Description = "Also write every response to this WARC file (FILE.warc.gz)" };
        var report = new Option<bool>("--report") { Description = "List failed and skipped URLs by reason (alone: for the crawl in the store)" };
        var rendering = RenderingOptions.Create("fetched pages");
        var list = new Option<bool>("--list") { Description = "Discovery only: print the article URLs the crawl would fetch (from feeds, sitemaps and links, with dates where known); nothing is extracted or stored, and the store is not opened" };
        var format = new Option<string?>("--format") { Description = "With --list: text (URL, date, how found; tab-separated) or jsonl" };
        format.AcceptOnlyFromAmong("text", "jsonl");

        var command = new Command("crawl", "Find a site's articles (feeds, sitemaps, links), fetch them politely and store them")
        {
            starts, store, sources, resume, delay, concurrency, maxPages, maxDepth, since, lang, watch, ignoreRobots, include, exclude, userAgent, timeout, attempts, warc, report,
            list, format,
        };
        foreach (var option in rendering.All)
            command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (result.GetResult(since) is { } s && FeedDates.Parse(s.GetValueOrDefault<string?>()) is null)
                result.AddError($"--since: '{s.GetValueOrDefault<string?>()}' is not a date (2024-03-01 or 2024-03-01T08:00+01:00)");
            if (result.GetResult(sources) is { } f && f.GetValueOrDefault<string?>() is { } file && !File.Exists(file))
                result.AddError($"--sources: no file {file}");
            var hasStarts = result.GetResult(starts) is { Tokens.Count: > 0 } || result.GetResult(sources) is not null;
            if (!hasStarts && result.GetResult(resume) is null && result.GetResult(report) is null)
                result.AddError("Give start URLs (or --sources FILE), or --resume to continue the crawl in the store, or --report.");
            if (result.GetResult(list) is not null && (!hasStarts || result.GetResult(resume) is not null || result.GetResult(watch) is not null || result.GetResult(warc) is not null || result.GetResult(report) is not null))
                result.AddError("--list needs start URLs and goes with neither --resume, --watch, --warc nor --report.");
            if (result.GetResult(format) is not null && result.GetResult(list) is null)
                result.AddError("--format goes with --list.");
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (renderMode, renderer, renderError) = rendering.Open(parse, parse.GetValue(userAgent)!);
            if (renderError is not null)
            {
                Console.Error.WriteLine($"gleaner: {renderError}");
                return ExitCodes.BadUsage;
            }
            await using var _ = renderer;
            var startUrls = new List<string>(parse.GetValue(starts) ?? []);
            if (parse.GetValue(sources) is { } file)
                startUrls.AddRange(ReadSources(file));
            var options = new CrawlOptions
            {
                Delay = parse.GetValue(delay).Value,
                Concurrency = parse.GetValue(concurrency),
                MaxPages = parse.GetValue(maxPages),
                MaxDepth = parse.GetValue(maxDepth),
                MaxAttempts = parse.GetValue(attempts),
                Since = FeedDates.Parse(parse.GetValue(since)),
                Language = parse.GetValue(lang),
                Watch = parse.GetValue(watch)?.Value,
                IgnoreRobots = parse.GetValue(ignoreRobots),
                Include = parse.GetValue(include) ?? [],
                Exclude = parse.GetValue(exclude) ?? [],
                Fetch = new FetchOptions { UserAgent = parse.GetValue(userAgent)!, Timeout = parse.GetValue(timeout).Value },
                Render = renderMode,
                RenderCrossSite = parse.GetValue(rendering.CrossSite),
                ListOnly = parse.GetValue(list),
            };
            if (options.ListOnly)
                return await ListAsync(startUrls, options, parse.GetValue(format) == "jsonl", cancellationToken);
            var onlyReport = startUrls.Count == 0 && !parse.GetValue(resume);
            return await RunAsync(startUrls, parse.GetValue(store), options, parse.GetValue(warc), parse.GetValue(report), onlyReport, renderer, cancellationToken);
        });
        return command;
    }

    /// <summary><c>--list</c>: a crawl on a frontier in memory that prints article URLs instead of storing articles.</summary>
    private static async Task<int> ListAsync(List<string> startUrls, CrawlOptions options, bool jsonLines, CancellationToken cancellationToken)
    {
        await using var frontier = await SqliteFrontierDatabase.InMemoryAsync(cancellationToken);
        using var crawler = new Crawler(frontier, new ListedUrlWriter(Console.Out, jsonLines), options);
        var log = Console.Error;
        crawler.OnEvent = e =>
        {
            if (e.IsError)
                log.WriteLine($"gleaner: crawl: {e.Url}: {e.What}");
        };
        var result = await crawler.CrawlAsync(startUrls, cancellationToken);
        await Console.Out.FlushAsync(CancellationToken.None);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gleaner: crawl: {(result.Stopped ? "stopped" : "done")}: {result.Statistics.Listed:N0} article URLs listed, {result.Statistics.Fetched:N0} fetched, {result.Statistics.Errors:N0} errors"));
        foreach (var failed in result.FailedStarts)
            log.WriteLine($"gleaner: crawl: {failed}: could not be read");
        return result.FailedStarts.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>Prints each listed URL as a line: tab-separated text or JSON.</summary>
    private sealed class ListedUrlWriter(TextWriter output, bool jsonLines) : ICrawlOutput
    {
        private readonly Lock _gate = new();

        public Task SaveAsync(Article article, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a discovery-only crawl stores nothing");

        public Task ListAsync(ListedUrl item, CancellationToken cancellationToken)
        {
            var date = item.Date is { } listed ? IsoDates.FormatSeconds(listed) : null;
            var line = jsonLines
                ? System.Text.Json.JsonSerializer.Serialize(new ListedLine(item.Url, date, item.Via, item.FoundIn), ListedLineJson.Default.ListedLine)
                : $"{item.Url}\t{date ?? "-"}\t{item.Via}";
            lock (_gate)
                output.WriteLine(line);
            return Task.CompletedTask;
        }
    }

    private static async Task<int> RunAsync(List<string> startUrls, string? storeName, CrawlOptions options, string? warcPath, bool report, bool onlyReport,
        IPageRenderer? renderer, CancellationToken cancellationToken)
    {
        IArticleStore articleStore;
        try
        {
            articleStore = await ArticleStores.OpenAsync(storeName, new StoreOptions { CreateIfMissing = !onlyReport, Progress = StoreCommandOptions.ShowProgress }, cancellationToken);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"gleaner: {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
        await using var _ = articleStore;
        await using var frontier = await StoreFrontier.OpenAsync(articleStore, cancellationToken);
        if (onlyReport)
        {
            await PrintReportAsync(frontier, cancellationToken);
            return ExitCodes.Success;
        }

        if (warcPath is not null)
            options = WarcCrawlOutput.ForArchive(options);
        using var warc = warcPath is null ? null : new WarcWriter(warcPath, WarcCrawlOutput.WriterOptions(options));
        ICrawlOutput output = new StoreCrawlOutput(articleStore);
        if (warc is not null)
            output = new WarcCrawlOutput(output, warc);
        using var crawler = new Crawler(frontier, output, options, renderer: renderer);
        var log = Console.Error;
        var interactive = !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
            crawler.OnEvent = e => log.WriteLine(e.Url.Length == 0 ? $"gleaner: crawl: {e.What}" : $"gleaner: crawl: {e.Url}: {e.What}");
        var crawl = crawler.CrawlAsync(startUrls, cancellationToken);
        if (interactive)
            await ShowProgressAsync(crawler, crawl);
        var result = await crawl;

        var counts = result.Frontier;
        var statistics = result.Statistics;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gleaner: crawl: {(result.Stopped ? "stopped" : "done")}: {statistics.Fetched:N0} fetched; records {statistics.Stored:N0} stored, {statistics.Updated:N0} updated, {statistics.Unchanged:N0} unchanged; " +
            $"{statistics.Listings:N0} listings followed, {statistics.Skipped:N0} skipped, {statistics.Errors:N0} errors in {statistics.Clock.Elapsed.TotalSeconds:0.0} s ({statistics.PagesPerSecond:0.0} pages/s); " +
            $"frontier: {counts.Done:N0} done, {counts.Failed:N0} failed, {counts.Skipped:N0} skipped, {counts.Queued + counts.Fetching:N0} queued"));
        if (statistics.Truncated > 0)
            log.WriteLine($"gleaner: crawl: warning: {statistics.Truncated:N0} sitemaps listed more URLs than the protocol's 50,000 per file; the rest were not read");
        if (result.Stopped)
            log.WriteLine("gleaner: crawl: stopped; continue with 'gleaner crawl --resume'");
        else if (counts.Queued > 0)
            log.WriteLine(statistics.DeferredUntil is { } until
                ? string.Create(CultureInfo.InvariantCulture,
                    $"gleaner: crawl: {counts.Queued:N0} URLs deferred until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (a server's Retry-After, or a retry); run again or continue with 'gleaner crawl --resume'")
                : "gleaner: crawl: URLs are still queued (--max-pages or retries later); continue with 'gleaner crawl --resume'");
        if (report)
            await PrintReportAsync(frontier, CancellationToken.None);

        // Exit 1 when a start point itself could not be read.
        foreach (var failed in result.FailedStarts)
            log.WriteLine($"gleaner: crawl: {failed}: could not be read (see the lines above, or --report)");
        return result.FailedStarts.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static async Task ShowProgressAsync(Crawler crawler, Task crawl)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var recent = new Queue<string>();
        var gate = new object();
        crawler.OnEvent = e =>
        {
            if (!e.IsError)
                return;
            lock (gate)
            {
                recent.Enqueue($"{e.Url}: {e.What}");
                while (recent.Count > 5)
                    recent.Dequeue();
            }
        };
        await console.Live(new Markup("")).StartAsync(async context =>
        {
            while (!crawl.IsCompleted)
            {
                var statistics = crawler.Statistics;
                try
                {
                    await crawler.RefreshStatisticsAsync();
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
                {
                    // a busy database: show the last counts
                }
                var table = new Grid().AddColumn().AddColumn();
                table.AddRow("[bold]fetched[/]", $"{statistics.Fetched:N0}  ({statistics.PagesPerSecond:0.0} pages/s)");
                table.AddRow("[bold]records[/]", $"{statistics.Stored:N0} stored, {statistics.Updated:N0} updated, {statistics.Unchanged:N0} unchanged; {statistics.Listings:N0} listings followed");
                table.AddRow("[bold]queued[/]", $"{statistics.Queued:N0}");
                table.AddRow("[bold]hosts waiting[/]", $"{statistics.WaitingHosts:N0} (politeness delay or request in flight)");
                table.AddRow("[bold]errors[/]", $"{statistics.Errors:N0}, skipped {statistics.Skipped:N0}");
                lock (gate)
                    foreach (var line in recent)
                        table.AddRow("[red]error[/]", Markup.Escape(line));
                context.UpdateTarget(table);
                await Task.WhenAny(crawl, Task.Delay(500));
            }
        });
    }

    private static async Task PrintReportAsync(IFrontier frontier, CancellationToken cancellationToken)
    {
        var rows = await frontier.ReportAsync(cancellationToken);
        var output = Console.Out;
        if (rows.Count == 0)
        {
            output.WriteLine("No failed or skipped URLs.");
            return;
        }
        output.WriteLine("count\tstate\treason\texample");
        foreach (var (state, reason, count, example) in rows)
            output.WriteLine($"{count}\t{state.ToString().ToLowerInvariant()}\t{reason}\t{example}");
    }

    private static IEnumerable<string> ReadSources(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
                yield return trimmed;
        }
    }
}

internal sealed record ListedLine(
    [property: System.Text.Json.Serialization.JsonPropertyName("url")] string Url,
    [property: System.Text.Json.Serialization.JsonPropertyName("date")] string? Date,
    [property: System.Text.Json.Serialization.JsonPropertyName("via")] string Via,
    [property: System.Text.Json.Serialization.JsonPropertyName("found_in")] string? FoundIn);

[System.Text.Json.Serialization.JsonSerializable(typeof(ListedLine))]
internal sealed partial class ListedLineJson : System.Text.Json.Serialization.JsonSerializerContext;
