using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace Gleaner.Crawling;

/// <summary>Fingerprints of a record for the crawl's memory of what it stored (see <see cref="RecordFingerprint"/>).</summary>
internal static class RecordFingerprints
{
    /// <summary>Hashes the text, and the whole record without its fetch time (which changes on every fetch).</summary>
    public static RecordFingerprint Of(Article article, string host)
    {
        var fetched = article.Fetched;
        article.Fetched = null;
        var record = JsonSerializer.SerializeToUtf8Bytes(article, ArticleJson.Compact);
        article.Fetched = fetched;
        return new RecordFingerprint(article.Url!, host, Hash(Encoding.UTF8.GetBytes(article.Text ?? "")), Hash(record));
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));
}
