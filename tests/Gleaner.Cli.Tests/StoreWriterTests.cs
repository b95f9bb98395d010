using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gleaner.Storage;

namespace Gleaner.Cli.Tests;

/// <summary>
/// The store commands as a user runs them, against each backend: the "done when" (seed import, then
/// search), a writer killed mid-import, and two writers at once.
/// </summary>
public abstract class StoreWriterTests : IAsyncLifetime
{
    protected string Store { get; private set; } = "";

    protected string Folder { get; } = Directory.CreateTempSubdirectory("gleaner-cli-store-").FullName;

    protected abstract Task<string> CreateStoreAsync();

    protected virtual Task DeleteStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        await DeleteStoreAsync();
        Directory.Delete(Folder, recursive: true);
    }

    [StoreFact(NeedsSeed = true)]
    public void ImportingTheSeedThenSearchingFindsIt()
    {
        var import = CliRunner.Run(null, "import", SharedData.SeedFolder, "--store", Store);
        Assert.True(import.ExitCode == 0, import.Stderr);

        var search = CliRunner.Run(null, "search", "north korea preconditions", "--store", Store, "--format", "jsonl");
        Assert.True(search.ExitCode == 0, search.Stderr);
        var hit = JsonDocument.Parse(search.Stdout.Split('\n')[0]).RootElement;
        Assert.Equal("US Ready to Meet With North Korea Without Preconditions, State Dept. Says", hit.GetProperty("title").GetString());
        Assert.Contains("<em>", hit.GetProperty("snippet").GetString());
    }

    [StoreFact]
    [Trait("Category", "Slow")]
    public async Task AWriterKilledMidImportLeavesWholeBatchesAndARerunCompletesWithoutDuplicates()
    {
        const int records = 6000, batch = 25;
        var file = WriteRecords("big.jsonl", 0, records);

        using (var writer = Start("import", file, "--store", Store, "--batch-size", batch.ToString()))
        {
            var stored = 0L;
            var clock = Stopwatch.StartNew();
            while (stored == 0 && !writer.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
                stored = await CountAsync();
            }
            Assert.False(writer.HasExited, "the import finished before it could be killed; make the input larger");
            writer.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            await writer.WaitForExitAsync();
        }

        // Every committed batch is whole, and every stored record is exactly what was imported.
        await using (var store = await ArticleStores.OpenAsync(Store))
        {
            var count = 0;
            await foreach (var stored in store.ExportAsync(ArticleFilter.None))
            {
                var n = int.Parse(stored.Article.Url!.Split('/')[^1]);
                Assert.Equal(Text(n), stored.Article.Text);
                Assert.Equal($"Record {n}", stored.Article.Title);
                count++;
            }
            Assert.True(count > 0 && count < records, $"{count} records after the kill");
            Assert.Equal(0, count % batch);
        }
        await AssertIntactAsync();

        var rerun = CliRunner.Run(null, "import", file, "--store", Store, "--batch-size", batch.ToString());
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        await AssertExactlyAsync(0, records);
    }

    [StoreFact]
    [Trait("Category", "Slow")]
    public async Task TwoWritersAtOnceStoreEveryRecordOnce()
    {
        var first = WriteRecords("first.jsonl", 0, 1500);
        var second = WriteRecords("second.jsonl", 1000, 1500); // 1000-1499 are in both
        using var a = Start("import", first, "--store", Store, "--batch-size", "100");
        using var b = Start("import", second, "--store", Store, "--batch-size", "100");
        var outputs = await Task.WhenAll(FinishAsync(a), FinishAsync(b));
        Assert.True(a.ExitCode == 0, outputs[0]);
        Assert.True(b.ExitCode == 0, outputs[1]);
        await AssertExactlyAsync(0, 2500);
    }

    private async Task<long> CountAsync()
    {
        try
        {
            await using var store = await ArticleStores.OpenAsync(Store, new StoreOptions { CreateIfMissing = false });
            return (await store.GetStatisticsAsync(ArticleFilter.None)).Articles;
        }
        catch (StoreException)
        {
            return 0; // not created yet
        }
    }

    private async Task AssertExactlyAsync(int from, int count)
    {
        await using var store = await ArticleStores.OpenAsync(Store);
        var urls = new List<string>();
        await foreach (var stored in store.ExportAsync(ArticleFilter.None))
            urls.Add(stored.Article.Url!);
        Assert.Equal(count, urls.Count);
        Assert.Equal(Enumerable.Range(from, count).Select(Url).Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
    }

    /// <summary>Backend-specific check that the database itself is undamaged.</summary>
    protected virtual Task AssertIntactAsync() => Task.CompletedTask;

    private static string Url(int n) => $"https://load.example/news/{n}";

    private static readonly string[] Vocabulary =
    ("council harbour ferry budget repairs district minister report weeks contractor storm bridge school hospital " +
     "election vote market prices farmers river police court judge mayor train station airport energy grid water " +
     "festival museum library teachers nurses doctors factory workers union strike talks agreement plan review " +
     "tax rates housing rent tenants landlords coast island village city region province capital border trade").Split(' ');

    /// <summary>About 1 KB of words drawn at random (seeded by <paramref name="n"/>): bodies that differ as real articles do.</summary>
    private static string Text(int n)
    {
        var random = new Random(n);
        var text = new StringBuilder();
        for (var p = 0; p < 4; p++)
        {
            if (p > 0)
                text.Append('\n');
            text.Append("Record ").Append(n);
            for (var w = 0; w < 35; w++)
                text.Append(' ').Append(Vocabulary[random.Next(Vocabulary.Length)]);
            text.Append('.');
        }
        return text.ToString();
    }

    private string WriteRecords(string name, int from, int count)
    {
        var path = Path.Combine(Folder, name);
        using var writer = new StreamWriter(path);
        for (var n = from; n < from + count; n++)
            writer.WriteLine(JsonSerializer.Serialize(new Article { Url = Url(n), Title = $"Record {n}", Text = Text(n), Language = "en" }, ArticleJson.Compact));
        return path;
    }

    private static Process Start(params string[] args)
    {
        return Process.Start(CliRunner.StartInfo(args))!;
    }

    private static async Task<string> FinishAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return await stdout + await stderr;
    }
}

public sealed class SqliteStoreWriterTests : StoreWriterTests
{
    protected override Task<string> CreateStoreAsync() => Task.FromResult(Path.Combine(Folder, "gleaner.db"));

    protected override async Task AssertIntactAsync()
    {
        await using var store = await ArticleStores.OpenAsync(Store);
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)";
        await command.ExecuteNonQueryAsync(); // throws if the full-text index disagrees with the table
    }
}

public sealed class PostgresStoreWriterTests : StoreWriterTests, IPostgresTests
{
    private string _schema = "";

    protected override async Task<string> CreateStoreAsync()
    {
        var (connectionString, schema) = await PostgresTestDatabase.CreateSchemaAsync();
        _schema = schema;
        return connectionString;
    }

    protected override Task DeleteStoreAsync() => PostgresTestDatabase.DropSchemaAsync(_schema);
}
