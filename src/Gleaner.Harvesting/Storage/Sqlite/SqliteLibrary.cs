namespace Gleaner.Storage.Sqlite;

/// <summary>
/// Process-wide settings of the SQLite library, made once before the process's first connection opens (SQLite refuses
/// them once started). The bundled library counts every allocation in global statistics under one process-wide mutex
/// (its default SQLITE_DEFAULT_MEMSTATUS=1); a search allocates and frees thousands of times (FTS5 reads each index page into
/// a buffer of its own), so two searches running at once on two cores contend for that one lock. Gleaner reads none of
/// those statistics, so they are turned off.
/// </summary>
internal static class SqliteLibrary
{
    /// <summary>Whether the settings took: false when SQLite had already started (a connection opened elsewhere first), which only keeps its defaults.</summary>
    public static bool Configured { get; } = Configure();

    /// <summary>Makes the settings if this is the first call (thread-safe: a static initializer runs once).</summary>
    public static void EnsureConfigured() => _ = Configured;

    private static bool Configure()
    {
        SQLitePCL.Batteries_V2.Init(); // the provider Microsoft.Data.Sqlite sets up itself on its first connection
        return SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0) == SQLitePCL.raw.SQLITE_OK;
    }
}
