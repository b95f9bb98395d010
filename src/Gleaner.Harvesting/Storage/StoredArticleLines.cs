using System.Globalization;
using System.Text;
using System.Text.Json;
using Gleaner.Formats;

namespace Gleaner.Storage;

/// <summary>
/// A stored record as one line of an export: JSON Lines (the article record, when it was first seen and last saved,
/// its story, its aliases) or CSV (RFC 4180). One home for the layout that <c>gleaner export</c> and <c>gleaner serve</c>
/// share, and that <c>gleaner import</c> reads back (<see cref="Formats.ArticleFiles"/>): every field survives export,
/// import and export again, byte for byte, except <c>story_id</c>, which is the id of the story's first record in the
/// store that exported it (a fresh store numbers its records anew).
/// </summary>
public static class StoredArticleLines
{
    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvColumns => RecordCsv.Columns;

    public static string CsvHeader => string.Join(',', CsvColumns);

    /// <summary>Writes a stored record's fields into a JSON object being written: the article record, then when it was first seen and last saved.</summary>
    public static void WriteFields(Utf8JsonWriter writer, StoredArticle stored)
    {
        using var article = JsonSerializer.SerializeToDocument(stored.Article, ArticleJson.Compact);
        foreach (var property in article.RootElement.EnumerateObject())
            property.WriteTo(writer);
        writer.WriteString("first_seen", FormatTime(stored.FirstSeen));
        writer.WriteString("last_saved", FormatTime(stored.LastSaved));
    }

    /// <summary>The record as one JSON object on one line (without the line break).</summary>
    public static string JsonLine(StoredArticle stored)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ArticleJson.Compact.Encoder }))
        {
            json.WriteStartObject();
            WriteFields(json, stored);
            json.WriteNumber("story_id", stored.StoryId);
            json.WriteStartArray("aliases");
            foreach (var alias in stored.Aliases)
                json.WriteStringValue(alias);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The record as one CSV row (without the line break); lists as <see cref="RecordCsv.JoinList"/> writes them.</summary>
    public static string CsvLine(StoredArticle stored)
    {
        var a = stored.Article;
        string?[] values =
        [
            a.Url, a.CanonicalUrl, a.SourceDomain, a.SiteName, a.Title, a.Description, a.Text, RecordCsv.JoinList(a.Authors), a.Published, a.Modified,
            a.Language, a.Image, a.Section, RecordCsv.JoinList(a.Tags), a.Fetched,
            FormatTime(stored.FirstSeen), FormatTime(stored.LastSaved), stored.StoryId.ToString(CultureInfo.InvariantCulture),
            RecordCsv.JoinList(stored.Aliases),
        ];
        var line = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                line.Append(',');
            AppendCsv(line, values[i]);
        }
        return line.ToString();
    }

    /// <summary>The store's times as records show them: milliseconds and the offset.</summary>
    public static string FormatTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static void AppendCsv(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
