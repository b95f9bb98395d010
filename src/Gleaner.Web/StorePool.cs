using System.Collections.Concurrent;
using Gleaner.Storage;

namespace Gleaner.Web;

/// <summary>
/// The store, opened once at start and shared by every request. A store object serves one caller at a time
/// (<see cref="IArticleStore"/>), so concurrent requests each borrow one of up to
/// <see cref="ServeOptions.StoreConnections"/> opened on the same database; further requests wait their turn.
/// </summary>
public sealed class StorePool : IAsyncDisposable
{
    private readonly StoreLocation _location;
    private readonly StoreOptions _options;
    private readonly SemaphoreSlim _turns;
    private readonly ConcurrentBag<IArticleStore> _idle = [];
    private readonly ConcurrentBag<IArticleStore> _all = [];

    private StorePool(StoreLocation location, StoreOptions options, int size, IArticleStore first)
    {
        _location = location;
        _options = options;
        _turns = new SemaphoreSlim(size, size);
        _idle.Add(first);
        _all.Add(first);
        Backend = first.Backend;
        Location = first.Location;
    }

    public StoreBackend Backend { get; }

    /// <summary>Where the store is, for messages (no password).</summary>
    public string Location { get; }

    /// <summary>
    /// Opens the store named by <paramref name="store"/> (which must exist); throws <see cref="StoreException"/> when it cannot.
    /// <paramref name="progress"/> is told when this first open upgrades the store's schema (see <see cref="StoreOptions.Progress"/>).
    /// </summary>
    public static async Task<StorePool> OpenAsync(string? store, int size, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var location = StoreLocation.Parse(store);
        var options = new StoreOptions { CreateIfMissing = false };
        var first = await ArticleStores.OpenAsync(location, options with { Progress = progress }, cancellationToken);
        return new StorePool(location, options, size, first);
    }

    /// <summary>Runs <paramref name="work"/> with a store of its own for its duration.</summary>
    public async Task<T> RunAsync<T>(Func<IArticleStore, Task<T>> work, CancellationToken cancellationToken)
    {
        var store = await BorrowAsync(cancellationToken);
        try
        {
            return await work(store);
        }
        finally
        {
            Return(store);
        }
    }

    /// <summary>Waits for a turn and takes an idle store, or opens one.</summary>
    private async Task<IArticleStore> BorrowAsync(CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken);
        try
        {
            if (_idle.TryTake(out var store))
                return store;
            store = await ArticleStores.OpenAsync(_location, _options, cancellationToken);
            _all.Add(store);
            return store;
        }
        catch
        {
            _turns.Release();
            throw;
        }
    }

    /// <summary>Most exports streaming at once: each holds a store of its own for as long as its client reads.</summary>
    public const int MaxExports = 2;

    private readonly SemaphoreSlim _exports = new(MaxExports, MaxExports);

    /// <summary>
    /// A store of its own for one export, outside the pool so that slow readers of long exports never starve
    /// searches; null when <see cref="MaxExports"/> are already running. The caller disposes it and calls <see cref="EndExport"/>.
    /// </summary>
    public async Task<IArticleStore?> StartExportAsync(CancellationToken cancellationToken)
    {
        if (!await _exports.WaitAsync(0, cancellationToken))
            return null;
        try
        {
            return await ArticleStores.OpenAsync(_location, _options, cancellationToken);
        }
        catch
        {
            _exports.Release();
            throw;
        }
    }

    public void EndExport() => _exports.Release();

    private void Return(IArticleStore store)
    {
        _idle.Add(store);
        _turns.Release();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _all)
            await store.DisposeAsync();
    }
}
