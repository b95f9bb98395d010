using System.Data.Common;
using System.Globalization;
using Gleaner.Storage;
using Gleaner.Formats;

namespace Gleaner.Archives;

/// <summary>What a store remembers of one WARC file: done, or the position up to which every record was handled.</summary>
public sealed record WarcFileProgress(bool Done, WarcPosition? ResumeAfter);

/// <summary>
/// Remembers, in the store's own database (SQLite or PostgreSQL), which WARC files a harvest has finished
/// and how far it got in the others, so that <c>gleaner warc --resume</c> goes on where a run stopped.
/// A local file is known by its name and size, wherever it lies; a remote one (an http(s) URL) by its file name.
/// Workers that share a store also share the files through leases (<see cref="TryClaimAsync"/>): each file is
/// harvested by one worker at a time, and a dead worker's file is taken over once its lease has run out.
/// </summary>
public sealed class WarcProgressStore
{
    /// <summary>The component name of this table's migrations in the store.</summary>
    public const string Component = "warc";

    private static readonly SchemaMigration[] Migrations =
    [
        new(1,
            Sqlite: """
                CREATE TABLE IF NOT EXISTS warc_files (
                    file_key TEXT PRIMARY KEY,
                    path TEXT NOT NULL,
                    resume_offset INTEGER,
                    resume_in_member INTEGER,
                    done INTEGER NOT NULL DEFAULT 0,
                    updated TEXT NOT NULL
                );
                """,
            PostgreSql: """
                CREATE TABLE IF NOT EXISTS warc_files (
                    file_key TEXT PRIMARY KEY,
                    path TEXT NOT NULL,
                    resume_offset BIGINT,
                    resume_in_member BIGINT,
                    done INTEGER NOT NULL DEFAULT 0,
                    updated TEXT NOT NULL
                );
                """),
        // Leases of the workers harvesting a file now; lease_until in milliseconds since 1970 (UTC), as the crawl frontier's.
        new(2,
            Sqlite: """
                CREATE TABLE IF NOT EXISTS warc_leases (
                    file_key TEXT PRIMARY KEY,
                    leased_by TEXT NOT NULL,
                    lease_until INTEGER NOT NULL
                );
                """,
            PostgreSql: """
                CREATE TABLE IF NOT EXISTS warc_leases (
                    file_key TEXT PRIMARY KEY,
                    leased_by TEXT NOT NULL,
                    lease_until BIGINT NOT NULL
                );
                """),
    ];

    private readonly IArticleStore _store;

    private WarcProgressStore(IArticleStore store) => _store = store;

    /// <summary>Creates the table if needed.</summary>
    public static async Task<WarcProgressStore> OpenAsync(IArticleStore store, CancellationToken cancellationToken = default)
    {
        await store.MigrateAsync(Component, Migrations, cancellationToken).ConfigureAwait(false);
        return new WarcProgressStore(store);
    }

    /// <summary>What is remembered of <paramref name="path"/> (a file or an http(s) URL), or null if nothing.</summary>
    public async Task<WarcFileProgress?> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT done, resume_offset, resume_in_member FROM warc_files WHERE file_key = @key";
        AddParameter(command, "@key", KeyOf(path));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        var done = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture) != 0;
        WarcPosition? position = reader.IsDBNull(1) ? null
            : new WarcPosition(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
        return new WarcFileProgress(done, position);
    }

    /// <summary>Records how far the harvest of <paramref name="path"/> got.</summary>
    public async Task SaveAsync(string path, WarcPosition? resumeAfter, bool done, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO warc_files (file_key, path, resume_offset, resume_in_member, done, updated)
            VALUES (@key, @path, @offset, @inMember, @done, @updated)
            ON CONFLICT (file_key) DO UPDATE SET path = excluded.path, resume_offset = excluded.resume_offset,
                resume_in_member = excluded.resume_in_member, done = excluded.done, updated = excluded.updated
            """;
        AddParameter(command, "@key", KeyOf(path));
        AddParameter(command, "@path", IsRemote(path, out _) ? path : Path.GetFullPath(path));
        AddParameter(command, "@offset", resumeAfter?.Offset);
        AddParameter(command, "@inMember", resumeAfter?.OffsetInMember);
        AddParameter(command, "@done", done ? 1 : 0);
        AddParameter(command, "@updated", IsoDates.FormatSeconds(DateTimeOffset.UtcNow));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Leases <paramref name="path"/> to <paramref name="worker"/> for <paramref name="lease"/>, unless another
    /// worker holds a lease on it that has not run out. True when <paramref name="worker"/> holds it now.
    /// </summary>
    public async Task<bool> TryClaimAsync(string path, string worker, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // One statement, so two workers claiming at once cannot both win: the row's lock (PostgreSQL) or the
        // database's write lock (SQLite) orders them, and the second sees the first's lease.
        command.CommandText = """
            INSERT INTO warc_leases (file_key, leased_by, lease_until) VALUES (@key, @worker, @until)
            ON CONFLICT (file_key) DO UPDATE SET leased_by = excluded.leased_by, lease_until = excluded.lease_until
            WHERE warc_leases.lease_until < @now OR warc_leases.leased_by = excluded.leased_by
            """;
        AddParameter(command, "@key", KeyOf(path));
        AddParameter(command, "@worker", worker);
        AddParameter(command, "@until", now + (long)lease.TotalMilliseconds);
        AddParameter(command, "@now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Extends <paramref name="worker"/>'s lease on <paramref name="path"/>; false when it no longer holds it (it ran out and another worker took the file).</summary>
    public async Task<bool> RenewAsync(string path, string worker, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE warc_leases SET lease_until = @until WHERE file_key = @key AND leased_by = @worker";
        AddParameter(command, "@key", KeyOf(path));
        AddParameter(command, "@worker", worker);
        AddParameter(command, "@until", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)lease.TotalMilliseconds);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Gives up <paramref name="worker"/>'s lease on <paramref name="path"/> (when the file is done, or the worker stops).</summary>
    public async Task ReleaseAsync(string path, string worker, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM warc_leases WHERE file_key = @key AND leased_by = @worker";
        AddParameter(command, "@key", KeyOf(path));
        AddParameter(command, "@worker", worker);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the leases of the workers <paramref name="isGone"/> names (given each worker holding a lease), so that their
    /// files are taken at once rather than when the leases run out. Returns the number of leases ended.
    /// </summary>
    public async Task<int> ReleaseLeasesOfAsync(Func<string, bool> isGone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isGone);
        var gone = new List<string>();
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT leased_by FROM warc_leases";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                if (reader.GetString(0) is var worker && isGone(worker))
                    gone.Add(worker);
        }
        var released = 0;
        foreach (var worker in gone)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM warc_leases WHERE leased_by = @worker";
            AddParameter(command, "@worker", worker);
            released += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return released;
    }

    /// <summary>
    /// A local file is known by its name and size, so that moving it keeps what was done, and a file that grew is
    /// read again. A remote file is known by the last segment of its URL: archive file names (CC-NEWS's carry a
    /// timestamp and a serial number) are unique, and a mirror of the same file is the same file.
    /// </summary>
    private static string KeyOf(string path) =>
        IsRemote(path, out var uri) ? Uri.UnescapeDataString(uri.Segments[^1])
            : $"{Path.GetFileName(path)}:{new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture)}";

    private static bool IsRemote(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(path, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
