using Gleaner.Extraction.Metadata;
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
    [InlineData("vi", "<div class=\"date\">27/09/2021 19:52 (GMT+7)</div>", "2021-09-27T19:52:00+07:00")]
    [InlineData("en", "<div class=\"date\">Sept. 27, 2021, 3:46 PM (EDT)</div>", "2021-09-27T15:46:00-04:00")]
    [InlineData("en", "<div class=\"date\">Sept. 27, 2021, 3:46 PM (Reuters)</div>", "2021-09-27T15:46:00+00:00")]
    [InlineData("de", "<div class=\"datum\">27. September 2021, 19:52 Uhr</div>", "2021-09-27T19:52:00+02:00")]
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
    [InlineData("ja", "<div class=\"date\">2021年9月27日 19:52</div>", "2021-09-27T19:52:00+09:00")]
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

    /// <summary>When no article object names this page, one naming another page (a related story's) is not the page's own.</summary>
    [Fact]
    public void OfSeveralJsonLdArticlesOneNamingAnotherPageIsNotThePagesOwn()
    {
        const string head = """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Rain in the hills","url":"https://example.com/weather/rain","datePublished":"2024-02-01T10:00:00Z"}</script>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm hits the coast","datePublished":"2021-09-27T19:51:00Z"}</script>
            """;
        Assert.Equal("2021-09-27T19:51:00+00:00", Extract(head).Published);
    }

    /// <summary>A WebPage object (chosen for want of an article object) dates the page, maybe its first version: the visible
    /// dateline is the article's.</summary>
    [Fact]
    public void AWebPageObjectsDateDoesNotBeatTheVisibleDateline()
    {
        const string head = """
            <script type="application/ld+json">{"@type":"WebPage","name":"Storm","datePublished":"2019-06-01T10:00:00Z","dateModified":"2024-01-10T10:00:00Z"}</script>
            """;
        Assert.Equal("2021-09-27", Extract(head, "<p class=\"date\">September 27, 2021</p>").Published);
        Assert.Equal("2019-06-01T10:00:00+00:00", Extract(head).Published);
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

    private static Article ExtractPage(string html, string url = "https://example.com/news/story") =>
        new ArticleExtractor().Extract(html, url);

    [Theory]
    [InlineData("<div class=\"widget Blog\"><article><h1>Storm hits the coast</h1><div class=\"date-header\">May 3, 2022</div><p>The storm reached the coast.</p></article></div>")]
    [InlineData("<div class=\"right-sidebar\"><h1>Storm hits the coast</h1><span class=\"post-date\">May 3, 2022</span><p>The storm reached the coast.</p></div>")]
    [InlineData("<article><h1>Storm hits the coast</h1><div class=\"node-promoted\"><span class=\"date\">May 3, 2022</span></div><p>The storm reached the coast.</p></article>")]
    [InlineData("<article><h1>Storm hits the coast</h1><p>The storm reached the coast.</p><div class=\"article_footer\"><span class=\"date\">May 3, 2022</span></div></article>")]
    [InlineData("<div class=\"news\"><div class=\"header\"><h1>Storm hits the coast</h1></div><div class=\"footer\"><span class=\"news-date\">May 3, 2022</span></div><p>The storm reached the coast.</p></div>")]
    [InlineData("<section class=\"elementor-section\"><div class=\"elementor-widget-container\"><h1>Storm hits the coast</h1></div><div class=\"elementor-widget-container\"><span class=\"elementor-post-info__item--type-date\">May 3, 2022</span></div></section>")]
    public void TheArticlesOwnDatelineIsNotFurnitureWhateverItsAncestorsAreCalled(string body)
    {
        var article = ExtractPage($"<html lang=\"en\"><head><title>Storm hits the coast</title></head><body>{body}<footer class=\"site-footer\">© 2020</footer></body></html>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Theory]
    [InlineData("comments-area", true)]
    [InlineData("relatedPosts", true)]
    [InlineData("more-stories", true)]
    [InlineData("most-read", true)]
    [InlineData("commentlist", true)]
    [InlineData("node-promoted", false)]
    [InlineData("commentary-article", false)]
    [InlineData("article_footer", false)]
    [InlineData("teaser-list", false)]
    [InlineData("promotional", false)]
    public void ClassWordsAreMatchedAsTokens(string name, bool foreign)
    {
        Assert.Equal(foreign, PageRegions.MarkerOf(name) == PageRegions.Marker.Foreign);
    }

    [Theory]
    [InlineData("de", "<p>Veröffentlicht am Dienstag, 3. Mai 2022</p>", "2022-05-03")]
    [InlineData("de", "<p>Datum: 03.05.2022</p>", "2022-05-03")]
    [InlineData("de", "<p>Stand: 03.05.22, 14:10 Uhr</p>", "2022-05-03T14:10:00+02:00")]
    [InlineData("fr", "<p>Publié le 3 mai 2022</p>", "2022-05-03")]
    [InlineData("es", "<p>Publicado el 3 de mayo de 2022</p>", "2022-05-03")]
    [InlineData("it", "<p>Pubblicato il 3 maggio 2022</p>", "2022-05-03")]
    [InlineData("nl", "<p>Gepubliceerd op 3 mei 2022</p>", "2022-05-03")]
    [InlineData("pl", "<p>Opublikowano: 3 maja 2022</p>", "2022-05-03")]
    [InlineData("ro", "<p>Publicat: 3 mai 2022</p>", "2022-05-03")]
    [InlineData("en", "<p>Posted on May 3, 2022 by Jane Doe</p>", "2022-05-03")]
    [InlineData("de", "<p>Anna Muster · 3. Mai 2022</p>", "2022-05-03")]
    [InlineData("de", "<p>BERLIN, 3. Mai 2022 – Die Regierung hat am Dienstag beschlossen, dass die Stürme künftig früher gemeldet werden.</p>", "2022-05-03")]
    [InlineData("de", "<p>Aktualisiert am 4. Mai 2022, veröffentlicht am 3. Mai 2022</p>", "2022-05-03")]
    public void ReadsDatesInUnmarkedElementsNearTheHeadline(string lang, string body, string expected)
    {
        Assert.Equal(expected, Extract("", body, lang: lang).Published);
    }

    [Fact]
    public void ReadsALongDateMarkedElementsLeadingDate()
    {
        var bio = string.Concat(Enumerable.Repeat("Jane writes about weather and the sea. ", 8));
        Assert.Equal("2022-05-03", Extract("", $"<div class=\"entry-meta\">May 3, 2022 · {bio}</div>").Published);
    }

    [Fact]
    public void LastResortsReadTimeOutsideTheArticleAndLabelledDatesInThePage()
    {
        var time = ExtractPage("<html><body><div class=\"top\"><time datetime=\"2022-05-03T10:00:00+02:00\">3 May</time></div><article><h1>Storm</h1><p>The storm reached the coast.</p></article></body></html>");
        Assert.Equal("2022-05-03T10:00:00+02:00", time.Published);
        var labelled = ExtractPage("<html lang=\"de\"><body><article><h1>Sturm</h1><p>Der Sturm erreichte die Küste. Er war stark und lang, und viele Menschen blieben zuhause, während die Feuerwehr Bäume von den Straßen räumte und Keller leerpumpte.</p>"
            + string.Concat(Enumerable.Repeat("<p>Die Feuerwehr war die ganze Nacht im Einsatz und räumte umgestürzte Bäume von den Straßen.</p>", 4))
            + "<p>Veröffentlicht am 3. Mai 2022</p></article></body></html>");
        Assert.Equal("2022-05-03", labelled.Published);
    }

    [Theory]
    [InlineData("de", "<span class=\"date\">03.05.22</span>", "2022-05-03")]
    [InlineData("cs", "<span class=\"date\">4. 2. 2022</span>", "2022-02-04")]
    [InlineData("es", "<span class=\"date\">26 | 01 | 2022</span>", "2022-01-26")]
    [InlineData("ro", "<span class=\"data\">3 ianuarie 2022</span>", "2022-01-03")]
    [InlineData("ar", "<span class=\"date\">3 مايو 2022</span>", "2022-05-03")]
    [InlineData("ar", "<span class=\"date\">٣ أيار ٢٠٢٢</span>", "2022-05-03")]
    [InlineData("ar", "<span class=\"date\">3 كانون الثاني 2022</span>", "2022-01-03")]
    [InlineData("hu", "<span class=\"date\">2022. május 3.</span>", "2022-05-03")]
    [InlineData("fi", "<span class=\"date\">3. toukokuuta 2022</span>", "2022-05-03")]
    [InlineData("el", "<span class=\"date\">3 Μαΐου 2022</span>", "2022-05-03")]
    [InlineData("sv", "<span class=\"date\">3 augusti 2022</span>", "2022-08-03")]
    [InlineData("id", "<span class=\"date\">3 Agustus 2022</span>", "2022-08-03")]
    [InlineData("ca", "<span class=\"date\">3 d'octubre de 2022</span>", "2022-10-03")]
    [InlineData("en", "<abbr class=\"published\" title=\"2022-05-03T10:00:00+02:00\">3 days ago</abbr>", "2022-05-03T10:00:00+02:00")]
    public void ReadsOddNumericsMoreLanguagesAndTitleAttributes(string lang, string body, string expected)
    {
        Assert.Equal(expected, Extract("", body, lang: lang).Published);
    }

    [Theory]
    [InlineData("version 1.5.10")]
    [InlineData("12-05-21")]
    public void TwoDigitYearsNeedADottedOrSlashedDateWithATwoDigitDayOrMonth(string text)
    {
        Assert.Null(Extract("", $"<div class=\"date\">{text}</div>").Published);
    }

    [Fact]
    public void ReadsUploadDatesAndScriptData()
    {
        Assert.Equal("2022-05-03T10:00:00+00:00", Extract("<script type=\"application/ld+json\">{\"@type\":\"VideoObject\",\"uploadDate\":\"2022-05-03T10:00:00Z\"}</script>").Published);
        Assert.Equal("2022-05-03", Extract("<meta property=\"video:uploaded\" content=\"2022-05-03\">").Published);
        Assert.Equal("2022-05-03T10:00:00+00:00", Extract("", "<script>window.__DATA__={\"story\":{\"createdAt\":\"2022-05-01T08:00:00Z\",\"published_at\":\"2022-05-03T10:00:00Z\"}}</script>").Published);
        Assert.Equal("2022-05-03T10:00:00+00:00", Extract("", "<script>self.push(\"{\\\"datePublished\\\":\\\"2022-05-03T10:00:00Z\\\"}\")</script>").Published);
        // Analytics layers name the key after what they describe.
        Assert.Equal("2022-05-03T10:00:00+02:00", Extract("", "<script>window.dataLayer=[{\"contentPublished\":\"2022-05-03T10:00:00+02:00\",\"contentType\":\"article\"}];</script>").Published);
        Assert.Equal("2022-05-03", Extract("", "<script>var digitalData={\"page\":{\"article_publish_date\":\"2022-05-03\"}};</script>").Published);
        Assert.Null(Extract("", "<script>var cfg={\"publication\":\"Daily Example\",\"published\":true};</script>").Published);
        // A newsletter platform's state: the post's date before its publication's founding (created_at).
        Assert.Equal("2024-03-12T14:30:00+00:00", Extract("", "<script>window._preloads=JSON.parse(\"{\\\"post\\\":{\\\"post_date\\\":\\\"2024-03-12T14:30:00.000Z\\\"},\\\"pub\\\":{\\\"created_at\\\":\\\"2019-06-01T10:00:00.000Z\\\"}}\")</script>").Published);
    }

    [Theory]
    [InlineData("https://example.com/news/03-05-2022/storm", "2022-05-03")]
    [InlineData("https://example.com/2022/5/3/storm", "2022-05-03")]
    [InlineData("https://example.com/news/2022-05-03-storm", "2022-05-03")]
    public void ReadsDatePathsInMoreShapes(string url, string expected)
    {
        Assert.Equal(expected, Extract("", url: url).Published);
    }

    [Fact]
    public void ReadsAFullDateInTheImagePathWhenNothingElseDatesThePage()
    {
        Assert.Equal("2022-05-03", Extract("<meta property=\"og:image\" content=\"https://cdn.example.com/images/2022/05/03/storm.jpg\">").Published);
    }

    [Fact]
    public void AVideosUploadDateDoesNotBeatTheArticlesVisibleDate()
    {
        var article = Extract(
            "<script type=\"application/ld+json\">{\"@type\":\"VideoObject\",\"uploadDate\":\"2019-01-01T10:00:00Z\"}</script>",
            "<time datetime=\"2022-05-03T10:00:00+02:00\">3 May 2022</time>");
        Assert.Equal("2022-05-03T10:00:00+02:00", article.Published);
    }

    [Fact]
    public void AGenericDateMetaDoesNotBeatTheVisibleDatelineOrItemprop()
    {
        Assert.Equal("2022-05-03", Extract("<meta name=\"date\" content=\"2024-01-01\">", "<div class=\"date\">May 3, 2022</div>").Published);
        Assert.Equal("2022-05-03", Extract("<meta name=\"dcterms.date\" content=\"2024-01-01\">", "<span itemprop=\"datePublished\" content=\"2022-05-03\">3 May</span>").Published);
        // The URL's day sides with the generic date against a dateline that disagrees.
        Assert.Equal("2024-01-01", Extract("<meta name=\"dc.date\" content=\"2024-01-01\">", "<div class=\"date\">May 3, 2022</div>", url: "https://example.com/2024/01/01/storm").Published);
    }

    [Fact]
    public void AUtcInstantJustAfterMidnightIsReadOnThePagesLocalDay()
    {
        const string utc = "<meta property=\"article:published_time\" content=\"2022-05-02T22:30:00Z\">";
        // The dateline says the next day: the nearest whole-hour offset that makes it that day.
        Assert.Equal("2022-05-03T00:30:00+02:00", Extract(utc, "<div class=\"date\">3. Mai 2022</div>", lang: "de").Published);
        Assert.Equal("2022-05-03T00:30:00+02:00", Extract(utc, url: "https://example.com/2022/05/03/storm").Published);
        // The page's own local reading of the same instant is preferred.
        var local = Extract(utc + "<script type=\"application/ld+json\">{\"@type\":\"Thing\",\"datePublished\":\"2022-05-03T01:30:00+03:00\"}</script>", url: "https://example.com/2022/05/03/storm");
        Assert.Equal("2022-05-03T01:30:00+03:00", local.Published);
        // Without such evidence the page's UTC reading stands.
        Assert.Equal("2022-05-02T22:30:00+00:00", Extract(utc).Published);
    }

    [Fact]
    public void AShownClockOfTheSameInstantPutsAUtcInstantOnItsLocalDay()
    {
        const string utc = "<meta property=\"article:published_time\" content=\"2023-11-02T23:40:00Z\">";
        Assert.Equal("2023-11-03T00:40:00+01:00", Extract(utc, "<div class=\"meta\"><span>3 nov. 2023 om 00:40</span></div>", lang: "nl").Published);
        // A clock that is no zone's reading of the instant is another event's.
        Assert.Equal("2023-11-02T23:40:00+00:00", Extract(utc, "<div class=\"meta\"><span>3 nov. 2023 om 00:47</span></div>", lang: "nl").Published);
        // A far zone's clock: the shown clock gives the offset, not the nearest guess that makes the day.
        const string sydney = "<meta property=\"article:published_time\" content=\"2024-03-13T23:32:00Z\">";
        Assert.Equal("2024-03-14T10:32:00+11:00", Extract(sydney, "<div class=\"byline\">By Tom Walsh · Thu 14 Mar 2024 at 10:32am</div>", lang: "en-AU").Published);
    }

    [Fact]
    public void ReadsTheArticleAWebPageCarriesAsItsMainEntity()
    {
        const string head = "<script type=\"application/ld+json\">{\"@type\":\"WebPage\",\"mainEntity\":{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-03T18:16:04+0200\"}}</script>";
        Assert.Equal("2022-05-03T18:16:04+02:00", Extract(head, "<time datetime=\"2022-05-03 18:16\">18:16</time>").Published);
    }

    [Fact]
    public void ATimeWithoutAnOffsetTakesTheOffsetOfTheSameTimeElsewhere()
    {
        var article = Extract("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-03 18:11:01\"}</script><meta property=\"article:published_time\" content=\"2022-05-03T18:11:01+02:00\">");
        Assert.Equal("2022-05-03T18:11:01+02:00", article.Published);
    }

    [Theory]
    [InlineData("{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-03T10:00:00Z\",}")]
    [InlineData("{\"@type\":\"NewsArticle\",\"description\":\"line one\nline two\",\"datePublished\":\"2022-05-03T10:00:00Z\"}")]
    [InlineData("{\"@type\":\"WebSite\",\"name\":\"Example\"}{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-03T10:00:00Z\"}")]
    [InlineData("{\"@type\":\"NewsArticle\",\"headline\":\"Tab\there\",\"datePublished\":\"2022-05-03T10:00:00Z\"}")]
    public void ReadsMalformedJsonLdLeniently(string json)
    {
        Assert.Equal("2022-05-03T10:00:00+00:00", Extract($"<script type=\"application/ld+json\">{json}</script>").Published);
    }

    /// <summary>A text read date by date keeps each pattern's next match between dates (DateParser.Scan): the answers are
    /// those of searching afresh from each date's end, whatever pattern each date is written in and wherever a date
    /// overlaps another pattern's match.</summary>
    [Theory]
    [InlineData("Home 12.01.2023 menu. Posted on 3 May 2022, 10:00. Updated 2022-05-04 12:00. Next 5 June 2022")]
    [InlineData("Stand: 2022-05-04 Veröffentlicht am 3. Mai 2022 und aktualisiert am 4. Mai 2022")]
    [InlineData("Updated 2022年5月4日 ... published: 03/05/2022 and 1.2.3 and 2022. május 3. data 2022-05-01")]
    [InlineData("no dates here, only 1234 and 12:30 and version 1.5.10")]
    public void ReadingATextDateByDateFindsWhatFreshSearchesFind(string text)
    {
        foreach (var order in new[] { DateOrder.DayFirst, DateOrder.MonthFirst, DateOrder.YearFirst })
        {
            var found = new List<(PageDate, int, int)>();
            var fresh = new List<(PageDate, int, int)>();
            var scan = new DateParser.Scan();
            for (var start = 0; DateParser.TryFindFrom(text, start, order, out var date, out var index, out var length, scan); start = index + length)
                found.Add((date, index, length));
            for (var start = 0; DateParser.TryFindFrom(text, start, order, out var date, out var index, out var length); start = index + length)
                fresh.Add((date, index, length));
            Assert.Equal(fresh, found);
            Assert.Equal(text.StartsWith("no dates", StringComparison.Ordinal), fresh.Count == 0);
        }
    }

    /// <summary>Month-first dates are still read when the month-first pattern is searched only in texts holding its
    /// tail (the day and the year after a space): whatever the spacing, suffix, comma and language of the month.</summary>
    [Theory]
    [InlineData("Posted September 27, 2021 by Jane", "2021-09-27")]
    [InlineData("Sep. 27 2021", "2021-09-27")]
    [InlineData("Published: March 3rd,   2022 at noon", "2022-03-03")]
    [InlineData("Updated on Oct 9th 2023", "2023-10-09")]
    [InlineData("janvier\t5, 2024", "2024-01-05")]
    [InlineData("Mayıs 3, 2022", "2022-05-03")]
    [InlineData("Mrz 21, 2024", "2024-03-21")]
    // Colombian papers: the month first, "de" before the year.
    [InlineData("Marzo 14 de 2024 - 10:32 a. m.", "2024-03-14")]
    [InlineData("Publicado: septiembre 3 del 2023", "2023-09-03")]
    [InlineData("May 3, 20221", null)]
    [InlineData("May 123, 2021", null)]
    public void ReadsMonthFirstDates(string text, string? expected)
    {
        var found = DateParser.TryFind(text, DateOrder.MonthFirst, out var date);
        Assert.Equal(expected, found ? date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The month-first pattern reads from just before the first " 27, 2021" tail (its whitespace run, a dot, the
    /// longest month name): dates after long text, after a tail that belongs to no month, after a long whitespace run, with
    /// the longest names, and a search starting inside a month name are found as a search of the whole text finds them.</summary>
    [Theory]
    [InlineData("A long report on the storm that hit the coast overnight, with more text before the date line. Posted September 27, 2021 here", 0, "2021-09-27", "September 27, 2021")]
    [InlineData("Updated:\u00a0Sept.                        \n\t\u00a0 27, 2021", 0, "2021-09-27", "Sept.                        \n\t\u00a0 27, 2021")]
    [InlineData("Room 12 1999 was booked, and on May 3, 2022 it rained", 0, "2022-05-03", "May 3, 2022")]
    [InlineData("οι ΣΕΠΤΕΜΒΡΙΟΥ 27, 2021", 0, "2021-09-27", "ΣΕΠΤΕΜΒΡΙΟΥ 27, 2021")]
    [InlineData("kwiecień października 27, 2021", 0, "2021-10-27", "października 27, 2021")]
    [InlineData("September 27, 2021", 3, null, null)]
    [InlineData("May 3, 2022 and June 4, 2022", 1, "2022-06-04", "June 4, 2022")]
    public void FindsMonthFirstDatesFromTheirTail(string text, int start, string? expected, string? matched)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);
        matched = matched is null ? null : System.Text.RegularExpressions.Regex.Unescape(matched);
        var found = DateParser.TryFindFrom(text, start, DateOrder.MonthFirst, out var date, out var index, out var length);
        Assert.Equal(expected, found ? date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        Assert.Equal(matched, found ? text.Substring(index, length) : null);
    }

    /// <summary>Zone names of Asia, Africa and the Americas after the time give its offset; CST is the US's on US pages and
    /// China's on Chinese ones, unknown elsewhere; CT follows the US season like ET; a zone after a year-first date and time counts too.</summary>
    [Theory]
    [InlineData("Mar 12, 2024 3:05 PM CST", "MonthFirst", "2024-03-12T15:05-06:00")]
    [InlineData("2024年3月12日 15:05 CST", "YearFirst", "2024-03-12T15:05+08:00")]
    [InlineData("12 March 2024 15:05 CST", "DayFirst", "2024-03-12T15:05")]
    [InlineData("Mar. 12, 2024 at 3:05 PM CT", "MonthFirst", "2024-03-12T15:05-05:00")]
    [InlineData("Jan. 12, 2024 at 3:05 PM CT", "MonthFirst", "2024-01-12T15:05-06:00")]
    [InlineData("Published Mar 12, 2024, 03:05 PM SGT", "MonthFirst", "2024-03-12T15:05+08:00")]
    [InlineData("March 12, 2024 3:05 PM PHT", "MonthFirst", "2024-03-12T15:05+08:00")]
    [InlineData("12 March 2024 - 15:05 SAST", "DayFirst", "2024-03-12T15:05+02:00")]
    [InlineData("12/03/2024 15:05 BRT", "DayFirst", "2024-03-12T15:05-03:00")]
    [InlineData("기사입력 2024-03-12 15:05 KST", "YearFirst", "2024-03-12T15:05+09:00")]
    [InlineData("2024-03-12 15:05 NEXT", "YearFirst", "2024-03-12T15:05")]
    public void ReadsZoneNamesOfMoreRegions(string text, string order, string expected)
    {
        Assert.True(DateParser.TryFind(text, Enum.Parse<DateOrder>(order), out var date));
        Assert.Equal(expected, date.Value.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            + (date.HasOffset ? date.Value.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture) : ""));
    }

    /// <summary>Greek capitals without accents and the nominative and short month names, Thai Buddhist-era years,
    /// Japanese era years and Vietnamese "tháng" dates; Indonesian zone names give the offset; Finnish "3.5. 2022",
    /// two-digit years after an apostrophe, Austrian month names, a dotted two-digit year after "vom" or "am" (not a version number).</summary>
    [Theory]
    [InlineData("ΤΡΙΤΗ 3 ΙΟΥΝΙΟΥ 2022", "2022-06-03")]
    [InlineData("03 Μαΐ 2022 | 14:30", "2022-05-03T14:30")]
    [InlineData("Αύγουστος 2022, 3 Αυγούστου 2022", "2022-08-03")]
    [InlineData("3 พฤษภาคม 2565", "2022-05-03")]
    [InlineData("12 มี.ค. 67 15:05 น.", "2024-03-12T15:05")]
    [InlineData("12 March 24", null)]
    [InlineData("วันที่ 3 พ.ค. 2565 เวลา 14:30 น.", "2022-05-03T14:30")]
    [InlineData("令和4年5月3日", "2022-05-03")]
    [InlineData("令和元年5月1日", "2019-05-01")]
    [InlineData("平成31年4月30日 14時30分", "2019-04-30T14:30")]
    [InlineData("2024年3月12日 午後3時5分", "2024-03-12T15:05")]
    [InlineData("2024年3月12日 3時5", "2024-03-12")]
    [InlineData("Thứ Ba, ngày 3 tháng 5 năm 2022", "2022-05-03")]
    [InlineData("03 Tháng 5, 2022 | 14:30", "2022-05-03T14:30")]
    [InlineData("Selasa, 03 Mei 2022 14:30 WIB", "2022-05-03T14:30+07:00")]
    [InlineData("3 Mei 2022 | 14.30 WITA", "2022-05-03T14:30+08:00")]
    [InlineData("ti 3.5. 2022 klo 14.30", "2022-05-03T14:30")]
    [InlineData("Julkaistu 3.5. 2022 | Päivitetty 4.5. 2022", "2022-05-03")]
    [InlineData("3 mei '22", "2022-05-03")]
    [InlineData("di 3 mei ’22, 14:30", "2022-05-03T14:30")]
    [InlineData("3. Mai '22", "2022-05-03")]
    [InlineData("May 3, '22", "2022-05-03")]
    [InlineData("Wien, 3. Jänner 2022", "2022-01-03")]
    [InlineData("14. Feber 2022, 15.12 Uhr", "2022-02-14T15:12")]
    [InlineData("Pressemitteilung vom 3.5.22", "2022-05-03")]
    [InlineData("am 3.5.22 um 15:12", "2022-05-03T15:12")]
    [InlineData("Version 3.5.22", null)]
    [InlineData("Kapitel 3.5. 20221", null)]
    [InlineData("3 mei '2", null)]
    [InlineData("tháng 5 có 31 ngày, năm 2022", null)]
    [InlineData("平成 the word and 4年5月", null)]
    [InlineData("中華民國112年1月12日", "2023-01-12")]
    [InlineData("民国112年1月12日 14:32", "2023-01-12T14:32")]
    [InlineData("民國1120年1月12日", null)]
    [InlineData("Stand: 21. Mrz 2024", "2024-03-21")]
    // Vietnamese month names in words (WordPress's "Tháng Ba 14, 2024"; "Tháng Mười Hai", not "Tháng Mười").
    [InlineData("Đăng ngày Tháng Ba 14, 2024", "2024-03-14")]
    [InlineData("14 Tháng Mười Hai, 2023", "2023-12-14")]
    [InlineData("Tháng Mười 5, 2023 lúc 10:32", "2023-10-05T10:32")]
    // Basque: the year's "of" and the month's genitive.
    [InlineData("2024ko martxoaren 14a", "2024-03-14")]
    [InlineData("2023ko abenduaren 5ean, 10:32", "2023-12-05T10:32")]
    // A numeric month with 月 before the day and the year (WordPress's month-first format in Chinese; Pixnet's badge).
    [InlineData("3月 14, 2024", "2024-03-14")]
    [InlineData("3月 14 週四 2024 10:32", "2024-03-14T10:32")]
    [InlineData("2024年3月14日 2025", "2024-03-14")]
    public void ReadsMoreLanguagesAndCalendars(string text, string? expected)
    {
        var found = DateParser.TryFind(text, DateOrder.DayFirst, out var date);
        string? got = null;
        if (found)
            got = date.Value.ToString(date.HasTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                + (date.HasOffset ? date.Value.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture) : "");
        Assert.Equal(expected, got);
    }

    [Theory]
    [InlineData("fr", "Mis à jour le 04/05/2022 à 18h05", "2022-05-04T18:05:00")]
    [InlineData("nl", "Bijgewerkt 04-05-2022 18:05", "2022-05-04T18:05:00")]
    [InlineData("de", "Aktualisiert: 04.05.2022, 18:05 Uhr", "2022-05-04T18:05:00")]
    public void AnUpdateNoteOverTheHeadlineIsTheModifiedDateWhenJsonLdGivesOnlyThePublication(string lang, string note, string expected)
    {
        var article = new ArticleExtractor().Extract(
            $"<html lang=\"{lang}\"><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-03T08:00:00+02:00\"}}</script></head>" +
            $"<body><article><p class=\"maj\">{note}</p><h1>Le tramway prolongé jusqu'à l'aéroport</h1><p>Le tramway sera prolongé jusqu'à l'aéroport d'ici deux ans, a annoncé la métropole.</p></article></body></html>",
            "https://example.com/news/story");
        Assert.Equal("2022-05-03T08:00:00+02:00", article.Published);
        Assert.StartsWith(expected, article.Modified);
    }

    [Theory]
    [InlineData("입력 23.01.12 14:32", "YearFirst", "2023-01-12T14:32")]
    [InlineData("23/01/12", "YearFirst", "2023-01-12")]
    [InlineData("2023. 01. 12. 오후 2:32", "YearFirst", "2023-01-12T14:32")]
    [InlineData("23. 01. 12.", "YearFirst", "2023-01-12")]
    [InlineData("23.01.12", "DayFirst", "2012-01-23")]
    [InlineData("12.01.2023", "YearFirst", "2023-01-12")]
    [InlineData("23.13.12", "YearFirst", null)]
    [InlineData("Version 2.1.10", "YearFirst", null)]
    // Taiwan writes Minguo years as numbers alone: 113 is 2024; elsewhere a three-digit year is no year.
    [InlineData("發布日期：113-03-12", "YearFirst", "2024-03-12")]
    [InlineData("113/03/12 15:05", "YearFirst", "2024-03-12T15:05")]
    [InlineData("113-03-12", "DayFirst", null)]
    [InlineData("發布日期：113年3月12日", "YearFirst", "2024-03-12")]
    [InlineData("2113-03-12", "YearFirst", null)]
    public void ReadsShortYearFirstDatesWhereThePageWritesThem(string text, string order, string? expected)
    {
        var found = DateParser.TryFind(text, Enum.Parse<DateOrder>(order), out var date);
        Assert.Equal(expected, found ? date.Value.ToString(date.HasTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    [Theory]
    [InlineData("<html lang=\"ko\">", "<title>서울시, 새 버스 노선 발표 - 한국뉴스</title>")]
    [InlineData("<html lang=\"ja-JP\">", "<title>東京都、新しいバス路線を発表</title>")]
    [InlineData("<html>", "<title>서울시, 새 버스 노선 발표</title>")]
    public void KoreanAndJapanesePagesReadTheirShortDatesYearFirst(string open, string head)
    {
        var article = new ArticleExtractor().Extract(
            $"{open}<head>{head}</head><body><article><h1>{(head.Contains("서울") ? "서울시, 새 버스 노선 발표" : "東京都、新しいバス路線を発表")}</h1>" +
            "<div class=\"info\"><span class=\"date\">23.01.12 14:32</span></div>" +
            "<p>서울시는 12일 시내 새 버스 노선 세 개를 다음 달부터 운행한다고 밝혔다. 시는 출퇴근 시간 혼잡을 줄이기 위한 조치라고 설명했다.</p></article></body></html>",
            "https://example.com/news/12345");
        Assert.StartsWith("2023-01-12T14:32", article.Published);
    }

    [Fact]
    public void JsonLdDatesWrittenWithSlashesFollowThePagesOrder()
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"12/01/2023\"}</script>";
        Assert.Equal("2023-01-12", Extract(head, lang: "en-GB").Published);
        Assert.Equal("2023-12-01", Extract(head, lang: "en-US").Published);
    }

    [Fact]
    public void AReviewDateIsNoPublication()
    {
        var article = Extract("", "<p class=\"meta\">Medically reviewed: January 14, 2023</p><p class=\"meta\">Published: January 12, 2023</p>");
        Assert.Equal("2023-01-12", article.Published);
    }

    [Theory]
    [InlineData("June 3, 1938 – March 9, 2024", null)]
    [InlineData("* 12.03.1941 - 09.03.2024", null)]
    [InlineData("June 3, 1938 – March 9, 2024. Posted March 11, 2024", "2024-03-11")]
    [InlineData("12.03.2024 – 15.03.2024", "2024-03-12")]
    [InlineData("Saison 2023 – 12.03.2024", "2024-03-12")]
    public void TheEndOfASpanFromThePastIsNoDateOfThePage(string text, string? expected)
    {
        var found = DateParser.TryFind(text, DateOrder.MonthFirst, out var date);
        Assert.Equal(expected, found ? date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    [Theory]
    [InlineData("Dieser Beitrag wurde am 12. Januar 2023 veröffentlicht.", "2023-01-12", null, null)]
    [InlineData("2023年1月12日 14:32 公開", "2023-01-12", null, null)]
    [InlineData("2023年1月14日 更新", null, null, "2023-01-14")]
    [InlineData("2023年01月12日 14時32分 公開", "2023-01-12", null, null)]
    [InlineData("2023年1月14日 09:10 更新 2023年1月12日 10:00 公開", "2023-01-12", "2023-01-14", null)]
    [InlineData("Published 12.01.2023 | Updated yesterday", "2023-01-12", null, null)]
    [InlineData("Posted: 14.01.2023 (Originally published 12.01.2023)", "2023-01-12", null, null)]
    [InlineData("Posted: 14.01.2023 by Jane Doe. Published: 12.01.2023", "2023-01-14", null, null)]
    [InlineData("am 12. Januar 2023 um 14:32 Uhr veröffentlicht", "2023-01-12", null, null)]
    [InlineData("Bu haber 12.01.2023 tarihinde yayınlandı.", "2023-01-12", null, null)]
    [InlineData("12.01.2023 Aktualisiert: 14.01.2023", null, "2023-01-12", "2023-01-14")]
    [InlineData("12.01.2023 Datum", null, "2023-01-12", null)]
    [InlineData("12.01.2023 Berlin, veröffentlicht", null, "2023-01-12", null)]
    // "date" labels the page's date, not when another word makes it a job's, an event's or a product's.
    [InlineData("Date: 12 January 2023", "2023-01-12", null, null)]
    [InlineData("Closing date: 12 January 2023", null, "2023-01-12", null)]
    [InlineData("Start date: 12.01.2023", null, "2023-01-12", null)]
    [InlineData("Posted date: 12.01.2023", "2023-01-12", null, null)]
    public void ReadsALabelWrittenAfterItsDate(string text, string? published, string? unlabelled, string? modified)
    {
        var (p, u, m) = DateLabels.Read(text, DateOrder.DayFirst);
        static string? Day(PageDate? date) => date?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((published, unlabelled, modified), (Day(p), Day(u), Day(m)));
    }

    [Fact]
    public void AFooterNoteWithItsLabelAfterTheDateDatesAPostWhoseCommentsAreDated()
    {
        var article = Extract("", "<p>Der Stadtrat hat den Haushalt beschlossen, nach langer Debatte über Busspuren und Straßenbahnen.</p><p class=\"post-footer\">Dieser Beitrag wurde am 12. Januar 2023 veröffentlicht.</p>" +
            "<section class=\"comments\"><div class=\"comment\"><b>Karl</b> <span>20. Januar 2023 um 10:15</span><p>Endlich!</p></div></section>", lang: "de");
        Assert.Equal("2023-01-12", article.Published);
    }
}
