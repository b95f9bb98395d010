using System.CommandLine;
using System.CommandLine.Parsing;
using Gleaner.Formats;
using Gleaner.Storage;
using Spectre.Console;

namespace Gleaner.Cli.Commands;

/// <summary>The options every store command shares: <c>--store</c> and the record filters.</summary>
internal sealed class StoreCommandOptions
{
    public Option<string?> Store { get; } = new("--store")
    {
        Description = "The store: an SQLite file (default gleaner.db), postgres://user:pass@host:port/db or an Npgsql connection string",
    };

    public Option<string?> Site { get; } = new("--site") { Description = "Only records of this source domain (and its subdomains) or site name" };
    public Option<string?> Since { get; } = new("--since") { Description = "Only records published on or after this date (ISO 8601: 2024-03-01 or 2024-03-01T08:00+01:00)" };
    public Option<string?> Until { get; } = new("--until") { Description = "Only records published before this instant, or on or before this date" };
    public Option<string?> Lang { get; } = new("--lang") { Description = "Only records in this language (ISO 639-1, e.g. en)" };
    public Option<string?> Tag { get; } = new("--tag") { Description = "Only records with this tag or section" };
    public Option<string?> Author { get; } = new("--author") { Description = "Only records with an author whose name contains this" };

    public StoreCommandOptions()
    {
        Since.Validators.Add(result => ValidateDate(result, "--since"));
        Until.Validators.Add(result => ValidateDate(result, "--until"));
    }

    public void AddStoreTo(Command command) => command.Options.Add(Store);

    public void AddFiltersTo(Command command)
    {
        command.Options.Add(Site);
        command.Options.Add(Since);
        command.Options.Add(Until);
        command.Options.Add(Lang);
        command.Options.Add(Tag);
        command.Options.Add(Author);
    }

    public ArticleFilter Filter(ParseResult parse)
    {
        return new ArticleFilter
        {
            Site = parse.GetValue(Site),
            Since = IsoDates.ToInstant(parse.GetValue(Since)),
            Until = IsoDates.ToEndInstant(parse.GetValue(Until)),
            Language = parse.GetValue(Lang),
            Tag = parse.GetValue(Tag),
            Author = parse.GetValue(Author),
        };
    }

    private static void ValidateDate(OptionResult result, string name)
    {
        foreach (var token in result.Tokens)
            if (IsoDates.Normalize(token.Value) is null)
                result.AddError($"{name} '{token.Value}' is not an ISO 8601 date (2024-03-01 or 2024-03-01T08:00+01:00)");
    }

    /// <summary>Shows a store's progress line (a schema upgrade) on standard error, out of the results' way.</summary>
    public static void ShowProgress(string line) => Console.Error.WriteLine($"gleaner: {line}");

    /// <summary>Opens the store named by <c>--store</c>, or writes why it cannot and returns null.</summary>
    public async Task<IArticleStore?> OpenAsync(ParseResult parse, bool create, CancellationToken cancellationToken)
    {
        try
        {
            return await ArticleStores.OpenAsync(parse.GetValue(Store), new StoreOptions { CreateIfMissing = create, Progress = ShowProgress }, cancellationToken);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"gleaner: {e.Message}");
            return null;
        }
    }

    /// <summary>A console for people, on standard error, so standard output stays clean for data.</summary>
    public static IAnsiConsole ErrorConsole() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
