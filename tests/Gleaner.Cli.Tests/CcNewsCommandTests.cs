using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gleaner.Archives;
using Gleaner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gleaner.Cli.Tests;

/// <summary>
/// <c>gleaner ccnews</c> against a local fake of Common Crawl: a month's listing and generated WARC files, served
/// with HTTP ranges, slowly when asked, and with a connection cut mid-file when asked.
/// </summary>
public sealed class CcNewsCommandTests : IDisposable
{
    private const int StoriesPerFile = 15;
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-ccnews-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string StorePath => Path.Combine(_folder, "gleaner.db");

    /// <summary>Three files on 1 and 2 May 2024 (in the range the tests ask for) and one on 10 May (outside it).</summary>
    private static readonly string[] FileNames =
    [
        "CC-NEWS-20240501000000-00000.warc.gz", "CC-NEWS-20240501120000-00001.warc.gz", "CC-NEWS-20240502230000-00002.warc.gz",
        "CC-NEWS-20240510000000-00003.warc.gz",
    ];

    private const string Month = "crawl-data/CC-NEWS/2024/05/";

    private static string ArticleUrl(int file, int story) => $"https://news{file}.example/2024/05/story-{file}-{story}";

    private static byte[] WarcFile(int file)
    {
        using var output = new MemoryStream();
        using (var writer = new WarcWriter(output))
        {
            for (var i = 0; i < StoriesPerFile; i++)
            {
                var url = ArticleUrl(file, i);
                writer.WriteExchange(url, new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(file * 100 + i),
                    HttpMessages.Request("GET", new Uri(url), []),
                    HttpMessages.Response(200, "OK", [new("Content-Type", "text/html; charset=utf-8")],
                        Encoding.UTF8.GetBytes(WarcStoreCommandTests.Story(file * 1000 + i))));
            }
        }
        return output.ToArray();
    }

    private static IEnumerable<string> InRange => Enumerable.Range(0, 3).SelectMany(f => Enumerable.Range(0, StoriesPerFile).Select(i => ArticleUrl(f, i)));

    /// <summary>The fake archive server.</summary>
    private sealed class FakeArchive : IAsyncDisposable
    {
        private readonly LocalSite _site;
        private readonly Dictionary<string, byte[]> _files;

        /// <summary>Pause after each 2 KB written (to be killed mid-file).</summary>
        public TimeSpan Throttle { get; set; }

        /// <summary>Files whose first whole-file request is cut halfway (the connection aborted).</summary>
        public ConcurrentDictionary<string, bool> CutOnce { get; } = new();

        /// <summary>(file, first byte asked for) of each file request.</summary>
        public ConcurrentQueue<(string File, long From)> Requests { get; } = new();

        private FakeArchive(LocalSite site, Dictionary<string, byte[]> files)
        {
            _site = site;
            _files = files;
        }

        public string BaseUrl => _site.BaseUrl + "/";

        /// <summary>The bytes served for a file.</summary>
        public byte[] Served(string name) => _files[name];

        public static async Task<FakeArchive> StartAsync()
        {
            var files = new Dictionary<string, byte[]>();
            for (var i = 0; i < FileNames.Length; i++)
                files[FileNames[i]] = WarcFile(i);
            FakeArchive? archive = null;
            var site = await LocalSite.StartAsync(app =>
            {
                app.MapGet("/" + Month + "warc.paths.gz", (HttpContext c) =>
                {
                    var listing = string.Join("\n", FileNames.Select(name => Month + name)) + "\n";
                    using var gzip = new MemoryStream();
                    using (var writer = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
                        writer.Write(Encoding.ASCII.GetBytes(listing));
                    c.Response.ContentType = "binary/octet-stream"; // as Common Crawl's storage labels it
                    return c.Response.Body.WriteAsync(gzip.ToArray()).AsTask();
                });
                app.MapGet("/" + Month + "{name}", (HttpContext c, string name) => archive!.ServeAsync(c, name));
            });
            return archive = new FakeArchive(site, files);
        }

        private async Task ServeAsync(HttpContext context, string name)
        {
            if (!_files.TryGetValue(name, out var bytes))
            {
                context.Response.StatusCode = 404;
                return;
            }
            long from = 0;
            var range = context.Request.Headers.Range.ToString();
            if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
                from = long.Parse(range["bytes=".Length..^1]);
            Requests.Enqueue((name, from));
            context.Response.ContentType = "application/octet-stream";
            if (from > 0)
            {
                context.Response.StatusCode = 206;
                context.Response.Headers.ContentRange = $"bytes {from}-{bytes.Length - 1}/{bytes.Length}";
            }
            context.Response.ContentLength = bytes.Length - from;
            var cutAt = from == 0 && CutOnce.TryRemove(name, out _) ? bytes.Length / 2 : long.MaxValue;
            for (var at = from; at < bytes.Length; at += 2048)
            {
                if (at >= cutAt)
                {
                    await context.Response.Body.FlushAsync();
                    await Task.Delay(200); // the client has the first half
                    context.Abort(); // the connection is cut mid-file
                    return;
                }
                await context.Response.Body.WriteAsync(bytes.AsMemory((int)at, (int)Math.Min(2048, bytes.Length - at)));
                if (Throttle > TimeSpan.Zero)
                {
                    await context.Response.Body.FlushAsync();
                    await Task.Delay(Throttle);
                }
            }
        }

        public ValueTask DisposeAsync() => _site.DisposeAsync();
    }

    private static string[] Arguments(FakeArchive archive, string store, params string[] more) =>
        ["ccnews", "--from", "2024-05-01", "--to", "2024-05-02", "--base", archive.BaseUrl, "--store", store, .. more];

    [Fact]
    public async Task StoresEveryArticleOfTheRangeOnceAndARerunAddsNothing()
    {
        await using var archive = await FakeArchive.StartAsync();

        var first = CliRunner.Run(null, Arguments(archive, StorePath, "--jobs", "2"));
        var again = CliRunner.Run(null, Arguments(archive, StorePath));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains($"{3 * StoriesPerFile} new, 0 updated", first.Stderr);
        Assert.True(first.Stderr.Contains("files: 3 in the range, 3 done here", StringComparison.Ordinal), first.Stderr);
        Assert.Contains("records", first.Stderr);
        Assert.Contains("MB/s", first.Stderr);
        Assert.Equal(InRange.Order(), (await StoredUrls.OfAsync(StorePath)).Order());
        Assert.DoesNotContain(archive.Requests, r => r.File == FileNames[3]); // outside the range: never read
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("0 new, 0 updated", again.Stderr);
        Assert.Contains("3 done before or by other workers", again.Stderr);
    }

    [Fact]
    public async Task ACutConnectionIsReopenedWhereItBroke()
    {
        await using var archive = await FakeArchive.StartAsync();
        archive.CutOnce[FileNames[1]] = true;

        var result = CliRunner.Run(null, Arguments(archive, StorePath));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("connection broke", result.Stderr);
        Assert.Contains(archive.Requests, r => r.File == FileNames[1] && r.From > 0); // an HTTP range from where it broke
        Assert.Equal(InRange.Order(), (await StoredUrls.OfAsync(StorePath)).Order());
    }

    [Fact]
    public async Task KeepSavesEachFileAsServedAndARunWithTheFolderReadsThemFromDisk()
    {
        await using var archive = await FakeArchive.StartAsync();
        var kept = Directory.CreateDirectory(Path.Combine(_folder, "kept")).FullName;

        var first = CliRunner.Run(null, Arguments(archive, StorePath, "--keep", kept));
        var requests = archive.Requests.Count;
        var second = CliRunner.Run(null, Arguments(archive, Path.Combine(_folder, "second.db"), "--keep", kept));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        for (var i = 0; i < 3; i++)
            Assert.Equal(archive.Served(FileNames[i]), File.ReadAllBytes(Path.Combine(kept, FileNames[i])));
        Assert.Empty(Directory.GetFiles(kept, "*.part"));
        Assert.Equal(requests, archive.Requests.Count); // the second run read the kept copies
        Assert.Equal(InRange.Order(), (await StoredUrls.OfAsync(Path.Combine(_folder, "second.db"))).Order());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task KilledMidFileARerunStoresEveryArticleOnce()
    {
        await using var archive = await FakeArchive.StartAsync();
        archive.Throttle = TimeSpan.FromMilliseconds(150);
        using (var run = Start(Arguments(archive, StorePath, "--jobs", "1", "--threads", "1"), out var lines))
        {
            await WaitForAsync(lines, "done (1/3 files)", run);
            await Task.Delay(TimeSpan.FromSeconds(1)); // into the second file
            run.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
            await run.WaitForExitAsync();
        }
        var before = (await StoredUrls.OfAsync(StorePath)).Count;
        archive.Throttle = TimeSpan.Zero;

        var rerun = CliRunner.Run(null, Arguments(archive, StorePath));

        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.InRange(before, StoriesPerFile, 3 * StoriesPerFile - 1);
        Assert.Contains("1 done before or by other workers", rerun.Stderr);
        Assert.Contains("left by a stopped run on this machine are taken up again", rerun.Stderr); // no wait for the dead run's lease
        var urls = await StoredUrls.OfAsync(StorePath);
        Assert.Equal(InRange.Order(), urls.Order());
    }

    [PostgresFact]
    [Trait("Category", "Slow")]
    public async Task TwoProcessesOnOnePostgresStoreShareTheFilesAndTheSurvivorTakesOverAKilledOnesFile()
    {
        var (store, schema) = await PostgresTestDatabase.CreateSchemaAsync();
        try
        {
            await using var archive = await FakeArchive.StartAsync();
            archive.Throttle = TimeSpan.FromMilliseconds(250);
            // Create the store and its WARC tables first, so the two processes do not race to make them.
            await using (var created = await ArticleStores.OpenAsync(store))
                await WarcProgressStore.OpenAsync(created);
            using var survivor = Start(Arguments(archive, store, "--lease", "2s", "--threads", "1"), out var survivorLines);
            using (var victim = Start(Arguments(archive, store, "--lease", "2s", "--threads", "1"), out var victimLines))
            {
                // Both are at work once each has claimed a file; the victim dies holding its lease.
                await WaitForAsync(victimLines, "", victim, requests: () => archive.Requests.Select(r => r.File).Distinct().Count() >= 2);
                await Task.Delay(TimeSpan.FromMilliseconds(300));
                victim.Kill(entireProcessTree: true);
                await victim.WaitForExitAsync();
            }
            await survivor.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var survivorOutput = string.Join("\n", survivorLines);

            Assert.True(survivor.ExitCode == 0, survivorOutput);
            var urls = await StoredUrls.OfAsync(store);
            Assert.Equal(InRange.Order(), urls.Order());
            // Each file was read from its start at most twice: once by each worker (the victim's file taken over).
            Assert.All(archive.Requests.Where(r => r.From == 0).GroupBy(r => r.File), g => Assert.InRange(g.Count(), 1, 2));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }

    [Theory]
    [InlineData("--from", "2024-05-01")]
    [InlineData("--from", "May", "--to", "2024-05-02")]
    [InlineData("--from", "2024-05-03", "--to", "2024-05-02")]
    [InlineData("--from", "2024-05-01", "--to", "2024-05-02", "--base", "ftp://example.com/")]
    public void BadUsageExitsWithTwo(params string[] args) => Assert.Equal(2, CliRunner.Run(null, ["ccnews", .. args]).ExitCode);

    /// <summary>Starts <c>gleaner</c> with its standard error collected line by line.</summary>
    private static Process Start(string[] args, out ConcurrentQueue<string> lines)
    {
        var start = CliRunner.StartInfo(args);
        var process = Process.Start(start)!;
        var collected = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                collected.Enqueue(e.Data);
        };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.ReadToEndAsync();
        lines = collected;
        return process;
    }

    private static async Task WaitForAsync(ConcurrentQueue<string> lines, string text, Process process, Func<bool>? requests = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (requests is not null ? requests() : lines.Any(line => line.Contains(text)))
                return;
            await Task.Delay(20);
        }
        Assert.Fail($"gleaner ended or took too long before '{text}': {string.Join("\n", lines)}");
    }
}
