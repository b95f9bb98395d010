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

public class ArticleExtractorParserReuseTests
{
    private const string WithBase = """
        <html lang="fr"><head><base href="https://cdn.example/a/b/"><title>Le pont rouvre</title>
        <link rel="canonical" href="pont.html"></head>
        <body><article><h1>Le pont rouvre</h1><p>Le vieux pont sur la rivière a rouvert lundi après deux ans de travaux sur ses piles.</p>
        <p>La circulation devrait redevenir normale d'ici une semaine, a indiqué la mairie dans un communiqué.</p></article></body></html>
        """;

    private const string WithoutBase = """
        <html><head><title>Rain expected</title><link rel="canonical" href="rain.html"></head>
        <body><article><h1>Rain expected</h1><p>It will rain on Monday across the whole region, the weather service said.</p>
        <p>Bring an umbrella and expect delays on the roads in the morning.</p></article></body></html>
        """;

    [Fact]
    public void APageParsedAfterAnotherTakesNothingFromIt()
    {
        // One parser serves a thread from page to page: the second page's address must not resolve against the first's
        // <base>, nor its language come from the first's.
        var extractor = new ArticleExtractor();
        var alone = System.Text.Json.JsonSerializer.Serialize(new ArticleExtractor().Extract(System.Text.Encoding.UTF8.GetBytes(WithoutBase), url: "https://news.example/x/y"), ArticleJson.Compact);
        extractor.Extract(System.Text.Encoding.UTF8.GetBytes(WithBase), url: "https://other.example/p");
        var after = extractor.Extract(System.Text.Encoding.UTF8.GetBytes(WithoutBase), url: "https://news.example/x/y");

        Assert.Equal("https://news.example/x/rain.html", after.Url);
        Assert.Equal(alone, System.Text.Json.JsonSerializer.Serialize(after, ArticleJson.Compact));
        Assert.Same(ArticleExtractor.ThreadParser, ArticleExtractor.ThreadParser);
    }

    [Fact]
    public void OneTextNodeIsReadWithoutACopy()
    {
        using var document = ArticleExtractor.CreateParser().ParseDocument(
            "<html><head><script>var story = {\"author\": \"Ann Lee\"};</script></head><body><p id=p>Two <b>parts</b></p></body></html>");
        var script = document.QuerySelector("script")!;
        Assert.Same(((AngleSharp.Dom.IText)script.FirstChild!).Data, ElementText.Of(script));
        Assert.Equal("Two parts", ElementText.Of(document.GetElementById("p")!));
        Assert.Equal("", ElementText.Of(document.CreateElement("script")));
    }
}
