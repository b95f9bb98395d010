using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Gleaner.Archives;
using Gleaner.Storage;

namespace Gleaner.Cli.Tests;

/// <summary><c>gleaner warc</c> into the store, <c>--resume</c> after a kill, and <c>gleaner reextract</c>.</summary>
public sealed class WarcStoreCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-warc-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string StorePath => Path.Combine(_folder, "gleaner.db");

    private static readonly string[] Words =
    [
        "council", "budget", "harbour", "election", "river", "festival", "school", "bridge", "museum", "station", "farmers", "storm",
        "court", "hospital", "library", "market", "players", "minister", "village", "factory", "teachers", "garden", "airport", "ferry",
    ];

    /// <summary>A story of its own: different words in each, so that no two are near-duplicates.</summary>
    internal static string Story(int n)
    {
        var random = new Random(n);
        var paragraphs = new StringBuilder();
        for (var p = 0; p < 4; p++)
        {
            paragraphs.Append("<p>");
            for (var w = 0; w < 40; w++)
                paragraphs.Append(Words[random.Next(Words.Length)]).Append(w % 12 == 11 ? ". " : " ");
            paragraphs.Append("end.</p>");
        }
        return $"<!doctype html><html lang=\"en\"><head><title>Story number {n}</title><meta property=\"og:type\" content=\"article\"></head>" +
            $"<body><article><h1>Story number {n}</h1>{paragraphs}</article></body></html>";
    }

    private string Archive(string name, int stories)
    {
        var pages = Enumerable.Range(0, stories).Select(i => ($"https://news.example/2024/05/story-{i}",
            HttpMessages.Response(200, "OK", [new("Content-Type", "text/html; charset=utf-8")], Encoding.UTF8.GetBytes(Story(i))))).ToArray();
        return WarcCommandTests.WriteArchive(Path.Combine(_folder, name), pages);
    }

    private async Task<List<Article>> StoredAsync()
    {
        await using var store = await ArticleStores.OpenAsync(StorePath);
        var records = new List<Article>();
        await foreach (var stored in store.ExportAsync(ArticleFilter.None))
            records.Add(stored.Article);
        return records;
    }

    private static (int New, int Updated) Counts(string stderr)
    {
        var match = Regex.Match(stderr, @"\(([\d,]+) new, ([\d,]+) updated\)");
        Assert.True(match.Success, stderr);
        return (int.Parse(match.Groups[1].Value.Replace(",", "")), int.Parse(match.Groups[2].Value.Replace(",", "")));
    }

    [Fact]
    public async Task StoresTheArticlesAndRemembersTheFileIsDone()
    {
        var warc = Archive("a.warc.gz", 5);

        var first = CliRunner.Run(null, "warc", "--store", StorePath, warc);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal((5, 0), Counts(first.Stderr));
        Assert.Equal(5, (await StoredAsync()).Count);
        Assert.All(await StoredAsync(), a => Assert.Equal("2024-06-01T12:00:00+00:00", a.Fetched));

        var resumed = CliRunner.Run(null, "warc", "--store", StorePath, "--resume", warc);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal((0, 0), Counts(resumed.Stderr));
        Assert.Contains("1 file(s) already done", resumed.Stderr);

        // Without --resume the file is read again: the same records are updated, none is added twice.
        var again = CliRunner.Run(null, "warc", "--store", StorePath, warc);
        Assert.Equal((0, 5), Counts(again.Stderr));
        Assert.Equal(5, (await StoredAsync()).Count);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task KilledMidRunAResumedRunStoresEveryRecordOnceAndRedoesNoFinishedPart()
    {
        const int stories = 6000;
        var warc = Archive("big.warc.gz", stories);
        // A resume point after every stored batch, so the first comes long before the end however fast the machine
        // (with the default of one every 2 s a fast one stored all 6,000 before its first).
        var start = CliRunner.StartInfo("warc", "--store", StorePath, "--threads", "1", "--checkpoint-seconds", "0", warc);
        using (var run = Process.Start(start)!)
        {
            _ = run.StandardError.ReadToEndAsync();
            _ = run.StandardOutput.ReadToEndAsync();
            // Kill once the run has saved a resume point (after a first checkpoint), well before its end.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (DateTime.UtcNow < deadline && !run.HasExited && await ResumePointAsync(warc) is null)
                await Task.Delay(20);
            Assert.False(run.HasExited, "the run ended before it could be killed");
            run.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
            await run.WaitForExitAsync();
        }
        var storedBefore = (await StoredAsync()).Count;
        var resumePoint = await ResumePointAsync(warc);
        Assert.NotNull(resumePoint);
        Assert.InRange(storedBefore, 1, stories - 1);

        var resumed = CliRunner.Run(null, "warc", "--store", StorePath, "--resume", warc);

        Assert.Equal(0, resumed.ExitCode);
        var (added, updated) = Counts(resumed.Stderr);
        var stored = await StoredAsync();
        Assert.Equal(stories, stored.Count);
        Assert.Equal(stories, stored.Select(a => a.Url).Distinct().Count());
        Assert.Equal(stories - storedBefore, added);
        // Only what was stored after the last resume point is stored again; everything before it is skipped.
        Assert.True(added + updated < stories, $"the resumed run redid everything ({added} new, {updated} updated)");
        Assert.True((await ResumePointAsync(warc))!.Done);
    }

    private async Task<WarcFileProgress?> ResumePointAsync(string warc)
    {
        if (!File.Exists(StorePath))
            return null;
        try
        {
            await using var store = await ArticleStores.OpenAsync(StorePath, new StoreOptions { CreateIfMissing = false });
            var progress = await WarcProgressStore.OpenAsync(store);
            return await progress.GetAsync(warc) is { ResumeAfter: not null } remembered ? remembered : null;
        }
        catch (Exception e) when (e is StoreException or System.Data.Common.DbException)
        {
            return null; // the run is still creating the store
        }
    }

    [Fact]
    public async Task ReextractUpdatesTheRecordsThatChangeAndCountsThem()
    {
        var warc = Archive("r.warc.gz", 4);
        Assert.Equal(0, CliRunner.Run(null, "warc", "--store", StorePath, warc).ExitCode);
        // A record stored by an older extractor: its headline differs from what the current one finds.
        await using (var store = await ArticleStores.OpenAsync(StorePath))
        {
            var old = (await store.GetAsync("https://news.example/2024/05/story-2"))!.Article;
            old.Title = "An older, wrong headline";
            await store.SaveAsync([old]);
        }

        var result = CliRunner.Run(null, "reextract", "--store", StorePath, warc);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 record(s) changed and updated", result.Stderr);
        Assert.Contains("3 unchanged", result.Stderr);
        Assert.Contains(await StoredAsync(), a => a.Url == "https://news.example/2024/05/story-2" && a.Title == "Story number 2");
    }

    [Fact]
    public void ResumeWithJsonLinesIsBadUsage()
    {
        var result = CliRunner.Run(null, "warc", "--format", "jsonl", "--resume", "x.warc.gz");
        Assert.Equal(2, result.ExitCode);
    }
}
