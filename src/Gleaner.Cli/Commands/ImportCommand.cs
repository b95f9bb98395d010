using System.CommandLine;
using System.Diagnostics;
using Gleaner.Cli.Input;
using Gleaner.Formats;
using Gleaner.Storage;
using Spectre.Console;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner import</c>: records from files into the store.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Record files or folders: .txt (record layout), .jsonl/.ndjson (JSON Lines: Gleaner or news-please records), .json, .csv (as export writes it); - reads JSON Lines from standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        FileArguments.RejectUnknownOptions(inputs);
        var batch = OptionValues.WholeNumber("--batch-size", "Records per transaction", 1, 100_000, 500);

        var command = new Command("import", "Import article records into the store (bad records are reported with file and line, and skipped)") { inputs, batch };
        HelpExamples.Add(command,
            "gleaner import ../shared/data/seed/                       # a folder of record files",
            "gleaner import crawl.jsonl --store postgres://u:p@db/news  # JSON Lines into PostgreSQL",
            "gleaner extract pages/ | gleaner import -                 # records from standard input");
        options.AddStoreTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, options, parse.GetValue(inputs)!, parse.GetValue(batch), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, StoreCommandOptions options, string[] inputs, int batchSize, CancellationToken cancellationToken)
    {
        var files = ArticleFiles.Expand(inputs).ToList();
        await using var store = await options.OpenAsync(parse, create: true, cancellationToken);
        if (store is null)
            return ExitCodes.SomeInputsFailed;

        var import = new Import(store, batchSize);
        if (!Console.IsErrorRedirected)
        {
            await StoreCommandOptions.ErrorConsole().Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("importing", maxValue: files.Count);
                    import.Saved += () => task.Description = $"{import.Read:N0} records";
                    foreach (var file in files)
                    {
                        await import.ReadFileAsync(file, cancellationToken);
                        task.Increment(1);
                        task.Description = $"{import.Read:N0} records";
                    }
                    await import.FlushAsync(cancellationToken);
                });
        }
        else
        {
            foreach (var file in files)
                await import.ReadFileAsync(file, cancellationToken);
            await import.FlushAsync(cancellationToken);
        }

        Console.Error.WriteLine(
            $"gleaner: {import.Stored:N0} record(s) stored in {store.Location} ({import.Inserted:N0} new, {import.Updated:N0} updated, " +
            $"{import.Linked:N0} joined a story) from {files.Count:N0} file(s) in {import.Elapsed.TotalSeconds:F1} s" +
            (import.Failed > 0 ? $"; {import.Failed:N0} skipped" : ""));
        return import.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>Reads records and saves them in batches; each batch is one transaction.</summary>
    private sealed class Import(IArticleStore store, int batchSize)
    {
        private readonly List<Article> _batch = new(batchSize);
        private readonly List<StoredFacts?> _batchFacts = new(batchSize);
        private readonly List<string> _batchSources = new(batchSize);
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        /// <summary>Raised after each batch is stored (progress display).</summary>
        public event Action? Saved;

        public long Read { get; private set; }
        public long Stored { get; private set; }
        public long Inserted { get; private set; }
        public long Updated { get; private set; }
        public long Linked { get; private set; }
        public long Failed { get; private set; }
        public TimeSpan Elapsed => _clock.Elapsed;

        public async Task ReadFileAsync(string file, CancellationToken cancellationToken)
        {
            foreach (var item in ArticleFiles.Read(file))
            {
                if (item.IsError)
                {
                    Failed++;
                    Console.Error.WriteLine($"gleaner: {item}");
                    continue;
                }
                Read++;
                _batch.Add(item.Article!);
                _batchFacts.Add(item.Facts);
                _batchSources.Add(item.ToString());
                if (_batch.Count >= batchSize)
                    await FlushAsync(cancellationToken);
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_batch.Count == 0)
                return;
            try
            {
                var result = await store.SaveAsync(_batch, _batchFacts, cancellationToken);
                Stored += _batch.Count;
                Inserted += result.Inserted;
                Updated += result.Updated;
                Linked += result.LinkedToStories;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StoreException)
            {
                // The transaction rolled back: none of this batch is stored.
                Failed += _batch.Count;
                Console.Error.WriteLine($"gleaner: {_batch.Count} record(s) from {_batchSources[0]} to {_batchSources[^1]} not stored: {e.Message}");
            }
            _batch.Clear();
            _batchFacts.Clear();
            _batchSources.Clear();
            Saved?.Invoke();
        }
    }
}
