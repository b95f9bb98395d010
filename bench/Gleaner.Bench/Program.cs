using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using AngleSharp.Html.Parser;
using Gleaner.Extraction;
using Gleaner.Extraction.Content;
using Gleaner.Extraction.Language;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Bench;

/// <summary>
/// The speed benchmark (<c>bench/run speed</c>): full extraction against the parse-only reference of HtmlAgilityPack
/// (and AngleSharp), over the same pages held in memory, in three regimes, each labelled in the output:
/// <list type="bullet">
/// <item><b>cold CLI</b>: a fresh <c>gleaner extract --jobs 1</c> process over the pages, in CPU-seconds of that
/// process (what a short command-line run costs, start-up and JIT included);</item>
/// <item><b>first pass</b>: the first pass in this process (cold JIT, extraction runs first so it is truly cold);</item>
/// <item><b>steady state</b>: after a warm-up of at least <see cref="Runner.WarmupPages"/> pages per benchmark and
/// until the rate is flat, passes of the benchmarks interleaved round by round, so each round's ratio sees one load.</item>
/// </list>
/// One-core rates are pages per CPU-second of this process (the machine is shared: CPU time is what a page costs,
/// wall time what the load adds); all-core rates are wall-clock, with the CPU time used beside them.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "scaling")
            return Scaling.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 640_000);
        if (args.Length > 1 && args[0] == "parser-options")
            return ParserOptionsBench.Run(Corpus.Load(args[1]), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 9);
        if (args.Length > 3 && args[0] == "ab")
            return AbBench.Run(Corpus.Load(args[1]), args[2], args[3],
                warmupPasses: args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 15,
                rounds: args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 20);
        if (args.Length > 1 && args[0] == "profile")
            return ExtractLoop(Corpus.Load(args[1]), args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        var folder = args.Length > 0 ? args[0] : null;
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("usage: Gleaner.Bench FOLDER-OF-HTML.GZ-PAGES [--cli GLEANER-EXECUTABLE] [--warmup-pages N] [--rounds N] | scaling [LARGEST-SIBLING-COUNT] | profile FOLDER [SECONDS] | ab FOLDER DIR_A DIR_B [WARMUP-PASSES] [ROUNDS]");
            return 2;
        }
        string? cli = null;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--cli": cli = value; break;
                case "--warmup-pages": Runner.WarmupPages = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rounds": Runner.SteadyRounds = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        var pages = Corpus.Load(folder);
        Console.WriteLine($"pages: {pages.Count} ({pages.TotalBytes / 1e6:0.0} MB), cores: {Environment.ProcessorCount}, "
            + $".NET {Environment.Version}, {RuntimeInformationText()}, load average {LoadAverage()}");
        var flattened = pages.Count(page => !ReferenceEquals(page.Html, ParserInput.LimitNesting(page.Html, new ExtractionOptions().MaxNestingDepth)));
        Console.WriteLine($"pages the nesting cap changes: {flattened}");
        Console.WriteLine();

        // The cold CLI first, while this process has not yet loaded the pages' code into the caches either.
        ColdRun? cold = null, startup = null;
        if (cli is not null)
        {
            cold = ColdCli.Measure(cli, folder, runs: 3);
            Console.WriteLine($"[cold CLI] fresh process `{Path.GetFileName(cli)} extract --jobs 1 -f jsonl` over the {pages.Count} pages, 3 runs: "
                + $"CPU {string.Join(" / ", cold.CpuSeconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s (user+sys), "
                + $"median {cold.MedianCpu:0.00} CPU-s = {pages.Count / cold.MedianCpu:0} pages per CPU-s; wall median {cold.MedianWall:0.00} s");
            // One page alone: the process's fixed cost (start-up, first touches), so the rest of the cold figure is per page.
            startup = ColdCli.Measure(cli, Directory.GetFiles(folder, "*.html.gz").Order(StringComparer.Ordinal).First(), runs: 3);
            Console.WriteLine($"[cold CLI] the same over the first page alone, 3 runs: CPU {string.Join(" / ", startup.CpuSeconds.Select(s => s.ToString("0.000", CultureInfo.InvariantCulture)))} s, "
                + $"median {startup.MedianCpu:0.000} CPU-s");
        }

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
        var report = Runner.Run(benchmarks, pages);

        Console.WriteLine();
        Console.WriteLine("| regime | what | cores | pages/s (wall) | pages per CPU-s | CPU used / wall |");
        Console.WriteLine("|---|---|---|---|---|---|");
        if (cold is not null)
            Console.WriteLine($"| cold CLI (fresh process) | gleaner extract --jobs 1 | 1 | {pages.Count / cold.MedianWall:0} | {pages.Count / cold.MedianCpu:0} | {cold.MedianCpu / cold.MedianWall:0.00} |");
        foreach (var row in report.Rows)
            Console.WriteLine($"| {row.Regime} | {row.Name} | {row.Cores} | {row.Rate.Wall:0} | {row.Rate.PerCpu:0} | {row.Rate.Utilisation:0.00} |");

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

        var first = report.FirstPass(0);
        var steady = report.SteadyOneCore(0);
        var hap = report.SteadyOneCore(1);
        Console.WriteLine();
        Console.WriteLine($"[steady state] extract / HtmlAgilityPack parse-only, one core, pages per CPU-s: median of the {Runner.SteadyRounds} rounds' ratios "
            + $"(adjacent passes) {report.MedianRatio(0, 1):P0} (middle half {report.RatioQuartiles(0, 1)}, spread {report.RatioRange(0, 1)}; "
            + $"first half of the rounds {report.RatioDrift(0, 1)}; the issue's bar: 70%)");
        Console.WriteLine($"[all cores] extract {report.SteadyAllCores(0).Wall:0} pages/s against {steady.Wall:0} on one core (wall, same rounds): "
            + $"{report.SteadyAllCores(0).Wall / steady.Wall:0.00}x with {Environment.ProcessorCount} cores, using {report.SteadyAllCores(0).Utilisation:0.00} cores of CPU; load average {LoadAverage()}");
        if (cold is not null && startup is not null)
            Console.WriteLine($"[cold CLI] split: start-up {startup.MedianCpu:0.000} CPU-s (one page), then {(cold.MedianCpu - startup.MedianCpu) * 1000 / (pages.Count - 1):0.00} ms "
                + $"per further page, against {1000 / steady.PerCpu:0.00} ms a page in this process's steady state");
        Console.WriteLine($"speed: cold CLI {(cold is null ? "not run (no --cli)" : $"{cold.MedianCpu:0.00} CPU-s for {pages.Count} pages")}, "
            + $"first pass {first.PerCpu:0}, steady {steady.PerCpu:0} pages per CPU-s; HtmlAgilityPack parse-only steady {hap.PerCpu:0}; one core");
        return 0;
    }

    /// <summary>
    /// <c>Gleaner.Bench profile FOLDER [SECONDS]</c>: extraction alone, one core, passes over the pages until the time is up,
    /// for a profiler attached from outside (perf with <c>DOTNET_PerfMapEnabled=1</c>); prints each pass's rate.
    /// </summary>
    private static int ExtractLoop(Corpus pages, double seconds)
    {
        var extractor = new ArticleExtractor();
        var benchmark = new Benchmark("extract", page => extractor.Extract(page.Bytes).Text?.Length ?? 0);
        // ALLOCATIONS=1: which types the extraction allocates, sampled by the runtime.
        using var allocations = Environment.GetEnvironmentVariable("ALLOCATIONS") == "1" ? new AllocationTypes() : null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var rate = Runner.Pass(benchmark, pages, parallel: false);
            Console.WriteLine($"pass: {rate.PerCpu:0} pages per CPU-s, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e3 / pages.Count:0} KB allocated a page");
        }
        allocations?.Print(40);
        return 0;
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, "
        + $"tiered PGO {(AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var pgo) ? pgo.ToString() : "default")}, "
        + $"server GC {System.Runtime.GCSettings.IsServerGC}";

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
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

/// <summary>One measured pass (or the median of several): pages per wall-clock second and per CPU-second of this process.</summary>
internal readonly record struct Rate(double Wall, double PerCpu)
{
    /// <summary>CPU-seconds used per wall-clock second: how many cores the work kept busy.</summary>
    public double Utilisation => Wall / PerCpu;
}

internal sealed record Row(string Regime, string Name, int Cores, Rate Rate);

internal sealed class Report(int benchmarks)
{
    public List<Row> Rows { get; } = [];
    public Rate[] First { get; } = new Rate[benchmarks];
    public List<Rate>[] OneCore { get; } = Enumerable.Range(0, benchmarks).Select(_ => new List<Rate>()).ToArray();
    public List<Rate>[] AllCores { get; } = Enumerable.Range(0, benchmarks).Select(_ => new List<Rate>()).ToArray();

    public Rate FirstPass(int benchmark) => First[benchmark];
    public Rate SteadyOneCore(int benchmark) => Runner.Median(OneCore[benchmark]);
    public Rate SteadyAllCores(int benchmark) => Runner.Median(AllCores[benchmark]);

    /// <summary>The ratio of two benchmarks' one-core CPU rates, round by round (each round saw one machine load).</summary>
    public List<double> Ratios(int a, int b) => OneCore[a].Zip(OneCore[b], (x, y) => x.PerCpu / y.PerCpu).ToList();
    public double MedianRatio(int a, int b) => Runner.Median(Ratios(a, b));
    public string RatioRange(int a, int b) => $"{Ratios(a, b).Min():P0}-{Ratios(a, b).Max():P0}";

    /// <summary>The middle half of the rounds' ratios (25th to 75th percentile), less swayed by one disturbed round than the range.</summary>
    public string RatioQuartiles(int a, int b)
    {
        var sorted = Ratios(a, b).Order().ToList();
        return $"{sorted[(sorted.Count - 1) / 4]:P0}-{sorted[(sorted.Count - 1) * 3 / 4]:P0}";
    }

    /// <summary>The median ratio of the first and of the second half of the rounds: near each other when warm-up was enough.</summary>
    public string RatioDrift(int a, int b)
    {
        var ratios = Ratios(a, b);
        var half = ratios.Count / 2;
        return $"{Runner.Median(ratios[..half]):P0} then {Runner.Median(ratios[^half..]):P0}";
    }
}

internal static class Runner
{
    /// <summary>Each benchmark runs at least this many pages on one core before the steady state is measured:
    /// .NET's tiered JIT (with PGO) needs a few thousand pages to settle.</summary>
    public static int WarmupPages { get; set; } = 5000;

    /// <summary>Interleaved one-core rounds of the steady state (one pass of every benchmark per round, the reference
    /// pass adjacent to each other one).</summary>
    public static int SteadyRounds { get; set; } = 15;

    /// <summary>All-core rounds, after the one-core rounds (a parallel pass between two one-core passes would part them).</summary>
    public const int AllCoreRounds = 5;

    /// <summary>The benchmark the others are compared with, pass by adjacent pass: the HtmlAgilityPack parse.</summary>
    public const int ReferenceBenchmark = 1;

    /// <summary>Warm-up also goes on (up to <see cref="MaximumWarmupPasses"/>) while the last passes still beat the earlier best by 2%.</summary>
    private const int FlatPasses = 5;
    private const int MaximumWarmupPasses = 80;

    /// <summary>Sink for the work's results, read at the end so nothing is dead code.</summary>
    public static long Checksum;

    public static Report Run(Benchmark[] benchmarks, Corpus pages)
    {
        var report = new Report(benchmarks.Length);
        for (var b = 0; b < benchmarks.Length; b++)
        {
            report.First[b] = Pass(benchmarks[b], pages, parallel: false);
            report.Rows.Add(new Row("first pass (cold JIT)", benchmarks[b].Name, 1, report.First[b]));
            Console.WriteLine($"[first pass] {benchmarks[b].Name}, one core: {report.First[b].PerCpu:0} pages per CPU-s ({report.First[b].Wall:0} pages/s wall)");
        }

        foreach (var benchmark in benchmarks)
            WarmUp(benchmark, pages);

        // One core: each round runs every benchmark's pass back to back, the reference (the last benchmark, here
        // HtmlAgilityPack's parse) next to each of the others, and the order turns round by round (E H A, A H E, ...), so
        // each ratio compares adjacent passes under one load and neither side always runs first.
        var reference = ReferenceBenchmark;
        for (var round = 0; round < SteadyRounds; round++)
        {
            var order = Enumerable.Range(0, benchmarks.Length).ToArray();
            // The reference in the middle: adjacent to every other benchmark.
            (order[reference], order[benchmarks.Length / 2]) = (order[benchmarks.Length / 2], order[reference]);
            if (round % 2 == 1)
                Array.Reverse(order);
            foreach (var b in order)
                report.OneCore[b].Add(Pass(benchmarks[b], pages, parallel: false));
        }
        for (var round = 0; round < AllCoreRounds; round++)
            for (var b = 0; b < benchmarks.Length; b++)
                report.AllCores[b].Add(Pass(benchmarks[b], pages, parallel: true));
        for (var b = 0; b < benchmarks.Length; b++)
        {
            Console.WriteLine($"[steady state] {benchmarks[b].Name}, one core, pages per CPU-s by round: "
                + string.Join(' ', report.OneCore[b].Select(r => r.PerCpu.ToString("0", CultureInfo.InvariantCulture))));
            report.Rows.Add(new Row("steady state", benchmarks[b].Name, 1, report.SteadyOneCore(b)));
        }
        for (var b = 0; b < benchmarks.Length; b++)
            report.Rows.Add(new Row("steady state", benchmarks[b].Name, Environment.ProcessorCount, report.SteadyAllCores(b)));
        return report;
    }

    /// <summary>One-core passes until <see cref="WarmupPages"/> pages are done and the rate has stopped rising.</summary>
    public static void WarmUp(Benchmark benchmark, Corpus pages)
    {
        var rates = new List<double>();
        var best = 0.0;
        var passesSinceBest = 0;
        var done = 0;
        while (rates.Count < MaximumWarmupPasses)
        {
            var rate = Pass(benchmark, pages, parallel: false).PerCpu;
            rates.Add(rate);
            done += pages.Count;
            if (rate > best * 1.02)
            {
                best = rate;
                passesSinceBest = 0;
            }
            else
                passesSinceBest++;
            if (done >= WarmupPages && passesSinceBest >= FlatPasses)
                break;
        }
        Console.WriteLine($"[warm-up] {benchmark.Name}: {done} pages in {rates.Count} passes, pages per CPU-s by pass: "
            + string.Join(' ', rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture))));
    }

    public static Rate Pass(Benchmark benchmark, Corpus pages, bool parallel)
    {
        long sum = 0;
        var cpu = Environment.CpuUsage.TotalTime;
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
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        Interlocked.Add(ref Checksum, sum);
        return new Rate(pages.Count / timer.Elapsed.TotalSeconds, pages.Count / Math.Max(cpuSeconds, 1e-3));
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static Rate Median(List<Rate> rates) =>
        new(Median(rates.Select(r => r.Wall).ToList()), Median(rates.Select(r => r.PerCpu).ToList()));
}

internal sealed record ColdRun(List<double> CpuSeconds, List<double> WallSeconds)
{
    public double MedianCpu => Runner.Median(CpuSeconds);
    public double MedianWall => Runner.Median(WallSeconds);
}

/// <summary>Fresh <c>gleaner extract</c> processes, measured by the CPU time the kernel charges to children (getrusage).</summary>
internal static class ColdCli
{
    public static ColdRun Measure(string cli, string folder, int runs)
    {
        var cpu = new List<double>();
        var wall = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var before = ChildrenCpuSeconds();
            var timer = Stopwatch.StartNew();
            var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "extract", "--jobs", "1", "-f", "jsonl", folder })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            output.Wait();
            timer.Stop();
            if (process.ExitCode > 1)
                throw new InvalidOperationException($"{cli} extract failed ({process.ExitCode}): {errors.Result}");
            cpu.Add(ChildrenCpuSeconds() - before);
            wall.Add(timer.Elapsed.TotalSeconds);
        }
        return new ColdRun(cpu, wall);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        // The rest of struct rusage (14 longs), unread.
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out ResourceUsage usage);

    private const int ResourceUsageChildren = -1;

    /// <summary>User and system CPU of all waited-for children so far (Linux).</summary>
    private static double ChildrenCpuSeconds()
    {
        if (getrusage(ResourceUsageChildren, out var usage) != 0)
            throw new InvalidOperationException($"getrusage failed: {Marshal.GetLastPInvokeError()}");
        return usage.UserSeconds + usage.SystemSeconds + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1e6;
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

    public static int AngleSharp(string html) => AngleSharp(html, AngleSharpOptions);

    public static int AngleSharp(string html, HtmlParserOptions options) => AngleSharp(html, new HtmlParser(options));

    public static int AngleSharp(string html, HtmlParser parser)
    {
        using var document = parser.ParseDocument(html);
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
    /// <summary>Bytes the whole extractor allocates per page, from the last <see cref="Measure"/>.</summary>
    public static double AllocatedBytesPerPage { get; private set; }

    public static List<(string Phase, double MsPerPage, double Share)> Measure(Corpus pages, int passes)
    {
        var options = new ExtractionOptions();
        var names = new[] { "decode", "input prepared", "parse", "metadata", "content", "language" };
        var ticks = new long[names.Length];
        var extractor = new ArticleExtractor(options);
        long full = 0, allocated = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var page in pages)
            {
                // The steps of ArticleExtractor.Extract from bytes: pooled characters, the parser's input prepared, the parse.
                var t0 = Stopwatch.GetTimestamp();
                using var text = HtmlDecoder.DecodePooled(page.Bytes, null);
                var html = text.Memory;
                if (html.Length > options.MaxHtmlChars)
                    html = html[..options.MaxHtmlChars];
                var t1 = Stopwatch.GetTimestamp();
                html = ParserInput.Prepare(html, options.MaxNestingDepth, text.Array);
                var t2 = Stopwatch.GetTimestamp();
                var document = ArticleExtractor.ThreadParser.ParseDocument(html);
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
