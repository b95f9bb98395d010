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
