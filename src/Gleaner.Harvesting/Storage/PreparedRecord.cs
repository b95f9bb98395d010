using Gleaner.Formats;
using Gleaner.Dedup;

namespace Gleaner.Storage;

/// <summary>A record ready to store: its key, the derived columns, its near-duplicate signature and what an export said about it.</summary>
internal sealed record PreparedRecord(
    Article Article,
    string Key,
    string? SourceDomain,
    string? Language,
    DateTimeOffset? Published,
    uint[]? Signature,
    StoredFacts? Facts)
{
    /// <summary>Prepares a batch; signatures are computed in parallel for large batches. Duplicate keys keep the last record.</summary>
    public static IReadOnlyList<PreparedRecord> PrepareAll(IReadOnlyList<Article> articles, IReadOnlyList<StoredFacts?>? facts = null)
    {
        if (facts is not null && facts.Count != articles.Count)
            throw new ArgumentException($"{facts.Count} facts for {articles.Count} records: give one (or null) per record", nameof(facts));
        var prepared = new PreparedRecord[articles.Count];
        if (articles.Count >= 64)
            Parallel.For(0, articles.Count, i => prepared[i] = Prepare(articles[i], facts?[i]));
        else
            for (var i = 0; i < articles.Count; i++)
                prepared[i] = Prepare(articles[i], facts?[i]);
        return prepared;
    }

    private static PreparedRecord Prepare(Article article, StoredFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(article);
        var key = StoreRecords.KeyOf(article);
        return new PreparedRecord(
            article,
            key,
            StoreRecords.SourceDomainOf(article, key),
            StoreRecords.LanguageOf(article),
            StoreRecords.PublishedInstant(article),
            MinHash.Signature(article.Text),
            facts);
    }

    /// <summary>When the record was first seen: as an export said, else <paramref name="now"/>.</summary>
    public DateTimeOffset FirstSeen(DateTimeOffset now) => Facts?.FirstSeen ?? now;

    /// <summary>When the record was last saved: as an export said, else <paramref name="now"/>.</summary>
    public DateTimeOffset LastSaved(DateTimeOffset now) => Facts?.LastSaved ?? now;

    /// <summary>The aliases to file for the record (never its own key).</summary>
    public IEnumerable<string> Aliases()
    {
        if (Facts is null)
            yield break;
        foreach (var alias in Facts.Aliases)
            if (!string.IsNullOrWhiteSpace(alias) && alias != Key)
                yield return alias;
    }
}
