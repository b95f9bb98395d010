using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
        // The record's metadata is source-generated (no reflection or emitted code at start-up, and what Native AOT
        // needs); other types written with these options keep the reflection resolver.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ArticleJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Article))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;
