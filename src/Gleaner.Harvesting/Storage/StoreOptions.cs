namespace Gleaner.Storage;

/// <summary>Settings of an opened store.</summary>
public sealed record StoreOptions
{
    /// <summary>Create the SQLite file when it does not exist; commands that only read set it to false.</summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>
    /// Estimated Jaccard similarity of the bodies' word shingles at or above which a record joins an earlier
    /// record's story. 0.5 separates edited copies from different articles on the same topic (BENCHMARKS.md).
    /// </summary>
    public double StoryThreshold { get; init; } = 0.5;

    /// <summary>
    /// Relevance ranks at most this many matches of a query: the most recently stored ones that pass the filters.
    /// Ranking every match of a word found in nearly every record would cost time in proportion to the store; a query
    /// with fewer matches is ranked whole. Newest-first searches never rank more than their page.
    /// </summary>
    public int RankedMatches { get; init; } = StoreRecords.DefaultRankedMatches;

    /// <summary>
    /// SQLite: a query holding a phrase of several words whose words are common is looked for among the newest records
    /// only. A phrase is found by reading the whole list of records of each of its words, so its cost is the length of those
    /// lists, not its number of matches: when they hold more than this many entries (one per record holding one of its
    /// words), the search keeps to the newest records that hold about this many, and its matches, ranking and counts come
    /// from them. At the default, a phrase with a word found in nearly every record searches about the newest 100,000-200,000.
    /// </summary>
    public int PhraseWordEntries { get; init; } = StoreRecords.DefaultPhraseWordEntries;

    /// <summary>
    /// Told a line to show when opening the store upgrades its schema, before and after: on a large store an upgrade can
    /// take a while (version 5 builds two indexes, about half a minute per million records). Null: nothing is told.
    /// </summary>
    public Action<string>? Progress { get; init; }

    /// <summary>How long a writer waits for another writer's transaction before giving up.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
