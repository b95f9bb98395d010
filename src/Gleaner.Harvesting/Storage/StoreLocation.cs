using Npgsql;

namespace Gleaner.Storage;

/// <summary>
/// Where a store is, parsed from a <c>--store</c> value: nothing means <c>gleaner.db</c> in the working folder;
/// <c>postgres://user:pass@host:port/db</c> (or <c>postgresql://</c>) and Npgsql connection strings
/// (<c>Host=...;Username=...;Database=...</c>) mean PostgreSQL; anything else is the path of an SQLite file.
/// </summary>
public sealed record StoreLocation(StoreBackend Backend, string Target)
{
    /// <summary>The SQLite file used when no store is named.</summary>
    public const string DefaultFile = "gleaner.db";

    /// <summary>The file path (SQLite) or the Npgsql connection string (PostgreSQL).</summary>
    public string Target { get; } = Target;

    public static StoreLocation Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return new StoreLocation(StoreBackend.Sqlite, DefaultFile);
        var text = value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new StoreLocation(StoreBackend.PostgreSql, FromUrl(text));
        if (LooksLikeConnectionString(text))
        {
            try
            {
                return new StoreLocation(StoreBackend.PostgreSql, new NpgsqlConnectionStringBuilder(text).ConnectionString);
            }
            catch (ArgumentException e)
            {
                throw new StoreException($"the store '{Redact(text)}' is not a valid PostgreSQL connection string: {e.Message}", e);
            }
        }
        return new StoreLocation(StoreBackend.Sqlite, text);
    }

    /// <summary>For messages: the path, or the server and database without the password.</summary>
    public string Describe()
    {
        if (Backend == StoreBackend.Sqlite)
            return Target;
        var builder = new NpgsqlConnectionStringBuilder(Target);
        return $"postgresql://{(builder.Username is { Length: > 0 } user ? user + "@" : "")}{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static bool LooksLikeConnectionString(string text)
    {
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
                continue;
            var key = part[..equals].Trim();
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static string FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new StoreException($"the store '{Redact(text)}' is not a valid postgres://user:pass@host:port/db address");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
            builder.Database = database;
        // Query parameters (?sslmode=require&search_path=x) are passed on as connection-string keywords.
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).Replace('_', ' ');
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (ArgumentException e)
            {
                throw new StoreException($"the store address has an unknown setting '{key}': {e.Message}", e);
            }
        }
        return builder.ConnectionString;
    }

    private static string Redact(string text)
    {
        // Never echo a password back into a terminal or a log.
        var at = text.IndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && at > scheme)
            return string.Concat(text.AsSpan(0, scheme + 3), "***", text.AsSpan(at));
        return System.Text.RegularExpressions.Regex.Replace(text, "(?i)(password|pwd)\\s*=[^;]*", "$1=***");
    }
}
