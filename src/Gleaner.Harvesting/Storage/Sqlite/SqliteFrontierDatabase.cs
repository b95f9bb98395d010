using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Gleaner.Storage.Sqlite;

/// <summary>Opens connections to a SQLite file for the frontier: WAL journal (readers never block the writer,
/// and a killed process loses nothing committed), a busy timeout, and NORMAL sync (safe against process crashes).</summary>
public static class SqliteFrontierDatabase
{
    /// <summary>A frontier in memory, gone with the process: for a crawl that stores nothing (discovery only).</summary>
    /// <remarks>The frontier keeps one connection open on SQLite, so the in-memory database lives as long as the frontier.</remarks>
    public static Task<SqlFrontier> InMemoryAsync(CancellationToken cancellationToken = default) => OpenAsync(":memory:", cancellationToken);

    /// <summary>A frontier of its own in the SQLite file <paramref name="path"/> (created with its tables if missing), apart from any store.</summary>
    public static async Task<SqlFrontier> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var frontier = new SqlFrontier(Opener(path), FrontierDialect.Sqlite);
        await frontier.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return frontier;
    }

    internal static Func<CancellationToken, Task<DbConnection>> Opener(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        return async cancellationToken =>
        {
            SqliteLibrary.EnsureConfigured();
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        };
    }
}
