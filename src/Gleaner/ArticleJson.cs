using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gleaner;

/// <summary>JSON settings for the article record: snake_case names, nulls written, readable Unicode.</summary>
public static class ArticleJson
{
    /// <summary>Compact options (JSON Lines).</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    /// <summary>Indented options (one pretty object).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };
}
