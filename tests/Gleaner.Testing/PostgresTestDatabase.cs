using Npgsql;

namespace Gleaner.Testing;

/// <summary>
/// The PostgreSQL server the tests use, from <c>GLEANER_TEST_POSTGRES</c> (an Npgsql connection string; <c>.ci/postgres</c>
/// prints one). Each test gets its own schema, dropped afterwards, so tests never see each other's records.
/// </summary>
public static class PostgresTestDatabase
{
    public const string Variable = "GLEANER_TEST_POSTGRES";

    public const string SkipReason =
        "PostgreSQL tests need a server: set GLEANER_TEST_POSTGRES to an Npgsql connection string (export GLEANER_TEST_POSTGRES=\"$(.ci/postgres)\")";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Creates a fresh schema and returns a connection string that uses it.</summary>
    public static async Task<(string ConnectionString, string Schema)> CreateSchemaAsync()
    {
        var baseString = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        var schema = "gleaner_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(baseString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(baseString) { SearchPath = schema };
        return (builder.ConnectionString, schema);
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A [Fact] that is skipped, saying why, when no PostgreSQL server is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.ConnectionString is null)
            Skip = PostgresTestDatabase.SkipReason;
    }
}
