using System.IO.Compression;
using System.Text;
using Gleaner.Discovery;

namespace Gleaner.Tests.Discovery;

public class FeedAndSitemapTests
{
    private static readonly Uri Base = new("https://example.com/feeds/");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void RssItemsGiveLinksAndDates()
    {
        var rss = Bytes("""
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]>
            <rss version="2.0"><channel><title>T</title><link>https://example.com/</link>
            <item><title>A</title><link>https://example.com/a</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
            <item><title>B</title><guid>https://example.com/b</guid><pubDate>Tue, 10 Jun 2003 09:41:01 -0500</pubDate><description><![CDATA[<html>x</html>]]></description></item>
            <item><title>C</title><guid isPermaLink="false">tag:1</guid><link>/c</link></item>
            </channel></rss>
            """);
        Assert.Equal(DocumentKind.RssFeed, DocumentSniffer.Sniff(rss));
        var entries = FeedParser.Parse(rss, DocumentKind.RssFeed, Base);
        Assert.Equal(["https://example.com/a", "https://example.com/b", "https://example.com/c"], entries.Select(e => e.Url));
        Assert.Equal(new DateTimeOffset(2003, 6, 10, 4, 0, 0, TimeSpan.Zero), entries[0].Date);
        Assert.Equal(new DateTimeOffset(2003, 6, 10, 9, 41, 1, TimeSpan.FromHours(-5)), entries[1].Date);
        Assert.All(entries, e => Assert.Equal(UrlKind.Entry, e.Kind));
    }

    [Fact]
    public void AtomEntriesUseTheAlternateLink()
    {
        var atom = Bytes("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><link rel="self" href="https://example.com/self"/><link rel="alternate" href="https://example.com/a"/><published>2024-06-01T08:00:00Z</published></entry>
            <entry><link href="b"/><updated>2024-06-02T08:00:00+02:00</updated></entry>
            </feed>
            """);
        Assert.Equal(DocumentKind.AtomFeed, DocumentSniffer.Sniff(atom));
        var entries = FeedParser.Parse(atom, DocumentKind.AtomFeed, Base);
        Assert.Equal(["https://example.com/a", "https://example.com/feeds/b"], entries.Select(e => e.Url));
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 8, 0, 0, TimeSpan.FromHours(2)), entries[1].Date);
    }

    [Fact]
    public void AJsonFeedWithInvalidUtf8InAStringIsAFormatError()
    {
        // Found by bench/run fuzz: JsonDocument checks UTF-8 only when a string is read, with InvalidOperationException.
        byte[] json = [.. Bytes("""{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"https://example.com/"""), 0xFF, .. Bytes("\"}]}")];
        Assert.Equal(DocumentKind.JsonFeed, DocumentSniffer.Sniff(json));
        var error = Assert.Throws<FormatException>(() => FeedParser.Parse(json, DocumentKind.JsonFeed, Base));
        Assert.Contains("JSON Feed", error.Message);
    }

    [Fact]
    public void JsonFeedItems()
    {
        var json = Bytes("""{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"https://example.com/a","date_published":"2024-06-01T08:00:00Z"},{"id":"2"}]}""");
        Assert.Equal(DocumentKind.JsonFeed, DocumentSniffer.Sniff(json));
        var entries = FeedParser.Parse(json, DocumentKind.JsonFeed, Base);
        Assert.Single(entries);
        Assert.Equal("https://example.com/a", entries[0].Url);
    }

    [Theory]
    [InlineData("Mon, 01 Jun 2024 08:00:00 GMT")] // 1 June 2024 was a Saturday
    [InlineData("Sat, 01 Jun 2024 08:00:00 GMT")]
    [InlineData("Saturday, 01 Jun 2024 08:00:00 +0000")]
    public void AFeedDateIsReadWhateverWeekdayItNames(string text)
    {
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero), FeedDates.Parse(text));
    }

    [Fact]
    public void ASitemapOverTheProtocolsCapKeepsTheFirstEntriesAndCountsTheRest()
    {
        var xml = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (var i = 0; i < SitemapParser.MaxEntries + 7; i++)
            xml.Append("<url><loc>https://example.com/a/").Append(i).Append("</loc></url>");
        xml.Append("</urlset>");

        var entries = SitemapParser.Parse(Bytes(xml.ToString()), Base, out var overCap);

        Assert.Equal(SitemapParser.MaxEntries, entries.Count);
        Assert.Equal(7, overCap);
        Assert.Equal("https://example.com/a/0", entries[0].Url);
    }

    [Fact]
    public void SitemapIndexNamesChildSitemaps()
    {
        var index = Bytes("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.com/s1.xml.gz</loc><lastmod>2024-06-10</lastmod></sitemap>
              <sitemap><loc>https://example.com/s2.xml</loc></sitemap>
            </sitemapindex>
            """);
        Assert.Equal(DocumentKind.SitemapIndex, DocumentSniffer.Sniff(index));
        var entries = SitemapParser.Parse(index, Base);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(UrlKind.Source, e.Kind));
    }

    [Fact]
    public void NewsSitemapDatesWinOverLastmodAndGzipIsToldByContent()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://example.com/a</loc><lastmod>2024-07-05</lastmod>
                <news:news><news:publication><news:name>X</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2024-07-01T09:00:00+00:00</news:publication_date><news:title>A</news:title></news:news></url>
              <url><loc>https://example.com/b</loc><lastmod>2024-07-02</lastmod></url>
            </urlset>
            """;
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Bytes(xml));
        var body = DocumentSniffer.Decompress(compressed.ToArray());
        Assert.Equal(DocumentKind.Sitemap, DocumentSniffer.Sniff(body));
        var entries = SitemapParser.Parse(body, Base);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.Zero), entries[0].Date);
        Assert.Equal(new DateTimeOffset(2024, 7, 2, 0, 0, 0, TimeSpan.Zero), entries[1].Date);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>", DocumentKind.Html)]
    [InlineData("  <html><body><p>unclosed", DocumentKind.Html)]
    [InlineData("<div>just a fragment</div><p>and <b>tags</p>", DocumentKind.Unknown)]
    [InlineData("%PDF-1.4", DocumentKind.Unknown)]
    [InlineData("{\"not\":\"a feed\"}", DocumentKind.Unknown)]
    public void KindsAreToldByContent(string content, DocumentKind expected) => Assert.Equal(expected, DocumentSniffer.Sniff(Bytes(content)));

    [Fact]
    public void ExternalEntitiesAreNeverResolved()
    {
        var xml = Bytes("""
            <?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/&xxe;</loc></url></urlset>
            """);
        // The DTD is ignored, so the entity is undeclared and the document refused, never read from disk.
        var error = Assert.Throws<FormatException>(() => SitemapParser.Parse(xml, Base));
        Assert.Contains("xxe", error.Message, StringComparison.Ordinal);
    }
}
