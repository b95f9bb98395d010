using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Gleaner.Dedup;
using Gleaner.Storage.Search;
using Npgsql;
using NpgsqlTypes;

namespace Gleaner.Storage.Postgres;

/// <summary>
/// The store in a PostgreSQL database, shared by many writers on many machines: upserts on the URL key,
/// full-text search with a configuration chosen from each record's language and a GIN index.
/// </summary>
internal sealed class PostgresArticleStore : SqlArticleStore
{
    /// <summary>Serialises schema migrations across processes (an arbitrary, fixed advisory-lock key).</summary>
    private const long MigrationLock = 0x676C65616E6572; // "gleaner"

    private static readonly string HeadlineOptions =
        $"StartSel={SearchHit.HighlightStart}, StopSel={SearchHit.HighlightEnd}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private readonly IReadOnlySet<string> _configurations;

    private PostgresArticleStore(string location, NpgsqlDataSource dataSource, NpgsqlConnection connection, StoreOptions options, IReadOnlySet<string> configurations)
        : base(location, connection, options)
    {
        _dataSource = dataSource;
        _connection = connection;
        _configurations = configurations;
    }

    public override StoreBackend Backend => StoreBackend.PostgreSql;

    public static async Task<PostgresArticleStore> OpenAsync(StoreLocation location, StoreOptions options, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        if (builder.CommandTimeout < options.BusyTimeout.TotalSeconds)
            builder.CommandTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        var dataSource = NpgsqlDataSource.Create(builder);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var configurations = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'pg_catalog'::regnamespace", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    configurations.Add(reader.GetString(0));
            }
            var store = new PostgresArticleStore(location.Describe(), dataSource, connection, options, configurations);
            await store.MigrateAsync(StoreSchema.Component, StoreSchema.Migrations, cancellationToken);
            return store;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            if (connection is not null)
                await connection.DisposeAsync();
            await dataSource.DisposeAsync();
            throw new StoreException($"cannot open the store {location.Describe()}: {e.Message}", e);
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync();
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public override async Task OptimizeAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Command("VACUUM (ANALYZE) articles");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    // A record found stored keeps its id (the explicit id is ignored on conflict). When another writer inserted the
    // same URL after this batch looked, its row wins the id; a story that pointed at the reserved id becomes its own.
    private const string UpsertSql = """
        INSERT INTO articles (id, url, source_domain, site_name, title, description, text, authors, published, published_at,
            modified, language, image, section, tags, fetched, first_seen, last_saved, signature, story_id, ts_config, canonical_url)
        VALUES (@id, @url, @source_domain, @site_name, @title, @description, @text, @authors, @published, @published_at,
            @modified, @language, @image, @section, @tags, @fetched, @first_seen, @last_saved, @signature, @story, @config::regconfig, @canonical_url)
        ON CONFLICT (url) DO UPDATE SET source_domain = excluded.source_domain, site_name = excluded.site_name,
            title = excluded.title, description = excluded.description, text = excluded.text, authors = excluded.authors,
            published = excluded.published, published_at = excluded.published_at, modified = excluded.modified,
            language = excluded.language, image = excluded.image, section = excluded.section, tags = excluded.tags,
            fetched = excluded.fetched, first_seen = LEAST(articles.first_seen, excluded.first_seen), last_saved = excluded.last_saved,
            signature = excluded.signature,
            story_id = CASE WHEN excluded.story_id = excluded.id THEN articles.id ELSE excluded.story_id END,
            ts_config = excluded.ts_config, canonical_url = excluded.canonical_url
        RETURNING (xmax = 0)
        """;

    // ---- The dialect ----

    protected override string EndsWith(string value, string suffix) => $"right({value}, length({suffix})) = {suffix}";

    protected override string Contains(string haystack, string needle) => $"strpos({haystack}, {needle}) > 0";

    protected override string Elements(string column, string alias) => $"unnest({column}) AS {alias}(value)";

    protected override object InstantValue(DateTimeOffset instant) => instant.ToUniversalTime();

    protected override DateTimeOffset? ReadPublishedAt(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override IReadOnlyList<string> ReadStrings(DbDataReader reader, int ordinal) => reader.GetFieldValue<string[]>(ordinal);

    // Byte order, as SQLite sorts: the same records list their aliases alike in both stores.
    protected override string AliasesSql => "ARRAY(SELECT l.url FROM article_aliases l WHERE l.article_id = a.id ORDER BY l.url COLLATE \"C\")";

    protected override string SchemaTableExistsSql => "SELECT 1 WHERE to_regclass('gleaner_schema') IS NOT NULL";

    protected override string MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLock})";

    protected override string MigrationSql(SchemaMigration migration) => migration.PostgreSql;

    protected override async Task<Dictionary<string, StoredKey>> ReadStoredAsync(IReadOnlyList<PreparedRecord> records, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var urls = new string[records.Count];
        for (var i = 0; i < urls.Length; i++)
            urls[i] = records[i].Key;
        var stored = new Dictionary<string, StoredKey>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT url, id, signature FROM articles WHERE url = ANY(@urls)", _connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("urls", urls);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stored[reader.GetString(0)] = new StoredKey(reader.GetInt64(1), reader.IsDBNull(2) ? null : MinHash.FromBytes(reader.GetFieldValue<byte[]>(2)));
        return stored;
    }

    protected override async Task<IReadOnlyList<long>> ReserveIdsAsync(int count, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        if (count == 0)
            return ids;
        await using var command = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, @count)", _connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < count && await reader.ReadAsync(cancellationToken); i++)
            ids[i] = reader.GetInt64(0);
        // Other writers draw from the same sequence at once: the linker files new records in id order.
        Array.Sort(ids);
        return ids;
    }

    protected override async Task<Dictionary<long, List<long>>> ReadBucketsAsync(IReadOnlyCollection<long> bandKeys, int perKey, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var buckets = new Dictionary<long, List<long>>();
        if (bandKeys.Count == 0)
            return buckets;
        await using var command = new NpgsqlCommand("""
            SELECT k.key, c.article_id
            FROM unnest(@keys) AS k(key)
            CROSS JOIN LATERAL (SELECT b.article_id FROM story_bands b WHERE b.band_key = k.key ORDER BY b.article_id DESC LIMIT @per_key) c
            """, _connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("keys", bandKeys.ToArray());
        command.Parameters.AddWithValue("per_key", perKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetInt64(0);
            if (!buckets.TryGetValue(key, out var bucket))
                buckets[key] = bucket = [];
            bucket.Add(reader.GetInt64(1));
        }
        return buckets;
    }

    protected override async Task<Dictionary<long, StoredSignature>> ReadSignaturesAsync(IReadOnlyCollection<long> ids, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var signatures = new Dictionary<long, StoredSignature>(ids.Count);
        if (ids.Count == 0)
            return signatures;
        await using var command = new NpgsqlCommand(
            "SELECT id, story_id, signature FROM articles WHERE id = ANY(@ids) AND signature IS NOT NULL", _connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            signatures[id] = new StoredSignature(reader.IsDBNull(1) ? id : reader.GetInt64(1), MinHash.FromBytes(reader.GetFieldValue<byte[]>(2)));
        }
        return signatures;
    }

    /// <summary>Everything in one <see cref="NpgsqlBatch"/>: one round trip whatever the batch's size.</summary>
    protected override async Task<(int Inserted, int Updated)> WriteAsync(LinkedBatch linked, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var usedConfigurations = new HashSet<string>(StringComparer.Ordinal);
        await using var batch = new NpgsqlBatch(_connection, (NpgsqlTransaction)transaction);
        foreach (var record in linked.Records)
        {
            var configuration = TextSearchConfigurations.For(record.Record.Language, _configurations);
            usedConfigurations.Add(configuration);
            var upsert = new NpgsqlBatchCommand(UpsertSql);
            Bind(upsert.Parameters, record.Record, now, record.Id, record.Story, configuration);
            batch.BatchCommands.Add(upsert);
        }
        var oldKeys = new List<long>();
        var oldIds = new List<long>();
        var newKeys = new List<long>();
        var newIds = new List<long>();
        foreach (var change in linked.Bands)
        {
            foreach (var key in change.Removed)
            {
                oldKeys.Add(key);
                oldIds.Add(change.Id);
            }
            if (change.Signature is null)
                continue;
            foreach (var key in change.Added)
            {
                newKeys.Add(key);
                newIds.Add(change.Id);
            }
        }
        if (oldKeys.Count > 0)
            batch.BatchCommands.Add(BatchCommand("DELETE FROM story_bands WHERE (band_key, article_id) IN (SELECT * FROM unnest(@keys, @ids))",
                ("keys", oldKeys.ToArray()), ("ids", oldIds.ToArray())));
        if (newKeys.Count > 0)
            batch.BatchCommands.Add(BatchCommand("INSERT INTO story_bands (band_key, article_id) SELECT * FROM unnest(@keys, @ids) ON CONFLICT DO NOTHING",
                ("keys", newKeys.ToArray()), ("ids", newIds.ToArray())));
        batch.BatchCommands.Add(BatchCommand("INSERT INTO search_configs (config) SELECT unnest(@configs)::regconfig ON CONFLICT DO NOTHING",
            ("configs", usedConfigurations.ToArray())));
        AddAliasCommands(batch, linked);

        int inserted = 0, updated = 0;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            for (var i = 0; i < linked.Records.Count; i++)
            {
                await reader.ReadAsync(cancellationToken);
                if (reader.GetBoolean(0))
                    inserted++;
                else
                    updated++;
                await reader.NextResultAsync(cancellationToken);
            }
        }
        return (inserted, updated);
    }

    /// <summary>A record's own key stops being an alias; the batch's aliases are filed under their record's key (which keeps its
    /// row's id even when another writer inserted it first), unless they are a record's key themselves.</summary>
    private static void AddAliasCommands(NpgsqlBatch batch, LinkedBatch linked)
    {
        var keys = new string[linked.Records.Count];
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = linked.Records[i].Record.Key;
            foreach (var alias in linked.Records[i].Record.Aliases())
                aliases[alias] = keys[i]; // the last record to name an alias has it (one row each: ON CONFLICT cannot take two)
        }
        batch.BatchCommands.Add(BatchCommand("DELETE FROM article_aliases WHERE url = ANY(@keys)", ("keys", keys)));
        if (aliases.Count == 0)
            return;
        batch.BatchCommands.Add(BatchCommand("""
            INSERT INTO article_aliases (url, article_id)
            SELECT x.alias, a.id FROM unnest(@aliases, @keys) AS x(alias, key) JOIN articles a ON a.url = x.key
            WHERE NOT EXISTS (SELECT 1 FROM articles o WHERE o.url = x.alias)
            ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id
            """, ("aliases", aliases.Keys.ToArray()), ("keys", aliases.Values.ToArray())));
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static void Bind(NpgsqlParameterCollection p, PreparedRecord record, DateTimeOffset now, long id, long story, string configuration)
    {
        var article = record.Article;
        p.AddWithValue("id", id);
        p.AddWithValue("url", record.Key);
        p.Add(new NpgsqlParameter<string?>("source_domain", record.SourceDomain));
        p.Add(new NpgsqlParameter<string?>("site_name", StoreRecords.Text(article.SiteName)));
        p.Add(new NpgsqlParameter<string?>("title", StoreRecords.Text(article.Title)));
        p.Add(new NpgsqlParameter<string?>("description", StoreRecords.Text(article.Description)));
        p.Add(new NpgsqlParameter<string?>("text", StoreRecords.Text(article.Text)));
        p.AddWithValue("authors", StoreRecords.Items(article.Authors).ToArray());
        p.Add(new NpgsqlParameter<string?>("published", StoreRecords.Text(article.Published)));
        p.Add(new NpgsqlParameter("published_at", NpgsqlDbType.TimestampTz) { Value = record.Published is { } published ? published.ToUniversalTime() : DBNull.Value });
        p.Add(new NpgsqlParameter<string?>("modified", StoreRecords.Text(article.Modified)));
        p.Add(new NpgsqlParameter<string?>("language", record.Language));
        p.Add(new NpgsqlParameter<string?>("image", StoreRecords.Text(article.Image)));
        p.Add(new NpgsqlParameter<string?>("section", StoreRecords.Text(article.Section)));
        p.AddWithValue("tags", StoreRecords.Items(article.Tags).ToArray());
        p.Add(new NpgsqlParameter<string?>("fetched", StoreRecords.Text(article.Fetched)));
        p.Add(new NpgsqlParameter<string?>("canonical_url", StoreRecords.Text(article.CanonicalUrl)));
        p.AddWithValue("first_seen", record.FirstSeen(now).ToUniversalTime());
        p.AddWithValue("last_saved", record.LastSaved(now).ToUniversalTime());
        p.Add(new NpgsqlParameter("signature", NpgsqlDbType.Bytea) { Value = record.Signature is null ? DBNull.Value : MinHash.ToBytes(record.Signature) });
        p.AddWithValue("story", story);
        p.AddWithValue("config", configuration);
    }

    public override Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Npgsql cancels the running statement on the server when the token fires.
        return StoreRecords.WithTimeoutAsync(request, token => SearchPageAsync(request, token), cancellationToken);
    }

    private async Task<IReadOnlyList<SearchHit>> SearchPageAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var query = TsQuery.Translate(SearchQuery.Parse(request.Query));
        var (limit, offset) = StoreRecords.Page(request);

        var configurations = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT config::text FROM search_configs ORDER BY 1", _connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                configurations.Add(reader.GetString(0));
        }
        if (configurations.Count == 0)
            return [];

        await using var command = new NpgsqlCommand { Connection = _connection };
        var filters = FilterSql(request.Filter, command);
        // One branch per text-search configuration in use: each record is matched against the query
        // stemmed the way its own text was, and every branch can use the GIN index.
        var branches = new StringBuilder();
        for (var i = 0; i < configurations.Count; i++)
        {
            if (i > 0)
                branches.Append("\n    UNION ALL\n");
            var cfg = "@cfg" + i;
            branches.Append($"""
                SELECT a.id, a.story_id, a.published_at, x.q AS q, a.ts_config AS cfg
                    FROM (SELECT {query.ForConfiguration(cfg + "::regconfig")} AS q) x
                    JOIN articles a ON a.ts_config = {cfg}::regconfig AND a.search @@ x.q
                    WHERE true{filters}
                """);
            command.Parameters.AddWithValue("cfg" + i, configurations[i]);
        }
        for (var i = 0; i < query.Values.Count; i++)
            command.Parameters.AddWithValue("q" + i, query.Values[i]);
        // Relevance ranks the most recently stored matches only (StoreOptions.RankedMatches), newest-first ranks
        // none but the page's: ts_rank_cd reads each record's search vector, so it runs on as few rows as it can.
        string hits, page;
        if (request.Sort == SearchSort.Newest)
        {
            const string order = "h.published_at DESC NULLS LAST, h.id DESC";
            hits = request.Collapse
                ? $"SELECT * FROM (SELECT h.*, ROW_NUMBER() OVER (PARTITION BY h.story_id ORDER BY {order}) AS copy FROM matched h) h WHERE h.copy = 1"
                : "SELECT * FROM matched h";
            page = $"""
                matched AS ({branches}),
                page AS ({hits} ORDER BY {order} LIMIT @limit OFFSET @offset)
                SELECT {Columns}, ts_headline(h.cfg, coalesce(a.text, a.description, a.title, ''), h.q, @headline), ts_rank_cd(a.search, h.q, 32),
                    (SELECT COUNT(*) FROM articles s WHERE s.story_id = a.story_id)
                FROM page h JOIN articles a ON a.id = h.id
                ORDER BY {order}
                """;
        }
        else
        {
            const string order = "h.score DESC, h.id";
            hits = request.Collapse
                ? $"SELECT * FROM (SELECT h.*, ROW_NUMBER() OVER (PARTITION BY h.story_id ORDER BY {order}) AS copy FROM scored h) h WHERE h.copy = 1"
                : "SELECT * FROM scored h";
            page = $"""
                matched AS (SELECT * FROM ({branches}) m ORDER BY m.id DESC LIMIT @ranked),
                scored AS (SELECT m.*, ts_rank_cd(a.search, m.q, 32) AS score FROM matched m JOIN articles a ON a.id = m.id),
                page AS ({hits} ORDER BY {order} LIMIT @limit OFFSET @offset)
                SELECT {Columns}, ts_headline(h.cfg, coalesce(a.text, a.description, a.title, ''), h.q, @headline), h.score,
                    (SELECT COUNT(*) FROM articles s WHERE s.story_id = a.story_id)
                FROM page h JOIN articles a ON a.id = h.id
                ORDER BY {order}
                """;
            command.Parameters.AddWithValue("ranked", Math.Max(1, Options.RankedMatches));
        }
        command.CommandText = "WITH " + page;
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("headline", HeadlineOptions);

        var results = new List<SearchHit>();
        await using var result = await command.ExecuteReaderAsync(cancellationToken);
        while (await result.ReadAsync(cancellationToken))
            results.Add(new SearchHit(ReadStored(result), result.GetFloat(AfterColumns + 1), result.GetString(AfterColumns), (int)Math.Max(1, result.GetInt64(AfterColumns + 2))));
        return results;
    }

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
