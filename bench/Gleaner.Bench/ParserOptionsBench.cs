using System.Globalization;
using AngleSharp.Html.Parser;

namespace Gleaner.Bench;

/// <summary>
/// <c>Gleaner.Bench parser-options FOLDER</c>: AngleSharp's parse (plus one walk) under several
/// <see cref="HtmlParserOptions"/>, warmed up, then measured in interleaved rounds in pages per CPU-second of this
/// process, so each round's ratios see one machine load. It is how the extractor's parser settings were chosen.
/// </summary>
internal static class ParserOptionsBench
{
    private static readonly (string Name, HtmlParserOptions Options)[] Variants =
    [
        ("no source references, no scripting (before)", new() { IsKeepingSourceReferences = false, IsScripting = false }),
        ("+ no position tracking", new() { IsKeepingSourceReferences = false, IsScripting = false, DisableElementPositionTracking = true }),
        ("+ no position tracking, no comments", new() { IsKeepingSourceReferences = false, IsScripting = false, DisableElementPositionTracking = true, SkipComments = true }),
    ];

    public static int Run(Corpus pages, int rounds)
    {
        var reused = new HtmlParser(Variants[^1].Options);
        var benchmarks = Variants.Select(v => new Benchmark(v.Name, page => ParseOnly.AngleSharp(page.Html, v.Options)))
            .Append(new Benchmark($"{Variants[^1].Name}, one parser reused", page => ParseOnly.AngleSharp(page.Html, reused)))
            .ToArray();
        foreach (var benchmark in benchmarks)
            Runner.WarmUp(benchmark, pages);
        var rates = benchmarks.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
            for (var b = 0; b < benchmarks.Length; b++)
                rates[b].Add(Runner.Pass(benchmarks[b], pages, parallel: false).PerCpu);
        for (var b = 0; b < benchmarks.Length; b++)
        {
            var ratios = rates[b].Zip(rates[0], (x, y) => x / y).ToList();
            Console.WriteLine($"[steady state] {benchmarks[b].Name}: median {Runner.Median(rates[b]):0} pages per CPU-s, "
                + $"{Runner.Median(ratios):P0} of the first (rounds: {string.Join(' ', rates[b].Select(r => r.ToString("0", CultureInfo.InvariantCulture)))})");
        }
        return 0;
    }
}
