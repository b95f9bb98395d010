using Gleaner.Archives;
using Gleaner.Storage;
using Gleaner.Tests.Storage;

namespace Gleaner.Tests.Archives;

/// <summary>What the store remembers of harvested WARC files, on each backend.</summary>
public abstract class WarcProgressStoreContract : IAsyncLifetime
{
    private IArticleStore _store = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-warc-progress-").FullName;

    protected abstract Task<string> CreateLocationAsync(string folder);

    protected abstract Task DeleteLocationAsync();

    public async Task InitializeAsync() => _store = await ArticleStores.OpenAsync(await CreateLocationAsync(_folder));

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await DeleteLocationAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string Archive(string name, int size)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, new byte[size]);
        return path;
    }

    [StoreFact]
    public async Task RemembersPositionAndDoneByFileNameAndSize()
    {
        var progress = await WarcProgressStore.OpenAsync(_store);
        var file = Archive("a.warc.gz", 100);
        Assert.Null(await progress.GetAsync(file));

        await progress.SaveAsync(file, null, done: false);
        Assert.Equal(new WarcFileProgress(false, null), await progress.GetAsync(file));

        await progress.SaveAsync(file, new WarcPosition(5_000_000_000, 12), done: false);
        Assert.Equal(new WarcFileProgress(false, new WarcPosition(5_000_000_000, 12)), await progress.GetAsync(file));

        await progress.SaveAsync(file, new WarcPosition(90, 0), done: true);
        Assert.Equal(new WarcFileProgress(true, new WarcPosition(90, 0)), await progress.GetAsync(file));

        // The same file moved elsewhere is still known; a file of another size under that name is not.
        var moved = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "moved")).FullName, "a.warc.gz");
        File.Move(file, moved);
        Assert.True((await progress.GetAsync(moved))!.Done);
        File.WriteAllBytes(moved, new byte[101]);
        Assert.Null(await progress.GetAsync(moved));
    }

    [StoreFact]
    public async Task OpeningTwiceKeepsWhatWasRemembered()
    {
        var file = Archive("b.warc", 10);
        await (await WarcProgressStore.OpenAsync(_store)).SaveAsync(file, new WarcPosition(3, 0), done: false);
        var again = await WarcProgressStore.OpenAsync(_store);
        Assert.Equal(new WarcPosition(3, 0), (await again.GetAsync(file))!.ResumeAfter);
    }

    [StoreFact]
    public async Task AFileIsLeasedToOneWorkerUntilTheLeaseRunsOutOrIsReleased()
    {
        var progress = await WarcProgressStore.OpenAsync(_store);
        const string file = "https://archive.example/crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501000000-00000.warc.gz";

        Assert.True(await progress.TryClaimAsync(file, "a", TimeSpan.FromMinutes(1)));
        Assert.False(await progress.TryClaimAsync(file, "b", TimeSpan.FromMinutes(1)));
        Assert.True(await progress.TryClaimAsync(file, "a", TimeSpan.FromMinutes(1))); // the holder may claim again
        Assert.True(await progress.RenewAsync(file, "a", TimeSpan.FromMilliseconds(1)));
        Assert.False(await progress.RenewAsync(file, "b", TimeSpan.FromMinutes(1)));
        await Task.Delay(50);
        Assert.True(await progress.TryClaimAsync(file, "b", TimeSpan.FromMinutes(1))); // a's lease ran out: taken over
        Assert.False(await progress.RenewAsync(file, "a", TimeSpan.FromMinutes(1))); // a learns it lost the file

        await progress.ReleaseAsync(file, "b");
        Assert.True(await progress.TryClaimAsync(file, "c", TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await progress.ReleaseLeasesOfAsync(worker => worker == "c"));
        Assert.True(await progress.TryClaimAsync(file, "d", TimeSpan.FromMinutes(1)));
    }

    [StoreFact]
    public async Task ARemoteFileIsKnownByItsNameWhereverItIsServedFrom()
    {
        var progress = await WarcProgressStore.OpenAsync(_store);
        await progress.SaveAsync("https://one.example/a/CC-NEWS-1.warc.gz", new WarcPosition(10, 0), done: false);
        Assert.Equal(new WarcFileProgress(false, new WarcPosition(10, 0)), await progress.GetAsync("http://mirror.example/b/CC-NEWS-1.warc.gz"));
    }
}

public sealed class SqliteWarcProgressStoreTests : WarcProgressStoreContract
{
    protected override Task<string> CreateLocationAsync(string folder) => Task.FromResult(Path.Combine(folder, "test.db"));

    protected override Task DeleteLocationAsync() => Task.CompletedTask;
}

public sealed class PostgresWarcProgressStoreTests : WarcProgressStoreContract, IPostgresTests
{
    private string _schema = "";

    protected override async Task<string> CreateLocationAsync(string folder)
    {
        var (connectionString, schema) = await PostgresTestDatabase.CreateSchemaAsync();
        _schema = schema;
        return connectionString;
    }

    protected override Task DeleteLocationAsync() => PostgresTestDatabase.DropSchemaAsync(_schema);
}
