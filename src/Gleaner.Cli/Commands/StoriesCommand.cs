using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Gleaner.Storage;
using Spectre.Console;
using Gleaner.Formats;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner stories</c>: the largest groups of near-identical articles.</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var limit = OptionValues.WholeNumber("--limit", "Stories to list", 1, 10_000, 20);
        var id = OptionValues.OptionalLongNumber("--id", "List the copies of this one story instead", 1, long.MaxValue);
        var format = new Option<string?>("--format") { Description = "table (default on a terminal), json or jsonl (default otherwise)" };
        format.AcceptOnlyFromAmong("table", "json", "jsonl");
        var command = new Command("stories", "List the largest stories: groups of near-identical articles (syndicated copies, light edits)") { limit, id, format };
        HelpExamples.Add(command,
            "gleaner stories --since 2024-05-01 --until 2024-05-07",
            "gleaner stories --id 42                                    # the copies of one story");
        options.AddStoreTo(command);
        options.AddFiltersTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = await options.OpenAsync(parse, create: false, cancellationToken);
            if (store is null)
                return ExitCodes.SomeInputsFailed;
            var chosen = parse.GetValue(format) ?? (Console.IsOutputRedirected ? "jsonl" : "table");
            if (parse.GetValue(id) is { } storyId)
            {
                var copies = await store.GetStoryAsync(storyId, cancellationToken);
                if (copies.Count == 0)
                {
                    Console.Error.WriteLine($"gleaner: no story {storyId} in {store.Location}");
                    return ExitCodes.SomeInputsFailed;
                }
                WriteCopies(copies, chosen);
                return ExitCodes.Success;
            }
            var stories = await store.GetStoriesAsync(options.Filter(parse), parse.GetValue(limit), cancellationToken);
            WriteStories(stories, chosen);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteStories(IReadOnlyList<Story> stories, string format)
    {
        if (format == "table")
        {
            var table = new Table().Border(TableBorder.Rounded).Expand()
                .AddColumn(new TableColumn("copies").RightAligned()).AddColumn(new TableColumn("sites").RightAligned())
                .AddColumn(new TableColumn("first published").NoWrap()).AddColumn("title").AddColumn(new TableColumn("story").RightAligned());
            foreach (var story in stories)
                table.AddRow(story.Copies.ToString("N0"), story.Sites.ToString("N0"), Date(story.FirstPublished) ?? "",
                    Markup.Escape(story.Title ?? "(no title)"), story.Id.ToString(CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            return;
        }
        RecordJson.WriteObjects(format == "json", stories, (writer, story) =>
        {
            writer.WriteNumber("story_id", story.Id);
            writer.WriteNumber("copies", story.Copies);
            writer.WriteNumber("sites", story.Sites);
            writer.WriteString("title", story.Title);
            writer.WriteString("url", story.Url);
            writer.WriteString("first_published", Instant(story.FirstPublished));
            writer.WriteString("last_published", Instant(story.LastPublished));
        });
    }

    private static void WriteCopies(IReadOnlyList<StoredArticle> copies, string format)
    {
        if (format == "table")
        {
            var table = new Table().Border(TableBorder.Rounded).Expand()
                .AddColumn(new TableColumn("published").NoWrap()).AddColumn(new TableColumn("site").NoWrap()).AddColumn("title").AddColumn("url");
            foreach (var copy in copies)
                table.AddRow(Markup.Escape(copy.Article.Published ?? ""), Markup.Escape(copy.Article.SourceDomain ?? ""),
                    Markup.Escape(copy.Article.Title ?? ""), Markup.Escape(copy.Article.Url ?? ""));
            AnsiConsole.Write(table);
            return;
        }
        RecordJson.WriteObjects(format == "json", copies, (writer, copy) =>
        {
            RecordJson.WriteFields(writer, copy);
            writer.WriteNumber("story_id", copy.StoryId);
        });
    }

    private static string? Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Instant(DateTimeOffset? value) => value is { } instant ? IsoDates.FormatSeconds(instant) : null;
}
