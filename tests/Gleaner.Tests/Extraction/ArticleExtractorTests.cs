using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

public class ArticleExtractorTests
{
    [Fact]
    public void ExtractsTitleAndParagraphsOfASimplePage()
    {
        const string html = """
            <html><head><title>Rain expected</title></head>
            <body><article><h1>Rain expected</h1><p>It will rain on Monday.</p><p>Bring an umbrella.</p></article></body></html>
            """;
        var article = new ArticleExtractor().Extract(html, "https://example.com/news/rain");

        Assert.Equal("Rain expected", article.Title);
        Assert.Equal("It will rain on Monday.\nBring an umbrella.", article.Text);
    }
}
