using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gleaner.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("gleaner-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string Page(string title, string paragraph) =>
        $"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{paragraph}</p></article></body></html>";

    private string WritePage(string relativePath, string title, string paragraph)
    {
        var path = Path.Combine(_dir.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
            gzip.Write(Encoding.UTF8.GetBytes(Page(title, paragraph)));
        }
        else
            File.WriteAllText(path, Page(title, paragraph));
        return path;
    }

    private static List<JsonElement> JsonLines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();

    [Fact]
    public void OneFileGivesOnePrettyRecord()
    {
        var page = WritePage("page.html", "Hello", "Body text of the story.");

        var result = CliRunner.Run(null, "extract", page);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\n  \"title\": \"Hello\"", result.Stdout);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Hello", json.RootElement.GetProperty("title").GetString());
        Assert.Contains("Body text of the story.", json.RootElement.GetProperty("text").GetString());
        Assert.False(json.RootElement.TryGetProperty("path", out _));
    }

    /// <summary>A page saved without the HTTP header that named its charset (no meta, not UTF-8) is read in its charset.</summary>
    [Fact]
    public void AnUndeclaredCyrillicPageIsReadInItsCharset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string title = "Правительство поддержит малый бизнес";
        const string paragraph = "В понедельник правительство объявило о новых мерах поддержки малого бизнеса в регионах страны.";
        var path = Path.Combine(_dir.FullName, "novosti.html");
        File.WriteAllBytes(path, Encoding.GetEncoding("windows-1251").GetBytes(Page(title, paragraph)));

        var result = CliRunner.Run(null, "extract", path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Contains(paragraph, json.RootElement.GetProperty("text").GetString());
        Assert.Equal("ru", json.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public void SeveralFilesGiveJsonLinesInInputOrderWithPathFirst()
    {
        var pages = Enumerable.Range(0, 30).Select(i => WritePage($"p{i:00}.html", $"Story {i}", $"Paragraph of story {i}.")).ToArray();
        var order = pages.Reverse().ToArray();   // not the file system's order

        var result = CliRunner.Run(null, ["extract", "--jobs", "3", .. order]);

        Assert.Equal(0, result.ExitCode);
        var lines = JsonLines(result.Stdout);
        Assert.Equal(order, lines.Select(l => l.GetProperty("path").GetString()));
        Assert.Equal("Story 29", lines[0].GetProperty("title").GetString());
        Assert.All(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("{\"path\":", line));
    }

    [Fact]
    public void FolderGivesItsPagesRecursivelySortedAndSkipsOtherFiles()
    {
        WritePage("b/z.html", "Three", "Third.");
        WritePage("a.htm", "One", "First.");
        WritePage("b/c/y.html.gz", "Two", "Second.");
        File.WriteAllText(Path.Combine(_dir.FullName, "notes.txt"), "not a page");

        var result = CliRunner.Run(null, "extract", _dir.FullName);

        Assert.Equal(0, result.ExitCode);
        var titles = JsonLines(result.Stdout).Select(l => l.GetProperty("title").GetString());
        Assert.Equal(["One", "Two", "Three"], titles);
    }

    [Fact]
    public void JsonFormatWithSeveralInputsIsOneArrayOfObjectsWithPath()
    {
        var first = WritePage("a.html", "First", "One.");
        var second = WritePage("b.html", "Second", "Two.");

        var result = CliRunner.Run(null, "extract", first, second, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([first, second], items.Select(i => i.GetProperty("path").GetString()));
        Assert.Equal("Second", items[1].GetProperty("title").GetString());
    }

    [Fact]
    public void FolderRecognisesPagesWithoutAnExtensionByTheirContent()
    {
        WritePage("a.html", "One", "First.");
        File.WriteAllText(Path.Combine(_dir.FullName, "b-story"), Page("Two", "Second."));
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(Path.Combine(_dir.FullName, "c-story")), System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(Page("Three", "Third.")));
        File.WriteAllText(Path.Combine(_dir.FullName, "d-notes"), "Not a page, though it mentions <html> later.");
        File.WriteAllBytes(Path.Combine(_dir.FullName, "e.bin"), [0x1f, 0x8b, 0x00]);

        var result = CliRunner.Run(null, "extract", _dir.FullName);

        Assert.Equal(0, result.ExitCode);
        var titles = JsonLines(result.Stdout).Select(l => l.GetProperty("title").GetString());
        Assert.Equal(["One", "Two", "Three"], titles);
    }

    [Fact]
    public void FolderWithoutPagesIsAnError()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir.FullName, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "readme.txt"), "no pages here");

        var result = CliRunner.Run(null, "extract", empty);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(JsonLines(result.Stdout));
        Assert.Equal(empty, line.GetProperty("path").GetString());
        Assert.Contains("no .html", line.GetProperty("error").GetString());
    }

    [Fact]
    public void GzipFileIsDecompressed()
    {
        var page = WritePage("page.html.gz", "Packed", "Compressed story text.");

        var result = CliRunner.Run(null, "extract", page);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Packed", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void StandardInputWithUrl()
    {
        var result = CliRunner.Run(Page("From stdin", "Piped story text."), "extract", "-", "--url", "https://example.com/news/piped");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("From stdin", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("https://example.com/news/piped", json.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public async Task UrlIsFetchedFollowingRedirectsWithGleanerUserAgent()
    {
        await using var site = await LocalSite.StartAsync(app =>
        {
            app.MapGet("/old", (HttpContext c) => Results.Redirect("/news/story"));
            app.MapGet("/news/story", (HttpContext c) => LocalSite.WriteHtml(c, Page("Served", "Story served over HTTP."), "text/html; charset=iso-8859-1"));
        });

        var result = CliRunner.Run(null, "extract", site.BaseUrl + "/old");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Served", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(site.BaseUrl + "/news/story", json.RootElement.GetProperty("url").GetString());
        Assert.NotNull(json.RootElement.GetProperty("fetched").GetString());
        Assert.All(site.UserAgents, agent => Assert.Equal(Gleaner.Fetching.FetchOptions.DefaultUserAgent, agent)); // the one User-Agent of the library's fetcher
    }

    [Fact]
    public async Task HttpErrorIsAnErrorLineAndTheOthersGoOn()
    {
        await using var site = await LocalSite.StartAsync(app =>
            app.MapGet("/good", (HttpContext c) => LocalSite.WriteHtml(c, Page("Good", "Fine story."))));
        var missing = site.BaseUrl + "/missing";

        var result = CliRunner.Run(null, "extract", missing, site.BaseUrl + "/good");

        Assert.Equal(1, result.ExitCode);
        var lines = JsonLines(result.Stdout);
        Assert.Equal(missing, lines[0].GetProperty("path").GetString());
        Assert.Contains("404", lines[0].GetProperty("error").GetString());
        Assert.Equal("Good", lines[1].GetProperty("title").GetString());
        Assert.Contains(missing, result.Stderr);
    }

    [Fact]
    public void MissingFileAmongGoodOnesIsAnErrorLineAndExitOne()
    {
        var first = WritePage("first.html", "First", "One.");
        var last = WritePage("last.html", "Last", "Three.");
        var missing = Path.Combine(_dir.FullName, "missing.html");

        var result = CliRunner.Run(null, "extract", first, missing, last);

        Assert.Equal(1, result.ExitCode);
        var lines = JsonLines(result.Stdout);
        Assert.Equal(3, lines.Count);
        Assert.Equal("First", lines[0].GetProperty("title").GetString());
        Assert.Equal(missing, lines[1].GetProperty("path").GetString());
        Assert.Equal("no such file or folder", lines[1].GetProperty("error").GetString());
        Assert.Equal("Last", lines[2].GetProperty("title").GetString());
        Assert.Contains(missing, result.Stderr);
        Assert.Contains("no such file", result.Stderr);
    }

    [Fact]
    public void ATruncatedGzipFileIsAnErrorNotHalfAPage()
    {
        var whole = WritePage("whole.html.gz", "Cut", string.Concat(Enumerable.Range(0, 400).Select(i => $"Sentence {i} of a long story. ")));
        var bytes = File.ReadAllBytes(whole);
        var cut = Path.Combine(_dir.FullName, "cut.html.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var complete = CliRunner.Run(null, "extract", whole);
        var result = CliRunner.Run(null, "extract", cut);

        Assert.True(complete.ExitCode == 0, complete.Stderr);
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains("truncated", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void FileNamedGzThatIsNotGzipIsAnError()
    {
        var fake = Path.Combine(_dir.FullName, "fake.html.gz");
        File.WriteAllText(fake, Page("Plain", "Not compressed."));

        var result = CliRunner.Run(null, "extract", fake);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains("not a gzip file", json.RootElement.GetProperty("error").GetString());
        Assert.Contains(fake, result.Stderr);
    }

    [Fact]
    public void TextFormatIsTitleBlankLineBody()
    {
        var page = WritePage("page.html", "Plain title", "The story in plain text.");

        var result = CliRunner.Run(null, "extract", page, "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Plain title\n\n", result.Stdout);
        Assert.Contains("The story in plain text.", result.Stdout);
    }

    [Fact]
    public void MarkdownFormatHasTheTitleAsHeading()
    {
        var page = WritePage("page.html", "Marked title", "The story in Markdown.");

        var result = CliRunner.Run(null, "extract", page, "-f", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Marked title\n\n", result.Stdout);
        Assert.Contains("The story in Markdown.", result.Stdout);
    }

    [Fact]
    public void RecordFormatIsTheSeedLayoutAndReadsBack()
    {
        var first = WritePage("a.html", "First record", "The first story in the record layout.");
        var second = WritePage("b.html", "Second record", "The second story in the record layout.");

        var result = CliRunner.Run(null, "extract", first, second, "--format", "record");

        Assert.Equal(0, result.ExitCode);
        var records = result.Stdout.Split("\n" + Gleaner.Formats.RecordFormat.Separator + "\n");
        Assert.Equal(2, records.Length);
        var article = Gleaner.Formats.RecordFormat.Parse(records[1]);
        Assert.Equal("Second record", article.Title);
        Assert.Contains("The second story in the record layout.", article.Text);
        Assert.StartsWith("First record\nFirst record\nFirst record\n", result.Stdout);
    }

    [Theory]
    [InlineData("extract", "--no-such-option", "x.html")]
    [InlineData("extract", "--format", "yaml", "x.html")]
    [InlineData("extract")]
    [InlineData("extract", "--jobs", "0", "x.html")]
    [InlineData("extract", "--url", "not a url", "x.html")]
    [InlineData("extract", "--url", "https://example.com/a", "a.html", "b.html")]
    [InlineData("extract", "-", "-")]
    [InlineData("no-such-command")]
    public void BadUsageExitsTwoWithAMessage(params string[] args)
    {
        var result = CliRunner.Run(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gleaner: ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void HelpShowsExamples()
    {
        var result = CliRunner.Run(null, "extract", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--format", result.Stdout);
        Assert.Contains("Examples:", result.Stdout);
    }

    private string WriteExplainedPage() =>
        WriteRaw("explained.html", """
            <html lang="en"><head><title>Bridge to reopen</title>
            <meta property="article:published_time" content="2024-05-03T10:00:00+02:00">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge to reopen","datePublished":"2024-05-03T10:00:00+02:00","author":{"@type":"Person","name":"Jane Doe"}}</script>
            </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Bridge to reopen</h1><p>The council met on Monday evening and agreed, after a long debate, to rebuild the old bridge.</p></article>
            </body></html>
            """);

    private string WriteRaw(string name, string html)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, html);
        return path;
    }

    [Fact]
    public void ExplainAddsANestedObjectToJson()
    {
        var result = CliRunner.Run(null, "extract", WriteExplainedPage(), "--explain");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var published = json.RootElement.GetProperty("explain").GetProperty("fields").GetProperty("published");
        Assert.Equal("json-ld:NewsArticle.datePublished", published.GetProperty("source").GetString());
        Assert.Equal("2024-05-03T10:00:00+02:00", published.GetProperty("value").GetString());
        Assert.InRange(published.GetProperty("confidence").GetDouble(), 0.9, 1);
        var other = published.GetProperty("others")[0];
        Assert.Equal("meta[article:published_time]", other.GetProperty("source").GetString());
        Assert.Equal("agrees", other.GetProperty("reason").GetString());
        var body = json.RootElement.GetProperty("explain").GetProperty("body");
        Assert.Equal("page", body.GetProperty("source").GetString());
        Assert.Contains(body.GetProperty("dropped").EnumerateArray(), dropped => dropped.GetProperty("rule").GetString() == "furniture tag nav");
    }

    [Fact]
    public void WithoutExplainTheRecordHasNoExplainObject()
    {
        var result = CliRunner.Run(null, "extract", WriteExplainedPage(), "-f", "jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.False(JsonLines(result.Stdout)[0].TryGetProperty("explain", out _));
    }

    [Fact]
    public void ExplainInJsonLinesKeepsOneLinePerPage()
    {
        var page = WriteExplainedPage();
        var result = CliRunner.Run(null, "extract", page, page, "--explain");

        Assert.Equal(0, result.ExitCode);
        var lines = JsonLines(result.Stdout);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Equal("Jane Doe", line.GetProperty("explain").GetProperty("fields").GetProperty("authors").GetProperty("value").GetString()));
    }

    [Fact]
    public void ExplainInTextNamesEachFieldsSourceAndTheDroppedBlocks()
    {
        var result = CliRunner.Run(null, "extract", WriteExplainedPage(), "--explain", "-f", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-- explanation --", result.Stdout);
        Assert.Contains("published: 2024-05-03T10:00:00+02:00 (confidence ", result.Stdout);
        Assert.Contains("  from json-ld:NewsArticle.datePublished\n  - meta[article:published_time]: 2024-05-03T10:00:00+02:00 (agrees)", result.Stdout);
        Assert.Contains("authors: Jane Doe (confidence ", result.Stdout);
        Assert.Contains("  - dropped (furniture tag nav): Home News", result.Stdout);
    }

    [Fact]
    public void ExplainInMarkdownIsASection()
    {
        var result = CliRunner.Run(null, "extract", WriteExplainedPage(), "--explain", "-f", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("## Explanation", result.Stdout);
        Assert.Contains("- **title**: `Bridge to reopen` (confidence ", result.Stdout);
        Assert.Contains("  - from `json-ld:NewsArticle.headline`", result.Stdout);
    }

    [Fact]
    public void MinConfidenceMakesADoubtfulDateNullAndKeepsTheBody()
    {
        var page = WriteRaw("doubtful.html", """
            <html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen</h1>
            <p>The council met on Monday evening and agreed, after a long debate, to rebuild the old bridge.</p></article></body></html>
            """);
        const string url = "https://example.com/2024/05/03/bridge-to-reopen";

        var all = CliRunner.Run(null, "extract", page, "--url", url);
        var sure = CliRunner.Run(null, "extract", page, "--url", url, "--min-confidence", "0.5");

        Assert.Equal(0, sure.ExitCode);
        using var allJson = JsonDocument.Parse(all.Stdout);
        using var sureJson = JsonDocument.Parse(sure.Stdout);
        Assert.Equal("2024-05-03", allJson.RootElement.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, sureJson.RootElement.GetProperty("published").ValueKind);
        Assert.Contains("rebuild the old bridge", sureJson.RootElement.GetProperty("text").GetString());
        Assert.False(sureJson.RootElement.TryGetProperty("explain", out _));
    }
}
