using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Gleaner.Dedup;
using Gleaner.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Gleaner.Storage.Sqlite;

/// <summary>
/// The store in one SQLite file: WAL journal (readers never wait for the writer), write transactions
/// taken with BEGIN IMMEDIATE (writers queue instead of deadlocking), FTS5 with BM25 for search.
/// </summary>
internal sealed class SqliteArticleStore : IArticleStore
{
    private const string Columns =
        "a.id, a.url, a.source_domain, a.site_name, a.title, a.description, a.text, a.authors, a.published, a.modified, " +
        "a.language, a.image, a.section, a.tags, a.fetched, a.first_seen, a.last_saved, a.story_id, a.canonical_url";

    /// <summary>The ordinal of the first value a query selects after <see cref="Columns"/>.</summary>
    private const int AfterColumns = 19;

    private readonly string _connectionString;
    private readonly StoreOptions _options;
    private readonly SqliteConnection _connection;
    private SqliteRecordWriter? _writer;

    private SqliteArticleStore(string path, string connectionString, StoreOptions options, SqliteConnection connection)
    {
        Location = path;
        _connectionString = connectionString;
        _options = options;
        _connection = connection;
    }

    public StoreBackend Backend => StoreBackend.Sqlite;

    public string Location { get; }

    public static async Task<SqliteArticleStore> OpenAsync(string path, StoreOptions options, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            if (!options.CreateIfMissing)
                throw new StoreException($"no store at {path} (import or crawl something first, or name the store with --store)");
            var folder = Path.GetDirectoryName(fullPath);
            if (folder is not null && !Directory.Exists(folder))
                throw new StoreException($"cannot create the store {path}: the folder {folder} does not exist");
        }
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await ConfigureAsync(connection, options, cancellationToken);
            var store = new SqliteArticleStore(path, connectionString, options, connection);
            await store.MigrateAsync(StoreSchema.Component, StoreSchema.Migrations, cancellationToken);
            return store;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StoreException($"cannot open the store {path}: {e.Message}", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ConfigureAsync(SqliteConnection connection, StoreOptions options, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL lets readers work while one writer commits; NORMAL sync keeps every commit safe from a killed
        // process (only a power cut can lose the last commits, never corrupt the file).
        command.CommandText =
            $"PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await ConfigureAsync(connection, _options, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task MigrateAsync(string component, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken = default)
    {
        SchemaVersions.Check(component, migrations);
        var latest = SchemaVersions.Latest(migrations);
        // Most opens find the schema current: check without the write lock, so readers never queue behind a writer.
        if (SchemaVersions.IsCurrent(Location, component, await ReadVersionAsync(component, null, cancellationToken), latest))
            return;

        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        await using (var create = Command("CREATE TABLE IF NOT EXISTS gleaner_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)", transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        // Another process may have migrated while this one waited for the lock.
        var current = await ReadVersionAsync(component, transaction, cancellationToken);
        if (SchemaVersions.IsCurrent(Location, component, current, latest))
            return;
        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
                continue;
            await using var step = Command(migration.Sqlite, transaction);
            await step.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var record = Command(
            "INSERT INTO gleaner_schema (component, version) VALUES (@component, @version) ON CONFLICT (component) DO UPDATE SET version = excluded.version",
            transaction))
        {
            record.Parameters.AddWithValue("@component", component);
            record.Parameters.AddWithValue("@version", latest);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<int> ReadVersionAsync(string component, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using (var exists = Command("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gleaner_schema'", transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                return 0;
        }
        await using var read = Command("SELECT version FROM gleaner_schema WHERE component = @component", transaction);
        read.Parameters.AddWithValue("@component", component);
        return await read.ExecuteScalarAsync(cancellationToken) is long version ? (int)version : 0;
    }

    public async Task<SaveResult> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
            return new SaveResult(0, 0, 0);
        // The CPU work happens before the write lock is taken.
        var prepared = PreparedRecord.PrepareAll(articles);
        _writer ??= new SqliteRecordWriter(_connection, _options.StoryThreshold);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        var result = await _writer.WriteAsync(prepared, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<StoredArticle?> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        await using var command = Command($"SELECT {Columns} FROM articles a WHERE a.url = @url");
        command.Parameters.AddWithValue("@url", url);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStored(reader) : null;
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StoreRecords.WithTimeoutAsync(request, async token =>
        {
            // Microsoft.Data.Sqlite only checks the token between steps; sqlite3_interrupt stops a running statement.
            using var interrupt = token.Register(static connection =>
            {
                if (((SqliteConnection)connection!).Handle is { } handle)
                    SQLitePCL.raw.sqlite3_interrupt(handle);
            }, _connection);
            try
            {
                return await SearchPageAsync(request, token);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
            {
                throw new OperationCanceledException(token);
            }
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<SearchHit>> SearchPageAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var match = Fts5Query.Translate(SearchQuery.Parse(request.Query));
        var (limit, offset) = StoreRecords.Page(request);

        // The page of ids first (cheap), then each hit's row, snippet and story size.
        var ids = request.Sort == SearchSort.Newest
            ? await ScoreAsync(match, await NewestPageAsync(match, request, limit, offset, cancellationToken), cancellationToken)
            : await RelevancePageAsync(match, request, limit, offset, cancellationToken);

        var hits = new List<SearchHit>(ids.Count);
        await using var detail = Command($"""
            SELECT {Columns}, CASE WHEN a.text IS NULL THEN snippet(articles_fts, -1, char(2), char(3), '…', 24) ELSE snippet(articles_fts, 2, char(2), char(3), '…', 24) END
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH @match AND articles_fts.rowid = @id
            """);
        await using var copies = Command("SELECT COUNT(*) FROM articles WHERE story_id = @story");
        detail.Parameters.AddWithValue("@match", match);
        var detailId = detail.Parameters.Add("@id", SqliteType.Integer);
        var copiesStory = copies.Parameters.Add("@story", SqliteType.Integer);
        foreach (var (id, hitScore) in ids)
        {
            detailId.Value = id;
            StoredArticle stored;
            string snippet;
            await using (var reader = await detail.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                    continue; // deleted between the two queries
                stored = ReadStored(reader);
                snippet = reader.IsDBNull(AfterColumns) ? "" : reader.GetString(AfterColumns);
            }
            copiesStory.Value = stored.StoryId;
            var count = (long)(await copies.ExecuteScalarAsync(cancellationToken))!;
            hits.Add(new SearchHit(stored, hitScore, snippet, (int)Math.Max(1, count)));
        }
        return hits;
    }

    private async Task<List<(long Id, double Score)>> RelevancePageAsync(string match, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var page = Command("");
        var filters = FilterSql(request.Filter, page);
        // CROSS JOIN keeps the full-text index the outer loop, read newest first (descending rowid, which FTS5 delivers
        // without sorting), so the cap stops the scan and bm25() runs only for the rows kept.
        var hits = $"""
            SELECT a.id, a.story_id, bm25(articles_fts, 10.0, 4.0, 1.0) AS score
            FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH @match{filters}
            ORDER BY articles_fts.rowid DESC LIMIT @ranked
            """;
        page.CommandText = request.Collapse
            ? $"""
               WITH hits AS ({hits}),
               best AS (SELECT id, score, ROW_NUMBER() OVER (PARTITION BY story_id ORDER BY score, id) AS copy FROM hits)
               SELECT id, score FROM best WHERE copy = 1 ORDER BY score, id LIMIT @limit OFFSET @offset
               """
            : $"WITH hits AS ({hits}) SELECT id, score FROM hits ORDER BY score, id LIMIT @limit OFFSET @offset";
        page.Parameters.AddWithValue("@match", match);
        page.Parameters.AddWithValue("@ranked", StoreRecords.RankedMatches);
        page.Parameters.AddWithValue("@limit", limit);
        page.Parameters.AddWithValue("@offset", offset);
        var ids = new List<(long Id, double Score)>(limit);
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        return ids;
    }

    /// <summary>Below this many matches, newest-first reads every match and sorts; from it on, it walks the date index.</summary>
    private const int FewMatches = 5_000;

    /// <summary>Rows of the date index examined before a walk gives up for reading every match (filters that pass almost nothing).</summary>
    private const int DateWalkBudget = 50_000;

    /// <summary>
    /// Newest first. A query with few matches reads them all and sorts them by date. A query with many walks the date
    /// index from the newest record, probing the full-text index for each record that passes the filters, and stops
    /// at the page's last result: a word in every record costs about as much as a rare one.
    /// </summary>
    private async Task<List<(long Id, double Score)>> NewestPageAsync(string match, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        await using (var count = Command("SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match LIMIT @few)"))
        {
            count.Parameters.AddWithValue("@match", match);
            count.Parameters.AddWithValue("@few", FewMatches);
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= FewMatches
                && await WalkDateIndexAsync(match, request, limit, offset, cancellationToken) is { } walked)
                return walked;
        }

        await using var page = Command("");
        page.CommandText = $"""
            SELECT a.id, a.story_id, 1
            FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH @match{FilterSql(request.Filter, page)}
            ORDER BY a.published_at DESC, a.id DESC
            """;
        page.Parameters.AddWithValue("@match", match);
        return await ReadNewestAsync(page, request.Collapse, limit, offset, int.MaxValue, cancellationToken) ?? [];
    }

    private async Task<List<(long Id, double Score)>?> WalkDateIndexAsync(string match, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var walk = Command("");
        var filters = FilterSql(request.Filter, walk);
        // Every examined row comes back (with whether it is a hit), so the walk can be cut off after a budget.
        walk.CommandText = $"""
            SELECT a.id, a.story_id,
                CASE WHEN 1 = 1{filters} THEN EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH @match AND articles_fts.rowid = a.id) ELSE 0 END
            FROM articles a INDEXED BY articles_published_at
            ORDER BY a.published_at DESC, a.id DESC
            """;
        walk.Parameters.AddWithValue("@match", match);
        return await ReadNewestAsync(walk, request.Collapse, limit, offset, DateWalkBudget, cancellationToken);
    }

    /// <summary>
    /// The BM25 scores of a newest-first page, in one pass over the part of the full-text index between its lowest and
    /// highest id (bm25() reads the whole index once per query for its statistics, so not once per hit).
    /// </summary>
    private async Task<List<(long Id, double Score)>> ScoreAsync(string match, List<(long Id, double Score)> page, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
            return page;
        long low = long.MaxValue, high = long.MinValue;
        var ids = new StringBuilder("[");
        foreach (var (id, _) in page)
        {
            low = Math.Min(low, id);
            high = Math.Max(high, id);
            ids.Append(ids.Length == 1 ? "" : ",").Append(id);
        }
        // The unary + keeps the id list from becoming one index lookup (and one statistics pass) per id.
        await using var score = Command("""
            SELECT rowid, bm25(articles_fts, 10.0, 4.0, 1.0) FROM articles_fts
            WHERE articles_fts MATCH @match AND rowid BETWEEN @low AND @high AND +rowid IN (SELECT value FROM json_each(@ids))
            """);
        score.Parameters.AddWithValue("@match", match);
        score.Parameters.AddWithValue("@low", low);
        score.Parameters.AddWithValue("@high", high);
        score.Parameters.AddWithValue("@ids", ids.Append(']').ToString());
        var scores = new Dictionary<long, double>(page.Count);
        await using (var reader = await score.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                scores[reader.GetInt64(0)] = -reader.GetDouble(1);
        }
        for (var i = 0; i < page.Count; i++)
            page[i] = (page[i].Id, scores.GetValueOrDefault(page[i].Id));
        return page;
    }

    /// <summary>
    /// Reads (id, story, is a hit) rows in result order to the page's end: the first copy of each story only when
    /// collapsing. Null when <paramref name="budget"/> rows were read before the page was full.
    /// </summary>
    private static async Task<List<(long Id, double Score)>?> ReadNewestAsync(SqliteCommand command, bool collapse, int limit, int offset, int budget, CancellationToken cancellationToken)
    {
        var ids = new List<(long Id, double Score)>(limit);
        var stories = collapse ? new HashSet<long>() : null;
        var skipped = 0;
        var examined = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (++examined > budget)
                return null;
            if (reader.GetInt64(2) == 0)
                continue;
            var id = reader.GetInt64(0);
            if (stories is not null && !stories.Add(reader.IsDBNull(1) ? id : reader.GetInt64(1)))
                continue;
            if (skipped++ < offset)
                continue;
            ids.Add((id, 0));
            if (ids.Count == limit)
                break;
        }
        return ids;
    }

    public async IAsyncEnumerable<StoredArticle> ExportAsync(ArticleFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command("");
        command.CommandText = $"SELECT {Columns} FROM articles a WHERE 1 = 1{FilterSql(filter, command)} ORDER BY a.id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadStored(reader);
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

    public async Task<IReadOnlyList<Story>> GetStoriesAsync(ArticleFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = Command("");
        command.CommandText = $"""
            SELECT a.story_id, COUNT(*), COUNT(DISTINCT a.source_domain), MIN(a.published_at), MAX(a.published_at)
            FROM articles a WHERE 1 = 1{FilterSql(filter, command)}
            GROUP BY a.story_id ORDER BY COUNT(*) DESC, MAX(a.published_at) DESC, a.story_id LIMIT @limit
            """;
        command.Parameters.AddWithValue("@limit", Math.Max(1, limit));
        var groups = new List<(long Story, int Copies, int Sites, long? First, long? Last)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                groups.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }
        var stories = new List<Story>(groups.Count);
        await using var lead = Command("SELECT title, url FROM articles WHERE story_id = @story ORDER BY published_at IS NULL, published_at, id LIMIT 1");
        foreach (var group in groups)
        {
            lead.Parameters.Clear();
            lead.Parameters.AddWithValue("@story", group.Story);
            string? title = null, url = null;
            await using (var reader = await lead.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    title = reader.IsDBNull(0) ? null : reader.GetString(0);
                    url = reader.GetString(1);
                }
            }
            stories.Add(new Story(group.Story, group.Copies, group.Sites, title, url,
                group.First is { } first ? DateTimeOffset.FromUnixTimeSeconds(first) : null,
                group.Last is { } last ? DateTimeOffset.FromUnixTimeSeconds(last) : null));
        }
        return stories;
    }

    public async Task<IReadOnlyList<StoredArticle>> GetStoryAsync(long storyId, CancellationToken cancellationToken = default)
    {
        await using var command = Command($"SELECT {Columns} FROM articles a WHERE a.story_id = @story ORDER BY a.published_at IS NULL, a.published_at, a.id");
        command.Parameters.AddWithValue("@story", storyId);
        var articles = new List<StoredArticle>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            articles.Add(ReadStored(reader));
        return articles;
    }

    /// <summary>The filter as SQL conditions (each starting with " AND "), its values added to <paramref name="command"/> as parameters.</summary>
    private static string FilterSql(ArticleFilter filter, SqliteCommand command)
    {
        var sql = new StringBuilder();
        var p = command.Parameters;
        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            sql.Append(" AND (a.source_domain = @site OR substr(a.source_domain, -length(@site_suffix)) = @site_suffix OR a.site_name = @site_name COLLATE NOCASE)");
            p.AddWithValue("@site", filter.Site.Trim().ToLowerInvariant());
            p.AddWithValue("@site_suffix", StoreRecords.SubdomainSuffix(filter.Site));
            p.AddWithValue("@site_name", filter.Site.Trim());
        }
        if (filter.Since is { } since)
        {
            sql.Append(" AND a.published_at >= @since");
            p.AddWithValue("@since", since.ToUnixTimeSeconds());
        }
        if (filter.Until is { } until)
        {
            sql.Append(" AND a.published_at < @until");
            p.AddWithValue("@until", until.ToUnixTimeSeconds());
        }
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            sql.Append(" AND a.language = @language");
            p.AddWithValue("@language", filter.Language.Trim().ToLowerInvariant());
        }
        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            sql.Append(" AND (a.section = @tag COLLATE NOCASE OR EXISTS (SELECT 1 FROM json_each(a.tags) t WHERE t.value = @tag COLLATE NOCASE))");
            p.AddWithValue("@tag", filter.Tag.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM json_each(a.authors) w WHERE instr(lower(w.value), @author) > 0)");
            p.AddWithValue("@author", filter.Author.Trim().ToLowerInvariant());
        }
        return sql.ToString();
    }

    private static StoredArticle ReadStored(DbDataReader reader)
    {
        var article = new Article
        {
            Url = reader.GetString(1),
            SourceDomain = NullableString(reader, 2),
            SiteName = NullableString(reader, 3),
            Title = NullableString(reader, 4),
            Description = NullableString(reader, 5),
            Text = NullableString(reader, 6),
            Authors = JsonStringArray.Read(reader.GetString(7)),
            Published = NullableString(reader, 8),
            Modified = NullableString(reader, 9),
            Language = NullableString(reader, 10),
            Image = NullableString(reader, 11),
            Section = NullableString(reader, 12),
            Tags = JsonStringArray.Read(reader.GetString(13)),
            Fetched = NullableString(reader, 14),
            CanonicalUrl = NullableString(reader, 18),
        };
        var id = reader.GetInt64(0);
        return new StoredArticle(id, article,
            StoreRecords.ParseInstant(reader.GetString(15)),
            StoreRecords.ParseInstant(reader.GetString(16)),
            reader.IsDBNull(17) ? id : reader.GetInt64(17));
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        _writer?.Dispose();
        await _connection.DisposeAsync();
    }
}
