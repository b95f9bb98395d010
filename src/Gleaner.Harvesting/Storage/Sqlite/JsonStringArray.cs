using System.Text;
using System.Text.Json;

namespace Gleaner.Storage.Sqlite;

/// <summary>Lists of strings (authors, tags) as the JSON arrays SQLite's json_each reads; no reflection.</summary>
internal static class JsonStringArray
{
    public static string Write(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return "[]";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ArticleJson.Compact.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var value in values)
                writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string[] Read(string json)
    {
        if (json == "[]")
            return [];
        using var document = JsonDocument.Parse(json);
        var values = new string[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var element in document.RootElement.EnumerateArray())
            values[i++] = element.GetString() ?? "";
        return values;
    }
}
