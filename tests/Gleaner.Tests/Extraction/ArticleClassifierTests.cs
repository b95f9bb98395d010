using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

public class ArticleClassifierTests
{
    private static readonly string Paragraphs = string.Concat(Enumerable.Range(1, 5).Select(i =>
        $"<p>Paragraph {i} of the story tells what happened in the council meeting on Monday, who voted and why it matters to residents.</p>"));

    [Fact]
    public void AStoryWithProseIsAnArticle()
    {
        var html = $"<html><head><title>Council votes</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Council votes</h1>{Paragraphs}</article></body></html>";
        Assert.Equal(PageKind.Article, ArticleClassifier.Classify(html, new Uri("https://example.com/news/council-votes")));
    }

    [Fact]
    public void StructuredDataNamingANewsArticleCounts()
    {
        var html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Short"}</script>
            <meta property="og:type" content="article"></head><body><p>A short item of news, two sentences long.</p></body></html>
            """;
        Assert.Equal(PageKind.Article, ArticleClassifier.Classify(html, new Uri("https://example.com/news/short")));
    }

    [Fact]
    public void ASectionOfTeasersIsAListing()
    {
        var teasers = string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"<article><h2><a href='/news/story-{i}'>Story number {i} has a long headline for the list</a></h2><p>One line.</p></article>"));
        var html = $"<html><head><title>News</title><meta property='og:type' content='website'></head><body>{teasers}</body></html>";
        Assert.Equal(PageKind.Listing, ArticleClassifier.Classify(html, new Uri("https://example.com/news/")));
    }

    [Fact]
    public void ASectionWithLongSummariesIsStillAListing()
    {
        var teasers = string.Concat(Enumerable.Range(1, 10).Select(i =>
            $"<div class='item'><h3><a href='/news/story-{i}'>Story number {i}</a></h3><div>The summary of story {i} runs to a couple of sentences, telling readers what happened, where it happened and who was involved in it.</div></div>"));
        var html = $"<html><head><title>News</title></head><body><main>{teasers}</main></body></html>";
        Assert.Equal(PageKind.Listing, ArticleClassifier.Classify(html, new Uri("https://example.com/news/")));
    }

    [Fact]
    public void AStoryWrittenInBrokenDivsIsAnArticle()
    {
        var lines = string.Join("<br><br>", Enumerable.Range(1, 4).Select(i =>
            $"Line {i} of a story laid out without paragraphs: the council met on Monday and argued at length about the budget for roads and schools."));
        var html = $"<html><head><title>Council</title></head><body><h1>Council argues</h1><div class='story'>{lines}</div></body></html>";
        Assert.Equal(PageKind.Article, ArticleClassifier.Classify(html, new Uri("https://example.com/news/council")));
    }

    [Fact]
    public void TheFrontPageIsAListingEvenWithSomeProse()
    {
        var html = $"<html><body><div>{Paragraphs}</div><a href='/a'>A</a></body></html>";
        Assert.Equal(PageKind.Listing, ArticleClassifier.Classify(html, new Uri("https://example.com/")));
    }

    [Fact]
    public void CollectionPageStructuredDataIsAListing()
    {
        var html = $"""<html><head><script type="application/ld+json">{"{"}"@type":"CollectionPage"{"}"}</script></head><body><ul><li><a href="/x">x</a></li></ul></body></html>""";
        Assert.Equal(PageKind.Listing, ArticleClassifier.Classify(html, new Uri("https://example.com/tag/x")));
    }
}
