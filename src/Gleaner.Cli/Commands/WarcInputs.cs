using System.CommandLine;
using System.Globalization;
using Gleaner.Archives;
using Gleaner.Cli.Input;

namespace Gleaner.Cli.Commands;

/// <summary>What <c>gleaner warc</c> and <c>gleaner reextract</c> share: the file arguments, the harvest options, problem reports.</summary>
internal static class WarcInputs
{
    public static Argument<string[]> Argument()
    {
        var inputs = new Argument<string[]>("files")
        {
            Description = "WARC files (.warc, .warc.gz), folders of them, or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        FileArguments.RejectUnknownOptions(inputs);
        return inputs;
    }

    /// <summary>Files as given, and the .warc / .warc.gz files under folders, in name order.</summary>
    public static List<string> Expand(IEnumerable<string> inputs)
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

    public static void Report(WarcHarvestIssue issue, HarvestProgressLine? progress)
    {
        progress?.Clear();
        Console.Error.WriteLine(issue.FileFailed ? $"gleaner: {issue.File}: {issue.Issue.Message}" : $"gleaner: {issue.File}: {issue.Issue}");
    }

    /// <summary>The options that choose what to take from the archives.</summary>
    public sealed class HarvestOptions
    {
        private readonly Option<string[]> _sites = new("--site") { Description = "Keep only pages of this domain and its subdomains (repeat for several)" };
        private readonly Option<string?> _since = new("--since") { Description = "Keep only articles published on or after this date (ISO 8601, e.g. 2024-05-01)" };
        private readonly Option<string[]> _languages = new("--lang") { Description = "Keep only articles in this language, ISO 639-1 (repeat for several)" };
        private readonly Option<bool> _listings = new("--include-listings") { Description = "Also keep pages that look like home, section or tag pages" };
        private readonly Option<int?> _threads = OptionValues.OptionalWholeNumber("--threads", "Extraction threads (default: one per core)", 1, 256);
        // A record's block is read into one array, so the bound stays under the largest array .NET allows.
        private readonly Option<int> _maxRecord = OptionValues.WholeNumber("--max-record-mb", "Skip (and report) records larger than this many MB", 1, 2000, 32);

        public void AddTo(Command command)
        {
            command.Options.Add(_sites);
            command.Options.Add(_since);
            command.Options.Add(_languages);
            command.Options.Add(_listings);
            command.Options.Add(_threads);
            command.Options.Add(_maxRecord);
        }

        /// <summary>The options, or null (after saying why) when they are wrong.</summary>
        public WarcHarvestOptions? Read(ParseResult parse)
        {
            DateTimeOffset? since = null;
            if (parse.GetValue(_since) is { } sinceText)
            {
                if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    Console.Error.WriteLine($"gleaner: --since '{sinceText}' is not a date (use ISO 8601, e.g. 2024-05-01)");
                    return null;
                }
                since = parsed;
            }
            return new WarcHarvestOptions
            {
                Sites = parse.GetValue(_sites) ?? [],
                Since = since,
                Languages = parse.GetValue(_languages) ?? [],
                KeepListings = parse.GetValue(_listings),
                Workers = parse.GetValue(_threads) ?? Environment.ProcessorCount,
                Reader = new WarcReaderOptions { MaxRecordBytes = parse.GetValue(_maxRecord) * 1024L * 1024 },
            };
        }
    }
}
