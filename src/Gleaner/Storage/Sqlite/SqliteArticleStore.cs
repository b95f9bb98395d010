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
        "a.language, a.image, a.section, a.tags, a.fetched, a.first_seen, a.last_saved, a.story_id";

    private readonly string _connectionString;
    private readonly StoreOptions _options;
    private readonly SqliteConnection _connection;

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
        var now = StoreRecords.FormatInstant(DateTimeOffset.UtcNow);

        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        await using var find = Command("SELECT id, signature FROM articles WHERE url = @url", transaction);
        var findUrl = find.Parameters.Add("@url", SqliteType.Text);
        await using var insert = Command("""
            INSERT INTO articles (url, source_domain, site_name, title, description, text, authors, published, published_at,
                modified, language, image, section, tags, fetched, first_seen, last_saved, signature, story_id)
            VALUES (@url, @source_domain, @site_name, @title, @description, @text, @authors, @published, @published_at,
                @modified, @language, @image, @section, @tags, @fetched, @now, @now, @signature, NULL)
            RETURNING id
            """, transaction);
        await using var update = Command("""
            UPDATE articles SET source_domain = @source_domain, site_name = @site_name, title = @title, description = @description,
                text = @text, authors = @authors, published = @published, published_at = @published_at, modified = @modified,
                language = @language, image = @image, section = @section, tags = @tags, fetched = @fetched, last_saved = @now,
                signature = @signature
            WHERE id = @id
            """, transaction);
        await using var setStory = Command("UPDATE articles SET story_id = @story WHERE id = @id", transaction);
        await using var candidates = Command(CandidateSql(), transaction);
        await using var addBand = Command(BandSql("INSERT OR IGNORE INTO story_bands (band_key, article_id) VALUES ", "(@k{0}, @id)", ""), transaction);
        await using var removeBand = Command(BandSql("DELETE FROM story_bands WHERE article_id = @id AND band_key IN (", "@k{0}", ")"), transaction);

        int inserted = 0, updated = 0, linked = 0;
        var keys = new long[MinHash.Bands];
        foreach (var record in prepared)
        {
            findUrl.Value = record.Key;
            long id;
            uint[]? oldSignature = null;
            var existing = false;
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    existing = true;
                    id = reader.GetInt64(0);
                    if (!reader.IsDBNull(1))
                        oldSignature = MinHash.FromBytes((byte[])reader.GetValue(1));
                }
                else
                    id = 0;
            }
            if (existing)
            {
                Bind(update, record, now);
                update.Parameters.AddWithValue("@id", id);
                await update.ExecuteNonQueryAsync(cancellationToken);
                update.Parameters.Clear();
                if (oldSignature is not null)
                {
                    MinHash.BandKeys(oldSignature, keys);
                    await ExecuteForBandsAsync(removeBand, keys, id, cancellationToken);
                }
                updated++;
            }
            else
            {
                Bind(insert, record, now);
                id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                insert.Parameters.Clear();
                inserted++;
            }

            var story = id;
            if (record.Signature is not null)
            {
                MinHash.BandKeys(record.Signature, keys);
                var match = await FindMatchAsync(candidates, keys, id, record.Signature, cancellationToken);
                if (match is { } found)
                {
                    story = found.StoryId;
                    linked++;
                }
                await ExecuteForBandsAsync(addBand, keys, id, cancellationToken);
            }
            setStory.Parameters.Clear();
            setStory.Parameters.AddWithValue("@story", story);
            setStory.Parameters.AddWithValue("@id", id);
            await setStory.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(inserted, updated, linked);
    }

    private static string CandidateSql()
    {
        var sql = new StringBuilder("SELECT DISTINCT a.id, a.story_id, a.signature FROM story_bands b JOIN articles a ON a.id = b.article_id WHERE b.band_key IN (");
        for (var i = 0; i < MinHash.Bands; i++)
            sql.Append(i == 0 ? "" : ", ").Append("@k").Append(i);
        sql.Append(") AND b.article_id <> @self AND a.signature IS NOT NULL LIMIT ").Append(StoryMatcher.MaxCandidates);
        return sql.ToString();
    }

    private async Task<StoryCandidate?> FindMatchAsync(SqliteCommand candidates, long[] keys, long self, uint[] signature, CancellationToken cancellationToken)
    {
        candidates.Parameters.Clear();
        for (var i = 0; i < keys.Length; i++)
            candidates.Parameters.AddWithValue("@k" + i, keys[i]);
        candidates.Parameters.AddWithValue("@self", self);
        var found = new List<StoryCandidate>();
        await using (var reader = await candidates.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                found.Add(new StoryCandidate(reader.GetInt64(0), reader.IsDBNull(1) ? reader.GetInt64(0) : reader.GetInt64(1), MinHash.FromBytes((byte[])reader.GetValue(2))));
        }
        return StoryMatcher.BestMatch(signature, found, _options.StoryThreshold);
    }

    /// <summary>One statement for all of a record's band keys: <paramref name="item"/> repeated for @k0, @k1...</summary>
    private static string BandSql(string head, string item, string tail)
    {
        var sql = new StringBuilder(head);
        for (var i = 0; i < MinHash.Bands; i++)
            sql.Append(i == 0 ? "" : ", ").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, item, i));
        return sql.Append(tail).ToString();
    }

    private static async Task ExecuteForBandsAsync(SqliteCommand command, long[] keys, long id, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        for (var i = 0; i < keys.Length; i++)
            command.Parameters.AddWithValue("@k" + i, keys[i]);
        command.Parameters.AddWithValue("@id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(SqliteCommand command, PreparedRecord record, string now)
    {
        var article = record.Article;
        var p = command.Parameters;
        p.AddWithValue("@url", record.Key);
        p.AddWithValue("@source_domain", (object?)record.SourceDomain ?? DBNull.Value);
        p.AddWithValue("@site_name", (object?)article.SiteName ?? DBNull.Value);
        p.AddWithValue("@title", (object?)article.Title ?? DBNull.Value);
        p.AddWithValue("@description", (object?)article.Description ?? DBNull.Value);
        p.AddWithValue("@text", (object?)article.Text ?? DBNull.Value);
        p.AddWithValue("@authors", JsonStringArray.Write(article.Authors));
        p.AddWithValue("@published", (object?)article.Published ?? DBNull.Value);
        p.AddWithValue("@published_at", record.Published is { } published ? published.ToUnixTimeSeconds() : DBNull.Value);
        p.AddWithValue("@modified", (object?)article.Modified ?? DBNull.Value);
        p.AddWithValue("@language", (object?)record.Language ?? DBNull.Value);
        p.AddWithValue("@image", (object?)article.Image ?? DBNull.Value);
        p.AddWithValue("@section", (object?)article.Section ?? DBNull.Value);
        p.AddWithValue("@tags", JsonStringArray.Write(article.Tags));
        p.AddWithValue("@fetched", (object?)article.Fetched ?? DBNull.Value);
        p.AddWithValue("@now", now);
        p.AddWithValue("@signature", record.Signature is null ? DBNull.Value : MinHash.ToBytes(record.Signature));
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
        await using var page = Command("");
        var filters = FilterSql(request.Filter, page);
        const string score = "bm25(articles_fts, 10.0, 4.0, 1.0)";
        var order = request.Sort == SearchSort.Newest ? "published_at DESC, id DESC" : "score, id";
        page.CommandText = request.Collapse
            ? $"""
               WITH hits AS (
                   SELECT a.id, a.story_id, a.published_at, {score} AS score
                   FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                   WHERE articles_fts MATCH @match{filters}),
               best AS (SELECT id, published_at, score, ROW_NUMBER() OVER (PARTITION BY story_id ORDER BY {order}) AS copy FROM hits)
               SELECT id, score FROM best WHERE copy = 1 ORDER BY {order} LIMIT @limit OFFSET @offset
               """
            : $"""
               SELECT a.id, {score} AS score, a.published_at
               FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
               WHERE articles_fts MATCH @match{filters}
               ORDER BY {(request.Sort == SearchSort.Newest ? "a.published_at DESC, a.id DESC" : "score, a.id")} LIMIT @limit OFFSET @offset
               """;
        page.Parameters.AddWithValue("@match", match);
        page.Parameters.AddWithValue("@limit", limit);
        page.Parameters.AddWithValue("@offset", offset);
        var ids = new List<(long Id, double Score)>();
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                ids.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        }

        var hits = new List<SearchHit>(ids.Count);
        await using var detail = Command($"""
            SELECT {Columns}, CASE WHEN a.text IS NULL THEN snippet(articles_fts, -1, char(2), char(3), '…', 24) ELSE snippet(articles_fts, 2, char(2), char(3), '…', 24) END
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH @match AND articles_fts.rowid = @id
            """);
        await using var copies = Command("SELECT COUNT(*) FROM articles WHERE story_id = @story");
        foreach (var (id, hitScore) in ids)
        {
            detail.Parameters.Clear();
            detail.Parameters.AddWithValue("@match", match);
            detail.Parameters.AddWithValue("@id", id);
            StoredArticle stored;
            string snippet;
            await using (var reader = await detail.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                    continue; // deleted between the two queries
                stored = ReadStored(reader);
                snippet = reader.IsDBNull(18) ? "" : reader.GetString(18);
            }
            copies.Parameters.Clear();
            copies.Parameters.AddWithValue("@story", stored.StoryId);
            var count = (long)(await copies.ExecuteScalarAsync(cancellationToken))!;
            hits.Add(new SearchHit(stored, hitScore, snippet, (int)Math.Max(1, count)));
        }
        return hits;
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
        await _connection.DisposeAsync();
    }
}
