using System.CommandLine;
using System.Text;
using System.Text.Json;
using Gleaner.Storage;
using Gleaner.Storage.Search;
using Spectre.Console;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner search</c>: full-text search of the store.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var query = new Argument<string>("query")
        {
            Description = "Words (all must match), \"quoted phrases\", -excluded words, OR between alternatives, (grouping), prefix*",
        };
        var sort = new Option<string>("--sort") { Description = "relevance (default) or newest", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "newest");
        var limit = OptionValues.WholeNumber("--limit", "Results to show", 1, 10_000, 20);
        var offset = OptionValues.WholeNumber("--offset", "Results to skip (for paging)", 0, int.MaxValue);
        var collapse = new Option<bool>("--collapse") { Description = "One result per story (near-identical copies), with its number of copies" };
        var format = new Option<string?>("--format") { Description = "table (default on a terminal), json or jsonl (default otherwise)" };
        format.AcceptOnlyFromAmong("table", "json", "jsonl");

        var command = new Command("search", "Search the stored records") { query, sort, limit, offset, collapse, format };
        HelpExamples.Add(command,
            "gleaner search \"north korea preconditions\"",
            "gleaner search '\"tsunami warning\" -drill' --since 2024-01-01 --sort newest",
            "gleaner search 'quake OR earthquake' --lang en --collapse --format jsonl");
        options.AddStoreTo(command);
        options.AddFiltersTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new SearchRequest(parse.GetValue(query)!)
            {
                Filter = options.Filter(parse),
                Sort = parse.GetValue(sort) == "newest" ? SearchSort.Newest : SearchSort.Relevance,
                Limit = parse.GetValue(limit),
                Offset = parse.GetValue(offset),
                Collapse = parse.GetValue(collapse),
            };
            try
            {
                SearchQuery.Validate(request.Query);
            }
            catch (SearchQueryException e)
            {
                Console.Error.WriteLine($"gleaner: bad query: {e.Message}");
                return ExitCodes.BadUsage;
            }
            await using var store = await options.OpenAsync(parse, create: false, cancellationToken);
            if (store is null)
                return ExitCodes.SomeInputsFailed;
            IReadOnlyList<SearchHit> hits;
            try
            {
                hits = await store.SearchAsync(request, cancellationToken);
            }
            catch (SearchTimeoutException e)
            {
                Console.Error.WriteLine($"gleaner: {e.Message}");
                return ExitCodes.SomeInputsFailed;
            }
            var chosen = parse.GetValue(format) ?? (Console.IsOutputRedirected ? "jsonl" : "table");
            if (chosen == "table")
                WriteTable(hits, request.Collapse);
            else
                WriteJson(hits, chosen == "json");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<SearchHit> hits, bool collapse)
    {
        if (hits.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]no results[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("title").Width(36));
        table.AddColumn(new TableColumn("site").NoWrap());
        table.AddColumn(new TableColumn("published").NoWrap());
        if (collapse)
            table.AddColumn(new TableColumn("copies").RightAligned());
        table.AddColumn(new TableColumn("snippet"));
        foreach (var hit in hits)
        {
            var article = hit.Stored.Article;
            var cells = new List<Spectre.Console.Rendering.IRenderable>
            {
                new Markup("[bold]" + Markup.Escape(article.Title ?? "(no title)") + "[/]\n[grey]" + Markup.Escape(article.Url ?? "") + "[/]"),
                new Text(article.SourceDomain ?? article.SiteName ?? ""),
                new Text(article.Published is { Length: >= 10 } published ? published[..10] : ""),
            };
            if (collapse)
                cells.Add(new Text(hit.StoryCopies.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            cells.Add(new Markup(HighlightMarkup(hit.Snippet)));
            table.AddRow(cells);
        }
        AnsiConsole.Write(table);
    }

    /// <summary>The snippet as Spectre markup: matched words in bold yellow, everything else escaped.</summary>
    private static string HighlightMarkup(string snippet)
    {
        var markup = new StringBuilder();
        var plain = new StringBuilder();
        foreach (var c in snippet)
        {
            if (c is SearchHit.HighlightStart or SearchHit.HighlightEnd)
            {
                markup.Append(Markup.Escape(plain.ToString()));
                plain.Clear();
                markup.Append(c == SearchHit.HighlightStart ? "[bold yellow]" : "[/]");
            }
            else
                plain.Append(c == '\n' ? ' ' : c);
        }
        markup.Append(Markup.Escape(plain.ToString()));
        return markup.ToString();
    }

    private static void WriteJson(IReadOnlyList<SearchHit> hits, bool pretty) =>
        RecordJson.WriteObjects(pretty, hits, (writer, hit) =>
        {
            writer.WriteNumber("score", Math.Round(hit.Score, 6));
            // In JSON the matched words are marked <em>...</em>, as search engines' APIs do.
            writer.WriteString("snippet", hit.Snippet.Replace(SearchHit.HighlightStart.ToString(), "<em>").Replace(SearchHit.HighlightEnd.ToString(), "</em>"));
            writer.WriteNumber("story_id", hit.Stored.StoryId);
            writer.WriteNumber("story_copies", hit.StoryCopies);
            RecordJson.WriteFields(writer, hit.Stored);
        });
}
