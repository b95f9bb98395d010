using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

public class MetadataFieldTests
{
    private static Article Extract(string head, string body = "<p>Some text of the story goes here.</p>", string? url = "https://www.example.co.uk/news/story?id=1")
        => new ArticleExtractor().Extract($"<html><head>{head}</head><body>{body}</body></html>", url);

    [Fact]
    public void CanonicalUrlIsResolvedAgainstThePage()
    {
        var article = Extract("<link rel=\"canonical\" href=\"/news/story\">");
        Assert.Equal("https://www.example.co.uk/news/story", article.Url);
    }

    [Fact]
    public void OpenGraphUrlServesWhenThereIsNoCanonicalLink()
    {
        Assert.Equal("https://www.example.co.uk/a", Extract("<meta property=\"og:url\" content=\"https://www.example.co.uk/a\">").Url);
    }

    [Fact]
    public void PageUrlServesWhenThePageNamesNone()
    {
        Assert.Equal("https://www.example.co.uk/news/story?id=1", Extract("").Url);
    }

    [Theory]
    [InlineData("https://www.bbc.co.uk/news/1", "bbc.co.uk")]
    [InlineData("https://edition.cnn.com/2021/x", "cnn.com")]
    [InlineData("https://www.smh.com.au/world", "smh.com.au")]
    [InlineData("https://www3.nhk.or.jp/news/", "nhk.or.jp")]
    [InlineData("https://news.yahoo.co.jp/articles/1", "yahoo.co.jp")]
    [InlineData("https://sputniknews.com/20210927/x.html", "sputniknews.com")]
    [InlineData("https://www.spiegel.de/politik/", "spiegel.de")]
    [InlineData("http://127.0.0.1:8080/page", "127.0.0.1")]
    public void SourceDomainIsTheRegistrableDomain(string url, string domain)
    {
        Assert.Equal(domain, Extract("", url: url).SourceDomain);
    }

    [Fact]
    public void SiteNameComesFromOpenGraphThenJsonLdPublisher()
    {
        Assert.Equal("The Example", Extract("<meta property=\"og:site_name\" content=\"The Example\">").SiteName);
        Assert.Equal("Example Media", Extract("""<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Example Media"}}</script>""").SiteName);
    }

    [Fact]
    public void DescriptionIsOneLineWithEntitiesDecoded()
    {
        var article = Extract("<meta name=\"description\" content=\"Prices rose &amp;amp; fell.\n  Then   they settled.\">");
        Assert.Equal("Prices rose & fell. Then they settled.", article.Description);
    }

    [Theory]
    [InlineData("The council voted to close the bridge. [&amp;hellip;]")]
    [InlineData("The council voted to close the bridge. [&amp;amp;hellip;]")]
    [InlineData("The council voted to close the bridge. […]")]
    [InlineData("The council voted to close the bridge. [...]")]
    [InlineData("The council voted to close the bridge. (more…)")]
    [InlineData("The council voted to close the bridge. Read more »")]
    public void DescriptionLosesItsReadMoreMarker(string content)
    {
        Assert.Equal("The council voted to close the bridge.", Extract($"<meta name=\"description\" content=\"{content}\">").Description);
    }

    [Fact]
    public void DescriptionKeepsABareEllipsisThatSaysItIsCut()
    {
        Assert.Equal("The council voted to close the…", Extract("<meta name=\"description\" content=\"The council voted to close the…\">").Description);
        Assert.Equal("The council voted to close the (...)", Extract("<meta name=\"description\" content=\"The council voted to close the (...)\">").Description);
    }

    [Fact]
    public void TagsAreSplitAfterTheirEntitiesAreDecoded()
    {
        var article = Extract("""<meta name="keywords" content="PG&amp;amp;E, &amp;quot;Camp Fire&amp;quot;, utilities">""");
        Assert.Equal(["PG&E", "\"Camp Fire\"", "utilities"], article.Tags);
    }

    [Fact]
    public void WithoutASummaryTheFirstParagraphDescribesThePage()
    {
        var article = Extract("", "<article><p>The council voted on Tuesday to close the old bridge for repairs.</p><p>Work starts in May.</p></article>");
        Assert.StartsWith("The council voted", article.Description);
    }

    [Fact]
    public void ImageIsMadeAbsolute()
    {
        Assert.Equal("https://www.example.co.uk/img/lead.jpg", Extract("<meta property=\"og:image\" content=\"/img/lead.jpg\">").Image);
        Assert.Equal("https://cdn.example.net/a.jpg", Extract("""<script type="application/ld+json">{"@type":"NewsArticle","image":{"@type":"ImageObject","url":"https://cdn.example.net/a.jpg"}}</script>""").Image);
    }

    [Fact]
    public void SectionAndTagsComeFromArticleMetaAndJsonLd()
    {
        var article = Extract("""
            <meta property="article:section" content="Politics">
            <meta property="article:tag" content="Elections">
            <meta name="news_keywords" content="elections, Senate ,  polls">
            <script type="application/ld+json">{"@type":"NewsArticle","keywords":["Senate","Budget"]}</script>
            """);
        Assert.Equal("Politics", article.Section);
        Assert.Equal(["Elections", "Senate", "Budget", "polls"], article.Tags);
    }

    [Fact]
    public void JsonLdSectionServesWithoutMeta()
    {
        Assert.Equal("World", Extract("""<script type="application/ld+json">{"@type":"NewsArticle","articleSection":["World","Asia"]}</script>""").Section);
    }

    [Fact]
    public void JsonLdWrappedInCdataIsRead()
    {
        var article = Extract("<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"Wrapped headline\"}\n//]]></script>");
        Assert.Equal("Wrapped headline", article.Title);
    }

    [Fact]
    public void VisibleTagLinksGiveTagsAndSectionWhenThePageDeclaresNone()
    {
        const string post = """
            <nav><a rel="tag" href="/tag/menu">Site menu tag</a></nav>
            <article><h1>Winter in the garden</h1><p>Some text of the story goes here.</p>
            <footer>Filed in <a rel="category tag" href="/category/garden/">Garden</a>.
            Tagged <a rel="tag" href="/tag/compost/">Compost</a>, <a rel="tag" href="/tag/urban/">Urban &amp; gardening</a></footer></article>
            <aside><a rel="tag" href="/tag/other">Another post's tag</a></aside>
            """;

        var article = Extract("", post);

        Assert.Equal(["Compost", "Urban & gardening"], article.Tags);
        Assert.Equal("Garden", article.Section);
    }

    [Fact]
    public void DeclaredTagsWinOverTagLinksAndACloudOfTagLinksIsAMenu()
    {
        var declared = Extract("<meta property=\"article:tag\" content=\"Bridges\">", "<article><p>Text.</p><footer><a rel=\"tag\" href=\"/t\">Compost</a></footer></article>");
        Assert.Equal(["Bridges"], declared.Tags);

        var cloud = string.Concat(Enumerable.Range(1, 30).Select(i => $"<a rel=\"tag\" href=\"/t{i}\">Topic {i}</a> "));
        Assert.Empty(Extract("", $"<article><p>Text.</p><footer>{cloud}</footer></article>").Tags);
    }
}
