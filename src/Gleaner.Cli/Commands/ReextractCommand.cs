using System.CommandLine;
using System.Data.Common;
using Gleaner.Archives;
using Gleaner.Storage;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner reextract</c>: runs the current extractor again over archived pages and updates the stored records.</summary>
internal static class ReextractCommand
{
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
        HarvestProgressLine? progress = null;
        var harvester = new WarcStoreHarvester(store, options) { OnIssue = issue => WarcInputs.Report(issue, progress) };
        using var line = progress = HarvestProgressLine.StartIfTerminal(harvester.Progress);
        ReextractSummary summary;
        try
        {
            summary = await harvester.ReextractAsync(files, cancellation);
        }
        catch (Exception e) when (e is DbException or StoreException)
        {
            progress?.Clear();
            Console.Error.WriteLine($"gleaner: updating {store.Location} failed, stopping: {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
        progress?.Finish();
        Console.Error.WriteLine($"gleaner: {summary.Changed:N0} record(s) changed and updated in {store.Location}, {summary.Unchanged:N0} unchanged" +
            (summary.NotStored > 0 ? $", {summary.NotStored:N0} not in the store (left out; 'gleaner warc' adds them)" : ""));
        return summary.FailedFiles.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
