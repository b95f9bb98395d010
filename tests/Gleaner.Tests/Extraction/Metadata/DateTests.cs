using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

public class DateTests
{
    private static Article Extract(string head, string body = "", string url = "https://example.com/news/story", string lang = "en")
        => new ArticleExtractor().Extract(
            $"<html lang=\"{lang}\"><head>{head}</head><body><article><h1>Storm hits the coast</h1>{body}<p>The storm reached the coast on Monday night.</p></article></body></html>", url);

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2021-09-27T19:51:00Z\">", "2021-09-27T19:51:00+00:00")]
    [InlineData("<meta property=\"article:published_time\" content=\"20210927T1951+0000\">", "2021-09-27T19:51:00+00:00")]
    [InlineData("<meta property=\"article:published_time\" content=\"2021-09-27T21:51:07.123+02:00\">", "2021-09-27T21:51:07+02:00")]
    [InlineData("<meta name=\"date\" content=\"2021-09-27\">", "2021-09-27")]
    [InlineData("<meta name=\"pubdate\" content=\"2021-09-27 08:05\">", "2021-09-27T08:05:00+00:00")]
    [InlineData("<meta name=\"DC.date.issued\" content=\"2021-09-27\">", "2021-09-27")]
    [InlineData("<meta name=\"parsely-pub-date\" content=\"2021-09-27T19:51:00-04:00\">", "2021-09-27T19:51:00-04:00")]
    [InlineData("<meta name=\"sailthru.date\" content=\"Mon, 27 Sep 2021 19:51:00 GMT\">", "2021-09-27T19:51:00+00:00")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2021-09-27\">", "2021-09-27")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-09-27T19:51+0000\"}</script>", "2021-09-27T19:51:00+00:00")]
    public void ReadsPublishedDatesFromMetadata(string head, string expected)
    {
        Assert.Equal(expected, Extract(head).Published);
    }

    [Fact]
    public void ReadsTimeElementsInTheArticle()
    {
        Assert.Equal("2021-09-27T10:00:00+02:00", Extract("", "<time datetime=\"2021-09-27T10:00:00+02:00\">27 Sep</time>").Published);
    }

    [Theory]
    [InlineData("en", "<div class=\"date\">September 27, 2021</div>", "2021-09-27")]
    [InlineData("en", "<div class=\"date\">Sept. 27, 2021 at 3:46 PM EDT</div>", "2021-09-27T15:46:00-04:00")]
    [InlineData("en", "<div class=\"date\">19:52 GMT 27.09.2021</div>", "2021-09-27T19:52:00+00:00")]
    [InlineData("de", "<div class=\"datum\">27. September 2021, 19:52 Uhr</div>", "2021-09-27T19:52:00+00:00")]
    [InlineData("de", "<span class=\"date\">27.09.2021</span>", "2021-09-27")]
    [InlineData("fr", "<p class=\"date\">Publié le 1er octobre 2021 à 10h30</p>", "2021-10-01T10:30:00+00:00")]
    [InlineData("fr", "<p class=\"date\">27 septembre 2021</p>", "2021-09-27")]
    [InlineData("es", "<p class=\"fecha\">27 de septiembre de 2021</p>", "2021-09-27")]
    [InlineData("pt", "<p class=\"data\">27 de setembro de 2021 às 12h55</p>", "2021-09-27T12:55:00+00:00")]
    [InlineData("it", "<p class=\"data\">27 settembre 2021</p>", "2021-09-27")]
    [InlineData("ru", "<div class=\"article__date\">27 сентября 2021 г., 19:52</div>", "2021-09-27T19:52:00+00:00")]
    [InlineData("en", "<div class=\"timestamp\">Updated 3:46 PM EDT, Mon September 27, 2021</div>", "2021-09-27T15:46:00-04:00")]
    [InlineData("en-GB", "<div class=\"date\">04/05/2021</div>", "2021-05-04")]
    [InlineData("en-US", "<div class=\"date\">04/05/2021</div>", "2021-04-05")]
    [InlineData("ja", "<div class=\"date\">2021年9月27日 19:52</div>", "2021-09-27T19:52:00+00:00")]
    public void ReadsVisibleDatesInManyLanguages(string lang, string body, string expected)
    {
        Assert.Equal(expected, Extract("", body, lang: lang).Published);
    }

    [Fact]
    public void FallsBackOnTheDateInTheUrl()
    {
        Assert.Equal("2021-09-27", Extract("", url: "https://example.com/2021/09/27/storm-hits").Published);
        Assert.Equal("2021-09-27", Extract("", url: "https://example.com/news/20210927/storm-hits.html").Published);
    }

    [Fact]
    public void IgnoresDatesInCommentsRelatedArticlesAndTheCopyrightLine()
    {
        const string body = """
            <aside class="related"><div class="date">12 March 2020</div></aside>
            <div class="comments"><span class="comment-date">13 March 2020</span></div>
            <footer><p class="copyright-date">© 2019 Example Media</p></footer>
            """;
        Assert.Null(Extract("", body).Published);
    }

    [Fact]
    public void PublishedAndModifiedAreNeverSwapped()
    {
        var article = Extract("""
            <meta property="article:modified_time" content="2021-09-28T08:00:00+00:00">
            <meta property="article:published_time" content="2021-09-27T19:51:00+00:00">
            """);
        Assert.Equal("2021-09-27T19:51:00+00:00", article.Published);
        Assert.Equal("2021-09-28T08:00:00+00:00", article.Modified);
    }

    [Fact]
    public void AModifiedDateAloneIsNotAPublishedDate()
    {
        var article = Extract("<meta property=\"article:modified_time\" content=\"2021-09-28T08:00:00+00:00\">");
        Assert.Null(article.Published);
        Assert.Equal("2021-09-28T08:00:00+00:00", article.Modified);
    }

    [Fact]
    public void ADateOnlyValueTakesTheTimeOfAnotherSourceForTheSameDay()
    {
        var article = Extract("<meta name=\"date\" content=\"2021-09-27\">", "<time datetime=\"2021-09-27T19:51:00+00:00\">Monday</time>");
        Assert.Equal("2021-09-27T19:51:00+00:00", article.Published);
    }

    [Fact]
    public void OfSeveralJsonLdArticlesThePagesOwnCounts()
    {
        const string head = """
            <link rel="canonical" href="https://example.com/news/story">
            <script type="application/ld+json">[
              {"@type":"NewsArticle","url":"https://example.com/news/older-story","datePublished":"2020-01-01T08:00:00Z"},
              {"@type":"NewsArticle","url":"https://example.com/news/story","datePublished":"2021-09-27T19:51:00Z"}]</script>
            """;
        Assert.Equal("2021-09-27T19:51:00+00:00", Extract(head).Published);
    }

    [Theory]
    [InlineData("31.02.2021")]
    [InlineData("Call 555-1234")]
    [InlineData("version 10.12.3")]
    [InlineData("27.09.1850")]
    public void RejectsWhatIsNotADate(string text)
    {
        Assert.Null(Extract("", $"<div class=\"date\">{text}</div>").Published);
    }
}
