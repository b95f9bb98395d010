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
    private const int BatchSize = 200;

    public static Command Create()
    {
        var inputs = WarcInputs.Argument();
        var storeOptions = new StoreCommandOptions();
        var format = new Option<string?>("--format") { Description = "jsonl: write the records to standard output instead of the store" };
        format.AcceptOnlyFromAmong("jsonl");
        var resume = new Option<bool>("--resume") { Description = "Skip the files a previous run finished and go on after the last record it stored in the others" };
        var harvestOptions = new WarcInputs.HarvestOptions();

        var command = new Command("warc", "Extract article records from the HTML responses of web archives (WARC) into the store") { inputs, format, resume };
        storeOptions.AddStoreTo(command);
        harvestOptions.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            if (harvestOptions.Read(parse) is not { } options)
                return ExitCodes.BadUsage;
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
        var progressStore = await WarcProgressStore.OpenAsync(store, cancellation);
        var sources = new List<WarcSource>();
        var alreadyDone = 0;
        foreach (var file in files)
        {
            var remembered = resume && File.Exists(file) ? await progressStore.GetAsync(file, cancellation) : null;
            if (remembered is { Done: true })
            {
                alreadyDone++;
                continue;
            }
            sources.Add(new WarcSource(file, remembered?.ResumeAfter));
        }

        var harvester = new WarcHarvester(new ArticleExtractor(), options);
        var failedFiles = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Article>(BatchSize);
        long inserted = 0, updated = 0;
        using var progress = HarvestProgressLine.StartIfTerminal(harvester.Progress);

        async Task SaveBatchAsync()
        {
            if (batch.Count == 0)
                return;
            var result = await store.SaveAsync(batch, cancellation);
            inserted += result.Inserted;
            updated += result.Updated;
            batch.Clear();
        }

        try
        {
            await foreach (var harvested in harvester.RunAsync(sources, cancellation))
            {
                switch (harvested)
                {
                    case WarcArticle found:
                        batch.Add(found.Article);
                        if (batch.Count >= BatchSize)
                            await SaveBatchAsync();
                        break;
                    case WarcCheckpoint checkpoint when File.Exists(checkpoint.File):
                        // The articles a checkpoint covers are stored before it is.
                        await SaveBatchAsync();
                        await progressStore.SaveAsync(checkpoint.File, checkpoint.Position, checkpoint.Done, cancellation);
                        break;
                    case WarcHarvestIssue issue:
                        failedFiles.Add(issue.File);
                        WarcInputs.Report(issue, progress);
                        break;
                }
            }
            await SaveBatchAsync();
        }
        catch (Exception e) when (e is DbException or StoreException)
        {
            progress?.Clear();
            Console.Error.WriteLine($"gleaner: storing in {store.Location} failed, stopping (run again with --resume to go on): {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
        progress?.Finish();
        Console.Error.WriteLine($"gleaner: {inserted + updated:N0} article(s) stored in {store.Location} ({inserted:N0} new, {updated:N0} updated) " +
            $"from {sources.Count:N0} file(s) in {clock.Elapsed.TotalSeconds:F1} s" +
            (alreadyDone > 0 ? $"; {alreadyDone:N0} file(s) already done" : "") +
            (harvester.Progress.Issues > 0 ? $"; {harvester.Progress.Issues:N0} problem(s) reported" : ""));
        return failedFiles.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
