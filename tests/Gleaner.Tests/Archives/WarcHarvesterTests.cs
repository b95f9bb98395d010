using System.Text;
using Gleaner.Archives;
using Gleaner.Extraction;

namespace Gleaner.Tests.Archives;

public sealed class WarcHarvesterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-harvest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Story(int n) =>
        $"<!doctype html><html lang=\"en\"><head><title>Story {n}</title><meta property=\"og:type\" content=\"article\"></head><body><article><h1>Story {n}</h1>"
        + string.Concat(Enumerable.Repeat($"<p>Story {n} tells at some length what the council decided about the schools, the roads and the library this week.</p>", 4))
        + "</article></body></html>";

    private string Archive(int stories, bool compress = true)
    {
        var path = Path.Combine(_folder, compress ? "h.warc.gz" : "h.warc");
        using var writer = new WarcWriter(path);
        for (var i = 0; i < stories; i++)
        {
            var uri = $"https://news.example/2024/story-{i}";
            writer.WriteExchange(uri, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
                HttpMessages.Request("GET", new Uri(uri), []),
                HttpMessages.Response(200, "OK", [new("Content-Type", "text/html")], Encoding.UTF8.GetBytes(Story(i))));
        }
        return path;
    }

    private static async Task<List<WarcHarvestEvent>> Harvest(WarcSource source, int workers = 2)
    {
        var harvester = new WarcHarvester(new ArticleExtractor(), new WarcHarvestOptions { Workers = workers, CheckpointInterval = TimeSpan.Zero });
        var events = new List<WarcHarvestEvent>();
        await foreach (var harvested in harvester.RunAsync([source]))
            events.Add(harvested);
        return events;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResumingAfterACheckpointYieldsExactlyTheRecordsAfterIt(bool compress)
    {
        var path = Archive(40, compress);
        var first = await Harvest(new WarcSource(path));
        var checkpoints = first.OfType<WarcCheckpoint>().ToList();
        Assert.True(checkpoints[^1].Done);
        Assert.Equal(40, first.OfType<WarcArticle>().Count());

        // Stop "after" a checkpoint in the middle: a resumed run brings exactly the records after its position.
        // (Articles after that position may have been yielded before the checkpoint too, by faster workers:
        // those come again, and the store's URL key makes saving them again an update.)
        var middle = checkpoints[checkpoints.Count / 2].Position!.Value;
        var all = first.OfType<WarcArticle>().ToList();
        var after = all.Where(a => a.Position > middle).Select(a => a.Article.Url!).Order().ToList();

        var resumed = await Harvest(new WarcSource(path, middle));
        var rest = resumed.OfType<WarcArticle>().Select(a => a.Article.Url!).Order().ToList();

        Assert.Equal(after, rest);
        Assert.Equal(40, all.Count(a => a.Position <= middle) + rest.Count);
        Assert.True(resumed.OfType<WarcCheckpoint>().Last().Done);
    }

    [Fact]
    public async Task ACheckpointNeverCoversAnArticleNotYetYielded()
    {
        var path = Archive(30);
        // Every article position at or before a checkpoint was yielded before that checkpoint.
        var events = await Harvest(new WarcSource(path), workers: 3);
        var seen = new HashSet<WarcPosition>();
        var all = events.OfType<WarcArticle>().Select(a => a.Position).ToList();
        foreach (var harvested in events)
        {
            if (harvested is WarcArticle article)
                seen.Add(article.Position);
            else if (harvested is WarcCheckpoint { Position: { } reached })
                Assert.All(all.Where(p => p <= reached), p => Assert.Contains(p, seen));
        }
    }

    [Fact]
    public async Task AHostileDeeplyNestedPageIsBoundedBeforeTheClassifierParsesIt()
    {
        // Unbounded, parsing 100,000 nested elements takes the parser minutes; bounded, it is one more page.
        var hostile = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep</body></html>";
        var path = Path.Combine(_folder, "hostile.warc.gz");
        using (var writer = new WarcWriter(path))
        {
            writer.WriteResponse("https://news.example/deep", DateTimeOffset.UnixEpoch,
                HttpMessages.Response(200, "OK", [new("Content-Type", "text/html")], Encoding.UTF8.GetBytes(hostile)));
            writer.WriteResponse("https://news.example/2024/story-1", DateTimeOffset.UnixEpoch,
                HttpMessages.Response(200, "OK", [new("Content-Type", "text/html")], Encoding.UTF8.GetBytes(Story(1))));
        }
        var events = await Harvest(new WarcSource(path));
        Assert.Equal(["https://news.example/2024/story-1"], events.OfType<WarcArticle>().Select(a => a.Article.Url));
    }

    [Fact]
    public async Task AMissingFileIsReportedAndTheOthersAreRead()
    {
        var path = Archive(3);
        var harvester = new WarcHarvester(new ArticleExtractor());
        var events = new List<WarcHarvestEvent>();
        await foreach (var harvested in harvester.RunAsync([new WarcSource(Path.Combine(_folder, "missing.warc.gz")), new WarcSource(path)]))
            events.Add(harvested);

        Assert.Contains(events, e => e is WarcHarvestIssue { FileFailed: true } issue && issue.File.EndsWith("missing.warc.gz"));
        Assert.Equal(3, events.OfType<WarcArticle>().Count());
        Assert.Equal(3, harvester.Progress.Articles);
        Assert.Equal(3, harvester.Progress.Pages);
    }

    [Fact]
    public async Task ARevisitIsResolvedToItsOriginalInTheFile()
    {
        const string original = "https://news.example/2024/story-1";
        const string again = "https://news.example/2024/story-1-again";
        var path = Path.Combine(_folder, "revisit.warc");
        File.WriteAllBytes(path, WarcFiles.Concat(
            WarcFiles.Record("response", original, WarcFiles.HttpResponse(Story(1)), "application/http; msgtype=response",
                extra: [("WARC-Payload-Digest", "sha1:SAMEPAYLOAD")]),
            WarcFiles.Record("revisit", again, Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"),
                "application/http; msgtype=response", date: "2024-03-06T00:00:00Z",
                extra: [("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                    ("WARC-Payload-Digest", "sha1:SAMEPAYLOAD"), ("WARC-Refers-To-Target-URI", original)]),
            WarcFiles.Record("revisit", "https://news.example/2024/unknown", Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n\r\n"),
                "application/http; msgtype=response", extra: [("WARC-Payload-Digest", "sha1:NOTINTHEFILE")])));

        var articles = (await Harvest(new WarcSource(path))).OfType<WarcArticle>().Select(a => a.Article).OrderBy(a => a.Url, StringComparer.Ordinal).ToList();

        Assert.Equal([original, again], articles.Select(a => a.Url));
        Assert.Equal("Story 1", articles[1].Title);
        Assert.Equal("2024-03-06T00:00:00+00:00", articles[1].Fetched); // the revisit's capture, the original's page
    }
}
