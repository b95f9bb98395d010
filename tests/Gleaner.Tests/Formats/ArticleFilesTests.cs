using Gleaner.Formats;

namespace Gleaner.Tests.Formats;

public sealed class ArticleFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void ReadsCsvInAnyColumnOrderWithQuotedLineBreaksAndListsBothWays()
    {
        var path = Write("a.csv",
            "title,url,text,tags,authors,first_seen,aliases,story_id\r\n" +
            "\"Costs rise, \"\"sharply\"\"\",https://a.example/1,\"Line one\nLine two\",local; bridges,\"[\"\"Bo; Chan\"\"]\",2024-05-01T10:00:00.250+00:00,https://a.example/1/,7\r\n" +
            "\n" +
            "Only a title,,,,,,,\n");
        var items = ArticleFiles.Read(path).ToList();
        Assert.Equal(2, items.Count);
        var first = items[0].Article!;
        Assert.Equal(("Costs rise, \"sharply\"", "https://a.example/1", "Line one\nLine two"), (first.Title, first.Url, first.Text));
        Assert.Equal(["local", "bridges"], first.Tags);
        Assert.Equal(["Bo; Chan"], first.Authors);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 250, TimeSpan.Zero), items[0].Facts!.FirstSeen);
        Assert.Null(items[0].Facts!.LastSaved);
        Assert.Equal(["https://a.example/1/"], items[0].Facts!.Aliases);
        Assert.Equal((5, "Only a title", null), (items[1].Line, items[1].Article!.Title, items[1].Facts));
    }

    [Fact]
    public void BadCsvIsReportedByLine()
    {
        Assert.StartsWith("unknown column 'headline'", ArticleFiles.Read(Write("h.csv", "url,headline\nhttps://a.example/1,T\n")).Single().Error);
        var items = ArticleFiles.Read(Write("b.csv", "url,title,published\nhttps://a.example/1,T\nhttps://a.example/2,T,last week\nhttps://a.example/3,T,2024-05-01\n\"open,T,\n")).ToList();
        Assert.Equal((2, "the row has 2 field(s), the header 3"), (items[0].Line, items[0].Error));
        Assert.Equal(3, items[1].Line);
        Assert.StartsWith("'published' is not an ISO 8601 date", items[1].Error);
        Assert.Equal("2024-05-01", items[2].Article!.Published);
        Assert.Contains("never closed; the rest of the file is skipped", items[3].Error);
        Assert.Equal(4, items.Count);
    }

    [Fact]
    public void ACsvRowOverTheLimitEndsTheFileWithItsLine()
    {
        var csv = "url,title\nhttps://a.example/1,Short\nhttps://a.example/2,\"" + new string('x', 100) + "\"\nhttps://a.example/3,After\n";
        var items = ArticleFiles.ReadCsv(new StringReader(csv), "big.csv", maxRowChars: 60).ToList();
        Assert.Equal("Short", items[0].Article!.Title);
        Assert.Equal((3, "the row of line 3 is longer than 60 characters; the rest of the file is skipped"), (items[1].Line, items[1].Error));
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void ReadsJsonLinesAndReportsBadLinesByNumber()
    {
        var path = Write("a.jsonl", "{\"url\":\"https://a.example/1\",\"title\":\"One\",\"text\":\"Body.\",\"tags\":[\"x\"],\"published\":\"2024-01-02T03:04:05Z\"}\n\n[1,2]\n{\"title\":5}\n{\"url\":\"relative/path\",\"title\":\"T\"}\n");
        var items = ArticleFiles.Read(path).ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal("One", items[0].Article!.Title);
        Assert.Equal(["x"], items[0].Article!.Tags);
        Assert.Equal("2024-01-02T03:04:05+00:00", items[0].Article!.Published);
        Assert.Equal((3, "expected a JSON object, found array"), (items[1].Line, items[1].Error));
        Assert.Equal((4, "'title' should be a string, not number"), (items[2].Line, items[2].Error));
        Assert.Equal(5, items[3].Line);
        Assert.Contains("not absolute", items[3].Error);
        Assert.Equal($"{path}:4: 'title' should be a string, not number", items[2].ToString());
    }

    [Fact]
    public void ALineOverTheLimitIsReportedByNumberAndSkipped()
    {
        var huge = "{\"title\":\"" + new string('x', 5_000) + "\"}";
        var lines = $"{{\"url\":\"https://a.example/1\",\"title\":\"One\"}}\n{huge}\r\n{{\"url\":\"https://a.example/3\",\"title\":\"Three\"}}\r\n{huge}";

        var items = ArticleFiles.ReadJsonLines(new StringReader(lines), "big.jsonl", maxLineChars: 1_000).ToList();

        Assert.Equal(["One", null, "Three", null], items.Select(i => i.Article?.Title));
        Assert.Equal([2, 4], items.Where(i => i.IsError).Select(i => i.Line));
        Assert.All(items.Where(i => i.IsError), i => Assert.Contains("longer than 1000 characters", i.Error));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/html,hello")]
    [InlineData("ftp://a.example/x")]
    public void AUrlThatIsNotAWebAddressIsRefused(string url)
    {
        var item = Assert.Single(ArticleFiles.ReadJsonLines(new StringReader($"{{\"url\":\"{url}\",\"title\":\"T\"}}"), "a.jsonl"));

        Assert.Null(item.Article);
        Assert.Contains("not an http(s) address", item.Error);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/news/story")]
    public void ACanonicalUrlThatIsNotAWebAddressIsRefused(string canonical)
    {
        var item = Assert.Single(ArticleFiles.ReadJsonLines(new StringReader($"{{\"url\":\"https://a.example/1\",\"canonical_url\":\"{canonical}\",\"title\":\"T\"}}"), "a.jsonl"));

        Assert.Null(item.Article);
        Assert.Contains("canonical_url", item.Error);
    }

    [Fact]
    public void ARecordKeyedWithoutAUrlImportsAgain()
    {
        var item = Assert.Single(ArticleFiles.ReadJsonLines(new StringReader("{\"url\":\"urn:gleaner:record:0123456789abcdef0123456789abcdef\",\"title\":\"T\"}"), "a.jsonl"));

        Assert.NotNull(item.Article);
    }

    [Fact]
    public void ReadsNewsPleaseFields()
    {
        var path = Write("np.json", """
            {"title": "T", "maintext": "Body text.", "date_publish": "2021-09-27 19:52:00", "date_modify": null,
             "date_download": "2021-09-28 10:00:00", "authors": ["A B"], "description": "D", "image_url": "https://x.example/i.jpg",
             "language": "en", "source_domain": "x.example", "url": "https://x.example/a", "localpath": null, "title_page": null}
            """);
        var article = Assert.Single(ArticleFiles.Read(path)).Article!;
        Assert.Equal("Body text.", article.Text);
        Assert.Equal("2021-09-27T19:52:00", article.Published);
        Assert.Null(article.Modified);
        Assert.Equal("2021-09-28T10:00:00", article.Fetched);
        Assert.Equal(["A B"], article.Authors);
        Assert.Equal("https://x.example/i.jpg", article.Image);
        Assert.Equal("x.example", article.SourceDomain);
    }

    [Fact]
    public void ReadsAJsonArrayAndNamesTheLineOfEachElement()
    {
        var path = Write("many.json", "[\n  {\"title\": \"A\", \"text\": \"x\"},\n  {\"url\": \"https://b.example/\"},\n  {\"title\": \"C\"}\n]");
        var items = ArticleFiles.Read(path).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal((3, "the record has neither a title nor a text"), (items[1].Line, items[1].Error));
        Assert.Equal("C", items[2].Article!.Title);
    }

    [Fact]
    public void ATruncatedJsonDocumentIsOneError()
    {
        var path = Write("broken.json", "{\"title\": \"A\",\n \"text\": ");
        var item = Assert.Single(ArticleFiles.Read(path));
        Assert.True(item.IsError);
        Assert.StartsWith("not valid JSON", item.Error);
    }

    [Fact]
    public void ReadsRecordTextFilesWithSeveralRecordsAndSkipsABadOne()
    {
        var good = RecordFormat.Format(new Article { Title = "Good", Text = "Body." });
        var path = Write("r.txt", good + "\f\nT\nT\nT\nnot a date\n\n\nD\nT\n\nBody.\n\f\n" + good);
        var items = ArticleFiles.Read(path).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("Good", items[0].Article!.Title);
        Assert.True(items[1].IsError);
        Assert.Equal(good.Split('\n').Length + 4, items[1].Line);
        Assert.Equal("Good", items[2].Article!.Title);
    }

    [Fact]
    public void ExpandsFoldersToRecordFilesInNameOrder()
    {
        Write("d/b.jsonl", "");
        Write("d/a.txt", "");
        Write("d/sub/c.json", "");
        Write("d/notes.md", "");
        var files = ArticleFiles.Expand([Path.Combine(_folder, "d")]).Select(Path.GetFileName).ToList();
        Assert.Equal(["a.txt", "b.jsonl", "c.json"], files);
    }

    [Fact]
    public void NamesMissingAndUnknownFiles()
    {
        Assert.Equal("no such file", Assert.Single(ArticleFiles.Read(Path.Combine(_folder, "nope.jsonl"))).Error);
        Assert.Contains("unknown format", Assert.Single(ArticleFiles.Read(Write("x.xml", "<a/>"))).Error);
    }
}
