using System.Text.Json;
using Gleaner.Storage;

namespace Gleaner.Cli.Commands;

/// <summary>Writes a stored record's fields into a JSON object being written: the article record, then when it was first seen and last saved.</summary>
internal static class RecordJson
{
    public static void WriteFields(Utf8JsonWriter writer, StoredArticle stored)
    {
        using var article = JsonSerializer.SerializeToDocument(stored.Article, ArticleJson.Compact);
        foreach (var property in article.RootElement.EnumerateObject())
            property.WriteTo(writer);
        writer.WriteString("first_seen", stored.FirstSeen.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("last_saved", stored.LastSaved.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
    }
}
