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

    public static List<JsonElement> Read(IDocument document)
    {
        var objects = new List<JsonElement>();
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            var type = script.GetAttribute("type");
            if (type is null || !type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                continue;
            var json = Unwrap(script.TextContent);
            if (json.Length == 0)
                continue;
            try
            {
                using var parsed = JsonDocument.Parse(json, Lenient);
                Collect(parsed.RootElement.Clone(), objects, depth: 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common (unescaped quotes, HTML comments); the page's other evidence still counts.
            }
        }
        return objects;
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
                break;
        }
    }
}
