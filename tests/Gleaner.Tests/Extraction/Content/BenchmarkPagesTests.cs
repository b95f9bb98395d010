using System.IO.Compression;
using Gleaner.Extraction;
using Xunit.Abstractions;

namespace Gleaner.Tests.Extraction.Content;

/// <summary>
/// Every page of the shared article-extraction benchmark (../shared next to the repository) extracts
/// without an exception and with a non-empty body. Quality is scored by bench/run quality, not here.
/// </summary>
public class BenchmarkPagesTests(ITestOutputHelper output)
{
    /// <summary>Pages whose article text is not in the HTML at all (loaded by script): an empty body is right.</summary>
    private const int MaxEmptyBodies = 3;

    [Fact]
    public void EveryBenchmarkPageExtractsWithABody()
    {
        var folder = FindBenchmarkFolder();
        if (folder is null)
        {
            output.WriteLine("SKIPPED: ../shared/data/article-extraction-benchmark/html not found next to the repository; nothing to check.");
            return;
        }

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

    private static string? FindBenchmarkFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Gleaner.slnx")))
                continue;
            var folder = Path.Combine(dir.FullName, "..", "shared", "data", "article-extraction-benchmark", "html");
            return Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
        }
        return null;
    }
}
