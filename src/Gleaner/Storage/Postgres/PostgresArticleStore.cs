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
internal sealed class PostgresArticleStore : IArticleStore
{
    private const string Columns =
        "a.id, a.url, a.source_domain, a.site_name, a.title, a.description, a.text, a.authors, a.published, a.modified, " +
        "a.language, a.image, a.section, a.tags, a.fetched, a.first_seen, a.last_saved, a.story_id, a.canonical_url";

    /// <summary>The ordinal of the first value a query selects after <see cref="Columns"/>.</summary>
    private const int AfterColumns = 19;

    /// <summary>Serialises schema migrations across processes (an arbitrary, fixed advisory-lock key).</summary>
    private const long MigrationLock = 0x676C65616E6572; // "gleaner"

    private static readonly string HeadlineOptions =
        $"StartSel={SearchHit.HighlightStart}, StopSel={SearchHit.HighlightEnd}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private readonly StoreOptions _options;
    private readonly IReadOnlySet<string> _configurations;

    private PostgresArticleStore(string location, NpgsqlDataSource dataSource, NpgsqlConnection connection, StoreOptions options, IReadOnlySet<string> configurations)
    {
        Location = location;
        _dataSource = dataSource;
        _connection = connection;
        _options = options;
        _configurations = configurations;
    }

    public StoreBackend Backend => StoreBackend.PostgreSql;

    public string Location { get; }

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

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task MigrateAsync(string component, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken = default)
    {
        SchemaVersions.Check(component, migrations);
        var latest = SchemaVersions.Latest(migrations);
        // Most opens find the schema current: check without the lock.
        if (SchemaVersions.IsCurrent(Location, component, await ReadVersionAsync(component, null, cancellationToken), latest))
            return;

        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync("SELECT pg_advisory_xact_lock(@lock)", transaction, cancellationToken, ("lock", MigrationLock));
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS gleaner_schema (component text PRIMARY KEY, version integer NOT NULL)", transaction, cancellationToken);
        // Another process may have migrated while this one waited for the lock.
        var current = await ReadVersionAsync(component, transaction, cancellationToken);
        if (SchemaVersions.IsCurrent(Location, component, current, latest))
            return;
        foreach (var migration in migrations)
            if (migration.Version > current)
                await ExecuteAsync(migration.PostgreSql, transaction, cancellationToken);
        await ExecuteAsync(
            "INSERT INTO gleaner_schema (component, version) VALUES (@component, @version) ON CONFLICT (component) DO UPDATE SET version = excluded.version",
            transaction, cancellationToken, ("component", component), ("version", latest));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<int> ReadVersionAsync(string component, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('gleaner_schema') IS NOT NULL", _connection, transaction);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            return 0;
        await using var read = new NpgsqlCommand("SELECT version FROM gleaner_schema WHERE component = @component", _connection, transaction);
        read.Parameters.AddWithValue("component", component);
        return await read.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
    }

    public async Task<SaveResult> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
            return new SaveResult(0, 0, 0);
        var prepared = PreparedRecord.PrepareAll(articles);
        var now = DateTimeOffset.UtcNow;

        // A batch costs a handful of round trips whatever its size: read what is stored under its keys, reserve
        // ids, fetch the candidate copies of all its band keys, decide stories in memory, then write everything
        // in one NpgsqlBatch.
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        var existing = await ReadExistingAsync(prepared, transaction, cancellationToken);
        var reserved = await ReserveIdsAsync(prepared.Count, transaction, cancellationToken);
        var bandKeys = new long[prepared.Count][];
        var allKeys = new HashSet<long>();
        for (var i = 0; i < prepared.Count; i++)
        {
            if (prepared[i].Signature is not { } signature)
                continue;
            bandKeys[i] = new long[MinHash.Bands];
            MinHash.BandKeys(signature, bandKeys[i]);
            allKeys.UnionWith(bandKeys[i]);
        }
        // A record updated in this batch leaves its buckets, which then show one more older record each: read as many more.
        var updates = 0;
        foreach (var record in prepared)
            if (existing.ContainsKey(record.Key))
                updates++;
        var (buckets, stored) = await ReadCandidatesAsync(allKeys, StoryMatcher.CandidatesPerBandKey + updates, transaction, cancellationToken);

        var ids = new long[prepared.Count];
        var stories = new long[prepared.Count];
        var idsInBatch = new Dictionary<string, long>(StringComparer.Ordinal);
        var oldBandKeys = new List<long>();
        var oldBandIds = new List<long>();
        var newBandKeys = new List<long>();
        var newBandIds = new List<long>();
        var linked = 0;
        var nextReserved = 0;
        for (var i = 0; i < prepared.Count; i++)
        {
            var record = prepared[i];
            if (!idsInBatch.TryGetValue(record.Key, out var id))
            {
                if (existing.TryGetValue(record.Key, out var old))
                {
                    id = old.Id;
                    if (old.Signature is not null)
                    {
                        var keys = new long[MinHash.Bands];
                        MinHash.BandKeys(old.Signature, keys);
                        foreach (var key in keys)
                        {
                            oldBandKeys.Add(key);
                            oldBandIds.Add(id);
                            buckets.GetValueOrDefault(key)?.Remove(id);
                        }
                    }
                }
                else
                    id = reserved[nextReserved++];
                idsInBatch[record.Key] = id;
            }
            ids[i] = id;
            stories[i] = id;
            if (record.Signature is null)
            {
                stored.Remove(id);
                continue;
            }
            // StoryMatcher's rule, as the SQLite store applies it: the newest CandidatesPerBandKey ids of each key, each once.
            var candidates = new List<StoryCandidate>();
            var seen = new HashSet<long> { id };
            foreach (var key in bandKeys[i])
            {
                if (!buckets.TryGetValue(key, out var bucket))
                    continue;
                for (var j = Math.Max(0, bucket.Count - StoryMatcher.CandidatesPerBandKey); j < bucket.Count; j++)
                    if (seen.Add(bucket[j]) && stored.TryGetValue(bucket[j], out var known))
                        candidates.Add(new StoryCandidate(bucket[j], known.Story, known.Signature));
            }
            if (StoryMatcher.BestMatch(record.Signature, candidates, _options.StoryThreshold) is { } match)
            {
                stories[i] = match.StoryId;
                linked++;
            }
            // Later records of this batch see this one as a candidate.
            stored[id] = (stories[i], record.Signature);
            foreach (var key in bandKeys[i])
            {
                if (!buckets.TryGetValue(key, out var bucket))
                    buckets[key] = bucket = [];
                // Buckets stay in id order: an updated record goes back to its place, not to the end.
                var at = bucket.BinarySearch(id);
                if (at < 0)
                    bucket.Insert(~at, id);
                newBandKeys.Add(key);
                newBandIds.Add(id);
            }
        }

        var usedConfigurations = new HashSet<string>(StringComparer.Ordinal);
        await using var batch = new NpgsqlBatch(_connection, transaction);
        for (var i = 0; i < prepared.Count; i++)
        {
            var configuration = TextSearchConfigurations.For(prepared[i].Language, _configurations);
            usedConfigurations.Add(configuration);
            var upsert = new NpgsqlBatchCommand(UpsertSql);
            Bind(upsert.Parameters, prepared[i], now, ids[i], stories[i], configuration);
            batch.BatchCommands.Add(upsert);
        }
        if (oldBandKeys.Count > 0)
            batch.BatchCommands.Add(Command("DELETE FROM story_bands WHERE (band_key, article_id) IN (SELECT * FROM unnest(@keys, @ids))",
                ("keys", oldBandKeys.ToArray()), ("ids", oldBandIds.ToArray())));
        if (newBandKeys.Count > 0)
            batch.BatchCommands.Add(Command("INSERT INTO story_bands (band_key, article_id) SELECT * FROM unnest(@keys, @ids) ON CONFLICT DO NOTHING",
                ("keys", newBandKeys.ToArray()), ("ids", newBandIds.ToArray())));
        batch.BatchCommands.Add(Command("INSERT INTO search_configs (config) SELECT unnest(@configs)::regconfig ON CONFLICT DO NOTHING",
            ("configs", usedConfigurations.ToArray())));

        int inserted = 0, updated = 0;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            for (var i = 0; i < prepared.Count; i++)
            {
                await reader.ReadAsync(cancellationToken);
                if (reader.GetBoolean(0))
                    inserted++;
                else
                    updated++;
                await reader.NextResultAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(inserted, updated, linked);
    }

    // A record found stored keeps its id (the explicit id is ignored on conflict). When another writer inserted the
    // same URL after this batch looked, its row wins the id; a story that pointed at the reserved id becomes its own.
    private const string UpsertSql = """
        INSERT INTO articles (id, url, source_domain, site_name, title, description, text, authors, published, published_at,
            modified, language, image, section, tags, fetched, first_seen, last_saved, signature, story_id, ts_config, canonical_url)
        VALUES (@id, @url, @source_domain, @site_name, @title, @description, @text, @authors, @published, @published_at,
            @modified, @language, @image, @section, @tags, @fetched, @now, @now, @signature, @story, @config::regconfig, @canonical_url)
        ON CONFLICT (url) DO UPDATE SET source_domain = excluded.source_domain, site_name = excluded.site_name,
            title = excluded.title, description = excluded.description, text = excluded.text, authors = excluded.authors,
            published = excluded.published, published_at = excluded.published_at, modified = excluded.modified,
            language = excluded.language, image = excluded.image, section = excluded.section, tags = excluded.tags,
            fetched = excluded.fetched, last_saved = excluded.last_saved, signature = excluded.signature,
            story_id = CASE WHEN excluded.story_id = excluded.id THEN articles.id ELSE excluded.story_id END,
            ts_config = excluded.ts_config, canonical_url = excluded.canonical_url
        RETURNING (xmax = 0)
        """;

    private async Task<Dictionary<string, (long Id, uint[]? Signature)>> ReadExistingAsync(
        IReadOnlyList<PreparedRecord> prepared, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var urls = new string[prepared.Count];
        for (var i = 0; i < urls.Length; i++)
            urls[i] = prepared[i].Key;
        var existing = new Dictionary<string, (long, uint[]?)>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT url, id, signature FROM articles WHERE url = ANY(@urls)", _connection, transaction);
        command.Parameters.AddWithValue("urls", urls);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            existing[reader.GetString(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? null : MinHash.FromBytes(reader.GetFieldValue<byte[]>(2)));
        return existing;
    }

    private async Task<long[]> ReserveIdsAsync(int count, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        await using var command = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, @count)", _connection, transaction);
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < count && await reader.ReadAsync(cancellationToken); i++)
            ids[i] = reader.GetInt64(0);
        return ids;
    }

    /// <summary>
    /// The stored records that share a band key with the batch: the newest <paramref name="perKey"/> ids of each key's
    /// bucket, in id order (see <see cref="StoryMatcher.CandidatesPerBandKey"/>), and their stories and signatures.
    /// </summary>
    private async Task<(Dictionary<long, List<long>> Buckets, Dictionary<long, (long Story, uint[] Signature)> Stored)> ReadCandidatesAsync(
        HashSet<long> keys, int perKey, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var buckets = new Dictionary<long, List<long>>();
        var stored = new Dictionary<long, (long, uint[])>();
        if (keys.Count == 0)
            return (buckets, stored);
        await using var command = new NpgsqlCommand("""
            SELECT k.key, a.id, a.story_id, a.signature
            FROM unnest(@keys) AS k(key)
            CROSS JOIN LATERAL (SELECT b.article_id FROM story_bands b WHERE b.band_key = k.key ORDER BY b.article_id DESC LIMIT @per_key) c
            JOIN articles a ON a.id = c.article_id
            WHERE a.signature IS NOT NULL
            """, _connection, transaction);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        command.Parameters.AddWithValue("per_key", perKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetInt64(0);
            var id = reader.GetInt64(1);
            if (!buckets.TryGetValue(key, out var bucket))
                buckets[key] = bucket = [];
            bucket.Add(id);
            if (!stored.ContainsKey(id))
                stored[id] = (reader.IsDBNull(2) ? id : reader.GetInt64(2), MinHash.FromBytes(reader.GetFieldValue<byte[]>(3)));
        }
        foreach (var bucket in buckets.Values)
            bucket.Sort();
        return (buckets, stored);
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
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
        p.Add(new NpgsqlParameter<string?>("site_name", article.SiteName));
        p.Add(new NpgsqlParameter<string?>("title", article.Title));
        p.Add(new NpgsqlParameter<string?>("description", article.Description));
        p.Add(new NpgsqlParameter<string?>("text", article.Text));
        p.AddWithValue("authors", article.Authors.ToArray());
        p.Add(new NpgsqlParameter<string?>("published", article.Published));
        p.Add(new NpgsqlParameter("published_at", NpgsqlDbType.TimestampTz) { Value = record.Published is { } published ? published.ToUniversalTime() : DBNull.Value });
        p.Add(new NpgsqlParameter<string?>("modified", article.Modified));
        p.Add(new NpgsqlParameter<string?>("language", record.Language));
        p.Add(new NpgsqlParameter<string?>("image", article.Image));
        p.Add(new NpgsqlParameter<string?>("section", article.Section));
        p.AddWithValue("tags", article.Tags.ToArray());
        p.Add(new NpgsqlParameter<string?>("fetched", article.Fetched));
        p.Add(new NpgsqlParameter<string?>("canonical_url", article.CanonicalUrl));
        p.AddWithValue("now", now);
        p.Add(new NpgsqlParameter("signature", NpgsqlDbType.Bytea) { Value = record.Signature is null ? DBNull.Value : MinHash.ToBytes(record.Signature) });
        p.AddWithValue("story", story);
        p.AddWithValue("config", configuration);
    }

    public async Task<StoredArticle?> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM articles a WHERE a.url = @url", _connection);
        command.Parameters.AddWithValue("url", url);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStored(reader) : null;
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
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
        // Relevance ranks the most recently stored matches only (StoreRecords.RankedMatches), newest-first ranks
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
            command.Parameters.AddWithValue("ranked", StoreRecords.RankedMatches);
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

    public async IAsyncEnumerable<StoredArticle> ExportAsync(ArticleFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand { Connection = _connection };
        command.CommandText = $"SELECT {Columns} FROM articles a WHERE true{FilterSql(filter, command)} ORDER BY a.id";
        // Rows stream from the server as they are read: memory stays flat whatever the store's size.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadStored(reader);
    }

    public async Task<StoreStatistics> GetStatisticsAsync(ArticleFilter filter, CancellationToken cancellationToken = default)
    {
        long articles, stories;
        await using (var totals = new NpgsqlCommand { Connection = _connection })
        {
            totals.CommandText = $"SELECT COUNT(*), COUNT(DISTINCT a.story_id) FROM articles a WHERE true{FilterSql(filter, totals)}";
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
            await CountByAsync("left(a.published, 10)", "1", filter, cancellationToken));
    }

    private async Task<IReadOnlyList<KeyValuePair<string, long>>> CountByAsync(string key, string order, ArticleFilter filter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = _connection };
        command.CommandText = $"SELECT {key}, COUNT(*) FROM articles a WHERE true{FilterSql(filter, command)} GROUP BY 1 ORDER BY {order}";
        var counts = new List<KeyValuePair<string, long>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            counts.Add(new(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1)));
        return counts;
    }

    public async Task<IReadOnlyList<Story>> GetStoriesAsync(ArticleFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand { Connection = _connection };
        command.CommandText = $"""
            WITH groups AS (
                SELECT a.story_id, COUNT(*) AS copies, COUNT(DISTINCT a.source_domain) AS sites,
                    MIN(a.published_at) AS first, MAX(a.published_at) AS last
                FROM articles a WHERE true{FilterSql(filter, command)}
                GROUP BY a.story_id ORDER BY copies DESC, last DESC NULLS LAST, a.story_id LIMIT @limit)
            SELECT g.story_id, g.copies, g.sites, g.first, g.last, lead.title, lead.url
            FROM groups g CROSS JOIN LATERAL (
                SELECT s.title, s.url FROM articles s WHERE s.story_id = g.story_id
                ORDER BY s.published_at NULLS LAST, s.id LIMIT 1) lead
            ORDER BY g.copies DESC, g.last DESC NULLS LAST, g.story_id
            """;
        command.Parameters.AddWithValue("limit", Math.Max(1, limit));
        var stories = new List<Story>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stories.Add(new Story(reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        return stories;
    }

    public async Task<IReadOnlyList<StoredArticle>> GetStoryAsync(long storyId, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM articles a WHERE a.story_id = @story ORDER BY a.published_at NULLS LAST, a.id", _connection);
        command.Parameters.AddWithValue("story", storyId);
        var articles = new List<StoredArticle>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            articles.Add(ReadStored(reader));
        return articles;
    }

    /// <summary>The filter as SQL conditions (each starting with " AND "), its values added to <paramref name="command"/> as parameters.</summary>
    private static string FilterSql(ArticleFilter filter, NpgsqlCommand command)
    {
        var sql = new StringBuilder();
        var p = command.Parameters;
        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            sql.Append(" AND (a.source_domain = @site OR right(a.source_domain, length(@site_suffix)) = @site_suffix OR lower(a.site_name) = lower(@site_name))");
            p.AddWithValue("site", filter.Site.Trim().ToLowerInvariant());
            p.AddWithValue("site_suffix", StoreRecords.SubdomainSuffix(filter.Site));
            p.AddWithValue("site_name", filter.Site.Trim());
        }
        if (filter.Since is { } since)
        {
            sql.Append(" AND a.published_at >= @since");
            p.AddWithValue("since", since.ToUniversalTime());
        }
        if (filter.Until is { } until)
        {
            sql.Append(" AND a.published_at < @until");
            p.AddWithValue("until", until.ToUniversalTime());
        }
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            sql.Append(" AND a.language = @language");
            p.AddWithValue("language", filter.Language.Trim().ToLowerInvariant());
        }
        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            sql.Append(" AND (lower(a.section) = lower(@tag) OR EXISTS (SELECT 1 FROM unnest(a.tags) t WHERE lower(t) = lower(@tag)))");
            p.AddWithValue("tag", filter.Tag.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM unnest(a.authors) w WHERE strpos(lower(w), lower(@author)) > 0)");
            p.AddWithValue("author", filter.Author.Trim());
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
            Authors = reader.GetFieldValue<string[]>(7),
            Published = NullableString(reader, 8),
            Modified = NullableString(reader, 9),
            Language = NullableString(reader, 10),
            Image = NullableString(reader, 11),
            Section = NullableString(reader, 12),
            Tags = reader.GetFieldValue<string[]>(13),
            Fetched = NullableString(reader, 14),
            CanonicalUrl = NullableString(reader, 18),
        };
        var id = reader.GetInt64(0);
        return new StoredArticle(id, article,
            reader.GetFieldValue<DateTimeOffset>(15),
            reader.GetFieldValue<DateTimeOffset>(16),
            reader.IsDBNull(17) ? id : reader.GetInt64(17));
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async Task ExecuteAsync(string sql, NpgsqlTransaction transaction, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, _connection, transaction);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
