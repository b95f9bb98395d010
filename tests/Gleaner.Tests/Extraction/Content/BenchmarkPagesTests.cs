using System.IO.Compression;
using Gleaner.Extraction;
using Xunit.Abstractions;

namespace Gleaner.Tests.Extraction.Content;

/// <summary>
/// Every page of the shared article-extraction benchmark (<c>GLEANER_SHARED</c>, else ../shared next to the
/// repository) extracts without an exception and with a non-empty body. Quality is scored by bench/run quality, not here.
/// </summary>
public class BenchmarkPagesTests(ITestOutputHelper output)
{
    /// <summary>Pages whose article text is not in the HTML at all (loaded by script): an empty body is right.</summary>
    private const int MaxEmptyBodies = 3;

    private const string BenchmarkPages = "data/article-extraction-benchmark/html";

    [SharedDataFact(BenchmarkPages)]
    [Trait("Category", "Slow")]
    public void EveryBenchmarkPageExtractsWithABody()
    {
        var folder = SharedData.PathOf(BenchmarkPages);
        var extractor = new ArticleExtractor();
        var files = Directory.GetFiles(folder, "*.html.gz");
        Assert.NotEmpty(files);
        var empty = new List<string>();
        foreach (var file in files)
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            var article = extractor.Extract(bytes.ToArray());
            if (string.IsNullOrWhiteSpace(article.Text))
                empty.Add(Path.GetFileName(file));
        }
        output.WriteLine($"{files.Length} pages, {empty.Count} with an empty body: {string.Join(", ", empty)}");
        Assert.True(empty.Count <= MaxEmptyBodies, $"empty bodies: {string.Join(", ", empty)}");
    }
}
