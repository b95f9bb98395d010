using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text.Json;

namespace Gleaner.Bench;

/// <summary>
/// <c>bench/run ab DIR_A DIR_B</c>: two builds of the Gleaner library (each folder holding a <c>Gleaner.dll</c> and its
/// dependencies, as <c>dotnet build src/Gleaner -c Release -o DIR</c> leaves them) loaded side by side in this process,
/// each in its own load context, and alternated page by page over the pages (which runs first turns every page and every
/// round), after a shared warm-up. Each call is timed by the thread's CPU clock, so the machine's other load charges
/// neither build. Reports B's CPU over A's for the whole set round by round (median, middle half, spread) and the pages
/// whose own ratio strays most; a folder against itself measures the harness's noise. Every page's articles are compared
/// (serialized as JSON) once, before timing: a build that changes output is reported as such.
/// </summary>
internal static class AbBench
{
    private delegate object ExtractBytes(ReadOnlySpan<byte> html, string? contentType, string? url);

    public static int Run(Corpus pages, string folderA, string folderB, int warmupPasses, int rounds)
    {
        var a = Load(folderA, "A");
        var b = Load(folderB, "B");
        Console.WriteLine($"pages: {pages.Count}, warm-up {warmupPasses} passes a build, {rounds} rounds, load average {Program.LoadAverage()}");

        var differing = 0;
        foreach (var page in pages)
        {
            var left = JsonSerializer.Serialize(a(page.Bytes, null, null));
            var right = JsonSerializer.Serialize(b(page.Bytes, null, null));
            if (left != right && differing++ < 10)
                Console.WriteLine($"output differs: {page.Name}");
        }
        Console.WriteLine(differing == 0 ? "output: every page's article identical" : $"output: {differing} pages differ");

        // Bytes each build allocates a page (one pass, after the output check's warm-up of both).
        long allocatedA = 0, allocatedB = 0;
        foreach (var page in pages)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            a(page.Bytes, null, null);
            var between = GC.GetAllocatedBytesForCurrentThread();
            b(page.Bytes, null, null);
            allocatedA += between - before;
            allocatedB += GC.GetAllocatedBytesForCurrentThread() - between;
        }
        Console.WriteLine($"allocated a page: A {allocatedA / 1e3 / pages.Count:0} KB, B {allocatedB / 1e3 / pages.Count:0} KB");

        for (var pass = 0; pass < warmupPasses; pass++)
            foreach (var page in pages)
            {
                a(page.Bytes, null, null);
                b(page.Bytes, null, null);
            }

        var cpuA = new double[rounds, pages.Count];
        var cpuB = new double[rounds, pages.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var bytes = pages[i].Bytes;
                if ((round + i) % 2 == 0)
                {
                    cpuA[round, i] = Timed(a, bytes);
                    cpuB[round, i] = Timed(b, bytes);
                }
                else
                {
                    cpuB[round, i] = Timed(b, bytes);
                    cpuA[round, i] = Timed(a, bytes);
                }
            }
        }

        var roundRatios = new List<double>();
        double totalA = 0, totalB = 0;
        for (var round = 0; round < rounds; round++)
        {
            double sumA = 0, sumB = 0;
            for (var i = 0; i < pages.Count; i++)
            {
                sumA += cpuA[round, i];
                sumB += cpuB[round, i];
            }
            roundRatios.Add(sumB / sumA);
            totalA += sumA;
            totalB += sumB;
        }
        var pageRatios = new List<(string Name, double Ratio)>();
        for (var i = 0; i < pages.Count; i++)
        {
            // Per page, the median of its rounds' ratios: one disturbed call does not move it.
            var ratios = new List<double>();
            for (var round = 0; round < rounds; round++)
                ratios.Add(cpuB[round, i] / cpuA[round, i]);
            pageRatios.Add((pages[i].Name, Runner.Median(ratios)));
        }
        // Per page, each build's cheapest call over the rounds: other processes' load and collections only ever add time,
        // so the sum of the minima is the steadiest figure (it leaves out the collections' share; the sums above keep it).
        double minimaA = 0, minimaB = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            double bestA = double.MaxValue, bestB = double.MaxValue;
            for (var round = 0; round < rounds; round++)
            {
                bestA = Math.Min(bestA, cpuA[round, i]);
                bestB = Math.Min(bestB, cpuB[round, i]);
            }
            minimaA += bestA;
            minimaB += bestB;
        }
        var sorted = roundRatios.Order().ToList();
        var pageSorted = pageRatios.Select(p => p.Ratio).Order().ToList();
        string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"rounds B/A (whole set's CPU): {string.Join(' ', roundRatios.Select(F))}");
        Console.WriteLine($"pages' median ratios: median {F(Runner.Median(pageSorted))}, middle half {F(pageSorted[(pageSorted.Count - 1) / 4])}-{F(pageSorted[(pageSorted.Count - 1) * 3 / 4])}; "
            + $"lowest {string.Join(", ", pageRatios.OrderBy(p => p.Ratio).Take(3).Select(p => $"{p.Name} {F(p.Ratio)}"))}; "
            + $"highest {string.Join(", ", pageRatios.OrderByDescending(p => p.Ratio).Take(3).Select(p => $"{p.Name} {F(p.Ratio)}"))}");
        Console.WriteLine($"A {totalA * 1000 / (rounds * pages.Count):0.000} ms a page, B {totalB * 1000 / (rounds * pages.Count):0.000} ms a page (thread CPU); load average {Program.LoadAverage()}");
        Console.WriteLine($"ab: B/A CPU {F(totalB / totalA)}, per-page minima {F(minimaB / minimaA)}, rounds median {F(Runner.Median(roundRatios))} (middle half {F(sorted[(sorted.Count - 1) / 4])}-{F(sorted[(sorted.Count - 1) * 3 / 4])}, spread {F(sorted[0])}-{F(sorted[^1])})");
        return differing == 0 ? 0 : 1;
    }

    private static double Timed(ExtractBytes extract, byte[] bytes)
    {
        var start = ThreadCpuSeconds();
        extract(bytes, null, null);
        return ThreadCpuSeconds() - start;
    }

    /// <summary>One build's <c>ArticleExtractor.Extract(bytes)</c>, from its folder, in a load context of its own.</summary>
    private static ExtractBytes Load(string folder, string name)
    {
        var context = new BuildContext(Path.GetFullPath(folder), name);
        var assembly = context.LoadFromAssemblyPath(Path.Combine(Path.GetFullPath(folder), "Gleaner.dll"));
        var type = assembly.GetType("Gleaner.Extraction.ArticleExtractor", throwOnError: true)!;
        var extractor = Activator.CreateInstance(type, [null])!;
        var method = type.GetMethod("Extract", [typeof(ReadOnlySpan<byte>), typeof(string), typeof(string)])!;
        return method.CreateDelegate<ExtractBytes>(extractor);
    }

    /// <summary>Loads the build's own assemblies from its folder; the framework's come from the default context.</summary>
    private sealed class BuildContext(string folder, string name) : AssemblyLoadContext(name)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) => IntPtr.Zero;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds, Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private static double ThreadCpuSeconds()
    {
        clock_gettime(ThreadCpuClock, out var time);
        return time.Seconds + time.Nanoseconds / 1e9;
    }
}
