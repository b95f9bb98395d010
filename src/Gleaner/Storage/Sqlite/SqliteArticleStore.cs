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
internal sealed class SqliteArticleStore : SqlArticleStore
{
    private readonly string _connectionString;
    private readonly SqliteConnection _connection;
    private readonly SqliteRecordWriter _writer;

    private SqliteArticleStore(string path, string connectionString, StoreOptions options, SqliteConnection connection)
        : base(path, connection, options)
    {
        _connectionString = connectionString;
        _connection = connection;
        _writer = new SqliteRecordWriter(connection);
    }

    public override StoreBackend Backend => StoreBackend.Sqlite;

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

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await ConfigureAsync(connection, Options, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
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
        page.Parameters.AddWithValue("@ranked", Math.Max(1, Options.RankedMatches));
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

    private new SqliteCommand Command(string sql, DbTransaction? transaction = null) => (SqliteCommand)base.Command(sql, transaction);

    // ---- The dialect ----

    protected override string EndsWith(string value, string suffix) => $"substr({value}, -length({suffix})) = {suffix}";

    protected override string Contains(string haystack, string needle) => $"instr({haystack}, {needle}) > 0";

    protected override string Elements(string column, string alias) => $"json_each({column}) {alias}";

    protected override object InstantValue(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    protected override DateTimeOffset? ReadPublishedAt(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(ordinal));

    protected override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => StoreRecords.ParseInstant(reader.GetString(ordinal));

    protected override IReadOnlyList<string> ReadStrings(DbDataReader reader, int ordinal) => JsonStringArray.Read(reader.GetString(ordinal));

    protected override string AliasesSql =>
        "(SELECT json_group_array(l.url) FROM (SELECT url FROM article_aliases WHERE article_id = a.id ORDER BY url) l)";

    protected override string SchemaTableExistsSql => "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gleaner_schema'";

    protected override string MigrationSql(SchemaMigration migration) => migration.Sqlite;

    // Writes hold the write lock (BEGIN IMMEDIATE) from the first read of a save, so what they read stays true.
    protected override Task<Dictionary<string, StoredKey>> ReadStoredAsync(IReadOnlyList<PreparedRecord> records, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.ReadStoredAsync(records, (SqliteTransaction)transaction, cancellationToken);

    protected override Task<IReadOnlyList<long>> ReserveIdsAsync(int count, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.ReserveIdsAsync(count, cancellationToken);

    protected override Task<Dictionary<long, List<long>>> ReadBucketsAsync(IReadOnlyCollection<long> bandKeys, int perKey, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.ReadBucketsAsync(bandKeys, perKey, cancellationToken);

    protected override Task<Dictionary<long, StoredSignature>> ReadSignaturesAsync(IReadOnlyCollection<long> ids, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.ReadSignaturesAsync(ids, cancellationToken);

    protected override Task<(int Inserted, int Updated)> WriteAsync(LinkedBatch batch, DbTransaction transaction, CancellationToken cancellationToken) =>
        _writer.WriteAsync(batch, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _connection.DisposeAsync();
    }
}
