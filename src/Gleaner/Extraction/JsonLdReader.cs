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
            var json = script.TextContent.Trim();
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
