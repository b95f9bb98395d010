using System.Text.Json;

namespace Gleaner.Formats;

/// <summary>The CSV of a store's export (<c>gleaner export --format csv</c>), as import reads it back: its columns, and its lists in one cell.</summary>
public static class RecordCsv
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "url", "canonical_url", "source_domain", "site_name", "title", "description", "text", "authors", "published", "modified",
        "language", "image", "section", "tags", "fetched", "first_seen", "last_saved", "story_id", "aliases",
    ];

    /// <summary>
    /// A list in one CSV cell: its items joined with "; ", easy to read; or, when that could not be split back into the same
    /// items (an item that holds ';' or is blank, or a first item starting with '['), a JSON array of strings.
    /// </summary>
    public static string JoinList(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
            return "";
        var plain = !items[0].StartsWith('[');
        foreach (var item in items)
            plain &= !string.IsNullOrWhiteSpace(item) && item.IndexOf(';') < 0;
        if (plain)
            return string.Join("; ", items);
        return JsonSerializer.Serialize(items, ArticleJson.Compact);
    }

    /// <summary>The items of a cell <see cref="JoinList"/> wrote; throws <see cref="FormatException"/> on a bad JSON array.</summary>
    public static IReadOnlyList<string> SplitList(string cell)
    {
        if (cell.Length == 0)
            return [];
        if (!cell.StartsWith('['))
            return cell.Split("; ");
        try
        {
            return JsonSerializer.Deserialize<string[]>(cell, ArticleJson.Compact) is { } items && Array.IndexOf(items, null) < 0
                ? items
                : throw new FormatException("a list cell starting with '[' must be a JSON array of strings");
        }
        catch (JsonException)
        {
            throw new FormatException("a list cell starting with '[' must be a JSON array of strings");
        }
    }
}
/// <summary>
/// What a store's export says about a record beyond its article, for an import to keep: when the store first saw it and
/// last saved it (unset: the time of the import), and the other addresses of the same page.
/// </summary>
public sealed record StoredFacts(DateTimeOffset? FirstSeen, DateTimeOffset? LastSaved, IReadOnlyList<string> Aliases)
{
    public static readonly StoredFacts None = new(null, null, []);
}
