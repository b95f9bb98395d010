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

public class ArticleExtractorSharedParseTests
{
    [Fact]
    public void ExtractingFromItsOwnParseGivesTheSameRecordAsFromText()
    {
        const string html = """
            <html lang="en"><head><title>Bridge reopens - Town News</title>
            <meta property="og:site_name" content="Town News"><meta name="author" content="Ann Lee"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Bridge reopens</h1>
            <p>The old bridge over the river reopened on Monday after two years of repairs to its piers.</p>
            <p>Traffic is expected to return to normal within a week, the council said in a statement.</p></article></body></html>
            """;
        var extractor = new ArticleExtractor();

        var fromText = extractor.Extract(html, "https://town.example/news/bridge");
        using var document = extractor.Parse(html);
        var fromParse = extractor.Extract(document, "https://town.example/news/bridge");
        var again = extractor.Extract(document, "https://town.example/news/bridge");

        var expected = System.Text.Json.JsonSerializer.Serialize(fromText, ArticleJson.Compact);
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(fromParse, ArticleJson.Compact));
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(again, ArticleJson.Compact)); // the document is not changed
        Assert.Contains("reopened on Monday", fromParse.Text);
    }
}
