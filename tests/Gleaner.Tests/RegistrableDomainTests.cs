namespace Gleaner.Tests;

public class RegistrableDomainTests
{
    [Theory]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("edition.cnn.com", "cnn.com")]
    [InlineData("www.abc.net.au", "abc.net.au")]
    [InlineData("www3.nhk.or.jp", "nhk.or.jp")]
    [InlineData("www.spiegel.de", "spiegel.de")]
    [InlineData("bbc.co.uk", "bbc.co.uk")]
    public void IcannSuffixesOfOneOrMoreLabels(string host, string expected) => Assert.Equal(expected, RegistrableDomain.Of(host));

    [Theory]
    [InlineData("myblog.netlify.app", "myblog.netlify.app")]
    [InlineData("www.myblog.netlify.app", "myblog.netlify.app")]
    [InlineData("x.pages.dev", "x.pages.dev")]
    [InlineData("someone.github.io", "someone.github.io")]
    [InlineData("news.blogspot.com", "news.blogspot.com")]
    public void PrivateSuffixesMakeEachCustomerASite(string host, string expected) => Assert.Equal(expected, RegistrableDomain.Of(host));

    [Theory]
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")] // !city.kawasaki.jp
    [InlineData("city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("www.town.kawasaki.jp", "www.town.kawasaki.jp")] // *.kawasaki.jp: town.kawasaki.jp is a suffix
    [InlineData("a.b.c.kawasaki.jp", "b.c.kawasaki.jp")]
    public void WildcardsAndTheirExceptions(string host, string expected) => Assert.Equal(expected, RegistrableDomain.Of(host));

    [Theory]
    [InlineData("WWW.BBC.CO.UK", "bbc.co.uk")]
    [InlineData("www.bbc.co.uk.", "bbc.co.uk")]
    [InlineData("Edition.CNN.com.", "cnn.com")]
    public void CaseAndTheTrailingDotDoNotMatter(string host, string expected) => Assert.Equal(expected, RegistrableDomain.Of(host));

    [Theory]
    [InlineData("www.bücher.de", "bücher.de")]
    [InlineData("www.xn--bcher-kva.de", "bücher.de")]
    [InlineData("WWW.XN--BCHER-KVA.DE", "bücher.de")]
    [InlineData("news.example.公司.cn", "example.公司.cn")] // a Unicode rule of the list
    [InlineData("news.example.xn--55qx5d.cn", "example.公司.cn")]
    public void InternationalNamesMatchInEitherSpellingAndReadAsUnicode(string host, string expected) =>
        Assert.Equal(expected, RegistrableDomain.Of(host));

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("localhost", "localhost")]
    [InlineData("intranet.", "intranet")]
    [InlineData("co.uk", "co.uk")]
    [InlineData("unlisted.example", "unlisted.example")]
    [InlineData("a.b.unlisted.example", "unlisted.example")]
    public void AddressesSingleLabelsAndSuffixesAreThemselves(string host, string expected) => Assert.Equal(expected, RegistrableDomain.Of(host));

    [Theory]
    [InlineData("https://www.bbc.co.uk/news/1", "bbc.co.uk")]
    [InlineData("http://127.0.0.1:8080/page", "127.0.0.1")]
    [InlineData("http://[::1]:8080/page", "::1")]
    public void OfAUri(string url, string expected) => Assert.Equal(expected, RegistrableDomain.Of(new Uri(url)));

    [Fact]
    public void RelativeUrisHaveNone() => Assert.Null(RegistrableDomain.Of(new Uri("/news/1", UriKind.Relative)));

    [Fact]
    public void TheListIsReadByItsOwnRules()
    {
        var rules = RegistrableDomain.SuffixRules.Parse("""
            // a comment
            test
            *.wild.test   trailing words are ignored
            !keep.wild.test
            wild.test
              Shop.Test
            """ + "\r\nwindows.test\r\n");
        Assert.Equal("b.".Length, rules.PublicSuffixStart("b.test"));
        Assert.Equal("x.".Length, rules.PublicSuffixStart("x.y.wild.test"));        // *.wild.test: y.wild.test
        Assert.Equal("x.keep.".Length, rules.PublicSuffixStart("x.keep.wild.test")); // !keep.wild.test: wild.test
        Assert.Equal(0, rules.PublicSuffixStart("wild.test"));                       // a plain rule beside the wildcard
        Assert.Equal("x.".Length, rules.PublicSuffixStart("x.shop.test"));
        Assert.Equal("x.".Length, rules.PublicSuffixStart("x.windows.test"));
        Assert.Equal("a.b.".Length, rules.PublicSuffixStart("a.b.other"));           // no rule: the last label
    }
}
