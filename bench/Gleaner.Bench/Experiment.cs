using System.Buffers;
using System.Globalization;
using System.Text;
using Gleaner.Extraction;

namespace Gleaner.Bench;

internal static class Experiment
{
    public static int Run(Corpus pages, int rounds)
    {
        var extractor = new ArticleExtractor();
        var benchmarks = new Benchmark[]
        {
            new("HAP", page => ParseOnly.HtmlAgilityPack(page.Html)),
            new("extract", page => extractor.Extract(page.Bytes).Text?.Length ?? 0),
        };
        foreach (var b in benchmarks) Runner.WarmUp(b, pages);
        var rates = benchmarks.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            var order = Enumerable.Range(0, benchmarks.Length).ToArray();
            if (r % 2 == 1) Array.Reverse(order);
            foreach (var b in order) rates[b].Add(Runner.Pass(benchmarks[b], pages, parallel: false).PerCpu);
        }
        for (var b = 0; b < benchmarks.Length; b++)
        {
            var ratios = rates[b].Zip(rates[0], (x, y) => x / y).ToList();
            Console.WriteLine($"{benchmarks[b].Name}: median {Runner.Median(rates[b]):0} pages/CPU-s, ratio to A median {Runner.Median(ratios):0.000} ({string.Join(' ', ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))})");
        }
        return 0;
    }
}
