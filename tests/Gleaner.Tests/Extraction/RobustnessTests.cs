using System.Text;
using System.Text.Json;
using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

/// <summary>
/// Hostile and broken pages: the extractor must return a record (possibly empty) without throwing,
/// hanging or exhausting memory. Timeouts here are hang guards, far above the real time.
/// These tests allocate hundreds of megabytes (a 50 MB page, 2-million-character attributes), so they
/// run alone, never beside tests that measure the process's memory.
/// </summary>
[Collection(nameof(RobustnessTests))]
public class RobustnessTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    // Hand the heap back collected: tests that run next may measure the process's memory (the large WARC tests do).
    public void Dispose() => GC.Collect();

    private static Article ExtractGuarded(Func<ArticleExtractor, Article> extract, ExtractionOptions? options = null)
    {
        var extractor = new ArticleExtractor(options);
        var work = Task.Factory.StartNew(() => extract(extractor), TaskCreationOptions.LongRunning);
        Assert.True(work.Wait(HangGuard), $"extraction did not finish within {HangGuard}");
        return work.Result;
    }

    private static Article Extract(string html, string? url = "https://example.com/news/story") =>
        ExtractGuarded(extractor => extractor.Extract(html, url));

    private static Article ExtractBytes(byte[] bytes, string? contentType = null) =>
        ExtractGuarded(extractor => extractor.Extract(bytes, contentType, "https://example.com/news/story"));

    [Fact]
    public void EmptyInputGivesAnEmptyRecord()
    {
        var fromString = Extract("");
        var fromBytes = ExtractBytes([]);

        Assert.True(string.IsNullOrEmpty(fromString.Text));
        Assert.True(string.IsNullOrEmpty(fromBytes.Text));
        Assert.Empty(fromString.Authors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BinaryGarbageDoesNotThrow(int seed)
    {
        var bytes = new byte[200_000];
        new Random(seed).NextBytes(bytes);

        var article = ExtractBytes(bytes, "text/html");

        Assert.NotNull(article);
    }

    [Fact]
    public void BinaryGarbageWithTagsSprinkledInDoesNotThrow()
    {
        var random = new Random(7);
        var page = new StringBuilder("<html><body>");
        for (var i = 0; i < 5_000; i++)
        {
            page.Append(random.Next(4) switch
            {
                0 => "<p>",
                1 => "</div>",
                2 => "<script>",
                _ => "<!--",
            });
            for (var j = 0; j < 20; j++)
                page.Append((char)random.Next(0, 0xD7FF));
        }

        var article = Extract(page.ToString());

        Assert.NotNull(article);
    }

    [Theory]
    [InlineData("<html><head><title>Cut")]
    [InlineData("<html><body><article><h1>Story</h1><p>First paragraph of the story is here.</p><p>Second one is cut in the mid")]
    [InlineData("<html><body><p>Text</p><div class=\"unclosed attribute")]
    [InlineData("<html><body><p>Text</p><!-- an unclosed comment")]
    [InlineData("<html><body><p>Text</p><script>var x = '</")]
    [InlineData("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Cut")]
    [InlineData("<")]
    [InlineData("<!DOCTYPE")]
    public void TruncatedPageDoesNotThrow(string html)
    {
        var article = Extract(html);

        Assert.NotNull(article);
    }

    [Fact]
    public void TruncatedPageKeepsWhatItHas()
    {
        var article = Extract("<html><head><title>Storm hits the coast</title></head><body><article><h1>Storm hits the coast</h1>"
            + "<p>A storm reached the coast on Monday night, flooding several streets near the harbour.</p><p>Residents were");

        Assert.Contains("flooding several streets", article.Text);
    }

    [Theory]
    [InlineData("div")]
    [InlineData("span")]
    [InlineData("blockquote")]
    [InlineData("table")]
    [InlineData("font")]
    public void DeeplyNestedPageDoesNotOverflowTheStack(string tag)
    {
        const int depth = 100_000;
        var page = new StringBuilder("<html><head><title>Deep</title></head><body>");
        for (var i = 0; i < depth; i++)
            page.Append('<').Append(tag).Append('>');
        page.Append("<p>The story at the bottom of a very deep page, long enough to count as a paragraph of text.</p>");
        for (var i = 0; i < depth; i++)
            page.Append("</").Append(tag).Append('>');
        page.Append("</body></html>");

        var article = Extract(page.ToString());

        Assert.Equal("Deep", article.Title);
    }

    [Fact]
    public void DeeplyNestedJsonLdDoesNotThrow()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);
        var article = Extract($"<html><head><script type=\"application/ld+json\">{json}</script><title>Deep JSON</title></head><body><p>Text.</p></body></html>");

        Assert.NotNull(article);
    }

    [Fact]
    public void MisnestedFormattingTagsDoNotHang()
    {
        // Misnested <b><i></b></i> makes an HTML5 parser run its adoption agency algorithm each time.
        var page = new StringBuilder("<html><body><p>");
        for (var i = 0; i < 20_000; i++)
            page.Append("<b><i>word</b></i><a href=\"/x\"><div>");
        page.Append("</p></body></html>");

        var article = Extract(page.ToString());

        Assert.NotNull(article);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void ManySiblingsDoNotThrow()
    {
        var page = new StringBuilder("<html><body><article>");
        for (var i = 0; i < 200_000; i++)
            page.Append("<p>Short paragraph number ").Append(i).Append(" of a very long page.</p>");
        page.Append("</article></body></html>");

        var article = Extract(page.ToString());

        Assert.Contains("Short paragraph number 0 ", article.Text);
    }

    private static string SiblingPage(int count)
    {
        var page = new StringBuilder("<html><head><title>Siblings</title></head><body>");
        for (var i = 0; i < count; i++)
            page.Append("<div>Sibling ").Append(i).Append("</div>");
        return page.Append("</body></html>").ToString();
    }

    [Fact]
    public void HundredThousandSiblingsAreReadWholeWithinTheDefaultWorkBudget()
    {
        var article = Extract(SiblingPage(100_000));

        Assert.False(article.Partial);
        Assert.StartsWith("Sibling 0\nSibling 1\n", article.Text);
        Assert.EndsWith("\nSibling 99999", article.Text);
    }

    [Fact]
    public void PageBeyondTheWorkBudgetComesBackPartialWithWhatWasRead()
    {
        // 200,000 nodes (an element and a text each): every walk of the page stops after the first 50,000.
        var options = new ExtractionOptions { MaxWorkSteps = 50_000 };

        var article = ExtractGuarded(extractor => extractor.Extract(SiblingPage(100_000), "https://example.com/news/story"), options);

        Assert.True(article.Partial);
        Assert.Equal("Siblings", article.Title);
        Assert.StartsWith("Sibling 0\nSibling 1\n", article.Text);
        Assert.DoesNotContain("Sibling 99999", article.Text);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void FiftyMegabytePageIsCutAndExtractedWithinBoundedMemory()
    {
        var paragraph = System.Text.Encoding.UTF8.GetBytes("<p>A paragraph of a very large page, repeated to make it fifty megabytes in all, with some words.</p>\n");
        var size = 50 * 1024 * 1024;
        var bytes = new byte[size];
        var head = System.Text.Encoding.UTF8.GetBytes("<html><head><title>Huge page</title></head><body><article>");
        head.CopyTo(bytes, 0);
        var at = head.Length;
        while (at + paragraph.Length <= size)
        {
            paragraph.CopyTo(bytes, at);
            at += paragraph.Length;
        }
        bytes.AsSpan(at).Fill((byte)' ');
        var options = new ExtractionOptions();
        Assert.True(options.MaxHtmlChars < size, "the default limit should cut a 50 MB page");

        long allocated = 0;
        var article = ExtractGuarded(extractor =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = extractor.Extract(bytes, "text/html; charset=utf-8", "https://example.com/huge");
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return result;
        }, options);

        Assert.Equal("Huge page", article.Title);
        Assert.Contains("A paragraph of a very large page", article.Text);
        Assert.True(article.Text!.Length <= options.MaxHtmlChars, "the text cannot be longer than the part of the page read");
        // Generous: decoding, the cut string, the tree and the text of an 8 M-character page, a few times over.
        // An extractor that parsed all 50 MB or copied the page per paragraph would go far past it.
        Assert.True(allocated < 3L * 1024 * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MiB for one page");
    }

    [Theory]
    [InlineData("<html><head><script>var a = 1;</script><script src=\"/app.js\"></script></head><body><script>document.write('<p>hi</p>')</script></body></html>")]
    [InlineData("<html><head><title>Only a head</title><meta name=\"description\" content=\"A summary.\"></head></html>")]
    [InlineData("<html><body></body></html>")]
    [InlineData("Just some text without any tags at all, as a server might send for an error.")]
    [InlineData("<frameset><frame src=\"a.html\"><frame src=\"b.html\"></frameset>")]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A feed</title><item><title>Item</title></item></channel></rss>")]
    [InlineData("<html><body><svg><foreignObject><p>in svg</p></foreignObject></svg><math><mi>x</mi></math></body></html>")]
    [InlineData("<html><body><template><p>Template content is not rendered.</p></template><noscript><p>Enable JavaScript.</p></noscript></body></html>")]
    [InlineData("<html><body><p>\0\0\0 nul characters \0 inside</p></body></html>")]
    public void OddPagesDoNotThrow(string html)
    {
        var article = Extract(html);

        Assert.NotNull(article);
    }

    [Fact]
    public void PageOfOnlyScriptsHasNoText()
    {
        var article = Extract("<html><head><script>var story = 'not text';</script></head><body><script>render()</script><style>p { color: red }</style></body></html>");

        Assert.DoesNotContain("not text", article.Text ?? "");
        Assert.DoesNotContain("color", article.Text ?? "");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("http://[::1")]
    public void OddPageUrlsDoNotThrow(string? url)
    {
        var article = Extract("<html><head><link rel=\"canonical\" href=\"../x\"><title>T</title></head><body><p>Text.</p></body></html>", url);

        Assert.NotNull(article);
    }

    [Theory]
    [InlineData("https://exa\uFFFFmple.com/a")]
    [InlineData("https://exa\u0000mple.com/a")]
    [InlineData("https://a\u200Db.example/a")]
    public void ACanonicalUrlWhoseHostIsNoValidDomainNameDoesNotFailThePage(string canonical)
    {
        // Found by bench/run fuzz: Uri accepts these hosts but throws UriFormatException when asked for their IDN form.
        foreach (var declaration in new[] { $"<link rel=\"canonical\" href=\"{canonical}\">", $"<meta property=\"og:url\" content=\"{canonical}\">" })
        {
            var article = Extract($"<html><head>{declaration}<title>T</title></head><body><p>Text of the story.</p></body></html>", "https://news.example/story");

            Assert.Equal("Text of the story.", article.Text);
        }
    }

    [Theory]
    [InlineData("text/html; charset=no-such-charset")]
    [InlineData("text/html; charset=")]
    [InlineData("text/html; charset=\"utf-8")]
    [InlineData(";;;")]
    [InlineData("application/octet-stream")]
    public void OddContentTypesDoNotThrow(string contentType)
    {
        var article = ExtractBytes(System.Text.Encoding.UTF8.GetBytes("<html><head><title>Ünïcode</title></head><body><p>Text.</p></body></html>"), contentType);

        Assert.NotNull(article);
    }

    [Fact]
    public void HugeAttributesAndTextRunsDoNotThrow()
    {
        var huge = new string('x', 2_000_000);
        var article = Extract($"<html><head><title>{huge}</title><meta name=\"description\" content=\"{huge}\"></head>"
            + $"<body><div class=\"{huge}\"><p>{huge}</p></div><img src=\"data:image/png;base64,{huge}\"></body></html>");

        Assert.NotNull(article);
    }

    [Fact]
    public async Task OneExtractorServesManyThreadsWithTheSameResults()
    {
        const string page = """
            <html lang="en"><head><title>Parallel story - Example News</title>
            <meta property="og:title" content="Parallel story"><meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2024-05-01T10:00:00+00:00"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Parallel story</h1>
            <p>The first paragraph of a story that many threads read at once, to show they agree.</p>
            <p>The second paragraph says the same thing in other words, at a similar length.</p></article></body></html>
            """;
        var extractor = new ArticleExtractor();
        var expected = JsonSerializer.Serialize(extractor.Extract(page, "https://example.com/news/parallel"), ArticleJson.Compact);

        var results = new string[64];
        await Task.Run(() => Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = JsonSerializer.Serialize(extractor.Extract(page, "https://example.com/news/parallel"), ArticleJson.Compact)))
            .WaitAsync(HangGuard);

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}

[CollectionDefinition(nameof(RobustnessTests), DisableParallelization = true)]
public class RobustnessTestsRunAlone;
