using Gleaner.Formats;
using System.Data.Common;
using Gleaner.Storage;

namespace Gleaner;

/// <summary>
/// Where article records live: SQLite (a file, the default) or PostgreSQL. Open one with
/// <c>ArticleStores.OpenAsync</c>. Records are keyed by canonical URL; saving a record again
/// updates it and keeps when it was first seen. Every method is safe to call from one thread at a time;
/// open one store per thread (or process) for parallel work.
/// </summary>
public interface IArticleStore : IAsyncDisposable
{
    /// <summary>Which database holds the store.</summary>
    StoreBackend Backend { get; }

    /// <summary>Where the store is, for messages (a file path, or host and database without the password).</summary>
    string Location { get; }

    /// <summary>
    /// Saves a batch in one transaction: either every record of it is stored, whole, or none is.
    /// Each record is linked to the story of its nearest earlier copy, if any.
    /// </summary>
    Task<SaveResult> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves like <see cref="SaveAsync(IReadOnlyList{Article}, CancellationToken)"/>, each record with what an export said
    /// about it (<paramref name="facts"/>, one per article, null for none): its first-seen and last-saved times are kept
    /// instead of the time of the save (a record already stored keeps the earlier first-seen), and its aliases are added.
    /// </summary>
    Task<SaveResult> SaveAsync(IReadOnlyList<Article> articles, IReadOnlyList<StoredFacts?> facts, CancellationToken cancellationToken = default);

    /// <summary>The record stored under <paramref name="url"/> (its key, or one of its aliases), or <c>null</c>.</summary>
    Task<StoredArticle?> GetAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>
    /// Files <paramref name="alias"/> as another address of the record stored under <paramref name="url"/> (a page found
    /// again at another URL with exactly the same text). False when no record is stored under <paramref name="url"/>, or
    /// when <paramref name="alias"/> is itself a record's key (a record's own address is never an alias).
    /// </summary>
    Task<bool> AddAliasAsync(string url, string alias, CancellationToken cancellationToken = default);

    /// <summary>The record with the store's id <paramref name="id"/> (<see cref="StoredArticle.Id"/>), or <c>null</c>.</summary>
    Task<StoredArticle?> GetByIdAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Full-text search; see <see cref="Storage.Search.SearchQuery"/> for the syntax.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every record that passes <paramref name="filter"/>, oldest stored first, streamed (constant memory).</summary>
    IAsyncEnumerable<StoredArticle> ExportAsync(ArticleFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Counts by site, language and day of publication.</summary>
    Task<StoreStatistics> GetStatisticsAsync(ArticleFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records per site and day of publication, for the <paramref name="sites"/> sites (source domains) with the most
    /// records among those that pass the filter (its date range bounds the days); largest site first, then by day.
    /// </summary>
    Task<IReadOnlyList<SiteDayCount>> GetCoverageAsync(ArticleFilter filter, int sites, CancellationToken cancellationToken = default);

    /// <summary>The largest stories (groups of near-identical articles) among the records that pass the filter.</summary>
    Task<IReadOnlyList<Story>> GetStoriesAsync(ArticleFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>The records of one story, earliest published first.</summary>
    Task<IReadOnlyList<StoredArticle>> GetStoryAsync(long storyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compacts the store for faster searches after large imports: SQLite merges the full-text index into one segment
    /// and refreshes the planner's statistics; PostgreSQL vacuums and analyses the records table. Minutes at a million
    /// records; other connections go on reading meanwhile, and a writer waits for it.
    /// </summary>
    Task OptimizeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings a stage's own tables up to date in the store's database: each migration whose version is above
    /// the one recorded for <paramref name="component"/> runs, in order, in one transaction with the new version,
    /// while other processes that migrate the same component wait. Lets other stages (a crawl frontier, a list of
    /// archives done) keep their state next to the records.
    /// </summary>
    Task MigrateAsync(string component, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken = default);

    /// <summary>A new open connection to the store's database for a stage's own tables; the caller disposes it.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);
}
