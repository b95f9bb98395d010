using Gleaner.Storage;

namespace Gleaner.Crawling;

/// <summary>
/// Saves crawled articles into an <see cref="IArticleStore"/> (records keyed by URL, so saving again
/// replaces: what a resumed crawl needs). The store serves one caller at a time; workers take turns.
/// </summary>
public sealed class StoreCrawlOutput(IArticleStore store) : ICrawlOutput
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public Task SaveAsync(Article article, CancellationToken cancellationToken) =>
        InTurnAsync(() => store.SaveAsync([article], cancellationToken), cancellationToken);

    public Task AddAliasAsync(string recordUrl, string alias, CancellationToken cancellationToken) =>
        InTurnAsync(() => store.AddAliasAsync(recordUrl, alias, cancellationToken), cancellationToken);

    private async Task InTurnAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }
}

/// <summary>Puts the crawl frontier into a store's database, next to the records.</summary>
public static class StoreFrontier
{
    /// <summary>The component name of the frontier's migrations in the store.</summary>
    public const string Component = "crawl";

    /// <summary>Creates or updates the frontier tables in <paramref name="store"/>'s database and returns a frontier on them.</summary>
    public static async Task<SqlFrontier> OpenAsync(IArticleStore store, CancellationToken cancellationToken = default)
    {
        var migrations = SqlFrontier.Migrations.Select(m => new SchemaMigration(m.Version, m.Sqlite, m.PostgreSql)).ToList();
        await store.MigrateAsync(Component, migrations, cancellationToken).ConfigureAwait(false);
        return SqlFrontier.Of(store);
    }
}
