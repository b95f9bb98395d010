using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner stats</c>: counts by site, language and day.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var format = new Option<string?>("--format") { Description = "table (default on a terminal) or json (default otherwise)" };
        format.AcceptOnlyFromAmong("table", "json");
        var top = OptionValues.WholeNumber("--top", "In the table, the most frequent sites and languages to show", 1, 10_000, 20);
        var command = new Command("stats", "Count stored records by site, language and day of publication") { format, top };
        HelpExamples.Add(command,
            "gleaner stats",
            "gleaner stats --since 2024-01-01 --format json");
        options.AddStoreTo(command);
        options.AddFiltersTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = await options.OpenAsync(parse, create: false, cancellationToken);
            if (store is null)
                return ExitCodes.SomeInputsFailed;
            var stats = await store.GetStatisticsAsync(options.Filter(parse), cancellationToken);
            if ((parse.GetValue(format) ?? (Console.IsOutputRedirected ? "json" : "table")) == "json")
                WriteJson(stats);
            else
                WriteTables(stats, parse.GetValue(top));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(Gleaner.Storage.StoreStatistics stats)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = ArticleJson.Compact.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("articles", stats.Articles);
            writer.WriteNumber("stories", stats.Stories);
            WriteCounts(writer, "by_site", "site", stats.BySite);
            WriteCounts(writer, "by_language", "language", stats.ByLanguage);
            WriteCounts(writer, "by_day", "day", stats.ByDay);
            writer.WriteEndObject();
        }
        stdout.WriteByte((byte)'\n');
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, string key, IReadOnlyList<KeyValuePair<string, long>> counts)
    {
        writer.WriteStartArray(name);
        foreach (var (value, count) in counts)
        {
            writer.WriteStartObject();
            if (value.Length == 0)
                writer.WriteNull(key);
            else
                writer.WriteString(key, value);
            writer.WriteNumber("count", count);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteTables(Gleaner.Storage.StoreStatistics stats, int top)
    {
        AnsiConsole.MarkupLine($"[bold]{stats.Articles:N0}[/] records in [bold]{stats.Stories:N0}[/] stories");
        AnsiConsole.Write(Table("site", stats.BySite, top));
        AnsiConsole.Write(Table("language", stats.ByLanguage, top));
        AnsiConsole.Write(Table("day", stats.ByDay, int.MaxValue));
    }

    private static Table Table(string name, IReadOnlyList<KeyValuePair<string, long>> counts, int top)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(name).AddColumn(new TableColumn("records").RightAligned());
        for (var i = 0; i < counts.Count && i < top; i++)
            table.AddRow(Markup.Escape(counts[i].Key.Length == 0 ? "(none)" : counts[i].Key), counts[i].Value.ToString("N0"));
        if (counts.Count > top)
            table.AddRow($"[grey]{counts.Count - top:N0} more[/]", "");
        return table;
    }
}
