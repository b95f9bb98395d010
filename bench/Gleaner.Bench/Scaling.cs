using System.Diagnostics;
using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
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
/// on a second run so a stall shows where it is.
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
        Console.WriteLine($"one extraction per page, one core; phases timed on a second run ({string.Join(", ", PhaseNames)})");
        Console.WriteLine();
        Console.WriteLine("| shape | siblings | page MB | extract s | µs per sibling | × time for 8× siblings | phases s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var verdicts = new List<string>();
        foreach (var shape in Shapes)
        {
            extractor.Extract(Page(shape, 1000)); // JIT warm-up
            var seconds = new Dictionary<int, double>();
            foreach (var n in sizes)
            {
                var html = Page(shape, n);
                var timer = Stopwatch.StartNew();
                extractor.Extract(html);
                timer.Stop();
                var elapsed = timer.Elapsed.TotalSeconds;
                seconds[n] = elapsed;
                var eightfold = n / 8 >= sizes[0] && seconds.TryGetValue(n / 8, out var before) ? $"{elapsed / before:0.0}" : "";
                Console.WriteLine($"| {shape.Name} | {n:N0} | {html.Length / 1e6:0.0} | {elapsed:0.000} | {elapsed * 1e6 / n:0.00} | {eightfold} | {Phases(html)} |");
            }
            var first = sizes.Where(n => n * 8 <= sizes[^1]).Select(n => seconds[n * 8] / seconds[n]).DefaultIfEmpty(0).Max();
            verdicts.Add($"{shape.Name}: worst 8× ratio {first:0.0}");
        }
        Console.WriteLine();
        foreach (var verdict in verdicts)
            Console.WriteLine(verdict);
        var rows = Page(Shapes[3], 100_000);
        var rowTimer = Stopwatch.StartNew();
        extractor.Extract(rows);
        Console.WriteLine($"100,000 table rows: {rowTimer.Elapsed.TotalSeconds:0.000} s (the issue's bar: under 10 s)");
        return 0;
    }

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
        var ticks = new long[PhaseNames.Length];
        var t0 = Stopwatch.GetTimestamp();
        using var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = false, IsScripting = false })
            .ParseDocument(NestingLimiter.Limit(html, options.MaxNestingDepth));
        var context = new PageContext(document, null, options);
        var t1 = Stopwatch.GetTimestamp();
        var article = new Article();
        MetadataExtractor.Extract(context, article);
        var t2 = Stopwatch.GetTimestamp();
        ContentExtractor.Extract(context, article);
        var t3 = Stopwatch.GetTimestamp();
        MetadataExtractor.CompleteFromBody(article);
        var t4 = Stopwatch.GetTimestamp();
        LanguageIdentifier.Fill(context, article);
        var t5 = Stopwatch.GetTimestamp();
        ticks[0] = t1 - t0;
        ticks[1] = (t2 - t1) + (t4 - t3);
        ticks[2] = t3 - t2;
        ticks[3] = t5 - t4;
        var text = new StringBuilder();
        for (var i = 0; i < ticks.Length; i++)
            text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? " " : "")}{PhaseNames[i]} {ticks[i] / (double)Stopwatch.Frequency:0.00}");
        return text.ToString();
    }
}
