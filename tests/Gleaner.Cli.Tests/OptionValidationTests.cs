namespace Gleaner.Cli.Tests;

/// <summary>Every option value out of range or unreadable is a usage error (exit 2) naming the option, never an exception.</summary>
public sealed class OptionValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-options-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--limit", "search", "x", "--limit", "99999999999")]
    [InlineData("--limit", "search", "x", "--limit", "0")]
    [InlineData("--offset", "search", "x", "--offset", "-1")]
    [InlineData("--limit", "stories", "--limit", "99999999999")]
    [InlineData("--id", "stories", "--id", "999999999999999999999")]
    [InlineData("--top", "stats", "--top", "abc")]
    [InlineData("--batch-size", "import", "-", "--batch-size", "99999999999")]
    [InlineData("--jobs", "extract", "-", "--jobs", "99999999999")]
    [InlineData("--min-confidence", "extract", "-", "--min-confidence", "1.5")]
    [InlineData("--min-confidence", "extract", "-", "--min-confidence", "-0.1")]
    [InlineData("--min-confidence", "extract", "-", "--min-confidence", "high")]
    [InlineData("--min-confidence", "extract", "-", "--min-confidence", "NaN")]
    [InlineData("--delay", "crawl", "http://127.0.0.1:9/", "--delay", "99999999d")]
    [InlineData("--watch", "crawl", "http://127.0.0.1:9/", "--watch", "99999999d")]
    [InlineData("--watch", "crawl", "http://127.0.0.1:9/", "--watch", "0")]
    [InlineData("--timeout", "crawl", "http://127.0.0.1:9/", "--timeout", "0")]
    [InlineData("--max-pages", "crawl", "http://127.0.0.1:9/", "--max-pages", "-1")]
    [InlineData("--max-pages", "crawl", "http://127.0.0.1:9/", "--max-pages", "0")]
    [InlineData("--max-depth", "crawl", "http://127.0.0.1:9/", "--max-depth", "-1")]
    [InlineData("--attempts", "crawl", "http://127.0.0.1:9/", "--attempts", "99999999999")]
    [InlineData("--concurrency", "crawl", "http://127.0.0.1:9/", "--concurrency", "0")]
    [InlineData("--max-record-mb", "warc", "-", "--max-record-mb", "99999999")]
    [InlineData("--threads", "warc", "-", "--threads", "0")]
    [InlineData("--checkpoint-seconds", "warc", "-", "--checkpoint-seconds", "-1")]
    [InlineData("--checkpoint-seconds", "warc", "-", "--checkpoint-seconds", "86401")]
    public void AnUnusableValueIsAUsageErrorNamingTheOption(string option, params string[] args)
    {
        string[] withStore = args[0] == "extract" ? args : [.. args, "--store", Path.Combine(_folder, "gleaner.db")];
        var result = CliRunner.Run("", withStore);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Contains(option, result.Stderr);
        Assert.DoesNotContain("Unhandled", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Theory]
    [InlineData("search", "council")]
    [InlineData("export")]
    [InlineData("stats")]
    [InlineData("stories")]
    public void TheLastDayThereIsWorksAsAnUntilDate(params string[] args)
    {
        var store = Path.Combine(_folder, "gleaner.db");
        var imported = CliRunner.Run("{\"url\":\"https://example.com/a\",\"title\":\"Council\",\"text\":\"The council met.\",\"published\":\"2024-05-01\"}\n", "import", "-", "--store", store);
        Assert.True(imported.ExitCode == 0, imported.Stderr);

        var result = CliRunner.Run(null, [.. args, "--until", "9999-12-31", "--store", store]);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.DoesNotContain("Unhandled", result.Stderr);
    }
}
