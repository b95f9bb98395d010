using System.CommandLine;
using System.Diagnostics;
using System.Threading.Channels;
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
                    import.Saved += filesRead =>
                    {
                        task.Value = filesRead;
                        task.Description = $"{import.Stored + import.Failed:N0} records";
                    };
                    await import.RunAsync(files, cancellationToken);
                });
        }
        else
            await import.RunAsync(files, cancellationToken);

        Console.Error.WriteLine(
            $"gleaner: {import.Stored:N0} record(s) stored in {store.Location} ({import.Inserted:N0} new, {import.Updated:N0} updated, " +
            $"{import.Linked:N0} joined a story) from {files.Count:N0} file(s) in {import.Elapsed.TotalSeconds:F1} s" +
            (import.Failed > 0 ? $"; {import.Failed:N0} skipped" : ""));
        return import.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>
    /// Reads records and saves them in batches, each batch one transaction, in input order. Reading, parsing and preparing
    /// (keys, near-duplicate signatures) run on a thread of their own while the store writes the batch before: at most
    /// <see cref="BatchesAhead"/> batches wait between the two, so memory stays bounded however large the input.
    /// </summary>
    private sealed class Import(IArticleStore store, int batchSize)
    {
        /// <summary>Batches read ahead of the one being written: enough to keep the writer busy, few enough to bound memory.</summary>
        private const int BatchesAhead = 2;

        private readonly Stopwatch _clock = Stopwatch.StartNew();

        /// <summary>Raised after each batch is stored or refused (progress display), with how many input files were read whole by then.</summary>
        public event Action<int>? Saved;

        public long Stored { get; private set; }
        public long Inserted { get; private set; }
        public long Updated { get; private set; }
        public long Linked { get; private set; }
        public long Failed => _badRecords + _refusedRecords;
        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>Bad records the reader skipped (written by the reading thread only).</summary>
        private long _badRecords;

        /// <summary>Records of batches the store refused (written by the saving side only).</summary>
        private long _refusedRecords;

        /// <summary>A batch on its way from the reader to the store: the records (prepared when the store takes them so), where they came from.</summary>
        private sealed record Batch(List<Article> Articles, List<StoredFacts?> Facts, IReadOnlyList<PreparedRecord>? Prepared, string First, string Last, int FilesRead);

        /// <summary>Imports <paramref name="files"/> in order. A bad record is reported and skipped; a batch the store refuses is reported and the rest go on.</summary>
        public async Task RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
        {
            var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reader = Task.Run(() => ReadAsync(files, batches.Writer, stop.Token), stop.Token);
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                    await SaveAsync(batch, stop.Token);
            }
            catch
            {
                // The store failed in a way that ends the import: stop the reader before leaving.
                await stop.CancelAsync();
                try { await reader; } catch (OperationCanceledException) { }
                throw;
            }
            await reader;
        }

        private async Task ReadAsync(IReadOnlyList<string> files, ChannelWriter<Batch> output, CancellationToken cancellationToken)
        {
            Exception? failure = null;
            try
            {
                var articles = new List<Article>(batchSize);
                var facts = new List<StoredFacts?>(batchSize);
                string? first = null, last = null;
                var filesRead = 0;
                foreach (var file in files)
                {
                    foreach (var item in ArticleFiles.Read(file))
                    {
                        if (item.IsError)
                        {
                            _badRecords++;
                            Console.Error.WriteLine($"gleaner: {item}");
                            continue;
                        }
                        articles.Add(item.Article!);
                        facts.Add(item.Facts);
                        first ??= item.ToString();
                        last = item.ToString();
                        if (articles.Count < batchSize)
                            continue;
                        await output.WriteAsync(Prepare(articles, facts, first, last!, filesRead), cancellationToken);
                        articles = new List<Article>(batchSize);
                        facts = new List<StoredFacts?>(batchSize);
                        first = null;
                    }
                    filesRead++;
                }
                if (articles.Count > 0)
                    await output.WriteAsync(Prepare(articles, facts, first!, last!, filesRead), cancellationToken);
            }
            catch (Exception e)
            {
                failure = e;
            }
            // The batches already sent are still saved; then the reader's failure, if any, ends the import.
            output.Complete(failure);
        }

        /// <summary>The CPU work of a save done here, on the reading thread, when the store takes prepared records.</summary>
        private Batch Prepare(List<Article> articles, List<StoredFacts?> facts, string first, string last, int filesRead) =>
            new(articles, facts, store is SqlArticleStore ? PreparedRecord.PrepareAll(articles, facts) : null, first, last, filesRead);

        private async Task SaveAsync(Batch batch, CancellationToken cancellationToken)
        {
            try
            {
                var result = batch.Prepared is not null
                    ? await ((SqlArticleStore)store).SavePreparedAsync(batch.Prepared, cancellationToken)
                    : await store.SaveAsync(batch.Articles, batch.Facts, cancellationToken);
                Stored += batch.Articles.Count;
                Inserted += result.Inserted;
                Updated += result.Updated;
                Linked += result.LinkedToStories;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StoreException)
            {
                // The transaction rolled back: none of this batch is stored.
                _refusedRecords += batch.Articles.Count;
                Console.Error.WriteLine($"gleaner: {batch.Articles.Count} record(s) from {batch.First} to {batch.Last} not stored: {e.Message}");
            }
            Saved?.Invoke(batch.FilesRead);
        }
    }
}
