using Gleaner.Storage.Postgres;
using Gleaner.Storage.Sqlite;

namespace Gleaner.Storage;

/// <summary>Opens stores: the one place every command and stage goes through, so they all read <c>--store</c> the same way.</summary>
public static class ArticleStores
{
    /// <summary>
    /// Opens (and creates or migrates forward) the store named by a <c>--store</c> value; see <see cref="StoreLocation.Parse"/>.
    /// Throws <see cref="StoreException"/> when it cannot.
    /// </summary>
    public static Task<IArticleStore> OpenAsync(string? store, StoreOptions? options = null, CancellationToken cancellationToken = default) =>
        OpenAsync(StoreLocation.Parse(store), options, cancellationToken);

    public static async Task<IArticleStore> OpenAsync(StoreLocation location, StoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        options ??= new StoreOptions();
        return location.Backend switch
        {
            StoreBackend.Sqlite => await SqliteArticleStore.OpenAsync(location.Target, options, cancellationToken),
            StoreBackend.PostgreSql => await PostgresArticleStore.OpenAsync(location, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(location)),
        };
    }
}
