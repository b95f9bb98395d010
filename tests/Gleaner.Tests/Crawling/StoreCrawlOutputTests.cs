using System.Data.Common;
using Gleaner.Crawling;
using Gleaner.Formats;
using Gleaner.Storage;

namespace Gleaner.Tests.Crawling;

public class StoreCrawlOutputTests
{
    [Fact]
    public async Task ArticlesThatWaitForTheStoreAreSavedTogetherAndEachSaveReturnsOnceCommitted()
    {
        var store = new GatedStore();
        var output = new StoreCrawlOutput(store);
        var first = output.SaveAsync(Page("a"), CancellationToken.None);
        await store.Entered.WaitAsync(TimeSpan.FromSeconds(10)); // the first batch is in the store, which holds it
        var waiting = new[] { output.SaveAsync(Page("b"), CancellationToken.None), output.SaveAsync(Page("c"), CancellationToken.None) };
        Assert.False(first.IsCompleted);
        Assert.All(waiting, save => Assert.False(save.IsCompleted));
        store.Release();
        await Task.WhenAll([first, .. waiting]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a", "b c"], store.Batches);
    }

    [Fact]
    public async Task AnArticleTheStoreRefusesFailsItsOwnSaveOnly()
    {
        var store = new GatedStore { Refused = "bad" };
        var output = new StoreCrawlOutput(store);
        var first = output.SaveAsync(Page("a"), CancellationToken.None);
        await store.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        var good = output.SaveAsync(Page("good"), CancellationToken.None);
        var bad = output.SaveAsync(Page("bad"), CancellationToken.None);
        store.Release();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        await good.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<ArgumentException>(() => bad.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["a", "good", "bad"], store.Batches.Where(b => !b.Contains(' ')));
    }

    private static Article Page(string name) => new() { Url = "https://example.com/" + name, Text = name };

    /// <summary>Holds its first save until released; records each batch as its names; refuses any batch holding <see cref="Refused"/>.</summary>
    private sealed class GatedStore : IArticleStore
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _entered = new(0);
        private int _saves;

        public List<string> Batches { get; } = [];

        public string? Refused { get; init; }

        public Task Entered => _entered.WaitAsync();

        public void Release() => _released.TrySetResult();

        public async Task<SaveResult> SaveAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _saves) == 1)
            {
                _entered.Release();
                await _released.Task;
            }
            var names = string.Join(' ', articles.Select(a => a.Text));
            lock (Batches)
                Batches.Add(names);
            if (Refused is not null && articles.Any(a => a.Text == Refused))
                throw new ArgumentException("refused: " + Refused);
            return new SaveResult(articles.Count, 0, 0);
        }

        public StoreBackend Backend => StoreBackend.Sqlite;
        public string Location => "test";
        public Task<SaveResult> SaveAsync(IReadOnlyList<Article> articles, IReadOnlyList<StoredFacts?> facts, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<StoredArticle?> GetAsync(string url, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> AddAliasAsync(string url, string alias, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<StoredArticle?> GetByIdAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<StoreStatistics> GetStatisticsAsync(ArticleFilter filter, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<SiteDayCount>> GetCoverageAsync(ArticleFilter filter, int sites, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<Story>> GetStoriesAsync(ArticleFilter filter, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<StoredArticle>> GetStoryAsync(long storyId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public IAsyncEnumerable<StoredArticle> ExportAsync(ArticleFilter filter, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task MigrateAsync(string component, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task OptimizeAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
