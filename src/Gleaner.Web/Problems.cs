using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Gleaner.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gleaner.Web;

/// <summary>The JSON settings of the API: the record's own (snake_case names, readable Unicode).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>The source-generated shape of one of the API's types, under these options.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        // JSON is served as application/json with nosniff, never inside HTML: readable text is safe here.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // Source-generated shapes first: no reflection, and what the native build needs (value types such as
        // DateTimeOffset? cannot be read by reflection there).
        options.TypeInfoResolverChain.Insert(0, WebJsonContext.Default);
        return options;
    }
}

/// <summary>Every shape the API reads or writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(StoredRecord))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(StoryResponse))]
[JsonSerializable(typeof(StoriesResponse))]
[JsonSerializable(typeof(StatsResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(HarvestStatusResponse))]
[JsonSerializable(typeof(ExtractUrlRequest))]
internal sealed partial class WebJsonContext : JsonSerializerContext;

/// <summary>Errors as RFC 9457 problem details.</summary>
internal static class Problems
{
    public static ProblemHttpResult Create(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeOf(status));

    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>The RFC 9110 section of a status, as the problem's type.</summary>
    public static string TypeOf(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        502 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
