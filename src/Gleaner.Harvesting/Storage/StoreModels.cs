namespace Gleaner.Storage;

/// <summary>The databases a store can live in.</summary>
public enum StoreBackend
{
    Sqlite,
    PostgreSql,
}

/// <summary>One versioned schema change, written for both backends.</summary>
/// <param name="Version">Versions of one component start at 1 and rise by 1.</param>
/// <param name="Sqlite">The SQL for SQLite (several statements allowed).</param>
/// <param name="PostgreSql">The SQL for PostgreSQL (several statements allowed).</param>
public sealed record SchemaMigration(int Version, string Sqlite, string PostgreSql);

/// <summary>A record as stored: the article and what the store knows about it.</summary>
public sealed record StoredArticle(
    long Id,
    Article Article,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSaved,
    long StoryId)
{
    /// <summary>Other addresses of the same page (an exact copy found at another URL of the host), in URL order.
    /// Filled by <see cref="IArticleStore.GetAsync"/>, <see cref="IArticleStore.GetByIdAsync"/> and <see cref="IArticleStore.ExportAsync"/>; empty elsewhere.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}


/// <summary>What one <see cref="IArticleStore.SaveAsync(IReadOnlyList{Article}, CancellationToken)"/> did.</summary>
/// <param name="Inserted">Records new to the store.</param>
/// <param name="Updated">Records already stored under the same key, now updated.</param>
/// <param name="LinkedToStories">Records found to be near-identical copies of an earlier record.</param>
public sealed record SaveResult(int Inserted, int Updated, int LinkedToStories);

/// <summary>
/// Which records a search, an export, the statistics or the story list looks at. Unset fields do not filter.
/// </summary>
public sealed record ArticleFilter
{
    /// <summary>The source domain (<c>example.com</c>, also matching its subdomains' records) or the site name, any case.</summary>
    public string? Site { get; init; }

    /// <summary>Published at or after.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Published before (exclusive).</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>ISO 639-1 language code.</summary>
    public string? Language { get; init; }

    /// <summary>A tag or the section, any case.</summary>
    public string? Tag { get; init; }

    /// <summary>Part of an author's name, any case.</summary>
    public string? Author { get; init; }

    public static readonly ArticleFilter None = new();
}

/// <summary>How search results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first (BM25 on SQLite, ts_rank_cd on PostgreSQL).</summary>
    Relevance,

    /// <summary>Latest published first.</summary>
    Newest,
}

/// <summary>A search: the query text in Gleaner's syntax, filters, order and page.</summary>
public sealed record SearchRequest(string Query)
{
    public ArticleFilter Filter { get; init; } = ArticleFilter.None;
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Limit { get; init; } = 20;
    public int Offset { get; init; }

    /// <summary>One result per story (the best-ranked copy), with the story's number of copies.</summary>
    public bool Collapse { get; init; }

    /// <summary>
    /// How long the search may run before it is stopped with <see cref="SearchTimeoutException"/>: a backstop
    /// behind the query limits of <see cref="Search.SearchQuery"/> for stores large enough that an
    /// allowed query is still slow.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}

/// <summary>A search stopped after <see cref="SearchRequest.Timeout"/>.</summary>
public sealed class SearchTimeoutException(TimeSpan timeout)
    : TimeoutException($"the search took longer than {timeout.TotalSeconds:0.###} s (the limit); narrow the query or the filters");

/// <summary>One search result.</summary>
/// <param name="Stored">The record.</param>
/// <param name="Score">How well it matches (higher is better; comparable within one search only).</param>
/// <param name="Snippet">A passage of the text with the matching words between <see cref="HighlightStart"/> and <see cref="HighlightEnd"/>.</param>
/// <param name="StoryCopies">How many stored records belong to this record's story (1 when it has no copies).</param>
public sealed record SearchHit(StoredArticle Stored, double Score, string Snippet, int StoryCopies)
{
    public const char HighlightStart = '\u0002';
    public const char HighlightEnd = '\u0003';
}

/// <summary>A group of near-identical articles (syndicated copies, light edits).</summary>
/// <param name="Id">The story's id: the id of its first stored record.</param>
/// <param name="Copies">How many records it holds.</param>
/// <param name="Sites">From how many source domains.</param>
/// <param name="Title">The headline of its earliest published copy.</param>
/// <param name="Url">The URL (key) of that copy.</param>
/// <param name="FirstPublished">When its first copy was published.</param>
/// <param name="LastPublished">When its last copy was published.</param>
public sealed record Story(long Id, int Copies, int Sites, string? Title, string? Url, DateTimeOffset? FirstPublished, DateTimeOffset? LastPublished);

/// <summary>How many records of a site were published on a day (the day as the record gives it, <c>yyyy-MM-dd</c>).</summary>
public sealed record SiteDayCount(string Site, string Day, long Count);

/// <summary>Counts of stored records.</summary>
public sealed record StoreStatistics(
    long Articles,
    long Stories,
    IReadOnlyList<KeyValuePair<string, long>> BySite,
    IReadOnlyList<KeyValuePair<string, long>> ByLanguage,
    IReadOnlyList<KeyValuePair<string, long>> ByDay);
