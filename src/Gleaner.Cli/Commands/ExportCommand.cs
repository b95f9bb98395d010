using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gleaner.Formats;
using Gleaner.Storage;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner export</c>: stored records out, streamed in constant memory.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var format = new Option<string>("--format")
        {
            Description = "jsonl (default), csv, or record (the seed's text layout)",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv", "record");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write: a file (jsonl, csv) or a folder, one .txt per record (record); default standard output",
        };
        var command = new Command("export", "Export stored records (streamed: constant memory for any number of records)") { format, output };
        HelpExamples.Add(command,
            "gleaner export > all.jsonl",
            "gleaner export --format csv --site example.com --since 2024-01-01 > site.csv",
            "gleaner export --format record -o records/                # one .txt per record");
        options.AddStoreTo(command);
        options.AddFiltersTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = await options.OpenAsync(parse, create: false, cancellationToken);
            if (store is null)
                return ExitCodes.SomeInputsFailed;
            var records = store.ExportAsync(options.Filter(parse), cancellationToken);
            var chosen = parse.GetValue(format)!;
            var target = parse.GetValue(output);
            try
            {
                var count = chosen == "record" && target is not null
                    ? await WriteRecordFolderAsync(records, target, cancellationToken)
                    : await WriteStreamAsync(records, chosen, target, cancellationToken);
                if (!Console.IsErrorRedirected)
                    Console.Error.WriteLine($"gleaner: {count:N0} record(s) exported");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"gleaner: cannot write {target ?? "standard output"}: {e.Message}");
                return ExitCodes.SomeInputsFailed;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<long> WriteStreamAsync(IAsyncEnumerable<StoredArticle> records, string format, string? target, CancellationToken cancellationToken)
    {
        await using var stream = target is null ? Console.OpenStandardOutput() : new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        long count = 0;
        if (format == "csv")
            await writer.WriteLineAsync(StoredArticleLines.CsvHeader);
        await foreach (var stored in records)
        {
            switch (format)
            {
                case "jsonl":
                    await writer.WriteLineAsync(StoredArticleLines.JsonLine(stored));
                    break;
                case "csv":
                    await writer.WriteLineAsync(StoredArticleLines.CsvLine(stored));
                    break;
                default:
                    // Records follow one another, each after a form-feed line (RecordFormat.Separator).
                    if (count > 0)
                        await writer.WriteLineAsync(RecordFormat.Separator);
                    RecordFormat.Write(writer, stored.Article);
                    break;
            }
            count++;
        }
        return count;
    }

    private static async Task<long> WriteRecordFolderAsync(IAsyncEnumerable<StoredArticle> records, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        long count = 0;
        await foreach (var stored in records)
        {
            var path = Path.Combine(folder, RecordFormat.FileName(count, stored.Article));
            await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
                RecordFormat.Write(writer, stored.Article);
            count++;
        }
        return count;
    }
}
