using System.Text.Json;
using System.Text.Json.Nodes;
using Gleaner.Storage;

namespace Gleaner.Archives;

/// <summary>Tells whether a freshly extracted record differs from the stored one, for re-extraction.</summary>
internal static class StoredRecordComparison
{
    /// <summary>
    /// True when <paramref name="fresh"/>, once the store has derived what it derives on saving (the source
    /// domain from the URL, the language code in lower case), holds the same fields as <paramref name="stored"/>.
    /// </summary>
    public static bool SameAsStored(Article stored, Article fresh)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fresh);
        var freshNode = JsonSerializer.SerializeToNode(fresh, ArticleJson.Compact)!.AsObject();
        freshNode["source_domain"] = StoreRecords.SourceDomainOf(fresh, StoreRecords.KeyOf(fresh));
        freshNode["language"] = StoreRecords.LanguageOf(fresh);
        return JsonNode.DeepEquals(JsonSerializer.SerializeToNode(stored, ArticleJson.Compact), freshNode);
    }
}
