using System.CommandLine;
using System.Data.Common;
using Gleaner.Archives;
using Gleaner.Extraction;
using Gleaner.Storage;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner reextract</c>: runs the current extractor again over archived pages and updates the stored records.</summary>
internal static class ReextractCommand
{
    private const int BatchSize = 200;

    public static Command Create()
    {
        var inputs = WarcInputs.Argument();
        var storeOptions = new StoreCommandOptions();
        var harvestOptions = new WarcInputs.HarvestOptions();
        var command = new Command("reextract", "Extract the archived pages of WARC files again with the current extractor and update the records already stored") { inputs };
        storeOptions.AddStoreTo(command);
        harvestOptions.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            if (harvestOptions.Read(parse) is not { } options)
                return ExitCodes.BadUsage;
            await using var store = await storeOptions.OpenAsync(parse, create: false, cancellation);
            if (store is null)
                return ExitCodes.SomeInputsFailed;
            return await RunAsync(store, WarcInputs.Expand(parse.GetValue(inputs)!), options, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(IArticleStore store, List<string> files, WarcHarvestOptions options, CancellationToken cancellation)
    {
        var harvester = new WarcHarvester(new ArticleExtractor(), options);
        var failedFiles = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Article>(BatchSize);
        long changed = 0, unchanged = 0, notStored = 0;
        using var progress = HarvestProgressLine.StartIfTerminal(harvester.Progress);
        try
        {
            await foreach (var harvested in harvester.RunAsync(files.Select(file => new WarcSource(file)).ToList(), cancellation))
            {
                switch (harvested)
                {
                    case WarcArticle found:
                        var stored = await store.GetAsync(found.Article.Url ?? "", cancellation);
                        if (stored is null)
                            notStored++;
                        else if (StoredRecordComparison.SameAsStored(stored.Article, found.Article))
                            unchanged++;
                        else
                        {
                            changed++;
                            batch.Add(found.Article);
                            if (batch.Count >= BatchSize)
                            {
                                await store.SaveAsync(batch, cancellation);
                                batch.Clear();
                            }
                        }
                        break;
                    case WarcHarvestIssue issue:
                        failedFiles.Add(issue.File);
                        WarcInputs.Report(issue, progress);
                        break;
                }
            }
            if (batch.Count > 0)
                await store.SaveAsync(batch, cancellation);
        }
        catch (Exception e) when (e is DbException or StoreException)
        {
            progress?.Clear();
            Console.Error.WriteLine($"gleaner: updating {store.Location} failed, stopping: {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
        progress?.Finish();
        Console.Error.WriteLine($"gleaner: {changed:N0} record(s) changed and updated in {store.Location}, {unchanged:N0} unchanged" +
            (notStored > 0 ? $", {notStored:N0} not in the store (left out; 'gleaner warc' adds them)" : ""));
        return failedFiles.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
