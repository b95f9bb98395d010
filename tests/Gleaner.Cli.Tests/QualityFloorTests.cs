using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Gleaner.Cli.Tests;

/// <summary>
/// Quality floors: `gleaner extract` over the three visible sets, scored by the shared scorers (the same as
/// <c>bench/run quality</c>), must stay within <see cref="Tolerance"/> of every figure in the "Quality floors"
/// table of BENCHMARKS.md. Skipped, saying why, when the shared data or python3 is missing.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class QualityFloorTests(ITestOutputHelper output)
{
    /// <summary>How far a figure may fall below its recorded floor: the scorers print three decimals.</summary>
    private const double Tolerance = 0.005;

    [QualityFact]
    public void EveryVisibleSetStaysAboveItsRecordedFloor()
    {
        var floors = ReadFloors();
        Assert.NotEmpty(floors);
        var measured = new Dictionary<(string Set, string Measure), double>();
        var data = Path.Combine(SharedData.Root, "data");
        var tools = Path.Combine(SharedData.Root, "tools");
        using var temp = new TempFolder();

        var body = Extract(temp, "body", Path.Combine(data, "article-extraction-benchmark", "html"));
        var bodyScore = Score(tools, "score_body.py", Path.Combine(data, "article-extraction-benchmark", "ground-truth.json"), body);
        measured[("article-extraction-benchmark", "body F1")] = Last(BodyF1(), bodyScore);

        // Each page's folder holds source.html.gz and the expected (Readability's) output: only the sources.
        var sources = Directory.GetFiles(Path.Combine(data, "readability-test-pages"), "source.html.gz", SearchOption.AllDirectories);
        Array.Sort(sources, StringComparer.Ordinal);
        var metadata = Extract(temp, "metadata", sources);
        var metadataScore = Score(tools, "score_metadata.py", Path.Combine(data, "readability-test-pages"), metadata);
        measured[("readability-test-pages", "metadata")] = Last(MetadataMean(), metadataScore);
        foreach (Match field in MetadataField().Matches(metadataScore))
            measured[("readability-test-pages", field.Groups[1].Value)] = Number(field.Groups[2].Value);

        var fundus = Extract(temp, "fundus", Path.Combine(data, "fundus-test-pages", "pages"));
        var fundusTruth = Path.Combine(data, "fundus-test-pages", "truth.json");
        measured[("fundus-test-pages", "body F1")] = Last(BodyF1(), Score(tools, "score_body.py", fundusTruth, fundus));
        var fieldScore = Score(tools, "score_fields.py", fundusTruth, fundus, "--fields", "title,authors,date,datetime");
        foreach (Match field in FundusField().Matches(fieldScore))
            measured[("fundus-test-pages", field.Groups[1].Value)] = Number(field.Groups[2].Value);

        var failures = new List<string>();
        foreach (var (key, floor) in floors)
        {
            if (!measured.TryGetValue(key, out var figure))
            {
                failures.Add($"{key.Set} {key.Measure}: not measured (scorer output changed?)");
                continue;
            }
            output.WriteLine($"{key.Set} {key.Measure}: {figure:0.000} (floor {floor:0.000})");
            if (figure < floor - Tolerance)
                failures.Add($"{key.Set} {key.Measure}: {figure:0.000} is below the recorded {floor:0.000}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The "Quality floors" table of BENCHMARKS.md: rows "| set | measure | figure |".</summary>
    private static Dictionary<(string Set, string Measure), double> ReadFloors()
    {
        var lines = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot(), "BENCHMARKS.md"));
        var floors = new Dictionary<(string, string), double>();
        var inTable = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
                inTable = line.Trim() == "## Quality floors";
            else if (inTable && FloorRow().Match(line) is { Success: true } row)
                floors[(row.Groups[1].Value.Trim(), row.Groups[2].Value.Trim())] = Number(row.Groups[3].Value);
        }
        return floors;
    }

    private static string Extract(TempFolder temp, string name, params string[] inputs)
    {
        var result = CliRunner.Run(null, TimeSpan.FromMinutes(10), ["extract", "--format", "jsonl", .. inputs]);
        Assert.True(result.ExitCode is 0 or 1, $"gleaner extract ({name}) exited {result.ExitCode}: {result.Stderr}");
        var path = Path.Combine(temp.Path, name + ".jsonl");
        File.WriteAllText(path, result.Stdout);
        return path;
    }

    private string Score(string tools, string scorer, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(tools, scorer));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{scorer} did not finish");
        Assert.True(process.ExitCode == 0, $"{scorer} exited {process.ExitCode}: {stderr.Result}");
        output.WriteLine(stdout.Result);
        return stdout.Result;
    }

    private static double Last(Regex pattern, string scorerOutput)
    {
        var match = pattern.Match(scorerOutput);
        Assert.True(match.Success, $"no '{pattern}' line in the scorer's output:\n{scorerOutput}");
        return Number(match.Groups[1].Value);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^F1 ([0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex BodyF1();

    [GeneratedRegex(@"^metadata ([0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex MetadataMean();

    [GeneratedRegex(@"^(\w+) +\d+/\d+ +([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex MetadataField();

    [GeneratedRegex(@"^(\w+) +tp .* F ([0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex FundusField();

    [GeneratedRegex(@"^\|\s*([a-z-]+)\s*\|\s*([^|]+?)\s*\|\s*([0-9.]+)\s*\|")]
    private static partial Regex FloorRow();

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("gleaner-quality-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>A fact that needs the three shared data sets, their scorers and python3; skipped, saying why, otherwise.</summary>
public sealed class QualityFactAttribute : FactAttribute
{
    public QualityFactAttribute()
    {
        string[] needed =
        [
            "data/article-extraction-benchmark/html", "data/readability-test-pages", "data/fundus-test-pages/pages", "tools",
        ];
        foreach (var folder in needed)
        {
            var path = Path.Combine(SharedData.Root, folder);
            if (!Directory.Exists(path))
            {
                Skip = $"the shared data is not at {path}; set GLEANER_SHARED";
                return;
            }
        }
        if (!OnPath("python3"))
            Skip = "python3 (for the shared scorers) is not on PATH";
    }

    private static bool OnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, program)))
                return true;
        return false;
    }
}
