using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

public class TitleTests
{
    private static string? Title(string head, string body = "", string url = "https://www.example.com/news/story")
        => new ArticleExtractor().Extract($"<html><head>{head}</head><body>{body}<p>Some text of the story goes here.</p></body></html>", url).Title;

    [Theory]
    [InlineData("Rain expected on Monday - The Daily Example")]
    [InlineData("Rain expected on Monday | The Daily Example")]
    [InlineData("Rain expected on Monday — The Daily Example")]
    [InlineData("The Daily Example | Rain expected on Monday")]
    public void StripsTheSiteNameFromTheTitleElement(string title)
    {
        Assert.Equal("Rain expected on Monday", Title($"<title>{title}</title><meta property=\"og:site_name\" content=\"The Daily Example\">"));
    }

    [Fact]
    public void TheHeadlineShowsWhichPartOfTheTitleIsTheSite()
    {
        Assert.Equal("Rain expected on Monday", Title("<title>Rain expected on Monday - Weather Desk</title>", "<h1>Rain expected on Monday</h1>"));
    }

    [Fact]
    public void TheDomainNamesTheSiteWhenNothingElseDoes()
    {
        Assert.Equal("Rain expected", Title("<title>Rain expected | EXAMPLE.com</title>"));
    }

    [Fact]
    public void OpenGraphTitleWinsOverAnUnrelatedTitleElement()
    {
        Assert.Equal("Markets fall sharply", Title("<title>Home</title><meta property=\"og:title\" content=\"Markets fall sharply\">", "<h1>Markets fall sharply</h1>"));
    }

    [Fact]
    public void SourcesThatAgreeOutvoteAJsonLdHeadlineThatDoesNot()
    {
        const string head = """
            <title>List of storms in 2021 - Example Wiki</title>
            <meta property="og:title" content="List of storms in 2021 - Example Wiki">
            <script type="application/ld+json">{"@type": "Article", "headline": "Wikimedia list article"}</script>
            """;
        Assert.Equal("List of storms in 2021", Title(head, "<h1>List of storms in 2021</h1>"));
    }

    [Fact]
    public void ALogoHeadingDoesNotReplaceTheTitle()
    {
        Assert.Equal("Base rates rise again", Title("<title>Base rates rise again</title>", "<h1>Lorem</h1>"));
    }

    [Fact]
    public void KeepsASeparatorThatIsPartOfTheHeadline()
    {
        Assert.Equal("Brexit - what happens next?", Title("<title>Brexit - what happens next? | Example News</title><meta property=\"og:site_name\" content=\"Example News\">"));
    }
}
