using System.Text;
using System.Text.Json;
using AngleSharp.Dom;

namespace Gleaner.Extraction;

/// <summary>Reads the page's <c>application/ld+json</c> scripts into flat lists of objects.</summary>
internal static class JsonLdReader
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>The objects of every script that parses; the text of those that do not, whole or in part, into
    /// <paramref name="broken"/> when given (a date can still be read from it).</summary>
    public static List<JsonElement> Read(IDocument document, List<string>? broken = null) =>
        Read(document.QuerySelectorAll("script[type]"), broken);

    /// <summary>As <see cref="Read(IDocument, List{string}?)"/>, from the page's script elements listed in document order.</summary>
    public static List<JsonElement> Read(IEnumerable<IElement> scripts, List<string>? broken = null)
    {
        var objects = new List<JsonElement>();
        foreach (var script in scripts)
        {
            var type = script.Attr("type");
            if (type is null || !type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                continue;
            var json = Unwrap(ElementText.Of(script));
            if (json.Length == 0)
                continue;
            try
            {
                using var parsed = JsonDocument.Parse(json, Lenient);
                Collect(parsed.RootElement.Clone(), objects, depth: 0);
            }
            catch (JsonException)
            {
                if (!ReadLeniently(json, objects))
                    broken?.Add(json);
            }
        }
        return objects;
    }

    private static readonly JsonReaderOptions LenientReader = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
        AllowMultipleValues = true,
    };

    /// <summary>
    /// Second chance for broken JSON-LD as CMSs write it: raw line breaks and tabs inside strings are
    /// escaped, and several objects written one after another are read one by one. False when something
    /// still does not parse; the objects read before the fault count.
    /// </summary>
    private static bool ReadLeniently(string json, List<JsonElement> objects)
    {
        var bytes = Encoding.UTF8.GetBytes(EscapeControlCharacters(json));
        var reader = new Utf8JsonReader(bytes, LenientReader);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Comment)
                    continue;
                using var parsed = JsonDocument.ParseValue(ref reader);
                Collect(parsed.RootElement.Clone(), objects, depth: 0);
            }
            return true;
        }
        catch (JsonException)
        {
            // Broken beyond repair (unescaped quotes, cut off): the page's other evidence still counts.
            return false;
        }
    }

    /// <summary>Control characters inside strings, which JSON forbids raw: line breaks and tabs escaped, others made spaces.</summary>
    private static string EscapeControlCharacters(string json)
    {
        var builder = new StringBuilder(json.Length + 16);
        var inString = false;
        var escaped = false;
        foreach (var c in json)
        {
            if (inString && c < ' ')
            {
                builder.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => " " });
                escaped = false;
                continue;
            }
            builder.Append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\' && inString)
                escaped = true;
            else if (c == '"')
                inString = !inString;
        }
        return builder.ToString();
    }

    /// <summary>Removes the <c>&lt;![CDATA[ ]]&gt;</c> and <c>&lt;!-- --&gt;</c> wrappers some CMSs put around the JSON.</summary>
    private static string Unwrap(string text)
    {
        var json = text.AsSpan().Trim();
        foreach (var (open, close) in (ReadOnlySpan<(string, string)>)[("<![CDATA[", "]]>"), ("<!--", "-->"), ("//<![CDATA[", "//]]>")])
        {
            if (json.StartsWith(open, StringComparison.Ordinal))
            {
                json = json[open.Length..];
                var end = json.LastIndexOf(close, StringComparison.Ordinal);
                if (end >= 0)
                    json = json[..end];
                json = json.Trim();
            }
        }
        return json.ToString();
    }

    private static void Collect(JsonElement element, List<JsonElement> into, int depth)
    {
        if (depth > 8)
            return;
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, into, depth + 1);
                break;
            case JsonValueKind.Object:
                into.Add(element);
                if (element.TryGetProperty("@graph", out var graph))
                    Collect(graph, into, depth + 1);
                // A WebPage often carries the article as its mainEntity rather than beside it.
                if (element.TryGetProperty("mainEntity", out var mainEntity) && mainEntity.ValueKind == JsonValueKind.Object)
                    Collect(mainEntity, into, depth + 1);
                break;
        }
    }
}
