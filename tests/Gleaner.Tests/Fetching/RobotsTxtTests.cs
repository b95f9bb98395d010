using Gleaner.Fetching;

namespace Gleaner.Tests.Fetching;

public class RobotsTxtTests
{
    [Fact]
    public void TheGroupNamingOurProductTokenWinsOverTheStarGroup()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: GleanerBot
            Disallow: /private/
            """);
        var policy = robots.For("GleanerBot/0.1 (+https://example.com)");
        Assert.True(policy.IsAllowed("/news/story"));
        Assert.False(policy.IsAllowed("/private/x"));
        Assert.False(robots.For("SomeoneElse/1.0").IsAllowed("/news/story"));
    }

    [Fact]
    public void ConsecutiveUserAgentLinesShareAGroupAndMatchingGroupsAreMerged()
    {
        // RFC 9309 §2.2.1 example: groups for the same agent are combined.
        var robots = RobotsTxt.Parse("""
            user-agent: a
            user-agent: gleanerbot
            disallow: /c

            user-agent: gleanerbot
            disallow: /d
            """);
        var policy = robots.For("GleanerBot");
        Assert.False(policy.IsAllowed("/c"));
        Assert.False(policy.IsAllowed("/d"));
        Assert.True(policy.IsAllowed("/e"));
        Assert.False(robots.For("a").IsAllowed("/c"));
        Assert.True(robots.For("a").IsAllowed("/d"));
    }

    [Theory]
    // RFC 9309 §2.2.2: the longest match wins, allow wins a tie.
    [InlineData("allow: /p\ndisallow: /", "/page", true)]
    [InlineData("allow: /folder\ndisallow: /folder", "/folder/page", true)]
    [InlineData("allow: /page\ndisallow: /*.html", "/page.html", false)]
    [InlineData("allow: /page\ndisallow: /*.html", "/page.php", true)]
    [InlineData("allow: /$\ndisallow: /", "/", true)]
    [InlineData("allow: /$\ndisallow: /", "/page.html", false)]
    // * and $ (RFC 9309 §2.2.3)
    [InlineData("disallow: /*.gif$", "/images/a.gif", false)]
    [InlineData("disallow: /*.gif$", "/images/a.gif?x=1", true)]
    [InlineData("disallow: /fish*", "/fishheads/yummy.html", false)]
    [InlineData("disallow: /fish*", "/Fish.asp", true)]
    [InlineData("disallow: /*?sid=", "/page?sid=4", false)]
    [InlineData("disallow:", "/anything", true)]
    [InlineData("disallow: /a/*/c", "/a/b/c/d", false)]
    public void RulesMatchAsTheRfcSays(string rules, string path, bool allowed)
    {
        var robots = RobotsTxt.Parse("user-agent: *\n" + rules);
        Assert.Equal(allowed, robots.For("GleanerBot").IsAllowed(path));
    }

    [Fact]
    public void NonAsciiPatternsArePercentEncoded()
    {
        var robots = RobotsTxt.Parse("user-agent: *\ndisallow: /fööbar");
        Assert.False(robots.For("GleanerBot").IsAllowed("/f%C3%B6%C3%B6bar"));
    }

    [Fact]
    public void CrawlDelaySitemapsAndCommentsAreRead()
    {
        var robots = RobotsTxt.Parse("""
            # a comment
            User-agent: *   # trailing comment
            Crawl-delay: 2.5
            Disallow: /tmp/
            Sitemap: https://example.com/sitemap.xml
            Sitemap: not a url
            """);
        var policy = robots.For("GleanerBot");
        Assert.Equal(TimeSpan.FromSeconds(2.5), policy.CrawlDelay);
        Assert.Equal(["https://example.com/sitemap.xml"], robots.Sitemaps);
        Assert.False(policy.IsAllowed("/tmp/x"));
    }

    [Fact]
    public void RulesBeforeAnyUserAgentAreIgnoredAndRobotsTxtItselfIsAlwaysAllowed()
    {
        var robots = RobotsTxt.Parse("disallow: /\nuser-agent: *\ndisallow: /");
        var policy = robots.For("GleanerBot");
        Assert.False(policy.IsAllowed("/x"));
        Assert.True(policy.IsAllowed(new Uri("https://example.com/robots.txt")));
        Assert.True(RobotsTxt.Parse("disallow: /").For("GleanerBot").IsAllowed("/x"));
    }

    [Fact]
    public void OnlyTheFirst500KiBAreRead()
    {
        var filler = new string('#', RobotsTxt.MaxBytes);
        var robots = RobotsTxt.Parse(System.Text.Encoding.UTF8.GetBytes($"{filler}\nuser-agent: *\ndisallow: /"));
        Assert.True(robots.For("GleanerBot").IsAllowed("/x"));
    }
}
