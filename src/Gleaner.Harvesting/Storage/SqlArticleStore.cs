using Gleaner.Formats;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;

namespace Gleaner.Storage;

/// <summary>
/// What every SQL backend of the store does the same way: reading records, filters, statistics, stories, schema
/// migrations and the save path (one <see cref="StoryLinker"/> for all). A backend is this class with its dialect:
/// a few SQL fragments, how it reads arrays and instants, its reads and writes of a batch, and its full-text search.
/// </summary>
internal abstract class SqlArticleStore(string location, DbConnection connection, StoreOptions options) : IArticleStore
{
    protected const string Columns =
        "a.id, a.url, a.source_domain, a.site_name, a.title, a.description, a.text, a.authors, a.published, a.modified, " +
        "a.language, a.image, a.section, a.tags, a.fetched, a.first_seen, a.last_saved, a.story_id, a.canonical_url";

    /// <summary>The ordinal of the first value a query selects after <see cref="Columns"/>.</summary>
    protected const int AfterColumns = 19;

    protected DbConnection Connection { get; } = connection;

    protected StoreOptions Options { get; } = options;

    public abstract StoreBackend Backend { get; }

    public string Location { get; } = location;

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    public abstract Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    public abstract Task OptimizeAsync(CancellationToken cancellationToken = default);

    // ---- The dialect ----

    /// <summary>SQL that is true when <paramref name="value"/> ends with <paramref name="suffix"/>.</summary>
    protected abstract string EndsWith(string value, string suffix);

    /// <summary>SQL that is true when <paramref name="haystack"/> contains <paramref name="needle"/>.</summary>
    protected abstract string Contains(string haystack, string needle);

    /// <summary>A FROM item giving the elements of a stored list column as <c>{alias}.value</c>.</summary>
    protected abstract string Elements(string column, string alias);

    /// <summary>An instant as the backend stores <c>published_at</c>.</summary>
    protected abstract object InstantValue(DateTimeOffset instant);

    /// <summary>A nullable <c>published_at</c> value read back.</summary>
    protected abstract DateTimeOffset? ReadPublishedAt(DbDataReader reader, int ordinal);

    /// <summary>A <c>first_seen</c> or <c>last_saved</c> value read back.</summary>
    protected abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>A list column (authors, tags) read back.</summary>
    protected abstract IReadOnlyList<string> ReadStrings(DbDataReader reader, int ordinal);

    /// <summary>A value selected after <see cref="Columns"/>: the record's aliases as a list <see cref="ReadStrings"/> reads, in URL order.</summary>
    protected abstract string AliasesSql { get; }

    /// <summary>A query with a value when the schema-version table exists and none when it does not.</summary>
    protected abstract string SchemaTableExistsSql { get; }

    /// <summary>A statement run first in the migration transaction to keep other processes out, if the transaction alone does not.</summary>
    protected virtual string? MigrationLockSql => null;

    protected abstract string MigrationSql(SchemaMigration migration);

    /// <summary>The id and signature stored under each key of the batch that is stored.</summary>
    protected abstract Task<Dictionary<string, StoredKey>> ReadStoredAsync(IReadOnlyList<PreparedRecord> records, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Ids for <paramref name="count"/> new records, rising, taken by this transaction alone.</summary>
    protected abstract Task<IReadOnlyList<long>> ReserveIdsAsync(int count, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>For each band key, the newest <paramref name="perKey"/> ids filed under it (keys without any left out).</summary>
    protected abstract Task<Dictionary<long, List<long>>> ReadBucketsAsync(IReadOnlyCollection<long> bandKeys, int perKey, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The story and signature of each of <paramref name="ids"/> that has a signature.</summary>
    protected abstract Task<Dictionary<long, StoredSignature>> ReadSignaturesAsync(IReadOnlyCollection<long> ids, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Writes a linked batch (rows, story index, signatures, aliases) in <paramref name="transaction"/>; the caller commits.
    /// A record's own key stops being an alias of another record, and an alias that is a record's key is not filed.</summary>
    protected abstract Task<(int Inserted, int Updated)> WriteAsync(LinkedBatch batch, DbTransaction transaction, CancellationToken cancellationToken);

    // ---- Shared ----

    public Task<SaveResult> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return SavePreparedAsync(PreparedRecord.PrepareAll(articles), cancellationToken);
    }

    public Task<SaveResult> SaveAsync(IReadOnlyList<Article> articles, IReadOnlyList<StoredFacts?> facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(facts);
        return SavePreparedAsync(PreparedRecord.PrepareAll(articles, facts), cancellationToken);
    }

    private async Task<SaveResult> SavePreparedAsync(IReadOnlyList<PreparedRecord> prepared, CancellationToken cancellationToken)
    {
        if (prepared.Count == 0)
            return new SaveResult(0, 0, 0);
        // The CPU work (keys, signatures) happens before the write lock is taken. A batch then costs a few reads
        // whatever its size: what is stored under its keys, the ids under its band keys, the signatures of the distinct
        // ids found; its stories are decided in memory and everything is written in one transaction.
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken);
        var linker = new StoryLinker(prepared, await ReadStoredAsync(prepared, transaction, cancellationToken));
        var reserved = await ReserveIdsAsync(linker.NewRecords, transaction, cancellationToken);
        var buckets = await ReadBucketsAsync(linker.BandKeys, linker.IdsPerBandKey, transaction, cancellationToken);
        var candidateIds = new HashSet<long>();
        foreach (var bucket in buckets.Values)
            candidateIds.UnionWith(bucket);
        var signatures = await ReadSignaturesAsync(candidateIds, transaction, cancellationToken);
        var batch = linker.Link(reserved, buckets, signatures, Options.StoryThreshold);
        var (inserted, updated) = await WriteAsync(batch, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(inserted, updated, batch.Linked);
    }

    public async Task<StoredArticle?> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        // The record's own address first; then the record that has it as an alias.
        foreach (var where in (string[])["a.url = @url", "a.id = (SELECT l.article_id FROM article_aliases l WHERE l.url = @url)"])
        {
            await using var command = Command($"SELECT {ColumnsWithAliases} FROM articles a WHERE {where}");
            Add(command, "@url", url);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                return ReadStoredWithAliases(reader);
        }
        return null;
    }

    public async Task<bool> AddAliasAsync(string url, string alias, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        if (alias == url)
            return false;
        await using var command = Command("""
            INSERT INTO article_aliases (url, article_id)
            SELECT @alias, a.id FROM articles a WHERE a.url = @url AND NOT EXISTS (SELECT 1 FROM articles o WHERE o.url = @alias)
            ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id
            """);
        Add(command, "@alias", alias);
        Add(command, "@url", url);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<StoredArticle?> GetByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = Command($"SELECT {ColumnsWithAliases} FROM articles a WHERE a.id = @id");
        Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStoredWithAliases(reader) : null;
    }

    public async IAsyncEnumerable<StoredArticle> ExportAsync(ArticleFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command("");
        command.CommandText = $"SELECT {ColumnsWithAliases} FROM articles a WHERE 1 = 1{FilterSql(filter, command)} ORDER BY a.id";
        // Rows stream as they are read: memory stays flat whatever the store's size.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadStoredWithAliases(reader);
    }

    public async Task<StoreStatistics> GetStatisticsAsync(ArticleFilter filter, CancellationToken cancellationToken = default)
    {
        long articles, stories;
        await using (var totals = Command(""))
        {
            totals.CommandText = $"SELECT COUNT(*), COUNT(DISTINCT a.story_id) FROM articles a WHERE 1 = 1{FilterSql(filter, totals)}";
            await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            articles = reader.GetInt64(0);
            stories = reader.GetInt64(1);
        }
        return new StoreStatistics(
            articles,
            stories,
            await CountByAsync("a.source_domain", "COUNT(*) DESC, 1", filter, cancellationToken),
            await CountByAsync("a.language", "COUNT(*) DESC, 1", filter, cancellationToken),
            await CountByAsync("substr(a.published, 1, 10)", "1", filter, cancellationToken));
    }

    private async Task<IReadOnlyList<KeyValuePair<string, long>>> CountByAsync(string key, string order, ArticleFilter filter, CancellationToken cancellationToken)
    {
        await using var command = Command("");
        command.CommandText = $"SELECT {key}, COUNT(*) FROM articles a WHERE 1 = 1{FilterSql(filter, command)} GROUP BY 1 ORDER BY {order}";
        var counts = new List<KeyValuePair<string, long>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            counts.Add(new(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1)));
        return counts;
    }

    public async Task<IReadOnlyList<SiteDayCount>> GetCoverageAsync(ArticleFilter filter, int sites, CancellationToken cancellationToken = default)
    {
        await using var command = Command("");
        var filters = FilterSql(filter, command); // used twice below: the same parameters serve both
        command.CommandText = $"""
            WITH top AS (SELECT a.source_domain AS site, COUNT(*) AS total FROM articles a
                WHERE a.source_domain IS NOT NULL AND a.source_domain <> ''{filters}
                GROUP BY a.source_domain ORDER BY COUNT(*) DESC, a.source_domain LIMIT @sites)
            SELECT a.source_domain, substr(a.published, 1, 10), COUNT(*)
            FROM articles a JOIN top ON top.site = a.source_domain
            WHERE a.published IS NOT NULL{filters}
            GROUP BY a.source_domain, top.total, substr(a.published, 1, 10)
            ORDER BY top.total DESC, a.source_domain, 2
            """;
        Add(command, "@sites", Math.Max(1, sites));
        var counts = new List<SiteDayCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            counts.Add(new SiteDayCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return counts;
    }

    public async Task<IReadOnlyList<Story>> GetStoriesAsync(ArticleFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = Command("");
        // Each story's lead is its earliest published copy.
        command.CommandText = $"""
            SELECT g.story_id, g.copies, g.sites, g.first_published, g.last_published, l.title, l.url
            FROM (SELECT a.story_id, COUNT(*) AS copies, COUNT(DISTINCT a.source_domain) AS sites,
                    MIN(a.published_at) AS first_published, MAX(a.published_at) AS last_published
                FROM articles a WHERE 1 = 1{FilterSql(filter, command)}
                GROUP BY a.story_id ORDER BY copies DESC, last_published DESC NULLS LAST, a.story_id LIMIT @limit) g
            JOIN articles l ON l.id = (SELECT s.id FROM articles s WHERE s.story_id = g.story_id
                ORDER BY s.published_at IS NULL, s.published_at, s.id LIMIT 1)
            ORDER BY g.copies DESC, g.last_published DESC NULLS LAST, g.story_id
            """;
        Add(command, "@limit", Math.Max(1, limit));
        var stories = new List<Story>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stories.Add(new Story(reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6),
                ReadPublishedAt(reader, 3), ReadPublishedAt(reader, 4)));
        return stories;
    }

    public async Task<IReadOnlyList<StoredArticle>> GetStoryAsync(long storyId, CancellationToken cancellationToken = default)
    {
        await using var command = Command($"SELECT {Columns} FROM articles a WHERE a.story_id = @story ORDER BY a.published_at IS NULL, a.published_at, a.id");
        Add(command, "@story", storyId);
        var articles = new List<StoredArticle>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            articles.Add(ReadStored(reader));
        return articles;
    }

    public async Task MigrateAsync(string component, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken = default)
    {
        SchemaVersions.Check(component, migrations);
        var latest = SchemaVersions.Latest(migrations);
        // Most opens find the schema current: check without the lock, so readers never queue behind a writer.
        if (SchemaVersions.IsCurrent(Location, component, await ReadVersionAsync(component, null, cancellationToken), latest))
            return;

        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken);
        if (MigrationLockSql is { } lockSql)
            await ExecuteAsync(lockSql, transaction, cancellationToken);
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS gleaner_schema (component text PRIMARY KEY, version integer NOT NULL)", transaction, cancellationToken);
        // Another process may have migrated while this one waited for the lock.
        var current = await ReadVersionAsync(component, transaction, cancellationToken);
        if (SchemaVersions.IsCurrent(Location, component, current, latest))
            return;
        // A new store's tables are made in no time; an existing store's upgrade may rebuild or index its tables.
        var upgrade = current > 0 ? Options.Progress : null;
        upgrade?.Invoke($"upgrading the store {Location} from schema {current} to {latest} ('{component}'); a large store takes a while, and an upgrade stopped before the end starts over at the next open");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var migration in migrations)
            if (migration.Version > current)
                await ExecuteAsync(MigrationSql(migration), transaction, cancellationToken);
        await ExecuteAsync(
            "INSERT INTO gleaner_schema (component, version) VALUES (@component, @version) ON CONFLICT (component) DO UPDATE SET version = excluded.version",
            transaction, cancellationToken, ("@component", component), ("@version", latest));
        await transaction.CommitAsync(cancellationToken);
        upgrade?.Invoke($"upgraded the store {Location} to schema {latest} ('{component}') in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private async Task<int> ReadVersionAsync(string component, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using (var exists = Command(SchemaTableExistsSql, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is null or DBNull)
                return 0;
        }
        await using var read = Command("SELECT version FROM gleaner_schema WHERE component = @component", transaction);
        Add(read, "@component", component);
        return await read.ExecuteScalarAsync(cancellationToken) is { } version and not DBNull ? Convert.ToInt32(version) : 0;
    }

    /// <summary>The filter as SQL conditions (each starting with " AND "), its values added to <paramref name="command"/> as parameters.</summary>
    protected string FilterSql(ArticleFilter filter, DbCommand command)
    {
        var sql = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            sql.Append($" AND (a.source_domain = @site OR {EndsWith("a.source_domain", "@site_suffix")} OR lower(a.site_name) = lower(@site_name))");
            Add(command, "@site", filter.Site.Trim().ToLowerInvariant());
            Add(command, "@site_suffix", StoreRecords.SubdomainSuffix(filter.Site));
            Add(command, "@site_name", filter.Site.Trim());
        }
        if (filter.Since is { } since)
        {
            sql.Append(" AND a.published_at >= @since");
            Add(command, "@since", InstantValue(since));
        }
        if (filter.Until is { } until)
        {
            sql.Append(" AND a.published_at < @until");
            Add(command, "@until", InstantValue(until));
        }
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            sql.Append(" AND a.language = @language");
            Add(command, "@language", filter.Language.Trim().ToLowerInvariant());
        }
        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            sql.Append($" AND (lower(a.section) = lower(@tag) OR EXISTS (SELECT 1 FROM {Elements("a.tags", "t")} WHERE lower(t.value) = lower(@tag)))");
            Add(command, "@tag", filter.Tag.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM {Elements("a.authors", "w")} WHERE {Contains("lower(w.value)", "@author")})");
            Add(command, "@author", filter.Author.Trim().ToLowerInvariant());
        }
        return sql.ToString();
    }

    /// <summary><see cref="Columns"/> and the record's aliases: what <see cref="ReadStoredWithAliases"/> reads.</summary>
    private string ColumnsWithAliases => $"{Columns}, {AliasesSql}";

    private StoredArticle ReadStoredWithAliases(DbDataReader reader) => ReadStored(reader) with { Aliases = ReadStrings(reader, AfterColumns) };

    /// <summary>A record from a row that starts with <see cref="Columns"/>.</summary>
    protected StoredArticle ReadStored(DbDataReader reader)
    {
        var article = new Article
        {
            Url = reader.GetString(1),
            SourceDomain = NullableString(reader, 2),
            SiteName = NullableString(reader, 3),
            Title = NullableString(reader, 4),
            Description = NullableString(reader, 5),
            Text = NullableString(reader, 6),
            Authors = ReadStrings(reader, 7),
            Published = NullableString(reader, 8),
            Modified = NullableString(reader, 9),
            Language = NullableString(reader, 10),
            Image = NullableString(reader, 11),
            Section = NullableString(reader, 12),
            Tags = ReadStrings(reader, 13),
            Fetched = NullableString(reader, 14),
            CanonicalUrl = NullableString(reader, 18),
        };
        var id = reader.GetInt64(0);
        return new StoredArticle(id, article, ReadInstant(reader, 15), ReadInstant(reader, 16), reader.IsDBNull(17) ? id : reader.GetInt64(17));
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    protected DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private async Task ExecuteAsync(string sql, DbTransaction transaction, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, transaction);
        foreach (var (name, value) in parameters)
            Add(command, name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
