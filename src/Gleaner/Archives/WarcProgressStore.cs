using System.Data.Common;
using System.Globalization;
using Gleaner.Storage;

namespace Gleaner.Archives;

/// <summary>What a store remembers of one WARC file: done, or the position up to which every record was handled.</summary>
public sealed record WarcFileProgress(bool Done, WarcPosition? ResumeAfter);

/// <summary>
/// Remembers, in the store's own database (SQLite or PostgreSQL), which WARC files a harvest has finished
/// and how far it got in the others, so that <c>gleaner warc --resume</c> goes on where a run stopped.
/// A file is known by its name and size, wherever it lies.
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
    ];

    private readonly IArticleStore _store;

    private WarcProgressStore(IArticleStore store) => _store = store;

    /// <summary>Creates the table if needed.</summary>
    public static async Task<WarcProgressStore> OpenAsync(IArticleStore store, CancellationToken cancellationToken = default)
    {
        await store.MigrateAsync(Component, Migrations, cancellationToken).ConfigureAwait(false);
        return new WarcProgressStore(store);
    }

    /// <summary>What is remembered of <paramref name="path"/>, or null if nothing.</summary>
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
        AddParameter(command, "@path", Path.GetFullPath(path));
        AddParameter(command, "@offset", resumeAfter?.Offset);
        AddParameter(command, "@inMember", resumeAfter?.OffsetInMember);
        AddParameter(command, "@done", done ? 1 : 0);
        AddParameter(command, "@updated", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A file is known by its name and size, so that moving it keeps what was done, and a file that grew is read again.</summary>
    private static string KeyOf(string path) =>
        $"{Path.GetFileName(path)}:{new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture)}";

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
