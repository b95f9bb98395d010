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
                throw new StoreException($"no store at {path} (import or crawl something first, or open another store)");
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
            Fts5Ranking.Register(connection);
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
        var phraseCounts = await PhraseCountsAsync(match, cancellationToken);

        // The page of ids first (cheap), then in one read each the page's scores and snippets, and rows.
        var ids = request.Sort == SearchSort.Newest
            ? await NewestPageAsync(match, request, limit, offset, cancellationToken)
            : await RelevancePageAsync(match, phraseCounts, request, limit, offset, cancellationToken);
        if (ids.Count == 0)
            return [];
        var details = new Dictionary<long, (double Score, string Snippet)>(ids.Count);
        await using (var detail = Command(""))
        {
            detail.CommandText = $"""
                SELECT rowid, {RankSql(phraseCounts, detail)},
                    CASE WHEN articles_fts.text IS NULL THEN snippet(articles_fts, -1, char(2), char(3), '…', 24) ELSE snippet(articles_fts, 2, char(2), char(3), '…', 24) END
                FROM articles_fts WHERE articles_fts MATCH @match AND {IdsCondition(ids, detail)}
                """;
            detail.Parameters.AddWithValue("@match", match);
            await using var reader = await detail.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                details[reader.GetInt64(0)] = (-reader.GetDouble(1), reader.IsDBNull(2) ? "" : reader.GetString(2));
        }
        var rows = new Dictionary<long, StoredArticle>(ids.Count);
        await using (var read = Command(""))
        {
            read.CommandText = $"SELECT {Columns} FROM articles a WHERE a.id IN (SELECT value FROM json_each(@ids))";
            read.Parameters.AddWithValue("@ids", IdList(ids));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var stored = ReadStored(reader);
                rows[stored.Id] = stored;
            }
        }
        var hits = new List<SearchHit>(ids.Count);
        await using var copies = Command("SELECT COUNT(*) FROM articles WHERE story_id = @story");
        var copiesStory = copies.Parameters.Add("@story", SqliteType.Integer);
        foreach (var id in ids)
        {
            if (!rows.TryGetValue(id, out var stored) || !details.TryGetValue(id, out var detail))
                continue; // deleted or changed between the reads
            copiesStory.Value = stored.StoryId;
            var count = (long)(await copies.ExecuteScalarAsync(cancellationToken))!;
            hits.Add(new SearchHit(stored, detail.Score, detail.Snippet, (int)Math.Max(1, count)));
        }
        return hits;
    }

    /// <summary>
    /// Ids whose span is at most this many times their number are read from the full-text index as one range (one
    /// cursor); wider lists are looked up one id at a time. Opening a cursor seeks the query's terms in every segment
    /// of the index, a fraction of a millisecond, so a page costs one instead of one per hit.
    /// </summary>
    private const int RangeSpan = 32;

    /// <summary>The condition on articles_fts.rowid that keeps <paramref name="ids"/>, its values bound to <paramref name="command"/>.</summary>
    private static string IdsCondition(IReadOnlyList<long> ids, SqliteCommand command)
    {
        long low = long.MaxValue, high = long.MinValue;
        foreach (var id in ids)
        {
            low = Math.Min(low, id);
            high = Math.Max(high, id);
        }
        command.Parameters.AddWithValue("@ids", IdList(ids));
        if (high - low > (long)RangeSpan * ids.Count)
            return "rowid IN (SELECT value FROM json_each(@ids))";
        command.Parameters.AddWithValue("@low", low);
        command.Parameters.AddWithValue("@high", high);
        // The unary + keeps the id list from becoming one lookup per id inside the range.
        return "rowid BETWEEN @low AND @high AND +rowid IN (SELECT value FROM json_each(@ids))";
    }

    private static string IdList(IReadOnlyList<long> ids)
    {
        var list = new StringBuilder("[");
        foreach (var id in ids)
            list.Append(list.Length == 1 ? "" : ",").Append(id);
        return list.Append(']').ToString();
    }

    private async Task<List<long>> RelevancePageAsync(string match, IReadOnlyList<(long Hits, long Sample)> phraseCounts, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var page = Command("");
        var filters = FilterSql(request.Filter, page);
        var rank = RankSql(phraseCounts, page);
        // CROSS JOIN keeps the full-text index the outer loop, read newest first (descending rowid, which FTS5 delivers
        // without sorting), so the cap stops the scan and the ranking runs only for the rows kept. Without filters or
        // collapsing the records' rows are not needed at all.
        var hits = filters.Length == 0 && !request.Collapse
            ? $"""
              SELECT rowid AS id, rowid AS story_id, {rank} AS score
              FROM articles_fts WHERE articles_fts MATCH @match
              ORDER BY rowid DESC LIMIT @ranked
              """
            : $"""
              SELECT a.id, a.story_id, {rank} AS score
              FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid
              WHERE articles_fts MATCH @match{filters}
              ORDER BY articles_fts.rowid DESC LIMIT @ranked
              """;
        page.CommandText = request.Collapse
            ? $"""
               WITH hits AS ({hits}),
               best AS (SELECT id, score, ROW_NUMBER() OVER (PARTITION BY story_id ORDER BY score, id) AS copy FROM hits)
               SELECT id FROM best WHERE copy = 1 ORDER BY score, id LIMIT @limit OFFSET @offset
               """
            : $"WITH hits AS ({hits}) SELECT id FROM hits ORDER BY score, id LIMIT @limit OFFSET @offset";
        page.Parameters.AddWithValue("@match", match);
        page.Parameters.AddWithValue("@ranked", Math.Max(1, Options.RankedMatches));
        page.Parameters.AddWithValue("@limit", limit);
        page.Parameters.AddWithValue("@offset", offset);
        var ids = new List<long>(limit);
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Below this many matches, newest-first reads every match and sorts; from it on, it walks the date index.</summary>
    private const int FewMatches = 5_000;

    /// <summary>Rows of the date index examined before a walk gives up for reading every match (filters that pass almost nothing).</summary>
    private const int DateWalkBudget = 50_000;

    /// <summary>Records that pass the filters checked against the full-text index at once when a walk of the date index starts (then four times more each time).</summary>
    private const int WalkChunk = 256;

    /// <summary>
    /// Newest first. A query with few matches reads them all and sorts them by date. A query with many walks the date
    /// index from the newest record and checks the records that pass the filters against the full-text index a chunk at
    /// a time, stopping at the page's last result: a word in every record costs about as much as a rare one.
    /// </summary>
    private async Task<List<long>> NewestPageAsync(string match, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
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
            SELECT a.id, a.story_id
            FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH @match{FilterSql(request.Filter, page)}
            ORDER BY a.published_at DESC, a.id DESC
            """;
        page.Parameters.AddWithValue("@match", match);
        var newest = new NewestPage(request.Collapse, limit, offset);
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && !newest.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)))
        {
        }
        return newest.Ids;
    }

    /// <summary>The date-index walk; null when <see cref="DateWalkBudget"/> rows were examined before the page was full.</summary>
    private async Task<List<long>?> WalkDateIndexAsync(string match, SearchRequest request, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var walk = Command("");
        var filters = FilterSql(request.Filter, walk);
        // Every examined row comes back (with whether it passes the filters), so the walk can be cut off after a budget.
        walk.CommandText = $"""
            SELECT a.id, a.story_id, CASE WHEN 1 = 1{filters} THEN 1 ELSE 0 END
            FROM articles a INDEXED BY articles_published_at
            ORDER BY a.published_at DESC, a.id DESC
            """;
        var newest = new NewestPage(request.Collapse, limit, offset);
        var chunk = new List<long>(WalkChunk);
        var stories = new List<long?>(WalkChunk);
        var examined = 0;
        var chunkSize = WalkChunk;
        await using var reader = await walk.ExecuteReaderAsync(cancellationToken);
        while (true)
        {
            var more = await reader.ReadAsync(cancellationToken);
            if (more && ++examined > DateWalkBudget)
                return null;
            if (more && reader.GetInt64(2) == 1)
            {
                chunk.Add(reader.GetInt64(0));
                stories.Add(reader.IsDBNull(1) ? null : reader.GetInt64(1));
            }
            if (chunk.Count == chunkSize || (!more && chunk.Count > 0))
            {
                chunkSize *= 4; // each check opens the full-text index once: fewer, larger checks the longer the walk
                var matching = await MatchingIdsAsync(match, chunk, cancellationToken);
                for (var i = 0; i < chunk.Count; i++)
                    if (matching.Contains(chunk[i]) && newest.Add(chunk[i], stories[i]))
                        return newest.Ids;
                chunk.Clear();
                stories.Clear();
            }
            if (!more)
                return newest.Ids;
        }
    }

    /// <summary>Which of <paramref name="ids"/> match, in one read of the full-text index.</summary>
    private async Task<HashSet<long>> MatchingIdsAsync(string match, List<long> ids, CancellationToken cancellationToken)
    {
        await using var command = Command("");
        command.CommandText = $"SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match AND {IdsCondition(ids, command)}";
        command.Parameters.AddWithValue("@match", match);
        var matching = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            matching.Add(reader.GetInt64(0));
        return matching;
    }

    /// <summary>A newest-first page filled in result order: the first copy of each story only when collapsing, after the offset.</summary>
    private sealed class NewestPage(bool collapse, int limit, int offset)
    {
        private readonly HashSet<long>? _stories = collapse ? [] : null;
        private int _skipped;

        public List<long> Ids { get; } = new(limit);

        /// <summary>Offers the next hit; true when the page is full.</summary>
        public bool Add(long id, long? story)
        {
            if (_stories is not null && !_stories.Add(story ?? id))
                return false;
            if (_skipped < offset)
            {
                _skipped++;
                return false;
            }
            Ids.Add(id);
            return Ids.Count >= limit;
        }
    }

    /// <summary>Phrases found in fewer records than this are counted exactly for their weight; others are sampled.</summary>
    private const int ExactPhraseCount = 1_000;

    /// <summary>How many of the newest ids the share of records holding a common phrase is read from.</summary>
    private const int PhraseSample = 20_000;

    /// <summary>
    /// How many records hold each phrase of <paramref name="match"/>, for <see cref="Fts5Ranking"/>: counted when fewer
    /// than <see cref="ExactPhraseCount"/>, else their share among the newest <see cref="PhraseSample"/> ids. A few small
    /// reads instead of reading the whole list of records of every phrase.
    /// </summary>
    private async Task<IReadOnlyList<(long Hits, long Sample)>> PhraseCountsAsync(string match, CancellationToken cancellationToken)
    {
        await using var exact = Command("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH @phrase LIMIT @cap)");
        var exactPhrase = exact.Parameters.Add("@phrase", SqliteType.Text);
        exact.Parameters.AddWithValue("@cap", ExactPhraseCount);
        await using var sampled = Command("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH @phrase AND rowid > @floor");
        var sampledPhrase = sampled.Parameters.Add("@phrase", SqliteType.Text);
        var floor = sampled.Parameters.Add("@floor", SqliteType.Integer);
        long? newest = null;
        var phrases = Fts5Query.Phrases(match);
        var counts = new List<(long Hits, long Sample)>(phrases.Count);
        foreach (var phrase in phrases)
        {
            if (phrase.EndsWith('*'))
            {
                // A prefix stands for many words and every read of it merges all their lists: taken as held by 1 record in 100.
                counts.Add((1, 100));
                continue;
            }
            exactPhrase.Value = phrase;
            long hits = (long)(await exact.ExecuteScalarAsync(cancellationToken))!, sample = 0;
            if (hits >= ExactPhraseCount)
            {
                if (newest is null)
                {
                    await using var max = Command("SELECT coalesce(max(id), 0) FROM articles");
                    newest = (long)(await max.ExecuteScalarAsync(cancellationToken))!;
                }
                sampledPhrase.Value = phrase;
                floor.Value = newest.Value - PhraseSample;
                hits = (long)(await sampled.ExecuteScalarAsync(cancellationToken))!;
                sample = newest.Value > PhraseSample ? PhraseSample : 0; // a store this small was counted whole
            }
            counts.Add((hits, sample));
        }
        return counts;
    }

    /// <summary>The SQL of a hit's BM25 score (see <see cref="Fts5Ranking"/>), the phrase counts bound to <paramref name="command"/>.</summary>
    private static string RankSql(IReadOnlyList<(long Hits, long Sample)> phraseCounts, SqliteCommand command)
    {
        var sql = new StringBuilder(Fts5Ranking.Function).Append("(articles_fts");
        for (var i = 0; i < phraseCounts.Count; i++)
        {
            var name = "@phrase" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name + "_hits", phraseCounts[i].Hits);
            command.Parameters.AddWithValue(name + "_sample", phraseCounts[i].Sample);
            sql.Append(", ").Append(name).Append("_hits, ").Append(name).Append("_sample");
        }
        return sql.Append(')').ToString();
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
