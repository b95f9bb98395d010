using System.Text;
using System.Text.Json;
using Gleaner.Archives;

namespace Gleaner.Cli.Tests;

public sealed class WarcCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-warc-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DateTimeOffset Captured = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    internal static string ArticlePage(string title, string language = "en")
    {
        var paragraph = language == "fr"
            ? "Le conseil municipal a voté mardi soir un budget qui prévoit la rénovation des écoles, des routes et de la bibliothèque de la ville, après un long débat entre les élus."
            : "The city council voted on Tuesday evening for a budget that pays for the renovation of schools, roads and the town library, after a long debate among the members.";
        var body = string.Concat(Enumerable.Repeat($"<p>{paragraph}</p>", 5));
        return $"""
            <!doctype html><html lang="{language}"><head><title>{title}</title>
            <meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-30T08:00:00+00:00"></head>
            <body><article><h1>{title}</h1>{body}</article></body></html>
            """;
    }

    private static string ListingPage()
    {
        var links = string.Concat(Enumerable.Range(1, 30).Select(i => $"<article><a href=\"/news/story-{i}\">Headline number {i} of the day</a></article>"));
        return $"<!doctype html><html><head><title>News</title><meta property=\"og:type\" content=\"website\"></head><body><nav>{links}</nav>{links}</body></html>";
    }

    private static byte[] Html(string html, int status = 200, string contentType = "text/html; charset=utf-8") =>
        HttpMessages.Response(status, status == 200 ? "OK" : "Not Found", [new("Content-Type", contentType)], Encoding.UTF8.GetBytes(html));

    internal static string WriteArchive(string path, params (string Uri, byte[] Response)[] pages)
    {
        using var writer = new WarcWriter(path);
        foreach (var (uri, response) in pages)
            writer.WriteExchange(uri, Captured, HttpMessages.Request("GET", new Uri(uri), []), response);
        return path;
    }

    private static List<JsonElement> Lines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    [Fact]
    public void WritesTheArticlesOfAnArchiveAsJsonLines()
    {
        var warc = WriteArchive(Path.Combine(_folder, "a.warc.gz"),
            ("https://news.example/2024/05/council-budget", Html(ArticlePage("Council votes budget"))),
            ("https://news.example/", Html(ListingPage())),
            ("https://news.example/data.json", Html("{\"a\": 1}", contentType: "application/json")),
            ("https://news.example/gone", Html(ArticlePage("Gone"), status: 404)),
            ("https://other.example/2024/05/library", Html(ArticlePage("Library reopens"))));

        var result = CliRunner.Run(null, "warc", "--format", "jsonl", warc);

        Assert.Equal(0, result.ExitCode);
        var records = Lines(result.Stdout);
        Assert.Equal(["Council votes budget", "Library reopens"], records.Select(r => r.GetProperty("title").GetString()).Order());
        Assert.All(records, r => Assert.Equal("2024-06-01T12:00:00+00:00", r.GetProperty("fetched").GetString()));
        Assert.All(records, r => Assert.Contains("city council voted", r.GetProperty("text").GetString()));
    }

    [Fact]
    public void FiltersBySiteLanguageAndDate()
    {
        var warc = WriteArchive(Path.Combine(_folder, "b.warc.gz"),
            ("https://www.news.example/2024/05/en", Html(ArticlePage("English story"))),
            ("https://www.news.example/2024/05/fr", Html(ArticlePage("Histoire française", "fr"))),
            ("https://other.example/2024/05/en", Html(ArticlePage("Elsewhere"))));

        var bySite = Lines(CliRunner.Run(null, "warc", "--format", "jsonl", "--site", "news.example", warc).Stdout);
        Assert.Equal(["English story", "Histoire française"], bySite.Select(r => r.GetProperty("title").GetString()).Order());

        // --lang keeps the articles whose language the extractor finds to be French; an unknown language does not pass.
        var all = Lines(CliRunner.Run(null, "warc", "--format", "jsonl", warc).Stdout);
        var french = all.Where(r => r.GetProperty("language").GetString() == "fr").Select(r => r.GetProperty("title").GetString()).ToList();
        var byLanguage = Lines(CliRunner.Run(null, "warc", "--format", "jsonl", "--lang", "fr", warc).Stdout);
        Assert.Equal(french, byLanguage.Select(r => r.GetProperty("title").GetString()));
        Assert.DoesNotContain(byLanguage, r => r.GetProperty("title").GetString() == "English story");

        Assert.Empty(Lines(CliRunner.Run(null, "warc", "--format", "jsonl", "--since", "2024-06-02", warc).Stdout));
        Assert.Equal(3, Lines(CliRunner.Run(null, "warc", "--format", "jsonl", "--since", "2024-05-01", warc).Stdout).Count);
    }

    [Fact]
    public void ReportsDamageAndMissingFilesAndGoesOn()
    {
        var good = WriteArchive(Path.Combine(_folder, "good.warc.gz"), ("https://news.example/2024/05/one", Html(ArticlePage("One"))));
        var damaged = WriteArchive(Path.Combine(_folder, "damaged.warc.gz"), ("https://news.example/2024/05/two", Html(ArticlePage("Two"))));
        var third = File.ReadAllBytes(WriteArchive(Path.Combine(_folder, "third.warc.gz"), ("https://news.example/2024/05/three", Html(ArticlePage("Three")))));
        long responseOffset;
        using (var reader = new WarcReader(new MemoryStream(third)))
        {
            reader.Read()!.Dispose(); // warcinfo
            using var response = reader.Read()!;
            responseOffset = response.Offset;
        }
        var cut = third[(int)responseOffset..(int)(responseOffset + (third.Length - responseOffset) / 3)];
        File.WriteAllBytes(damaged, [.. File.ReadAllBytes(damaged), .. cut]); // a last record cut short
        File.Delete(Path.Combine(_folder, "third.warc.gz"));
        var missing = Path.Combine(_folder, "missing.warc.gz");

        var result = CliRunner.Run(null, "warc", "--format", "jsonl", good, damaged, missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["One", "Two"], Lines(result.Stdout).Select(r => r.GetProperty("title").GetString()).Order());
        Assert.Contains("damaged.warc.gz: offset", result.Stderr);
        Assert.Contains("truncated", result.Stderr);
        Assert.Contains("missing.warc.gz", result.Stderr);
    }

    [Fact]
    public void ReadsAnArchiveFromStandardInput()
    {
        var html = ArticlePage("Council votes budget");
        var block = $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}";
        var record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-06-01T12:00:00Z\r\nWARC-Target-URI: https://news.example/2024/05/budget\r\n" +
            $"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";

        var result = CliRunner.Run(record, "warc", "--format", "jsonl", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Council votes budget"], Lines(result.Stdout).Select(r => r.GetProperty("title").GetString()));
    }

    [Fact]
    public void BadDateIsBadUsage()
    {
        var result = CliRunner.Run(null, "warc", "--format", "jsonl", "--since", "yesterday-ish", "x.warc.gz");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--since", result.Stderr);
    }
}
