using Gleaner.Dedup;

namespace Gleaner.Storage;

/// <summary>A record ready to store: its key, the derived columns and its near-duplicate signature.</summary>
internal sealed record PreparedRecord(
    Article Article,
    string Key,
    string? SourceDomain,
    string? Language,
    DateTimeOffset? Published,
    uint[]? Signature)
{
    /// <summary>Prepares a batch; signatures are computed in parallel for large batches. Duplicate keys keep the last record.</summary>
    public static IReadOnlyList<PreparedRecord> PrepareAll(IReadOnlyList<Article> articles)
    {
        var prepared = new PreparedRecord[articles.Count];
        if (articles.Count >= 64)
            Parallel.For(0, articles.Count, i => prepared[i] = Prepare(articles[i]));
        else
            for (var i = 0; i < articles.Count; i++)
                prepared[i] = Prepare(articles[i]);
        return prepared;
    }

    private static PreparedRecord Prepare(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var key = StoreRecords.KeyOf(article);
        return new PreparedRecord(
            article,
            key,
            StoreRecords.SourceDomainOf(article, key),
            StoreRecords.LanguageOf(article),
            StoreRecords.PublishedInstant(article),
            MinHash.Signature(article.Text));
    }
}
