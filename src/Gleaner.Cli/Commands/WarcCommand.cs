using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Gleaner.Archives;
using Gleaner.Extraction;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner warc</c>: article records from web archives.</summary>
internal static class WarcCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("files")
        {
            Description = "WARC files (.warc, .warc.gz) or folders of them",
            Arity = ArgumentArity.OneOrMore,
        };
        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value))
                    result.AddError($"Unknown option '{token.Value}'.");
        });
        var format = new Option<string?>("--format") { Description = "jsonl: write the records to standard output instead of the store" };
        format.AcceptOnlyFromAmong("jsonl");
        var sites = new Option<string[]>("--site") { Description = "Keep only pages of this domain and its subdomains (repeatable)" };
        var since = new Option<string?>("--since") { Description = "Keep only articles published on or after this date (ISO 8601, e.g. 2024-05-01)" };
        var languages = new Option<string[]>("--lang") { Description = "Keep only articles in this language, ISO 639-1 (repeatable)" };
        var listings = new Option<bool>("--include-listings") { Description = "Also keep pages that look like home, section or tag pages" };
        var threads = new Option<int?>("--threads") { Description = "Extraction threads (default: one per core)" };
        var maxRecord = new Option<int>("--max-record-mb") { Description = "Skip (and report) records larger than this many MB", DefaultValueFactory = _ => 32 };

        var command = new Command("warc", "Extract article records from the HTML responses of web archives (WARC)")
        {
            inputs, format, sites, since, languages, listings, threads, maxRecord,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            DateTimeOffset? sinceDate = null;
            if (parse.GetValue(since) is { } sinceText)
            {
                if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    Console.Error.WriteLine($"gleaner: --since '{sinceText}' is not a date (use ISO 8601, e.g. 2024-05-01)");
                    return ExitCodes.BadUsage;
                }
                sinceDate = parsed;
            }
            if (parse.GetValue(threads) is <= 0 || parse.GetValue(maxRecord) <= 0)
            {
                Console.Error.WriteLine("gleaner: --threads and --max-record-mb must be positive");
                return ExitCodes.BadUsage;
            }
            var options = new WarcHarvestOptions
            {
                Sites = parse.GetValue(sites) ?? [],
                Since = sinceDate,
                Languages = parse.GetValue(languages) ?? [],
                KeepListings = parse.GetValue(listings),
                Workers = parse.GetValue(threads) ?? Environment.ProcessorCount,
                Reader = new WarcReaderOptions { MaxRecordBytes = parse.GetValue(maxRecord) * 1024L * 1024 },
            };
            var files = ExpandInputs(parse.GetValue(inputs)!);
            return await RunJsonLinesAsync(files, options, cancellation);
        });
        return command;
    }

    /// <summary>Files as given, and the .warc / .warc.gz files under folders, in name order.</summary>
    internal static List<string> ExpandInputs(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(path => path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            else
                files.Add(input);
        }
        return files;
    }

    private static async Task<int> RunJsonLinesAsync(List<string> files, WarcHarvestOptions options, CancellationToken cancellation)
    {
        var harvester = new WarcHarvester(new ArticleExtractor(), options);
        var failedFiles = new HashSet<string>(StringComparer.Ordinal);
        await using var stdout = Console.OpenStandardOutput();
        await using var output = new BufferedStream(stdout, 64 * 1024);
        using var progress = HarvestProgressLine.StartIfTerminal(harvester.Progress);
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ArticleJson.Compact.Encoder });
        await foreach (var harvested in harvester.RunAsync(files.Select(file => new WarcSource(file)).ToList(), cancellation))
        {
            switch (harvested)
            {
                case WarcArticle found:
                    JsonSerializer.Serialize(writer, found.Article, ArticleJson.Compact);
                    writer.Flush();
                    writer.Reset();
                    output.WriteByte((byte)'\n');
                    break;
                case WarcHarvestIssue issue:
                    failedFiles.Add(issue.File);
                    progress?.Clear();
                    Console.Error.WriteLine($"gleaner: {issue.File}: {issue.Issue}");
                    break;
            }
        }
        await output.FlushAsync(cancellation);
        progress?.Finish();
        return failedFiles.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
