using System.Data;
using System.Data.Common;
using Gleaner.Discovery;

using Gleaner.Crawling;

namespace Gleaner.Storage;

/// <summary>The SQL dialect of the frontier's database.</summary>
internal enum FrontierDialect
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The crawl frontier in SQL (<see cref="IFrontier"/>), kept in the store's database so that a crawl survives <c>kill -9</c> and several
/// processes can share it. Every URL ever seen has one row (so a known URL is never queued twice);
/// hosts have a row with the time of their next allowed request and the lease of the worker that has
/// their turn, so one request at a time goes to a host, across processes, with the delay between them.
/// Claims are one transaction: on PostgreSQL the host row is locked <c>FOR UPDATE SKIP LOCKED</c>, so
/// concurrent workers pick different hosts without waiting; on SQLite the write lock serialises claims.
/// Times are Unix milliseconds.
/// </summary>
public sealed class SqlFrontier : IFrontier
{
    /// <summary>The frontier's tables, for both dialects (the store runs them as its "crawl" migrations).</summary>
    internal static readonly (int Version, string Sqlite, string PostgreSql)[] Migrations =
    [
        (1,
            """
            CREATE TABLE IF NOT EXISTS crawl_hosts (
                host TEXT PRIMARY KEY,
                next_allowed_at INTEGER NOT NULL DEFAULT 0,
                lease_until INTEGER NOT NULL DEFAULT 0,
                leased_by TEXT);
            CREATE TABLE IF NOT EXISTS crawl_urls (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,
                host TEXT NOT NULL,
                kind INTEGER NOT NULL,
                state INTEGER NOT NULL,
                priority INTEGER NOT NULL,
                depth INTEGER NOT NULL,
                hops INTEGER NOT NULL DEFAULT 0,
                discovered_from TEXT,
                lastmod INTEGER,
                retry_at INTEGER NOT NULL DEFAULT 0,
                attempts INTEGER NOT NULL DEFAULT 0,
                reason TEXT,
                etag TEXT,
                last_modified TEXT,
                claimed_by TEXT,
                claim_until INTEGER,
                updated_at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS crawl_urls_queue ON crawl_urls (host, state, priority, id);
            CREATE INDEX IF NOT EXISTS crawl_urls_state ON crawl_urls (state, kind);
            """,
            """
            CREATE TABLE IF NOT EXISTS crawl_hosts (
                host TEXT PRIMARY KEY,
                next_allowed_at BIGINT NOT NULL DEFAULT 0,
                lease_until BIGINT NOT NULL DEFAULT 0,
                leased_by TEXT);
            CREATE TABLE IF NOT EXISTS crawl_urls (
                id BIGSERIAL PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,
                host TEXT NOT NULL,
                kind SMALLINT NOT NULL,
                state SMALLINT NOT NULL,
                priority INTEGER NOT NULL,
                depth INTEGER NOT NULL,
                hops INTEGER NOT NULL DEFAULT 0,
                discovered_from TEXT,
                lastmod BIGINT,
                retry_at BIGINT NOT NULL DEFAULT 0,
                attempts INTEGER NOT NULL DEFAULT 0,
                reason TEXT,
                etag TEXT,
                last_modified TEXT,
                claimed_by TEXT,
                claim_until BIGINT,
                updated_at BIGINT NOT NULL);
            CREATE INDEX IF NOT EXISTS crawl_urls_queue ON crawl_urls (host, state, priority, id);
            CREATE INDEX IF NOT EXISTS crawl_urls_state ON crawl_urls (state, kind);
            """),
        // Listing pages (polled again on a re-run, like feeds and sitemaps) and a fingerprint of every record the
        // crawl stored (unchanged records are not saved again; an exact copy of a record's text on one host is not stored).
        (2, Version2, Version2),
        // The earliest retry time of a host's queue from the index instead of a scan of every queued URL: idle workers ask
        // for it (NextReadyAtAsync) each time they find no host ready, and the claim's check of a host's queue uses it too.
        (3, Version3, Version3),
    ];

    private const string Version3 = "CREATE INDEX IF NOT EXISTS crawl_urls_retry ON crawl_urls (host, state, retry_at);";

    private const string Version2 = """
        CREATE TABLE IF NOT EXISTS crawl_listings (
            url TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS crawl_records (
            url TEXT PRIMARY KEY,
            host TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            record_hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS crawl_records_text ON crawl_records (host, text_hash);
        """;

    private readonly Func<CancellationToken, Task<DbConnection>> _openConnection;
    private readonly FrontierDialect _dialect;
    private readonly SemaphoreSlim? _lock;
    private DbConnection? _shared;

    /// <param name="openConnection">Opens a (pooled) connection to the database holding the frontier tables.</param>
    /// <param name="dialect">Which SQL the database speaks.</param>
    /// <param name="workerId">Names this process in claims (host and process id by default).</param>
    internal SqlFrontier(Func<CancellationToken, Task<DbConnection>> openConnection, FrontierDialect dialect, string? workerId = null)
    {
        _openConnection = openConnection;
        _dialect = dialect;
        _lock = dialect == FrontierDialect.Sqlite ? new SemaphoreSlim(1, 1) : null;
        WorkerId = workerId ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    public string WorkerId { get; }

    internal FrontierDialect Dialect => _dialect;

    /// <summary>On SQLite one crawl at a time holds the frontier (its write lock), so claims left when a crawl starts are a dead run's.</summary>
    public bool SingleProcess => _dialect == FrontierDialect.Sqlite;

    /// <summary>The frontier kept in <paramref name="store"/>'s database (its tables made by <see cref="Crawling.StoreFrontier.OpenAsync"/>).</summary>
    public static SqlFrontier Of(IArticleStore store) =>
        new(store.OpenConnectionAsync, store.Backend == StoreBackend.PostgreSql ? FrontierDialect.PostgreSql : FrontierDialect.Sqlite);

    /// <summary>Creates the tables when the frontier runs on its own (outside a store's migrations).</summary>
    internal async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await ReadAsync(async connection =>
        {
            foreach (var migration in Migrations)
                await ExecuteAsync(connection, null, _dialect == FrontierDialect.Sqlite ? migration.Sqlite : migration.PostgreSql, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds URLs not seen before (known ones are left as they are). Returns how many were new.</summary>
    public async Task<int> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
            return 0;
        var now = Now();
        return await WriteAsync(async (connection, transaction) =>
        {
            var added = 0;
            await using var host = Command(connection, transaction, "INSERT INTO crawl_hosts (host) VALUES (@host) ON CONFLICT (host) DO NOTHING");
            var hostParameter = AddParameter(host, "@host", "");
            await using var insert = Command(connection, transaction, """
                INSERT INTO crawl_urls (url, host, kind, state, priority, depth, hops, discovered_from, lastmod, updated_at)
                VALUES (@url, @host, @kind, 0, @priority, @depth, @hops, @from, @lastmod, @now)
                ON CONFLICT (url) DO NOTHING
                """);
            var url = AddParameter(insert, "@url", "");
            var insertHost = AddParameter(insert, "@host", "");
            var kind = AddParameter(insert, "@kind", (short)0);
            var priority = AddParameter(insert, "@priority", 0);
            var depth = AddParameter(insert, "@depth", 0);
            var hops = AddParameter(insert, "@hops", 0);
            var from = AddParameter(insert, "@from", DBNull.Value, DbType.String);
            var lastmod = AddParameter(insert, "@lastmod", DBNull.Value, DbType.Int64);
            AddParameter(insert, "@now", now);
            string? lastHost = null;
            foreach (var entry in entries)
            {
                if (entry.Host != lastHost)
                {
                    hostParameter.Value = entry.Host;
                    await host.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    lastHost = entry.Host;
                }
                url.Value = entry.Url;
                insertHost.Value = entry.Host;
                kind.Value = (short)entry.Kind;
                priority.Value = entry.Priority;
                depth.Value = entry.Depth;
                hops.Value = entry.Hops;
                from.Value = (object?)entry.DiscoveredFrom ?? DBNull.Value;
                lastmod.Value = entry.Lastmod is { } date ? date.ToUnixTimeMilliseconds() : DBNull.Value;
                added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return added;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts URLs back in the queue whatever their state (start points of a new crawl, feeds and sitemaps in watch mode).</summary>
    public async Task RequeueAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken = default)
    {
        await WriteAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction,
                "UPDATE crawl_urls SET state = 0, retry_at = 0, attempts = 0, reason = NULL, updated_at = @now WHERE url = @url AND state <> 1");
            AddParameter(command, "@now", Now());
            var url = AddParameter(command, "@url", "");
            foreach (var item in urls)
            {
                url.Value = item;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Requeues what is polled for new articles: feeds, sitemaps, start pages and listing pages, done (or failed)
    /// in an earlier round; ones still queued or claimed stay as they are. Only those of <paramref name="hosts"/>
    /// (host keys, see <see cref="Crawler.HostKey"/>) when given, else all. Their validators (ETag, Last-Modified)
    /// are kept, so an unchanged one costs a 304. Returns how many were requeued.
    /// </summary>
    public Task<int> RequeuePolledAsync(IReadOnlyCollection<string>? hosts = null, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            const string Polled = """
                UPDATE crawl_urls SET state = 0, retry_at = 0, attempts = 0, reason = NULL, updated_at = @now
                WHERE state IN (2, 3) AND (kind = 2 OR (depth = 0 AND discovered_from IS NULL) OR url IN (SELECT url FROM crawl_listings))
                """;
            await using var command = Command(connection, transaction, hosts is null ? Polled : Polled + " AND host = @host");
            AddParameter(command, "@now", Now());
            if (hosts is null)
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var host = AddParameter(command, "@host", "");
            var requeued = 0;
            foreach (var item in hosts)
            {
                host.Value = item;
                requeued += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return requeued;
        }, cancellationToken);

    /// <summary>Every host the frontier knows (host keys: scheme, host and port).</summary>
    public Task<List<string>> HostsAsync(CancellationToken cancellationToken = default) =>
        ReadStringsAsync("SELECT host FROM crawl_hosts", cancellationToken);

    /// <summary>
    /// What the crawl knows of a record about to be stored: <see cref="RecordCheck.New"/>, <see cref="RecordCheck.Unchanged"/>
    /// (stored before with the same fingerprint), <see cref="RecordCheck.Changed"/>, or <see cref="RecordCheck.Duplicate"/> with the
    /// address of another record of the same host with exactly the same text.
    /// </summary>
    public Task<(RecordCheck Check, string? SameAs)> CheckRecordAsync(RecordFingerprint record, CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using (var known = Command(connection, null, "SELECT record_hash FROM crawl_records WHERE url = @url"))
            {
                AddParameter(known, "@url", record.Url);
                if (await known.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string hash)
                    return (hash == record.RecordHash ? RecordCheck.Unchanged : RecordCheck.Changed, (string?)null);
            }
            await using var same = Command(connection, null, "SELECT MIN(url) FROM crawl_records WHERE host = @host AND text_hash = @text");
            AddParameter(same, "@host", record.Host);
            AddParameter(same, "@text", record.TextHash);
            return await same.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string other
                ? (RecordCheck.Duplicate, other)
                : (RecordCheck.New, null);
        }, cancellationToken);

    /// <summary>
    /// Returns claims whose worker is gone to the queue and frees their hosts. With <paramref name="all"/>
    /// (SQLite: one process per crawl, so every claim left over is from a dead run) regardless of lease time.
    /// </summary>
    public Task<int> ReleaseStaleClaimsAsync(bool all, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var now = Now();
            await using var urls = Command(connection, transaction,
                all ? "UPDATE crawl_urls SET state = 0, claimed_by = NULL WHERE state = 1"
                    : "UPDATE crawl_urls SET state = 0, claimed_by = NULL WHERE state = 1 AND claim_until < @now");
            AddParameter(urls, "@now", now);
            var released = await urls.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var hosts = Command(connection, transaction,
                all ? "UPDATE crawl_hosts SET lease_until = 0, leased_by = NULL WHERE lease_until > 0"
                    : "UPDATE crawl_hosts SET lease_until = 0, leased_by = NULL WHERE lease_until > 0 AND lease_until < @now");
            AddParameter(hosts, "@now", now);
            await hosts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return released;
        }, cancellationToken);

    /// <summary>
    /// Claims the next URL of a host whose turn it is (no lease, delay passed), leasing the host for
    /// <paramref name="lease"/>. Null when no host is ready now.
    /// </summary>
    public Task<ClaimedUrl?> ClaimAsync(TimeSpan lease, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var now = Now();
            var lockClause = _dialect == FrontierDialect.PostgreSql ? " FOR UPDATE OF h SKIP LOCKED" : "";
            await using var pickHost = Command(connection, transaction, $"""
                SELECT h.host FROM crawl_hosts h
                WHERE h.next_allowed_at <= @now AND h.lease_until <= @now
                  AND EXISTS (SELECT 1 FROM crawl_urls u WHERE u.host = h.host AND u.state = 0 AND u.retry_at <= @now)
                ORDER BY h.next_allowed_at LIMIT 1{lockClause}
                """);
            AddParameter(pickHost, "@now", now);
            if (await pickHost.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string host)
                return null;

            ClaimedUrl? claim = null;
            // The queue index gives the host's URLs in priority order, the first due one ends the walk; SQLite would otherwise
            // take the retry index for the retry_at range and sort the whole host's queue.
            var queueIndex = _dialect == FrontierDialect.Sqlite ? " INDEXED BY crawl_urls_queue" : "";
            await using (var pickUrl = Command(connection, transaction, $"""
                SELECT id, url, kind, depth, attempts, hops, lastmod, etag, last_modified, discovered_from FROM crawl_urls{queueIndex}
                WHERE host = @host AND state = 0 AND retry_at <= @now
                ORDER BY priority, id LIMIT 1
                """))
            {
                AddParameter(pickUrl, "@host", host);
                AddParameter(pickUrl, "@now", now);
                await using var reader = await pickUrl.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    claim = new ClaimedUrl(reader.GetInt64(0), reader.GetString(1), host, (UrlKind)reader.GetInt16(2), reader.GetInt32(3),
                        reader.GetInt32(4), reader.GetInt32(5),
                        reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                        reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                        reader.IsDBNull(9) ? null : reader.GetString(9));
            }
            if (claim is null)
                return null;

            var until = now + (long)lease.TotalMilliseconds;
            await using var markUrl = Command(connection, transaction,
                "UPDATE crawl_urls SET state = 1, claimed_by = @worker, claim_until = @until, updated_at = @now WHERE id = @id");
            AddParameter(markUrl, "@worker", WorkerId);
            AddParameter(markUrl, "@until", until);
            AddParameter(markUrl, "@now", now);
            AddParameter(markUrl, "@id", claim.Id);
            await markUrl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var markHost = Command(connection, transaction,
                "UPDATE crawl_hosts SET lease_until = @until, leased_by = @worker WHERE host = @host");
            AddParameter(markHost, "@until", until);
            AddParameter(markHost, "@worker", WorkerId);
            AddParameter(markHost, "@host", host);
            await markHost.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return claim;
        }, cancellationToken);

    /// <summary>Ends a claim: sets the URL's new state and gives the host's turn back, next allowed after <paramref name="hostDelay"/>.</summary>
    /// <remarks>With <paramref name="listing"/> the URL is remembered as a listing page, polled again on a re-run; with
    /// <paramref name="stored"/>, the fingerprint of the record saved from it (written after the save: a crash in
    /// between costs a refetch, never an article).</remarks>
    public Task CompleteAsync(ClaimedUrl claim, UrlState state, string? reason, TimeSpan hostDelay, string? etag = null, string? lastModified = null,
        DateTimeOffset? retryAt = null, bool listing = false, RecordFingerprint? stored = null, bool countAttempt = true, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var now = Now();
            if (listing)
            {
                await using var mark = Command(connection, transaction, "INSERT INTO crawl_listings (url) VALUES (@url) ON CONFLICT (url) DO NOTHING");
                AddParameter(mark, "@url", claim.Url);
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            if (stored is { } record)
            {
                await using var remember = Command(connection, transaction, """
                    INSERT INTO crawl_records (url, host, text_hash, record_hash) VALUES (@url, @host, @text, @record)
                    ON CONFLICT (url) DO UPDATE SET host = excluded.host, text_hash = excluded.text_hash, record_hash = excluded.record_hash
                    """);
                AddParameter(remember, "@url", record.Url);
                AddParameter(remember, "@host", record.Host);
                AddParameter(remember, "@text", record.TextHash);
                AddParameter(remember, "@record", record.RecordHash);
                await remember.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using var url = Command(connection, transaction, """
                UPDATE crawl_urls SET state = @state, reason = @reason, attempts = @attempts, retry_at = @retry,
                    etag = COALESCE(@etag, etag), last_modified = COALESCE(@lastModified, last_modified),
                    claimed_by = NULL, claim_until = NULL, updated_at = @now
                WHERE id = @id AND claimed_by = @worker
                """);
            AddParameter(url, "@state", (short)state);
            AddParameter(url, "@reason", (object?)reason ?? DBNull.Value, DbType.String);
            AddParameter(url, "@attempts", claim.Attempts + (countAttempt && state is UrlState.Queued or UrlState.Failed ? 1 : 0));
            AddParameter(url, "@retry", retryAt?.ToUnixTimeMilliseconds() ?? 0L);
            AddParameter(url, "@etag", (object?)etag ?? DBNull.Value, DbType.String);
            AddParameter(url, "@lastModified", (object?)lastModified ?? DBNull.Value, DbType.String);
            AddParameter(url, "@now", now);
            AddParameter(url, "@id", claim.Id);
            AddParameter(url, "@worker", WorkerId);
            await url.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var host = Command(connection, transaction,
                "UPDATE crawl_hosts SET lease_until = 0, leased_by = NULL, next_allowed_at = @next WHERE host = @host AND leased_by = @worker");
            AddParameter(host, "@next", now + (long)hostDelay.TotalMilliseconds);
            AddParameter(host, "@host", claim.Host);
            AddParameter(host, "@worker", WorkerId);
            await host.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <summary>URLs by state.</summary>
    public Task<FrontierCounts> CountAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using var command = Command(connection, null, "SELECT state, COUNT(*) FROM crawl_urls GROUP BY state");
            var counts = new long[5];
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var state = Convert.ToInt32(reader.GetValue(0));
                if (state is >= 0 and < 5)
                    counts[state] = reader.GetInt64(1);
            }
            return new FrontierCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
        }, cancellationToken);

    /// <summary>The earliest time a queued URL may be claimed (its host's turn and its retry time), or null when none is queued.</summary>
    public Task<DateTimeOffset?> NextReadyAtAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            // Per host (few rows), its queue's earliest retry time by one probe of the retry index each: the cost grows with
            // the hosts, not the queue (idle workers ask this often).
            await using var command = Command(connection, null, """
                SELECT MIN(CASE WHEN q.next_allowed_at >= q.lease_until AND q.next_allowed_at >= q.retry_at THEN q.next_allowed_at
                                WHEN q.lease_until >= q.retry_at THEN q.lease_until ELSE q.retry_at END)
                FROM (SELECT h.next_allowed_at, h.lease_until,
                        (SELECT MIN(u.retry_at) FROM crawl_urls u WHERE u.host = h.host AND u.state = 0) AS retry_at
                    FROM crawl_hosts h) q
                WHERE q.retry_at IS NOT NULL
                """);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value));
        }, cancellationToken);

    /// <summary>Hosts waiting for their turn now (delay not passed, or a request in flight).</summary>
    public Task<long> BusyHostsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using var command = Command(connection, null, "SELECT COUNT(*) FROM crawl_hosts WHERE next_allowed_at > @now OR lease_until > @now");
            AddParameter(command, "@now", Now());
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
        }, cancellationToken);

    /// <summary>Failed and skipped URLs grouped by reason, most frequent first, with one example URL each.</summary>
    public Task<List<(UrlState State, string Reason, long Count, string Example)>> ReportAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using var command = Command(connection, null, """
                SELECT state, COALESCE(reason, ''), COUNT(*), MIN(url) FROM crawl_urls
                WHERE state IN (3, 4) GROUP BY state, COALESCE(reason, '') ORDER BY COUNT(*) DESC, 2
                """);
            var rows = new List<(UrlState, string, long, string)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                rows.Add(((UrlState)Convert.ToInt32(reader.GetValue(0)), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            return rows;
        }, cancellationToken);

    /// <summary>The state of one URL, or null when the frontier has never seen it.</summary>
    public Task<UrlState?> StateOfAsync(string url, CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using var command = Command(connection, null, "SELECT state FROM crawl_urls WHERE url = @url");
            AddParameter(command, "@url", url);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? (UrlState?)null : (UrlState)Convert.ToInt32(value);
        }, cancellationToken);

    /// <summary>The start points of earlier runs (depth 0), to put their sites back in scope when resuming.</summary>
    public Task<List<string>> StartUrlsAsync(CancellationToken cancellationToken = default) =>
        ReadStringsAsync("SELECT url FROM crawl_urls WHERE depth = 0 AND discovered_from IS NULL", cancellationToken);

    /// <summary>The values of a query's one text column.</summary>
    private Task<List<string>> ReadStringsAsync(string sql, CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = Command(connection, null, sql);
            var values = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                values.Add(reader.GetString(0));
            return values;
        }, cancellationToken);

    private Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        UseConnectionAsync(work, cancellationToken);

    private Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        UseConnectionAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    /// <summary>
    /// SQLite: one connection kept open and used by one caller at a time (SQLite has one writer anyway,
    /// and reopening the file per call is slow). PostgreSQL: a pooled connection per call, so claims of
    /// many workers run in parallel.
    /// </summary>
    private async Task<T> UseConnectionAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_lock is null)
        {
            await using var connection = await _openConnection(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _shared ??= await _openConnection(cancellationToken).ConfigureAwait(false);
            return await work(_shared).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Closes the connection kept for SQLite.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_shared is not null)
            await _shared.DisposeAsync().ConfigureAwait(false);
        _shared = null;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static DbParameter AddParameter(DbCommand command, string name, object value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        if (type is { } dbType)
            parameter.DbType = dbType;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
