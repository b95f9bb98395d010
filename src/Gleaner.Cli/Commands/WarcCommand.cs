using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gleaner.Archives;
using Gleaner.Extraction;
using Gleaner.Storage;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner warc</c>: article records from web archives, into the store or as JSON Lines.</summary>
internal static class WarcCommand
{
    public static Command Create()
    {
        var inputs = WarcInputs.Argument();
        var storeOptions = new StoreCommandOptions();
        var format = new Option<string?>("--format") { Description = "jsonl: write the records to standard output instead of the store" };
        format.AcceptOnlyFromAmong("jsonl");
        var resume = new Option<bool>("--resume") { Description = "Skip the files a previous run finished and go on after the last record it stored in the others" };
        var checkpointSeconds = OptionValues.WholeNumber("--checkpoint-seconds",
            "Save each file's resume point at most this often, in seconds (0: after every stored batch)", 0, 86_400, 2);
        var harvestOptions = new WarcInputs.HarvestOptions();

        var command = new Command("warc", "Extract article records from the HTML responses of web archives (WARC) into the store")
        {
            inputs, format, resume, checkpointSeconds,
        };
        storeOptions.AddStoreTo(command);
        harvestOptions.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            if (harvestOptions.Read(parse) is not { } options)
                return ExitCodes.BadUsage;
            options = options with { CheckpointInterval = TimeSpan.FromSeconds(parse.GetValue(checkpointSeconds)) };
            var files = WarcInputs.Expand(parse.GetValue(inputs)!);
            if (parse.GetValue(format) == "jsonl")
            {
                if (parse.GetValue(resume))
                {
                    Console.Error.WriteLine("gleaner: --resume works with the store, not with --format jsonl");
                    return ExitCodes.BadUsage;
                }
                return await RunJsonLinesAsync(files, options, cancellation);
            }
            await using var store = await storeOptions.OpenAsync(parse, create: true, cancellation);
            if (store is null)
                return ExitCodes.SomeInputsFailed;
            return await RunIntoStoreAsync(store, files, options, parse.GetValue(resume), cancellation);
        });
        return command;
    }

    private static async Task<int> RunJsonLinesAsync(List<string> files, WarcHarvestOptions options, CancellationToken cancellation)
    {
        var harvester = new WarcHarvester(new ArticleExtractor(), options);
        var failedFiles = new HashSet<string>(StringComparer.Ordinal);
        await using var stdout = Console.OpenStandardOutput();
        await using var output = new BufferedStream(stdout, 64 * 1024);
        using var progress = HarvestProgressLine.StartIfTerminal(harvester.Progress);
        await using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ArticleJson.Compact.Encoder }))
        {
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
                        WarcInputs.Report(issue, progress);
                        break;
                }
            }
        }
        await output.FlushAsync(cancellation);
        progress?.Finish();
        return failedFiles.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static async Task<int> RunIntoStoreAsync(IArticleStore store, List<string> files, WarcHarvestOptions options, bool resume, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        HarvestProgressLine? progress = null;
        var harvester = new WarcStoreHarvester(store, options) { OnIssue = issue => WarcInputs.Report(issue, progress) };
        using var line = progress = HarvestProgressLine.StartIfTerminal(harvester.Progress);
        WarcStoreSummary summary;
        try
        {
            summary = await harvester.HarvestAsync(files, resume, cancellation);
        }
        catch (Exception e) when (e is DbException or StoreException)
        {
            progress?.Clear();
            Console.Error.WriteLine($"gleaner: storing in {store.Location} failed, stopping (run again with --resume to go on): {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
        progress?.Finish();
        Console.Error.WriteLine($"gleaner: {summary.Inserted + summary.Updated:N0} article(s) stored in {store.Location} ({summary.Inserted:N0} new, {summary.Updated:N0} updated) " +
            $"from {summary.FilesRead:N0} file(s) in {clock.Elapsed.TotalSeconds:F1} s" +
            (summary.FilesAlreadyDone > 0 ? $"; {summary.FilesAlreadyDone:N0} file(s) already done" : "") +
            (harvester.Progress.Issues > 0 ? $"; {harvester.Progress.Issues:N0} problem(s) reported" : ""));
        return summary.FailedFiles.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
