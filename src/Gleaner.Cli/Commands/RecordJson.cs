using System.Text.Json;
using Gleaner.Storage;

namespace Gleaner.Cli.Commands;

/// <summary>JSON output of the store commands.</summary>
internal static class RecordJson
{
    /// <summary>Writes a stored record's fields into a JSON object being written: the article record, then when it was first seen and last saved.</summary>
    public static void WriteFields(Utf8JsonWriter writer, StoredArticle stored) => StoredArticleLines.WriteFields(writer, stored);

    /// <summary>Writes one JSON object per item to standard output: a pretty array, or one line each (JSON Lines).</summary>
    public static void WriteObjects<T>(bool pretty, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = pretty, Encoder = ArticleJson.Compact.Encoder });
        if (pretty)
            writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteStartObject();
            write(writer, item);
            writer.WriteEndObject();
            if (!pretty)
            {
                writer.Flush();
                stdout.WriteByte((byte)'\n');
                writer.Reset();
            }
        }
        if (pretty)
        {
            writer.WriteEndArray();
            writer.Flush();
            stdout.WriteByte((byte)'\n');
        }
    }
}
