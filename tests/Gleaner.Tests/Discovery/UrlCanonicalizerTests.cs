using Gleaner.Discovery;

namespace Gleaner.Tests.Discovery;

public class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTP://Example.COM/News/Story", "http://example.com/News/Story")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80", "http://example.com/")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a#comments", "https://example.com/a")]
    [InlineData("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a")]
    [InlineData("https://example.com/a?id=3&fbclid=abc&gclid=d", "https://example.com/a?id=3")]
    [InlineData("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2")]
    [InlineData("https://example.com/a?tag=x&id=1&tag=y", "https://example.com/a?id=1&tag=x&tag=y")]
    [InlineData("https://example.com/a;jsessionid=ABC123?x=1", "https://example.com/a?x=1")]
    [InlineData("https://example.com/a?PHPSESSID=abc&p=2", "https://example.com/a?p=2")]
    [InlineData("https://example.com/a/./b/../c", "https://example.com/a/c")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://bücher.example/x", "https://xn--bcher-kva.example/x")]
    public void OneSpellingPerPage(string input, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));

    [Theory]
    [InlineData("mailto:a@example.com")]
    [InlineData("ftp://example.com/a")]
    [InlineData("/relative")]
    [InlineData("")]
    public void NonHttpUrlsHaveNoCanonicalForm(string input) => Assert.Null(UrlCanonicalizer.Canonicalize(input));

    [Fact]
    public void RelativeLinksResolveAgainstTheBase() =>
        Assert.Equal("https://example.com/news/b", UrlCanonicalizer.Canonicalize("../news/b", new Uri("https://example.com/sport/a")));
}

public class CrawlScopeTests
{
    [Fact]
    public void SameRegistrableDomainIsInScopeByDefault()
    {
        var scope = new CrawlScope();
        scope.AddSite(new Uri("https://www.example.co.uk/"));
        Assert.Null(scope.Check(new Uri("https://news.example.co.uk/a")));
        Assert.Equal("another site", scope.Check(new Uri("https://other.co.uk/a")));
    }

    [Fact]
    public void ExcludeRemovesAndIncludeAdds()
    {
        var scope = new CrawlScope(include: ["https://partner.org/news/*"], exclude: ["*/video/*", "re:\\?page=\\d{3,}"]);
        scope.AddSite(new Uri("https://example.com/"));
        Assert.Null(scope.Check(new Uri("https://partner.org/news/a")));
        // The reasons are the library's words, not a command's flags.
        Assert.Equal("matched by no include pattern", scope.Check(new Uri("https://partner.org/blog/a")));
        Assert.Equal("excluded by an exclude pattern", scope.Check(new Uri("https://example.com/video/a")));
        Assert.NotNull(scope.Check(new Uri("https://example.com/list?page=100")));
        Assert.Null(scope.Check(new Uri("https://example.com/list?page=10")));
    }

    [Fact]
    public void SitesOnAPrivateSuffixAreDifferentSites()
    {
        var scope = new CrawlScope();
        scope.AddSite(new Uri("https://myblog.netlify.app/"));
        Assert.Null(scope.Check(new Uri("https://myblog.netlify.app/2026/post")));
        Assert.Equal("another site", scope.Check(new Uri("https://otherblog.netlify.app/a")));
    }
}

public class TrapGuardTests
{
    [Theory]
    [InlineData("https://example.com/a/b/a/b/a/b/")]
    [InlineData("https://example.com/x?a=1&b=2&c=3&d=4&e=5&f=6&g=7")]
    public void GeneratedLookingUrlsAreRefused(string url) => Assert.NotNull(new TrapGuard().Check(new Uri(url)));

    [Fact]
    public void ListingsOfOneShapeAreCappedButArticlesAreNot()
    {
        var guard = new TrapGuard(new TrapLimits { MaxListingsPerShape = 3 });
        for (var month = 1; month <= 3; month++)
            guard.CountListing(new Uri($"https://example.com/calendar/2031/{month:00}"));
        Assert.NotNull(guard.Check(new Uri("https://example.com/calendar/2031/04")));
        Assert.NotNull(guard.Check(new Uri("https://example.com/calendar/2032/01")));
        Assert.Null(guard.Check(new Uri("https://example.com/news/12345")));
    }
}
