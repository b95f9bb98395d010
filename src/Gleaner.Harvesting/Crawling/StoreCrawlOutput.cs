using Gleaner.Storage;

namespace Gleaner.Crawling;

/// <summary>
/// Saves crawled articles into an <see cref="IArticleStore"/> (records keyed by URL, so saving again
/// replaces: what a resumed crawl needs). The store serves one caller at a time; workers take turns, and the worker whose
/// turn it is saves every article waiting by then in one batch (one transaction, one story lookup), so a busy store costs
/// a transaction per batch rather than per page. Each <see cref="SaveAsync"/> returns only once its article is committed.
/// </summary>
public sealed class StoreCrawlOutput(IArticleStore store) : ICrawlOutput
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private List<(Article Article, TaskCompletionSource Saved)> _waiting = [];

    public async Task SaveAsync(Article article, CancellationToken cancellationToken)
    {
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
            _waiting.Add((article, saved));
        await InTurnAsync(() => SaveWaitingAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        // Saved by this turn or an earlier one that took it along.
        await saved.Task.ConfigureAwait(false);
    }

    public Task AddAliasAsync(string recordUrl, string alias, CancellationToken cancellationToken) =>
        InTurnAsync(() => store.AddAliasAsync(recordUrl, alias, cancellationToken), cancellationToken);

    private async Task SaveWaitingAsync(CancellationToken cancellationToken)
    {
        List<(Article Article, TaskCompletionSource Saved)> batch;
        lock (_gate)
        {
            batch = _waiting;
            _waiting = [];
        }
        if (batch.Count == 0)
            return;
        var articles = new Article[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            articles[i] = batch[i].Article;
        try
        {
            await store.SaveAsync(articles, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (batch.Count > 1 && e is not OperationCanceledException)
        {
            // One article the store refuses must fail its own page only: each is saved again alone.
            foreach (var (article, waiter) in batch)
                await SaveAloneAsync(article, waiter, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            // Every worker of the batch hears it: none marks its URL done.
            foreach (var (_, waiter) in batch)
                waiter.TrySetException(e);
            return;
        }
        foreach (var (_, waiter) in batch)
            waiter.TrySetResult();
    }

    private async Task SaveAloneAsync(Article article, TaskCompletionSource saved, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync([article], cancellationToken).ConfigureAwait(false);
            saved.TrySetResult();
        }
        catch (Exception e)
        {
            saved.TrySetException(e);
        }
    }

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
