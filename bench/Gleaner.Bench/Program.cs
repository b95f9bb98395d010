using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using AngleSharp.Html.Parser;
using Gleaner.Extraction;
using Gleaner.Extraction.Content;
using Gleaner.Extraction.Language;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Bench;

/// <summary>
/// The speed benchmark (<c>bench/run speed</c>): pages per second of full extraction against the parse-only
/// speed of HtmlAgilityPack and AngleSharp, all in one process over the same pages held in memory. Each
/// figure is given for the first pass (cold JIT: what a short <c>gleaner extract</c> run lives in) and at
/// steady state (after warming up until the figure stops rising: what a crawl or an archive job lives in),
/// on one core and on all cores. The last line is the summary the issue asks for.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "scaling")
            return Scaling.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 640_000);
        var folder = args.Length > 0 ? args[0] : null;
        var minimumPasses = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("usage: Gleaner.Bench FOLDER-OF-HTML.GZ-PAGES [MINIMUM-PASSES] | scaling [LARGEST-SIBLING-COUNT]");
            return 2;
        }

        var pages = Corpus.Load(folder);
        Console.WriteLine($"pages: {pages.Count} ({pages.TotalBytes / 1e6:0.0} MB), cores: {Environment.ProcessorCount}, "
            + $".NET {Environment.Version}, {RuntimeInformationText()}");
        var flattened = pages.Count(page => !ReferenceEquals(page.Html, NestingLimiter.Limit(page.Html, new ExtractionOptions().MaxNestingDepth)));
        Console.WriteLine($"pages the nesting cap changes: {flattened}");
        Console.WriteLine($"warm-up: at least {minimumPasses} passes, until the best figure stops rising; steady state = median of the last {Runner.SteadyPasses} passes");
        Console.WriteLine();

        // EXPLAIN=1 measures extraction with its explanation recorded (ExtractionOptions.Explain).
        var extractor = new ArticleExtractor(new ExtractionOptions { Explain = Environment.GetEnvironmentVariable("EXPLAIN") == "1" });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var benchmarks = new Benchmark[]
        {
            // Extraction first: its first pass is then truly cold, like a short `gleaner extract` run.
            new("extract (ArticleExtractor)", page => extractor.Extract(page.Bytes).Text?.Length ?? 0),
            new("HtmlAgilityPack parse + walk", page => ParseOnly.HtmlAgilityPack(page.Html)),
            new("AngleSharp parse + walk", page => ParseOnly.AngleSharp(page.Html)),
        };

        var results = new List<Result>();
        foreach (var benchmark in benchmarks)
        {
            results.Add(Runner.Measure(benchmark, pages, parallel: false, minimumPasses));
            results.Add(Runner.Measure(benchmark, pages, parallel: true, minimumPasses));
        }

        Console.WriteLine();
        Console.WriteLine("| what | cores | first pass pages/s | steady pages/s | steady MB/s | passes |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Name} | {(r.Parallel ? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) : "1")} | "
                + $"{r.FirstPass:0} | {r.Steady:0} | {r.Steady * pages.TotalBytes / pages.Count / 1e6:0.0} | {r.Passes} |");

        Console.WriteLine();
        Console.WriteLine("extraction phases, one core, steady state (ms per page, share of the sum):");
        foreach (var (phase, ms, share) in PhaseBreakdown.Measure(pages, passes: 3))
            Console.WriteLine($"  {phase,-10} {ms,7:0.000} ms  {share,5:P0}");
        Console.WriteLine($"  (Extract() is the whole extractor, run on each page right after its phases, its share relative to the sum; it allocates {PhaseBreakdown.AllocatedBytesPerPage / 1e6:0.0} MB per page)");

        var info = GC.GetGCMemoryInfo();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine();
        Console.WriteLine($"memory: peak working set {self.PeakWorkingSet64 / 1e6:0} MB (pages held in memory: {pages.TotalBytes * 3 / 1e6:0} MB as bytes and text), "
            + $"GC heap {info.HeapSizeBytes / 1e6:0} MB, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e9:0.0} GB over the run, "
            + $"gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pause {info.PauseTimePercentage:0.0}% of the last GC's interval");

        var extractOne = results.First(r => r.Name.StartsWith("extract", StringComparison.Ordinal) && !r.Parallel).Steady;
        var hapOne = results.First(r => r.Name.StartsWith("HtmlAgilityPack", StringComparison.Ordinal) && !r.Parallel).Steady;
        Console.WriteLine($"extract / HtmlAgilityPack parse-only, one core, steady state: {extractOne / hapOne:P0} (the issue's bar: 40%)");
        Console.WriteLine($"speed: extract {extractOne:0} pages/s, parse-only {hapOne:0} pages/s, one core");
        return 0;
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, "
        + $"tiered PGO {(AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var pgo) ? pgo.ToString() : "default")}, "
        + $"server GC {System.Runtime.GCSettings.IsServerGC}";
}

/// <summary>One page held in memory: its bytes as served and its decoded text.</summary>
internal sealed record Page(string Name, byte[] Bytes, string Html);

internal sealed class Corpus : List<Page>
{
    public long TotalBytes { get; private set; }

    public static Corpus Load(string folder)
    {
        var corpus = new Corpus();
        foreach (var path in Directory.GetFiles(folder, "*.html.gz").Order(StringComparer.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            var bytes = buffer.ToArray();
            corpus.Add(new Page(Path.GetFileName(path), bytes, HtmlDecoder.Decode(bytes, null)));
            corpus.TotalBytes += bytes.Length;
        }
        return corpus;
    }
}

/// <summary>A unit of work per page; it returns a number so the work cannot be optimized away.</summary>
internal sealed record Benchmark(string Name, Func<Page, int> Work);

internal sealed record Result(string Name, bool Parallel, double FirstPass, double Steady, int Passes);

internal static class Runner
{
    public const int SteadyPasses = 5;
    private const int MaximumPasses = 60;
    private static readonly TimeSpan MaximumTime = TimeSpan.FromMinutes(3);

    /// <summary>Sink for the work's results, read at the end so nothing is dead code.</summary>
    public static long Checksum;

    public static Result Measure(Benchmark benchmark, Corpus pages, bool parallel, int minimumPasses)
    {
        var label = $"{benchmark.Name}, {(parallel ? "all cores" : "one core")}";
        var rates = new List<double>();
        var best = 0.0;
        var passesSinceBest = 0;
        var started = Stopwatch.StartNew();
        while (rates.Count < MaximumPasses && started.Elapsed < MaximumTime)
        {
            var rate = Pass(benchmark, pages, parallel);
            rates.Add(rate);
            if (rate > best * 1.02)
            {
                best = rate;
                passesSinceBest = 0;
            }
            else
                passesSinceBest++;
            // Stop once the minimum is done and the best figure has not risen for a while.
            if (rates.Count >= minimumPasses + SteadyPasses && passesSinceBest >= SteadyPasses)
                break;
        }
        var steady = Median(rates.Skip(Math.Max(1, rates.Count - SteadyPasses)).ToList());
        Console.WriteLine($"{label}: first pass {rates[0]:0} pages/s, steady {steady:0} pages/s after {rates.Count} passes "
            + $"({string.Join(' ', rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))})");
        return new Result(benchmark.Name, parallel, rates[0], steady, rates.Count);
    }

    private static double Pass(Benchmark benchmark, Corpus pages, bool parallel)
    {
        long sum = 0;
        var timer = Stopwatch.StartNew();
        if (parallel)
        {
            Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => 0L, (i, _, local) => local + benchmark.Work(pages[i]), local => Interlocked.Add(ref sum, local));
        }
        else
        {
            foreach (var page in pages)
                sum += benchmark.Work(page);
        }
        timer.Stop();
        Interlocked.Add(ref Checksum, sum);
        return pages.Count / timer.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}

/// <summary>Parse plus one walk over every node, the reference the extractor is compared with.</summary>
internal static class ParseOnly
{
    private static readonly HtmlParserOptions AngleSharpOptions = new() { IsKeepingSourceReferences = false, IsScripting = false };

    public static int HtmlAgilityPack(string html)
    {
        var document = new HtmlAgilityPack.HtmlDocument();
        document.LoadHtml(html);
        var count = 0;
        var stack = new Stack<HtmlAgilityPack.HtmlNode>();
        stack.Push(document.DocumentNode);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            count++;
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                stack.Push(child);
        }
        return count;
    }

    public static int AngleSharp(string html)
    {
        using var document = new HtmlParser(AngleSharpOptions).ParseDocument(html);
        var count = 0;
        var stack = new Stack<AngleSharp.Dom.INode>();
        stack.Push(document);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            count++;
            // By index: AngleSharp's PreviousSibling scans the parent's child list (quadratic in siblings).
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                stack.Push(children[i]);
        }
        return count;
    }
}

/// <summary>
/// Where extraction time goes: the steps of <see cref="ArticleExtractor"/> timed one by one (decode, depth cap,
/// parse, metadata, content, language). It mirrors ArticleExtractor's sequence through the library's internals; the sum is
/// printed beside the full extraction so a drift between the two shows.
/// </summary>
internal static class PhaseBreakdown
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = false, IsScripting = false };

    /// <summary>Bytes the whole extractor allocates per page, from the last <see cref="Measure"/>.</summary>
    public static double AllocatedBytesPerPage { get; private set; }

    public static List<(string Phase, double MsPerPage, double Share)> Measure(Corpus pages, int passes)
    {
        var options = new ExtractionOptions();
        var names = new[] { "decode", "depth cap", "parse", "metadata", "content", "language" };
        var ticks = new long[names.Length];
        var extractor = new ArticleExtractor(options);
        long full = 0, allocated = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var page in pages)
            {
                var t0 = Stopwatch.GetTimestamp();
                var html = HtmlDecoder.Decode(page.Bytes, null);
                if (html.Length > options.MaxHtmlChars)
                    html = html[..options.MaxHtmlChars];
                var t1 = Stopwatch.GetTimestamp();
                html = NestingLimiter.Limit(html, options.MaxNestingDepth);
                var t2 = Stopwatch.GetTimestamp();
                using var document = new HtmlParser(ParserOptions).ParseDocument(html);
                var context = new PageContext(document, null, options);
                var t3 = Stopwatch.GetTimestamp();
                var article = new Article();
                MetadataExtractor.Extract(context, article);
                var t4 = Stopwatch.GetTimestamp();
                ContentExtractor.Extract(context, article);
                var t5 = Stopwatch.GetTimestamp();
                MetadataExtractor.CompleteFromBody(article);
                var t6 = Stopwatch.GetTimestamp();
                LanguageIdentifier.Fill(context, article);
                var t7 = Stopwatch.GetTimestamp();
                ticks[0] += t1 - t0;
                ticks[1] += t2 - t1;
                ticks[2] += t3 - t2;
                ticks[3] += (t4 - t3) + (t6 - t5);
                ticks[4] += t5 - t4;
                ticks[5] += t7 - t6;

                // The whole extractor on the same page right after, so both see the same machine load.
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var whole = Stopwatch.GetTimestamp();
                extractor.Extract(page.Bytes);
                full += Stopwatch.GetTimestamp() - whole;
                allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            }
        }
        var total = (double)ticks.Sum();
        var perPage = (double)(pages.Count * passes);
        var rows = new List<(string, double, double)>();
        for (var i = 0; i < names.Length; i++)
            rows.Add((names[i], ticks[i] * 1000.0 / Stopwatch.Frequency / perPage, ticks[i] / total));
        rows.Add(("sum", total * 1000.0 / Stopwatch.Frequency / perPage, 1.0));
        rows.Add(("Extract()", full * 1000.0 / Stopwatch.Frequency / perPage, full / total));
        AllocatedBytesPerPage = allocated / perPage;
        return rows;
    }
}
