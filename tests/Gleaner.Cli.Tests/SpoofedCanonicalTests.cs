using System.Text;
using Gleaner.Archives;
using Gleaner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Gleaner.Cli.Tests;

/// <summary>
/// A page served by one site that names another site's address as its canonical (or og:url) must not
/// replace that site's record in the store: through a crawl or through a WARC archive. The claim is kept beside the record.
/// </summary>
public sealed class SpoofedCanonicalTests : IDisposable
{
    private const string VictimUrl = "https://www.bbc.co.uk/news/real-story";
    private const string VictimText = "The real story as the real site published it.";

    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-spoof-").FullName;

    private string StorePath => Path.Combine(_folder, "gleaner.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string SpoofPage(string claim)
    {
        var paragraphs = new StringBuilder();
        for (var i = 1; i <= 5; i++)
            paragraphs.Append($"<p>Paragraph {i} of a forged story. The council met on Monday to discuss the budget, and members argued at length about roads.</p>");
        return $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Forged headline</title>{claim}
            <meta property="og:type" content="article"></head>
            <body><article><h1>Forged headline</h1>{paragraphs}</article></body></html>
            """;
    }

    private void StoreVictim()
    {
        var line = $"{{\"url\":\"{VictimUrl}\",\"source_domain\":\"bbc.co.uk\",\"title\":\"Real story\",\"text\":\"{VictimText}\"}}\n";
        var imported = CliRunner.Run(line, "import", "-", "--store", StorePath);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
    }

    private async Task<Dictionary<string, Article>> StoredAsync()
    {
        await using var store = await ArticleStores.OpenAsync(StorePath, new StoreOptions { CreateIfMissing = false });
        var records = new Dictionary<string, Article>();
        await foreach (var record in store.ExportAsync(ArticleFilter.None))
            records[record.Article.Url!] = record.Article;
        return records;
    }

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"" + VictimUrl + "\">")]
    [InlineData("<meta property=\"og:url\" content=\"" + VictimUrl + "\">")]
    public async Task ACrawledPageCannotReplaceAnotherSitesRecord(string claim)
    {
        StoreVictim();
        await using var site = await LocalSite.StartAsync(app =>
        {
            app.MapGet("/", context => LocalSite.WriteHtml(context, "<html><head><title>Home</title></head><body><a href=\"/news/forged-story\">A forged story with a long headline</a></body></html>"));
            app.MapGet("/news/forged-story", context => LocalSite.WriteHtml(context, SpoofPage(claim)));
        });

        var crawl = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--store", StorePath, "--delay", "0");

        Assert.True(crawl.ExitCode == 0, crawl.Stderr);
        var stored = await StoredAsync();
        Assert.Equal(VictimText, stored[VictimUrl].Text);
        Assert.Equal("bbc.co.uk", stored[VictimUrl].SourceDomain);
        Assert.Contains("Forged headline", stored[site.BaseUrl + "/news/forged-story"].Title);
        Assert.Equal(VictimUrl, stored[site.BaseUrl + "/news/forged-story"].CanonicalUrl);
    }

    [Fact]
    public async Task AnArchivedPageCannotReplaceAnotherSitesRecord()
    {
        StoreVictim();
        var response = HttpMessages.Response(200, "OK", [new("Content-Type", "text/html; charset=utf-8")],
            Encoding.UTF8.GetBytes(SpoofPage($"<link rel=\"canonical\" href=\"{VictimUrl}\">")));
        var warc = WarcCommandTests.WriteArchive(Path.Combine(_folder, "spoof.warc.gz"), ("https://spoof.example/news/forged-story", response));

        var harvest = CliRunner.Run(null, "warc", warc, "--store", StorePath);

        Assert.True(harvest.ExitCode == 0, harvest.Stderr);
        var stored = await StoredAsync();
        Assert.Equal(VictimText, stored[VictimUrl].Text);
        Assert.Equal("spoof.example", stored["https://spoof.example/news/forged-story"].SourceDomain);
        Assert.Equal(VictimUrl, stored["https://spoof.example/news/forged-story"].CanonicalUrl);
    }
}
