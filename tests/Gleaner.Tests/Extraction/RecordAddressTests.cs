using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

/// <summary>What a page may claim about its own address: a canonical link or og:url moves the record only
/// within the site it was fetched from; another site's address never becomes the record's URL.</summary>
public class RecordAddressTests
{
    private static Article Extract(string head, string? url) =>
        new ArticleExtractor().Extract($"<html><head>{head}<title>T</title></head><body><p>Some text of the story goes here.</p></body></html>", url);

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"https://www.bbc.co.uk/news/real-story\">")]
    [InlineData("<meta property=\"og:url\" content=\"https://www.bbc.co.uk/news/real-story\">")]
    [InlineData("<base href=\"https://www.bbc.co.uk/\"><link rel=\"canonical\" href=\"/news/real-story\">")]
    public void AnotherSitesCanonicalDoesNotBecomeTheRecordUrl(string head)
    {
        var article = Extract(head, "https://spoof.example.com/page");

        Assert.Equal("https://spoof.example.com/page", article.Url);
        Assert.Equal("example.com", article.SourceDomain);
        Assert.Equal("https://www.bbc.co.uk/news/real-story", article.CanonicalUrl);
    }

    [Fact]
    public void ASiblingSiteUnderASharedSuffixIsAnotherSite()
    {
        var article = Extract("<link rel=\"canonical\" href=\"https://victim.github.io/story\">", "https://attacker.github.io/page");

        Assert.Equal("https://attacker.github.io/page", article.Url);
    }

    [Theory]
    [InlineData("https://example.com/news/story", "https://www.example.com/news/story")]
    [InlineData("http://m.example.co.uk/a?ref=x", "https://www.example.co.uk/a")]
    public void ACanonicalOnTheSameSiteMovesTheRecord(string fetched, string canonical)
    {
        var article = Extract($"<link rel=\"canonical\" href=\"{canonical}\">", fetched);

        Assert.Equal(canonical, article.Url);
        Assert.Null(article.CanonicalUrl);
    }

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"https://example.com/story?utm_source=rss&amp;utm_medium=feed\">", "https://example.com/story")]
    [InlineData("<link rel=\"canonical\" href=\"https://example.com/story?id=7&amp;utm_source=rss#comments\">", "https://example.com/story?id=7")]
    [InlineData("<meta property=\"og:url\" content=\"https://EXAMPLE.com/story?fbclid=abc\">", "https://example.com/story")]
    [InlineData("", "https://example.com/story")]
    public void TrackingParametersAndFragmentsNeverReachTheRecordUrl(string head, string expected)
    {
        var article = Extract(head, "https://example.com/story?utm_campaign=spring#top");

        Assert.Equal(expected, article.Url);
    }

    [Fact]
    public void WithoutAFetchedAddressTheCanonicalIsTheOnlyOneKnown()
    {
        var article = Extract("<link rel=\"canonical\" href=\"https://www.bbc.co.uk/news/real-story\">", null);

        Assert.Equal("https://www.bbc.co.uk/news/real-story", article.Url);
        Assert.Null(article.CanonicalUrl);
    }

    [Fact]
    public void APageWithoutACanonicalHasNoneKeptBeside()
    {
        Assert.Null(Extract("", "https://example.com/page").CanonicalUrl);
    }

    [Theory]
    [InlineData("https://exa\u0000mple.com/page")]
    [InlineData("https://exa\uFFFFmple.com/page")]
    public void AMalformedPageAddressIsIgnored(string url)
    {
        var article = Extract("<link rel=\"canonical\" href=\"/story\">", url);

        Assert.Null(article.Url);
        Assert.Equal("Some text of the story goes here.", article.Text);
    }

    [Theory]
    [InlineData("https://exa\u0000mple.com/story")]
    [InlineData("https://exa\uFFFFmple.com/story")]
    [InlineData("https://\uFFFF/story")]
    [InlineData("https://exa%00mple.com/story")]
    public void AMalformedCanonicalIsIgnored(string canonical)
    {
        var article = Extract($"<link rel=\"canonical\" href=\"{canonical}\"><meta property=\"og:url\" content=\"{canonical}\">", "https://example.com/page");

        Assert.Equal("https://example.com/page", article.Url);
        Assert.Null(article.CanonicalUrl);
        Assert.Equal("Some text of the story goes here.", article.Text);
    }
}
