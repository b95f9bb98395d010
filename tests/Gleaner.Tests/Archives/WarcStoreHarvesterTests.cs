using System.Text;
using Gleaner.Archives;
using Gleaner.Storage;

namespace Gleaner.Tests.Archives;

/// <summary>Harvests into a store through the library alone: batches, checkpoints after the articles they cover, resume, broken inputs.</summary>
public sealed class WarcStoreHarvesterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-store-harvest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static string Story(int n) =>
        $"<!doctype html><html lang=\"en\"><head><title>Story {n}</title><meta property=\"og:type\" content=\"article\"></head><body><article><h1>Story {n}</h1>"
        + string.Concat(Enumerable.Repeat($"<p>Story {n} tells at some length what the council decided about the schools, the roads and the library this week.</p>", 4))
        + "</article></body></html>";

    /// <summary>A WARC file of <paramref name="stories"/> request/response pairs, one gzip member per record.</summary>
    internal static byte[] Archive(int stories, int first = 0)
    {
        using var output = new MemoryStream();
        using (var writer = new WarcWriter(output))
        {
            for (var i = first; i < first + stories; i++)
            {
                var uri = $"https://news.example/2024/story-{i}";
                writer.WriteExchange(uri, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
                    HttpMessages.Request("GET", new Uri(uri), []),
                    HttpMessages.Response(200, "OK", [new("Content-Type", "text/html")], Encoding.UTF8.GetBytes(Story(i))));
            }
        }
        return output.ToArray();
    }

    private async Task<IArticleStore> OpenStoreAsync() => await ArticleStores.OpenAsync(Path.Combine(_folder, "store.db"));

    private static WarcHarvestOptions Options => new() { Workers = 2, CheckpointInterval = TimeSpan.Zero };

    [Fact]
    public async Task ASecondHarvestWithResumeSkipsTheFinishedFile()
    {
        var file = Path.Combine(_folder, "a.warc.gz");
        File.WriteAllBytes(file, Archive(5));
        await using var store = await OpenStoreAsync();

        var first = await new WarcStoreHarvester(store, Options).HarvestAsync([file], resume: true);
        var second = await new WarcStoreHarvester(store, Options).HarvestAsync([file], resume: true);

        Assert.Equal((5L, 0L, 1, 0), (first.Inserted, first.Updated, first.FilesRead, first.FilesAlreadyDone));
        Assert.Equal((0L, 0L, 0, 1), (second.Inserted, second.Updated, second.FilesRead, second.FilesAlreadyDone));
        Assert.Equal(5, (await store.GetStatisticsAsync(ArticleFilter.None)).Articles);
    }

    [Fact]
    public async Task AnInputThatBreaksIsNotDoneAndTheNextRunGoesOnAfterTheLastStoredRecord()
    {
        var bytes = Archive(20);
        const string url = "http://127.0.0.1/warc/broken.warc.gz";
        await using var store = await OpenStoreAsync();
        var progressStore = await WarcProgressStore.OpenAsync(store);
        var issues = new List<WarcHarvestIssue>();

        // The stream breaks after 60% of the bytes, as a cut connection does.
        var breaking = new WarcSource(url) { Open = (offset, _) => Task.FromResult<Stream>(new BreakingStream(bytes, offset, bytes.Length * 6 / 10)) };
        var cut = await new WarcStoreHarvester(store, Options) { OnIssue = issues.Add }.HarvestAsync([breaking], progressStore);

        var remembered = await progressStore.GetAsync(url);
        Assert.NotNull(remembered);
        Assert.False(remembered.Done);
        Assert.Contains(issues, issue => issue.Issue.Message.Contains("read error"));
        Assert.InRange(cut.Inserted, 1, 19);

        var opened = new List<long>();
        var whole = new WarcSource(url, remembered.ResumeAfter)
        {
            Open = (offset, _) =>
            {
                opened.Add(offset);
                return Task.FromResult<Stream>(new MemoryStream(bytes, (int)offset, bytes.Length - (int)offset));
            },
        };
        var rest = await new WarcStoreHarvester(store, Options).HarvestAsync([whole], progressStore);

        Assert.Equal(remembered.ResumeAfter!.Value.Offset, Assert.Single(opened));
        Assert.Equal(20, cut.Inserted + rest.Inserted);
        Assert.Equal(0, rest.Updated);
        Assert.True((await progressStore.GetAsync(url))!.Done);
        Assert.Equal(20, (await store.GetStatisticsAsync(ArticleFilter.None)).Articles);
    }

    [Fact]
    public async Task TheFacadeHarvestsSearchesAndExtracts()
    {
        var file = Path.Combine(_folder, "facade.warc.gz");
        File.WriteAllBytes(file, Archive(3));
        var store = Path.Combine(_folder, "facade.db");

        var summary = await News.HarvestWarcAsync([file], store, Options);
        var again = await News.HarvestWarcAsync([file], store, Options);
        var hits = await News.SearchAsync(store, "\"Story 2\"");

        Assert.Equal(3, summary.Inserted);
        Assert.Equal(1, again.FilesAlreadyDone);
        Assert.Equal("https://news.example/2024/story-2", Assert.Single(hits).Stored.Article.Url);
        Assert.Equal("Story 7", News.Extract(Story(7), "https://news.example/7").Title);
    }

    /// <summary>Serves bytes from an offset and throws, as a cut connection does, once <c>breakAt</c> is reached.</summary>
    private sealed class BreakingStream(byte[] bytes, long offset, int breakAt) : Stream
    {
        private long _position = offset;

        public override int Read(byte[] buffer, int start, int count)
        {
            if (_position >= breakAt)
                throw new IOException("connection reset by peer");
            var take = (int)Math.Min(count, Math.Min(breakAt, bytes.Length) - _position);
            Array.Copy(bytes, _position, buffer, start, take);
            _position += take;
            return take;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long o, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int start, int count) => throw new NotSupportedException();
    }
}
