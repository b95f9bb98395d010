using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

/// <summary>Provenance: each date, author and title source is named when it wins, the others are listed with a reason,
/// and confidence follows agreement; explanations are off (null) by default and never change the record.</summary>
public class ExplanationTests
{
    private static readonly ArticleExtractor Explaining = new(new ExtractionOptions { Explain = true });

    private const string Body = "<p>The council met on Monday evening and agreed, after a long debate, to rebuild the old bridge over the river.</p>";

    private static Article Extract(string head, string body, string url = "https://example.com/news/story") =>
        Explaining.Extract($"<html lang=\"en\"><head>{head}</head><body>{body}</body></html>", url);

    private static FieldExplanation Field(Article article, string name) =>
        article.Explanation!.Field(name) ?? throw new Xunit.Sdk.XunitException($"no explanation of {name}");

    [Fact]
    public void IsOffByDefaultAndLeavesTheRecordAsItIs()
    {
        const string html = """<html><head><title>Bridge to reopen</title><meta property="article:published_time" content="2024-05-03T10:00:00+02:00"></head><body><article><h1>Bridge to reopen</h1><p>The council met on Monday evening and agreed, after a long debate, to rebuild the old bridge.</p></article></body></html>""";
        var plain = new ArticleExtractor().Extract(html, "https://example.com/a");
        var explained = Explaining.Extract(html, "https://example.com/a");

        Assert.Null(plain.Explanation);
        Assert.NotNull(explained.Explanation);
        explained.Explanation = null;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(plain, ArticleJson.Compact), System.Text.Json.JsonSerializer.Serialize(explained, ArticleJson.Compact));
    }

    [Fact]
    public void NamesTheJsonLdDateWithItsTypeAndTheMetaTagThatAgrees()
    {
        var article = Extract(
            """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge to reopen","datePublished":"2024-05-03T10:00:00+02:00"}</script><meta property="article:published_time" content="2024-05-03T10:00:00+02:00">""",
            "<article><h1>Bridge to reopen</h1>" + Body + "</article>");

        var published = Field(article, "published");
        Assert.Equal("2024-05-03T10:00:00+02:00", published.Value);
        Assert.Equal("json-ld:NewsArticle.datePublished", published.Source);
        Assert.Contains(published.Others, other => other.Source == "meta[article:published_time]" && other.Reason == "agrees");
        Assert.True(published.Confidence >= 0.9, $"two independent sources agree: {published.Confidence}");
    }

    [Fact]
    public void NamesTheMetaTagAndListsAVisibleDateOfAnotherDayAsWeaker()
    {
        var article = Extract("""<meta property="article:published_time" content="2024-05-03T10:00:00Z">""",
            """<article><h1>Bridge to reopen</h1><time datetime="2024-05-01">1 May 2024</time>""" + Body + "</article>");

        var published = Field(article, "published");
        Assert.Equal("meta[article:published_time]", published.Source);
        var time = Assert.Single(published.Others);
        Assert.StartsWith("time time \"1 May 2024\" in the article", time.Source);
        Assert.Equal("2024-05-01", time.Value);
        Assert.Equal("weaker kind of source", time.Reason);
        Assert.True(published.Confidence < 0.9, $"a visible date contradicts it: {published.Confidence}");
    }

    [Fact]
    public void NamesATimeElementInTheArticle()
    {
        var article = Extract("", """<article><h1>Bridge to reopen</h1><time datetime="2024-05-03T08:30:00+02:00">3 May</time>""" + Body + "</article>");

        var published = Field(article, "published");
        Assert.Equal("2024-05-03T08:30:00+02:00", published.Value);
        Assert.Equal("time time \"3 May\" in the article", published.Source);
    }

    [Fact]
    public void NamesTheVisibleTextOfALabelledDate()
    {
        var article = Extract("", """<article><h1>Brücke wird erneuert</h1><div class="meta-date">Veröffentlicht am 3. Mai 2024</div>""" + Body + "</article>");

        var published = Field(article, "published");
        Assert.Equal("2024-05-03", published.Value);
        Assert.Contains("\"Veröffentlicht am 3. Mai 2024\"", published.Source);
        Assert.StartsWith("visible text div.meta-date", published.Source);
    }

    [Fact]
    public void NamesTheUrlPathWhenNothingElseDatesThePage()
    {
        var article = Extract("", "<article><h1>Bridge to reopen</h1>" + Body + "</article>", "https://example.com/2024/05/03/bridge-to-reopen");

        var published = Field(article, "published");
        Assert.Equal("2024-05-03", published.Value);
        Assert.Equal("url path", published.Source);
        Assert.True(published.Confidence < 0.5, $"the URL alone is a weak source: {published.Confidence}");
    }

    [Fact]
    public void ADateInTheFutureIsImplausible()
    {
        var future = DateTimeOffset.UtcNow.AddYears(3).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'");
        var article = Extract($"""<meta property="article:published_time" content="{future}"><meta name="dc.date" content="{future}">""",
            "<article><h1>Bridge to reopen</h1>" + Body + "</article>");

        Assert.True(Field(article, "published").Confidence <= 0.3);
    }

    [Fact]
    public void NamesJsonLdAuthorsAndTheMetaTagThatAgrees()
    {
        var article = Extract(
            """<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"}]}</script><meta name="author" content="Jane Doe">""",
            "<article><h1>Bridge to reopen</h1>" + Body + "</article>");

        var authors = Field(article, "authors");
        Assert.Equal("Jane Doe", authors.Value);
        Assert.Equal("json-ld:NewsArticle.author", authors.Source);
        Assert.Contains(authors.Others, other => other.Source == "meta[author]" && other.Reason == "agrees");
    }

    [Fact]
    public void NamesAMetaAuthorAndAVisibleBylineThatDiffers()
    {
        var article = Extract("""<meta name="author" content="Jane Doe">""",
            """<article><h1>Bridge to reopen</h1><div class="byline">By Max Mustermann</div>""" + Body + "</article>");

        var authors = Field(article, "authors");
        Assert.Equal("meta[author]", authors.Source);
        Assert.Contains(authors.Others, other => other.Value == "Max Mustermann" && other.Reason == "a source tried later");
    }

    [Fact]
    public void NamesTheBylineElementWhenItIsTheOnlySource()
    {
        var article = Extract("", """<article><h1>Bridge to reopen</h1><div class="byline">By Max Mustermann</div>""" + Body + "</article>");

        var authors = Field(article, "authors");
        Assert.Equal("Max Mustermann", authors.Value);
        Assert.Equal("a byline element in the article", authors.Source);
    }

    [Fact]
    public void AnOrganisationCreditedBesideThePersonLowersTheConfidence()
    {
        var article = Extract(
            """<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Organization","name":"Agency Press"}]}</script><meta name="author" content="Jane Doe">""",
            "<article><h1>Bridge to reopen</h1>" + Body + "</article>");

        var authors = Field(article, "authors");
        Assert.Equal("Jane Doe", authors.Value);
        Assert.True(authors.Confidence <= 0.7, $"is the agency an author too? {authors.Confidence}");
    }

    [Fact]
    public void NamesTheTitleSourceAndCountsTheOthersThatStateIt()
    {
        var article = Extract(
            """<title>Bridge to reopen</title><meta property="og:title" content="Bridge to reopen"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge to reopen"}</script>""",
            "<article><h1>Bridge to reopen</h1>" + Body + "</article>");

        var title = Field(article, "title");
        Assert.Equal("json-ld:NewsArticle.headline", title.Source);
        Assert.Contains(title.Others, other => other.Source == "meta[og:title]" && other.Reason == "agrees");
        Assert.Contains(title.Others, other => other.Source == "<title>" && other.Reason == "agrees");
        Assert.True(title.Confidence >= 0.9);
    }

    [Fact]
    public void ATitleTheDocumentTitleStatesOnlyWithASuffixStaysBelowTheHighBand()
    {
        var article = Extract("""<title>Bridge to reopen | Town News</title><meta property="og:title" content="Bridge to reopen"><meta property="og:site_name" content="Town News">""",
            "<article><h1>Bridge to reopen</h1>" + Body + "</article>");

        var title = Field(article, "title");
        Assert.Equal("Bridge to reopen", title.Value);
        Assert.Equal("meta[og:title] (the <title> says more or otherwise)", title.Source);
        Assert.True(title.Confidence < 0.9);
    }

    [Fact]
    public void NamesTheHeadingWhenOnlyTheTitleAndTheHeadingStateIt()
    {
        var article = Extract("<title>Bridge to reopen</title>", "<article><h1>Bridge to reopen</h1>" + Body + "</article>");

        var title = Field(article, "title");
        Assert.Equal("<title>", title.Source);
        Assert.Contains(title.Others, other => other.Source.StartsWith("h1", StringComparison.Ordinal) && other.Reason == "agrees");
    }

    [Fact]
    public void ExplainsTheBodyContainerAndTheDroppedFurniture()
    {
        var article = Extract("<title>Bridge to reopen</title>",
            """<nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="main"><article class="story"><h1>Bridge to reopen</h1>""" + Body + Body
            + """<p>Share this article</p><div class="share-bar">Share on social networks</div></article></div>""");

        var body = article.Explanation!.Body;
        Assert.Equal("page", body.Source);
        // The article is the only thing in its wrapper, so the wrapper is the container.
        Assert.Equal("div#main", body.Container);
        Assert.True(body.Score > 0);
        Assert.Contains(body.Dropped, dropped => dropped.Rule == "furniture tag nav" && dropped.Text == "Home News");
        Assert.Contains(body.Dropped, dropped => dropped.Rule == "furniture class or id div.share-bar");
        Assert.Contains(body.Dropped, dropped => dropped.Rule == "the headline again" && dropped.Text == "Bridge to reopen");
    }

    [Fact]
    public void MinConfidenceEmptiesDoubtfulFieldsAndKeepsTheBody()
    {
        var options = new ExtractionOptions { MinConfidence = 0.5 };
        var article = new ArticleExtractor(options).Extract(
            "<html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen</h1>" + Body + "</article></body></html>",
            "https://example.com/2024/05/03/bridge-to-reopen");

        Assert.Null(article.Published);
        Assert.Equal("Bridge to reopen", article.Title);
        Assert.Contains("rebuild the old bridge", article.Text);
        Assert.Null(article.Explanation);
    }

    [Fact]
    public void RejectsAMinConfidenceOutsideZeroToOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArticleExtractor(new ExtractionOptions { MinConfidence = 1.5 }));
}
