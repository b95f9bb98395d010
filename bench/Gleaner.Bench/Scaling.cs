using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gleaner.Extraction;
using Gleaner.Extraction.Content;
using Gleaner.Extraction.Language;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Bench;

/// <summary>
/// The scaling benchmark (<c>bench/run scaling</c>): extraction time of synthetic pages of N sibling elements
/// (divs, paragraphs, list items, table rows) for N from 10k doubling to 640k. Linear extraction keeps the time
/// per element flat; the issue's bar is that 8 times the siblings costs less than 16 times the time.
/// Each page is extracted once after a small warm-up page of the same shape, with the page's phases timed
/// on a second run so a stall shows where it is. Times are the process's CPU time (wall-clock time beside it):
/// on a machine shared with other work, CPU time is what the page costs, wall time what the load adds.
/// </summary>
internal static class Scaling
{
    private static readonly (string Name, string Open, string Item, string Close)[] Shapes =
    [
        ("div", "", "<div>x</div>", ""),
        ("p", "", "<p>x</p>", ""),
        ("li", "<ul>", "<li>x</li>", "</ul>"),
        ("tr", "<table>", "<tr><td>x</td></tr>", "</table>"),
    ];

    private static readonly string[] PhaseNames = ["parse", "metadata", "content", "language"];

    public static int Run(int largest)
    {
        var sizes = new List<int>();
        for (var n = 10_000; n <= largest; n *= 2)
            sizes.Add(n);
        var extractor = new ArticleExtractor();
        var partial = false;
        Console.WriteLine($"one extraction per page, one core; CPU seconds; phases timed on a second run ({string.Join(", ", PhaseNames)})");
        Console.WriteLine();
        Console.WriteLine("| shape | siblings | page MB | wall s | CPU s | CPU µs per sibling | × CPU for 8× siblings | phases, CPU s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var verdicts = new List<string>();
        foreach (var shape in Shapes)
        {
            extractor.Extract(Page(shape, 1000)); // JIT warm-up
            var seconds = new Dictionary<int, double>();
            foreach (var n in sizes)
            {
                var html = Page(shape, n);
                var timer = Stopwatch.StartNew();
                var cpu = CpuSeconds();
                partial |= extractor.Extract(html).Partial;
                cpu = CpuSeconds() - cpu;
                timer.Stop();
                seconds[n] = cpu;
                var eightfold = n / 8 >= sizes[0] && seconds.TryGetValue(n / 8, out var before) ? $"{cpu / before:0.0}" : "";
                Console.WriteLine($"| {shape.Name} | {n:N0} | {html.Length / 1e6:0.0} | {timer.Elapsed.TotalSeconds:0.00} | {cpu:0.00} | {cpu * 1e6 / n:0.0} | {eightfold} | {Phases(html)} |");
            }
            var first = sizes.Where(n => n * 8 <= sizes[^1]).Select(n => seconds[n * 8] / seconds[n]).DefaultIfEmpty(0).Max();
            verdicts.Add($"{shape.Name}: CPU time for 8× the siblings, worst ratio {first:0.0} (the issue's bar: under 16)");
        }
        Console.WriteLine();
        foreach (var verdict in verdicts)
            Console.WriteLine(verdict);
        var rows = Page(Shapes[3], 100_000);
        var rowTimer = Stopwatch.StartNew();
        var rowCpu = CpuSeconds();
        extractor.Extract(rows);
        Console.WriteLine($"100,000 table rows: {CpuSeconds() - rowCpu:0.00} s CPU, {rowTimer.Elapsed.TotalSeconds:0.00} s wall (the issue's bar: under 10 s)");
        if (partial)
            Console.WriteLine("note: some pages spent the work budget (ExtractionOptions.MaxWorkSteps) and were cut short");
        return 0;
    }

    private static double CpuSeconds() => Environment.CpuUsage.TotalTime.TotalSeconds;

    private static string Page((string Name, string Open, string Item, string Close) shape, int count)
    {
        var html = new StringBuilder(64 + shape.Item.Length * count);
        html.Append("<!DOCTYPE html><html><head><title>Scaling</title></head><body>").Append(shape.Open);
        for (var i = 0; i < count; i++)
            html.Append(shape.Item);
        return html.Append(shape.Close).Append("</body></html>").ToString();
    }

    /// <summary>The extractor's phases on the page, one by one, as "parse 0.1 metadata 0.2 ...".</summary>
    private static string Phases(string html)
    {
        var options = new ExtractionOptions();
        var seconds = new double[PhaseNames.Length];
        var t0 = CpuSeconds();
        using var document = new ArticleExtractor(options).Parse(html);
        var context = new PageContext(document, null, options);
        var t1 = CpuSeconds();
        var article = new Article();
        MetadataExtractor.Extract(context, article);
        var t2 = CpuSeconds();
        ContentExtractor.Extract(context, article);
        var t3 = CpuSeconds();
        MetadataExtractor.CompleteFromBody(article);
        var t4 = CpuSeconds();
        LanguageIdentifier.Fill(context, article);
        var t5 = CpuSeconds();
        seconds[0] = t1 - t0;
        seconds[1] = (t2 - t1) + (t4 - t3);
        seconds[2] = t3 - t2;
        seconds[3] = t5 - t4;
        var text = new StringBuilder();
        for (var i = 0; i < seconds.Length; i++)
            text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? " " : "")}{PhaseNames[i]} {seconds[i]:0.00}");
        return text.ToString();
    }
}
