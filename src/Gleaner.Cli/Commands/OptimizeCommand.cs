using System.CommandLine;
using System.Diagnostics;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner optimize</c>: compacts the store's full-text index after large imports.</summary>
internal static class OptimizeCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var command = new Command("optimize",
            "Compact the store for faster searches after large imports (SQLite: merges the full-text index into one "
            + "segment; PostgreSQL: VACUUM ANALYZE). Minutes at a million records; searches go on meanwhile");
        HelpExamples.Add(command,
            "gleaner optimize",
            "gleaner optimize --store postgres://user@host/news");
        options.AddStoreTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = await options.OpenAsync(parse, create: false, cancellationToken);
            if (store is null)
                return ExitCodes.SomeInputsFailed;
            StoreCommandOptions.ShowProgress($"optimizing the store {store.Location} ...");
            var clock = Stopwatch.StartNew();
            await store.OptimizeAsync(cancellationToken);
            StoreCommandOptions.ShowProgress($"optimized in {clock.Elapsed.TotalSeconds:0.0} s");
            return ExitCodes.Success;
        });
        return command;
    }
}
