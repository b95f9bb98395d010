using Gleaner.Extraction;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Tests.Extraction.Metadata;

/// <summary>
/// Which evidence dates the article, on whole pages written like the CMS templates that misled the date finder:
/// headlines that are not <c>h1</c>, layout wrappers named after the sidebar, sidebars inside the headline's
/// neighbourhood, dates kept in <c>title</c> attributes, microdata of other stories, JSON-LD that does not parse.
/// </summary>
public class DateEvidenceTests
{
    private static Article Extract(string head, string body, string lang = "en", string url = "https://www.example.org/news/story") =>
        new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>
            <header class="site-header"><span class="today">Monday, 13 January 2025</span></header>
            {body}
            <footer class="site-footer"><p>© 2025 Example</p></footer></body></html>
            """, url);

    private const string Text = "<p>The council met on Monday and agreed on the plan after a long debate about its cost.</p>";

    [Fact]
    public void BloggersPostTitleIsAnH3InsideTheBlogWidget()
    {
        var article = Extract("<title>Notes from the coast: A walk along the cliffs</title><meta property=\"og:title\" content=\"A walk along the cliffs\">", """
            <div class="widget Blog" id="Blog1"><div class="blog-posts hfeed"><div class="date-outer">
            <h2 class="date-header"><span>Tuesday, 3 May 2022</span></h2>
            <div class="post-outer"><div class="post hentry"><h3 class="post-title entry-title">A walk along the cliffs</h3>
            <div class="post-body entry-content">
            """ + Text + """
            </div></div></div></div></div></div>
            <div class="sidebar section"><div class="widget BlogArchive"><span class="date">10 January 2025</span></div></div>
            """);
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void Typo3NewsHeadlineIsAMarkedH3AndItsDateStandsInItsFooter()
    {
        var article = Extract("<title>Hochschule startet Förderprogramm - Universität Beispielstadt</title>", """
            <div class="news news-single"><div class="article" itemscope="itemscope" itemtype="http://schema.org/Article">
            <div class="header"><h3 itemprop="headline">Hochschule startet Förderprogramm</h3></div>
            <div class="footer"><p><span class="news-list-date"><time itemprop="datePublished" datetime="2022-05-03">03.05.2022</time></span></p></div>
            <div class="news-text-wrap" itemprop="articleBody"><p>Die Hochschule startet ein neues Programm für Studierende aller Fächer.</p></div>
            </div></div>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
        Assert.Equal("Hochschule startet Förderprogramm", article.Title);
    }

    [Fact]
    public void ATeaserNamedMetaLineUnderTheHeadlineIsTheArticles()
    {
        var article = Extract("<title>Stadtrat beschließt Haushalt</title>", """
            <main><article class="article"><div class="article__header"><h1>Stadtrat beschließt Haushalt</h1>
            <div class="teaser__meta"><span class="teaser__date">03.05.2022</span></div></div>
            <div class="article__body"><p>Der Rat hat am Montag nach langer Debatte den Plan beschlossen.</p></div></article>
            <section class="teaser-list"><div class="teaser"><h3>Anderes</h3><span class="teaser__date">12.01.2025</span></div></section></main>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void ASidebarBesideTheContentIsNotPartOfTheArticlesScope()
    {
        var article = Extract("<title>Storm reaches the coast</title>", """
            <div class="wrap"><aside class="widget-area"><div class="widget recent-entries"><ul><li><a href="/x">Latest</a>
            <span class="post-date">January 10, 2025</span></li></ul></div></aside>
            <div class="main"><h1>Storm reaches the coast</h1><div class="entry-meta"><span class="posted-on">May 3, 2022</span></div>
            """ + Text + "</div></div>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void ALayoutWrapperNamedAfterItsSidebarHoldsTheHeadline()
    {
        var article = Extract("<title>Hochschule startet Förderprogramm - Beispiel</title>", """
            <div class="page-wrap right-sidebar"><div class="content-area"><main><h1>Hochschule startet Förderprogramm</h1>
            <div class="post-meta"><span class="post-date">03.05.2022</span></div>
            <p>Die Hochschule startet ein neues Programm für Studierende aller Fächer.</p></main></div>
            <div id="secondary" class="sidebar"><span class="date">12.01.2025</span></div></div>
            """, lang: "de");
        Assert.Equal("Hochschule startet Förderprogramm", article.Title);
        Assert.Equal("2022-05-03", article.Published);
    }

    [Theory]
    [InlineData("<div class=\"byline\">by Jane <a href=\"#\" title=\"Tuesday, May 3, 2022, 9:15 am\">3 years ago</a></div>", "2022-05-03T09:15:00")]
    [InlineData("<div class=\"post-info\">by Jane, <abbr title=\"2022-05-03T09:15:00\">3 years ago</abbr></div>", "2022-05-03T09:15:00")]
    [InlineData("<time title=\"May 3, 2022 09:15\">3 years ago</time>", "2022-05-03T09:15:00")]
    [InlineData("<div class=\"post-meta\"><span title=\"2022-05-03 09:15:00 +0000 UTC\">May 3</span> · 4 min</div>", "2022-05-03T09:15:00")]
    public void ReadsTheDateAnElementKeepsInItsTitle(string meta, string expected)
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<div class=\"post\"><h1>Storm reaches the coast</h1>" + meta + Text + "</div>");
        Assert.StartsWith(expected, article.Published);
    }

    [Fact]
    public void ALinksTitleThatIsNotADateIsNoEvidence()
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<div class=\"post\"><h1>Storm reaches the coast</h1>"
            + "<p><a href=\"/a\" title=\"Budget 2023 in 10 points\">Budget</a></p>" + Text + "</div>");
        Assert.Null(article.Published);
    }

    [Fact]
    public void MicrodataOfAStoryListedBeforeTheHeadlineDatesThatStory()
    {
        var article = Extract("<title>Storm reaches the coast</title>", """
            <div class="page"><div class="col"><div class="top-stories"><div itemscope itemtype="https://schema.org/NewsArticle">
            <a href="/other">Other story</a><meta itemprop="datePublished" content="2025-01-10"></div></div>
            <h1>Storm reaches the coast</h1><div class="meta">May 3, 2022</div>
            """ + Text + "</div></div>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Theory]
    // Below the headline: another story's card naming its own headline, a reader's comment.
    [InlineData("""<section class="more"><div itemscope itemtype="https://schema.org/NewsArticle"><h3 itemprop="headline"><a href="/other">Harbour reopens after repairs</a></h3><meta itemprop="datePublished" content="2022-05-06T08:00:00+02:00"></div></section>""", "2022-05-03")]
    [InlineData("""<section class="talk"><div itemscope itemtype="https://schema.org/Comment"><time itemprop="datePublished" datetime="2022-05-04T10:00:00+02:00">4 May</time><p itemprop="text">Good.</p></div></section>""", "2022-05-03")]
    // An item holding only the article's dates, or its own headline again, is the article's.
    [InlineData("""<div itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="headline" content="Storm reaches the coast"><meta itemprop="datePublished" content="2022-05-02T08:00:00+02:00"></div>""", "2022-05-02T08:00:00+02:00")]
    public void MicrodataOfAnotherItemBelowTheHeadlineDatesThatItem(string item, string expected)
    {
        var article = Extract("<title>Storm reaches the coast</title>", """
            <div class="page"><h1>Storm reaches the coast</h1><div class="meta">May 3, 2022</div>
            """ + Text + item + "</div>");
        Assert.Equal(expected, article.Published);
    }

    [Theory]
    // A field's label and its value in two wrappers: the update's label stands before the wrapper of its <time>.
    [InlineData("""<div class="field"><div class="label">Updated</div><div class="value"><time datetime="2022-05-05T09:00:00+02:00">5 May 2022</time></div></div><div class="field"><div class="label">Published</div><div class="value"><time datetime="2022-05-03T10:00:00+02:00">3 May 2022</time></div></div>""")]
    [InlineData("""<dl><dt>Aktualisiert</dt><dd><time datetime="2022-05-05T09:00:00+02:00">05.05.2022</time></dd><dt>Erstellt</dt><dd><time datetime="2022-05-03T10:00:00+02:00">03.05.2022</time></dd></dl>""")]
    public void AnUpdateLabelledInTheWrapperBeforeItsTimeIsNoPublication(string fields)
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<div class=\"post\"><h1>Storm reaches the coast</h1>" + fields + Text + "</div>");
        Assert.Equal("2022-05-03T10:00:00+02:00", article.Published);
        Assert.Equal("2022-05-05T09:00:00+02:00", article.Modified);
    }

    [Fact]
    public void TheArticlesMicrodataInTheBodyStillDatesIt()
    {
        var article = Extract("<title>Storm reaches the coast</title>", """
            <div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Storm reaches the coast</h1>
            <meta itemprop="datePublished" content="2022-05-03T10:00:00+02:00">
            """ + Text + "</div>");
        Assert.Equal("2022-05-03T10:00:00+02:00", article.Published);
    }

    [Theory]
    [InlineData("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"He said \"no\" to it\",\"datePublished\":\"2022-05-03T10:00:00+02:00\"}")]
    [InlineData("{\"@type\":\"BlogPosting\",\"datePublished\":\"2022-05-03T10:00:00+02:00\",\"description\":\"cut off")]
    public void ReadsTheDateOfJsonLdThatDoesNotParse(string json)
    {
        var article = Extract($"<title>Storm</title><script type=\"application/ld+json\">{json}</script>", "<div class=\"main\"><h1>Storm</h1>" + Text + "</div>");
        Assert.Equal("2022-05-03T10:00:00+02:00", article.Published);
    }

    [Fact]
    public void AnUnmarkedDatelineUnderTheHeadlineBeatsAGenericPageDate()
    {
        var article = Extract("<title>Council approves budget</title><meta name=\"dc.date\" content=\"2019-01-01\">",
            "<div class=\"content\"><h1>Council approves budget</h1><p>3 May 2022</p>" + Text + "</div>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void ACaptionsDateUnderTheHeadlineDatesThePhoto()
    {
        var article = Extract("<title>Offensive im Osten | 28.04.2023</title>", """
            <div id="bodyContent"><div class="col3"><h1>Offensive im Osten</h1><p class="intro">Die Armee bereitet sich vor.</p>
            <div class="picBox full"><img src="/a.jpg" alt=""><p>Panzer bei den Kämpfen im Osten, 24. April 2023</p></div>
            <p>Der Winter ist vorbei und die Wege sind trocken, sagen Beobachter.</p></div></div>
            """, lang: "de");
        Assert.Equal("2023-04-28", article.Published);
    }

    [Theory]
    // A date closing the headline before the site's name dates the page; one inside the headline's sentence, or before
    // a further part that is no site name, does not.
    [InlineData("Ortsbeirat tagt am Donnerstag - 12.01.2023 | Stadt Musterhausen", "2023-01-12")]
    [InlineData("Ortsbeirat tagt am Donnerstag – 12.01.2023 – Baden-Baden", "2023-01-12")]
    [InlineData("Ortsbeirat tagt am 12.01.2023 im Rathaus | Stadt Musterhausen", null)]
    [InlineData("Ortsbeirat - 12.01.2023 - Tagesordnung | Stadt Musterhausen", null)]
    public void ADateClosingTheTitlesHeadlineDatesAnOtherwiseUndatedPage(string title, string? expected)
    {
        var article = Extract($"<title>{title}</title>", "<div class=\"content\"><h1>Ortsbeirat tagt</h1>"
            + "<p>Der Ortsbeirat trifft sich zu seiner ersten Sitzung im neuen Jahr, auf der Tagesordnung steht die Sanierung der Grundschule.</p></div>", lang: "de");
        Assert.Equal(expected, article.Published);
    }

    [Fact]
    public void ADeclaredTimeWithoutOffsetTakesTheZoneTheDatelineNames()
    {
        var article = Extract("<title>Stadtrat beschließt Haushalt</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Stadtrat beschließt Haushalt\",\"datePublished\":\"2023-01-12T14:32:00\"}</script>",
            "<article><h1>Stadtrat beschließt Haushalt</h1><p class=\"date\">12.01.2023, 14:32 Uhr MEZ</p>" + Text + "</article>", lang: "de");
        Assert.Equal("2023-01-12T14:32:00+01:00", article.Published);
    }

    [Fact]
    public void AReadNextListInsideTheColumnDatesOtherStories()
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<div class=\"page\"><div class=\"col\"><h1>Storm reaches the coast</h1><p>May 3, 2022</p>"
            + Text + "<div class=\"read-next\"><ul><li><a href=\"/x\">Other</a> <time datetime=\"2025-01-10\">Jan 10</time></li></ul></div></div></div>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AnUpdateNoteUnderTheHeadlineDatesAPageThatShowsNothingElse()
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<div class=\"content\"><h1>Storm reaches the coast</h1><p>Last updated: May 10, 2022</p>" + Text + "</div>");
        Assert.Equal("2022-05-10", article.Published);
        Assert.Equal("2022-05-10", article.Modified);
    }

    [Fact]
    public void AUsDateWithATwoDigitYearNeedsNoTwoDigitDayOrMonth()
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<div class=\"content\"><h1>Storm reaches the coast</h1><p class=\"byline\">By Jane Doe | 5/3/22</p>" + Text + "</div>", lang: "en-US");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Theory]
    [InlineData("de", "Der Verein wurde am 3. Mai 1998 gegründet und hat heute viele Mitglieder.")]
    [InlineData("en", "On May 3, 2022, the court ruled that the company had broken the law when it kept the data of its customers for years.")]
    [InlineData("de", "Bewerbungsschluss: 30.06.2022")]
    [InlineData("en", "Deadline: June 30, 2022")]
    public void ADateInProseOrUnderAnEventLabelDoesNotDateThePage(string lang, string line)
    {
        var article = Extract("<title>Verein und Preis</title>", $"<div class=\"content\"><h1>Verein und Preis</h1><p>{line}</p>" + Text + "</div>", lang: lang);
        Assert.Null(article.Published);
    }

    [Theory]
    [InlineData("hu", "2022. május 3., kedd")]
    [InlineData("ro", "Marți, 3 mai 2022, ora 10:30")]
    [InlineData("hr", "3. svibnja 2022. u 10:30")]
    [InlineData("en", "Posted by Anna, Ben, Carla and Dan on 2022-05-03, all posts")]
    [InlineData("lv", "2022. gada 3. maijs")]
    [InlineData("is", "3. maí 2022")]
    [InlineData("et", "3. märts 2022")]
    public void ADatelineMayEndInAWeekdayATimeOrALink(string lang, string line)
    {
        var article = Extract("<title>Council approves budget</title>", $"<div class=\"content\"><h1>Council approves budget</h1><p>{line}</p>" + Text + "</div>", lang: lang);
        Assert.StartsWith(lang == "et" ? "2022-03-03" : "2022-05-03", article.Published);
    }

    [Fact]
    public void ATimeLabelledAsAnUpdateIsTheModifiedDate()
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<article><h1>Storm reaches the coast</h1><p class=\"meta\">Updated <time datetime=\"2022-05-10T10:00:00+02:00\">May 10, 2022</time> | "
            + "Published <time datetime=\"2022-05-03T08:00:00+02:00\">May 3, 2022</time></p>" + Text + "</article>");
        Assert.Equal("2022-05-03T08:00:00+02:00", article.Published);
        Assert.Equal("2022-05-10T10:00:00+02:00", article.Modified);
    }

    [Fact]
    public void AUtcInstantNearMidnightIsReadInTheOffsetThePagesOtherDatesUse()
    {
        var article = Extract("<title>Gemeinderat tagt</title><meta property=\"article:published_time\" content=\"2022-05-02T23:30:00+00:00\">"
            + "<meta property=\"article:modified_time\" content=\"2022-05-03T09:00:00+02:00\">", "<div class=\"content\"><h1>Gemeinderat tagt</h1>" + Text + "</div>", lang: "de");
        Assert.Equal("2022-05-03T01:30:00+02:00", article.Published);
    }

    [Theory]
    [InlineData("https://example.com/2022/may/03/storm")]
    [InlineData("https://example.com/2022.05.03/storm")]
    public void ReadsMoreUrlDateShapes(string url)
    {
        Assert.Equal("2022-05-03", Extract("<title>Storm</title>", "<div class=\"content\"><h1>Storm</h1>" + Text + "</div>", url: url).Published);
    }

    [Theory]
    [InlineData("<ul><li><a href=\"/o1\">Bus lanes are coming to the old town</a> <time datetime=\"2025-01-10\">Jan 10</time></li>"
        + "<li><a href=\"/o2\">The school opens a new library</a> <time datetime=\"2025-01-08\">Jan 8</time></li></ul>")]
    [InlineData("<div class=\"list\"><div class=\"item\"><h3><a href=\"/o1\">Bus lanes are coming</a></h3><span class=\"date\">10.01.2025</span></div>"
        + "<div class=\"item\"><h3><a href=\"/o2\">A new library</a></h3><span class=\"date\">08.01.2025</span></div></div>")]
    public void AnUnmarkedListOfOtherStoriesUnderTheArticleDoesNotOutweighItsDateline(string list)
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<main><div class=\"story\"><h1>Storm reaches the coast</h1><p>May 3, 2022</p>"
            + Text + "<h2>More stories</h2>" + list + "</div></main>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Theory]
    [InlineData("<div class=\"box\"><h2>Termine</h2><ul><li><time datetime=\"2025-02-12\">12.02.2025</time> <a href=\"/e1\">Tag der offenen Tür</a></li>"
        + "<li><time datetime=\"2025-03-01\">01.03.2025</time> <a href=\"/e2\">Vortrag über Energie</a></li></ul></div>")]
    [InlineData("<div class=\"box\"><h2>Termine</h2><div class=\"ev\"><span class=\"event-date\">12.02.2025</span><a href=\"/e1\">Tag der offenen Tür</a></div>"
        + "<div class=\"ev\"><span class=\"event-date\">01.03.2025</span><a href=\"/e2\">Vortrag über Energie</a></div></div>")]
    public void AListOfEventsBesideAnUndatedPageDoesNotDateIt(string events)
    {
        var article = Extract("<title>Unser Institut</title>", "<div class=\"content\"><h1>Unser Institut</h1>"
            + "<p>Das Institut forscht seit vielen Jahren zu Energie und Klima und bildet Studierende aus.</p></div>" + events, lang: "de");
        Assert.Null(article.Published);
    }

    [Fact]
    public void ASectionFrontsCardsDateTheirOwnStories()
    {
        var article = Extract("<title>Politics</title>", "<main><h1>Politics</h1><div class=\"cards\">"
            + "<div class=\"card\"><h2><a href=\"/a\">First story about the city</a></h2><time datetime=\"2025-01-10\">Jan 10, 2025</time></div>"
            + "<div class=\"card\"><h2><a href=\"/b\">Second story about the city</a></h2><time datetime=\"2025-01-09\">Jan 9, 2025</time></div></div></main>");
        Assert.Null(article.Published);
    }

    [Theory]
    [InlineData("<ul class=\"meta\"><li><a href=\"/author/jane\">Jane Doe</a></li><li>Published <time datetime=\"2022-05-03\">May 3, 2022</time></li>"
        + "<li>Updated <time datetime=\"2022-05-10\">May 10, 2022</time></li></ul>")]
    [InlineData("<div class=\"meta\"><div><a href=\"/author/jane\">Jane Doe</a> <span class=\"date\">May 3, 2022</span></div>"
        + "<div><a href=\"/category/news\">News</a> <span class=\"date\">Updated May 10, 2022</span></div></div>")]
    public void TheArticlesOwnMetaLineIsNoListOfStories(string meta)
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<div class=\"post\"><h1>Storm reaches the coast</h1>" + meta + Text + "</div>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void APageBuildersDateWidgetInTheNextSectionDatesTheArticle()
    {
        var article = Extract("<title>Rat beschließt Haushalt</title>", """
            <div class="elementor"><section class="elementor-section"><div class="elementor-container"><div class="elementor-widget-wrap">
            <div class="elementor-element elementor-widget elementor-widget-theme-post-title"><div class="elementor-widget-container">
            <h1 class="elementor-heading-title">Rat beschließt Haushalt</h1></div></div></div></div></section>
            <section class="elementor-section"><div class="elementor-container"><div class="elementor-widget-wrap">
            <div class="elementor-element elementor-widget elementor-widget-post-info"><div class="elementor-widget-container">
            <span class="elementor-post-info__item elementor-post-info__item--type-date">3. Mai 2022</span></div></div>
            <div class="elementor-element elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">
            <p>Der Rat hat am Montag nach langer Debatte den Plan beschlossen.</p></div></div></div></div></section></div>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void APageBuildersTextBlockUnderTheHeadlinesSectionIsItsDateline()
    {
        var article = Extract("<title>Storm reaches the coast</title>", """
            <div class="elementor"><section class="elementor-section"><div class="elementor-container"><div class="elementor-widget-wrap">
            <div class="elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h1>Storm reaches the coast</h1></div></div>
            </div></div></section><section class="elementor-section"><div class="elementor-container"><div class="elementor-widget-wrap">
            <div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>May 3, 2022</p></div></div>
            <div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">
            """ + Text + """
            </div></div></div></div></section><section class="elementor-section"><div class="elementor-widget elementor-widget-posts">
            <article class="elementor-post"><h3><a href="/x">Another story entirely</a></h3><span class="elementor-post-date">January 10, 2025</span></article>
            </div></section></div>
            """);
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AMarkedDateBelowTheDatelineDatesSomethingElse()
    {
        var article = Extract("<title>Hochschule startet Förderprogramm</title>", """
            <div id="wrapper"><div id="col2"><div class="news-single-item"><h1>Hochschule startet Förderprogramm</h1>
            <div class="news-single-rightbox">03.05.2022</div><p>Die Hochschule startet ein neues Programm für Studierende aller Fächer.</p></div></div>
            <div id="col3"><div class="box"><h2>Veranstaltungen</h2><p><span class="date">12.02.2025</span> Tag der offenen Tür</p></div></div></div>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void ATimeOfAStoryLinkedBelowTheDatelineDatesThatStory()
    {
        var article = Extract("<title>Storm reaches the coast</title>", "<div class=\"story\"><h1>Storm reaches the coast</h1><p>May 3, 2022</p>" + Text
            + "<div class=\"nxt\"><span>Next</span> <a href=\"/n\">School opens a new library</a> <time datetime=\"2025-01-10\">Jan 10, 2025</time></div></div>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AForumThreadsPostsLinkTheirAuthorsAndTheFirstDatesTheThread()
    {
        var article = Extract("<title>How do I fix the boiler?</title>", """
            <main><h1>How do I fix the boiler?</h1><div class="posts">
            <div class="post-row"><a href="/u/anna">anna</a> <span class="date">May 3, 2022</span><p>My boiler stopped working and shows an error code.</p></div>
            <div class="post-row"><a href="/u/ben">ben</a> <span class="date">May 4, 2022</span><p>Try resetting it first.</p></div></div></main>
            """);
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AForumPostsPermalinkToItsOwnAnchorIsNoLinkToAnotherPage()
    {
        // phpBB links each post to itself (viewtopic.php?p=40211#p40211): the posts are this page's, the first dates the thread;
        // the day its author registered dates the author.
        var article = Extract("<title>Wärmepumpe im Altbau: eure Erfahrungen? - Haustechnik-Forum</title>", """
            <div id="page-body" class="page-body">
            <h2 class="topic-title"><a href="./viewtopic.php?t=8812">Wärmepumpe im Altbau: eure Erfahrungen?</a></h2>
            <div id="p40211" class="post has-profile bg2">
            <div class="inner">
            <dl class="postprofile"><dt><a href="./memberlist.php?u=77" class="username">HausBj1962</a></dt><dd class="profile-posts"><strong>Beiträge:</strong> 14</dd><dd class="profile-joined"><strong>Registriert:</strong> Mo 4. Jan 2021, 19:02</dd></dl>
            <div class="postbody"><div id="post_content40211">
            <h3 class="first"><a href="#p40211">Wärmepumpe im Altbau: eure Erfahrungen?</a></h3>
            <p class="author"><a href="./viewtopic.php?p=40211#p40211"><span class="imageset icon_post_target">Beitrag</span></a><span class="responsive-hide">von <strong><a href="./memberlist.php?u=77" class="username">HausBj1962</a></strong> » </span>Di 12. Mär 2024, 14:30</p>
            <div class="content">Hallo zusammen, unser Haus ist von 1962, ungedämmt, mit Heizkörpern. Hat jemand Erfahrungen mit einer Luft-Wärmepumpe in so einem Haus?</div>
            </div></div>
            </div></div>
            <div id="p40215" class="post has-profile bg1">
            <div class="inner">
            <dl class="postprofile"><dt><a href="./memberlist.php?u=12" class="username">Energieberater_K</a></dt></dl>
            <div class="postbody"><div id="post_content40215">
            <h3><a href="#p40215">Re: Wärmepumpe im Altbau: eure Erfahrungen?</a></h3>
            <p class="author"><a href="./viewtopic.php?p=40215#p40215"><span class="imageset icon_post_target">Beitrag</span></a><span class="responsive-hide">von <strong><a href="./memberlist.php?u=12" class="username">Energieberater_K</a></strong> » </span>Di 12. Mär 2024, 16:02</p>
            <div class="content">Das geht, aber lass zuerst eine Heizlastberechnung machen.</div>
            </div></div>
            </div></div>
            </div>
            """, "de");
        Assert.Equal("2024-03-12T14:30:00+01:00", article.Published);
    }

    [Fact]
    public void AnEmbeddedVideosMicrodataDatesTheVideo()
    {
        var article = Extract("<title>Neuer Radweg an der Elbe</title>", """
            <main><article><h1>Neuer Radweg an der Elbe</h1><p class="meta">Von Ute Krause · 20.02.2024</p>
            <div class="video-embed" itemscope itemtype="https://schema.org/VideoObject"><meta itemprop="uploadDate" content="2023-09-14T10:00:00+02:00">
            <meta itemprop="datePublished" content="2023-09-14T10:00:00+02:00"><p>Video: So sah die Baustelle im September aus</p></div>
            """ + Text + "</article></main>", "de");
        Assert.Equal("2024-02-20", article.Published);
    }

    [Theory]
    [InlineData("https://www.lokal.example/2024/polizeibericht-einbruch", "<h1>Polizeibericht: Einbruch in Kiosk an der Bahnhofstraße</h1><p class=\"datum\">20.02. | 14:30 Uhr</p>", "2024-02-20T14:30:00+01:00")]
    [InlineData("https://www.lokal.example/2024/polizeibericht-einbruch", "<h1>Polizeibericht: Einbruch in Kiosk an der Bahnhofstraße</h1><p class=\"datum\">Di, 20.02.</p>", "2024-02-20")]
    [InlineData("https://garden.example/2024/02/spring-volunteer-day/", "<div class=\"badge\"><span class=\"day\">20</span><span class=\"month\">Feb</span></div><h1>Polizeibericht: Einbruch in Kiosk an der Bahnhofstraße</h1>", "2024-02-20")]
    // The URL's month is another: the badge is no such day.
    [InlineData("https://garden.example/2024/03/spring-volunteer-day/", "<div class=\"badge\"><span class=\"day\">20</span><span class=\"month\">Feb</span></div><h1>Polizeibericht: Einbruch in Kiosk an der Bahnhofstraße</h1>", null)]
    [InlineData("https://www.lokal.example/2024/polizeibericht-einbruch", "<h1>Polizeibericht: Einbruch in Kiosk an der Bahnhofstraße</h1><p class=\"termin\">Termin: 20.02.</p>", null)]
    // A line of words with a number after a month's short name ("Sie", Polish for August) is no dateline.
    [InlineData("https://www.lokal.example/2024/08/polizeibericht-einbruch", "<h1>Polizeibericht: Einbruch in Kiosk an der Bahnhofstraße</h1><p>Das sollten Sie 12 Stunden lang beachten</p>", null)]
    public void ADayAndMonthWithoutAYearNextToTheHeadlineTakesTheUrlsYear(string url, string header, string? expected)
    {
        var article = Extract("<title>Polizeibericht: Einbruch in Kiosk an der Bahnhofstraße</title>", "<main><article>" + header + Text + "</article></main>", "de", url);
        Assert.Equal(expected, article.Published);
    }

    [Fact]
    public void StandDatesTheLastRevisionAndGivesWayToThePagesDate()
    {
        // "Stand:" (as of) is the last revision: the page's own date wins, and the revision is the modified date.
        var article = Extract("<title>Was Reisende jetzt wissen müssen</title><meta name=\"date\" content=\"2024-02-20T17:05:00+01:00\">", """
            <main><article><div class="seitenkopf"><p class="topline">Bahn-Streik</p><h1>Was Reisende jetzt wissen müssen</h1>
            <div class="metatextline">Stand: 21.02.2024 08:10 Uhr</div></div>
            """ + Text + "</article></main>", "de");
        Assert.Equal("2024-02-20T17:05:00+01:00", article.Published);
        Assert.Equal("2024-02-21T08:10:00+00:00", article.Modified);
    }

    [Fact]
    public void AnUpdatesClockWithoutAZoneTakesTheZoneOfTheSameClockDeclared()
    {
        var article = Extract("<title>Ambrosia im Garten</title><meta property=\"article:published_time\" content=\"2024-04-26T20:44:00+02:00\">", """
            <main><article><h1>Ambrosia im Garten</h1><p class="timestamp"><span>Stand: </span><time datetime="2024-04-26 20:44">26.04.2024, 20:44 Uhr</time></p>
            """ + Text + "</article></main>", "de");
        Assert.Equal("2024-04-26T20:44:00+02:00", article.Published);
        Assert.Equal("2024-04-26T20:44:00+02:00", article.Modified);
    }

    [Fact]
    public void StandDatesThePageWhenItIsItsOnlyDate()
    {
        var article = Extract("<title>Was Reisende jetzt wissen müssen</title>", """
            <main><article><h1>Was Reisende jetzt wissen müssen</h1><p class="meta">Stand: 04.06.2024 14:30 Uhr</p>
            """ + Text + "</article></main>", "de");
        Assert.Equal("2024-06-04T14:30:00+02:00", article.Published);
    }

    private const string LongText = Text + Text + Text + Text;

    [Fact]
    public void ResponsesBelowTheArticleInARegionNotNamedSoDateNothing()
    {
        var article = Extract("<title>Harbour rules</title>", """
            <main><article><h1>Harbour rules</h1><div class="entry">
            """ + LongText + """
            </div><div id="reactions"><ul>
            <li><div class="who">Joe</div><div class="meta">March 12, 2024</div><div class="body">Great post, thanks.</div></li>
            <li><div class="who">Ann</div><div class="meta">March 13, 2024</div><div class="body">I am not so sure about this.</div></li>
            </ul></div></article></main>
            """);
        Assert.Null(article.Published);
    }

    [Fact]
    public void TheArticlesOwnLabelledDatesBelowItsTextStillDateIt()
    {
        var article = Extract("<title>Hafen bekommt neue Regeln</title>", """
            <main><div class="content"><h1>Hafen bekommt neue Regeln</h1>
            """ + LongText + """
            <ul class="infos"><li><span class="date">Veröffentlicht: 03.05.2022</span></li><li><span class="date">Geändert: 10.05.2022</span></li></ul>
            </div></main>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AnUndatedPageIsDatedByTheDayInItsFirstImagesPath()
    {
        var article = Extract("<title>Harbour rules</title>", """
            <main><article><h1>Harbour rules</h1><figure><img src="/media/images/2022/05/03/harbour.jpg" alt=""></figure>
            """ + Text + "</article></main>");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Theory]
    // WordPress keeps uploads by year and month only: no day, no date.
    [InlineData("/wp-content/uploads/2022/05/10-tips.jpg")]
    [InlineData("/wp-content/uploads/2022/05/harbour.jpg")]
    public void AYearAndMonthInAnImagesPathIsNoDate(string path)
    {
        var article = Extract("<title>Harbour rules</title>", $"""
            <main><article><h1>Harbour rules</h1><figure><img src="{path}" alt=""></figure>
            """ + Text + "</article></main>");
        Assert.Null(article.Published);
    }

    [Fact]
    public void AnImageInTheSidebarDoesNotDateThePage()
    {
        var article = Extract("<title>Harbour rules</title>", """
            <main><article><h1>Harbour rules</h1>
            """ + Text + """
            </article><aside class="sidebar"><img src="/media/images/2024/01/10/other.jpg" alt=""></aside></main>
            """);
        Assert.Null(article.Published);
    }

    [Fact]
    public void ADatelineAboveTheHeadlineOutweighsAMarkedDateBelowTheLead()
    {
        var article = Extract("<title>Hafen bekommt neue Regeln</title>", """
            <main><div class="col"><div class="kicker">Politik · 03.05.2022</div><h1>Hafen bekommt neue Regeln</h1>
            <div class="text">
            """ + LongText + """
            </div><div class="more"><div class="card"><a href="/b">Ein anderer Artikel über den Hafen</a> <time datetime="2024-01-10">10.01.2024</time></div></div>
            </div></main>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AMarkedDateRightUnderTheHeadlineOutweighsADatelineAboveIt()
    {
        var article = Extract("<title>Hafen bekommt neue Regeln</title>", """
            <main><div class="col"><div class="kicker">Politik · 02.05.2022</div><h1>Hafen bekommt neue Regeln</h1>
            <p class="meta"><time datetime="2022-05-03T10:00:00+02:00">03.05.2022, 10:00 Uhr</time></p>
            """ + LongText + "</div></main>", lang: "de");
        Assert.Equal("2022-05-03T10:00:00+02:00", article.Published);
    }

    [Fact]
    public void ADateTwoLinesAboveTheHeadlineIsNotItsDateline()
    {
        var article = Extract("<title>Hafen bekommt neue Regeln</title>", """
            <main><div class="col"><p>03.05.2022</p><p>Rubrik Politik</p><h1>Hafen bekommt neue Regeln</h1>
            <div class="text">
            """ + LongText + """
            </div><div class="more"><div class="card"><a href="/b">Ein anderer Artikel über den Hafen</a> <time datetime="2024-01-10">10.01.2024</time></div></div>
            </div></main>
            """, lang: "de");
        Assert.NotEqual("2022-05-03", article.Published?[..10]);
    }

    /// <summary>A byline that scripts fill in keeps its date in a data attribute; an update's, an event's or a listed
    /// story's data attribute does not date the article.</summary>
    [Theory]
    [InlineData("""<div class="article-meta" data-date="2022-05-03T14:30:00+02:00"><span class="author">Anna Schmidt</span></div>""", "2022-05-03T14:30:00+02:00")]
    [InlineData("""<div class="byline">Anna Schmidt · <span class="timestamp" data-timestamp="1651588200">vor 2 Jahren</span></div>""", "2022-05-03T14:30:00+00:00")]
    [InlineData("""<div class="byline" data-published-at="1651588200000">Anna Schmidt</div>""", "2022-05-03T14:30:00+00:00")]
    [InlineData("""<div class="byline" data-updated="2022-05-05T09:00:00+02:00">Anna Schmidt</div>""", null)]
    [InlineData("""<div class="event" data-event-date="2031-03-12">Hafenfest</div>""", null)]
    [InlineData("""<div class="byline" data-time="1234567">Anna Schmidt</div>""", null)]
    [InlineData("""<div class="cards"><div class="card" data-date="2024-02-01"><a href="/a"><h3>Ein anderer Bericht über das Wetter</h3></a></div><div class="card" data-date="2024-02-02"><a href="/b"><h3>Noch ein Bericht über den Verkehr</h3></a></div></div>""", null)]
    // A framework's component left for the browser to render keeps the date in its own attribute; a plain element's
    // attribute without the data- prefix is no such data.
    [InlineData("""<article-byline author="Anna Schmidt" published-at="2022-05-03T14:30:00+02:00"></article-byline>""", "2022-05-03T14:30:00+02:00")]
    [InlineData("""<div class="byline" published-at="2022-05-03T14:30:00+02:00">Anna Schmidt</div>""", null)]
    public void AScriptRenderedBylineKeepsItsDateInADataAttribute(string meta, string? expected)
    {
        var article = Extract("<title>Hafen bekommt neue Regeln</title>", """
            <main><article><h1>Hafen bekommt neue Regeln</h1>
            """ + meta + "<div class=\"text\">" + LongText + """
            </div></article></main>
            """, lang: "de");
        Assert.Equal(expected, article.Published);
    }

    /// <summary>A wire story whose only date is the agency's credit line after the text; a photo credit's date and the
    /// footer's copyright year do not date a page.</summary>
    [Theory]
    [InlineData("""<p class="dpa">03.05.2022 14:30 © dpa-infocom, dpa:220503-99-123456/2</p>""", "2022-05-03T14:30:00+02:00")]
    [InlineData("""<div class="copyright">© dpa-infocom · 03.05.2022</div>""", "2022-05-03")]
    [InlineData("""<p class="source">Quelle: dpa | 03.05.2022</p>""", "2022-05-03")]
    [InlineData("""<figure><img src="/hafen.jpg" alt=""><figcaption>Der Hafen am 01.05.2022. © Foto: dpa</figcaption></figure>""", null)]
    [InlineData("""<p>© 2022 Beispiel Verlag</p>""", null)]
    // A club's or parish's report closes with its writer's credit and the day.
    [InlineData("""<p><i>Bericht: Max Muster, 03.05.2022</i></p>""", "2022-05-03")]
    [InlineData("""<p><strong>Text und Fotos:</strong> Anna Schmidt, 3. Mai 2022</p>""", "2022-05-03")]
    [InlineData("""<div class="comments"><p>Autor: Gast, 05.05.2022</p></div>""", null)]
    public void AWireStorysCreditLineDatesItWhenNothingElseDoes(string credit, string? expected)
    {
        var article = Extract("<title>Hafen bekommt neue Regeln</title>", """
            <main><article><h1>Hafen bekommt neue Regeln</h1><div class="text"><p><strong>Hamburg (dpa)</strong> - Der Stadtrat hat am Montag den Plan beschlossen.</p>
            """ + LongText + credit + """
            </div></article></main>
            """, lang: "de");
        Assert.Equal(expected, article.Published);
    }

    [Theory]
    [InlineData("""<nav class="breadcrumbs"><a href="/">Start</a> › <a href="/archiv/2022/05/03/">3. Mai 2022</a> › Hafen</nav>""", "2022-05-03")]
    [InlineData("""<ol itemscope itemtype="https://schema.org/BreadcrumbList"><li><a href="/">Home</a></li><li><a href="/2022-05-03">Day</a></li></ol>""", "2022-05-03")]
    [InlineData("""<nav class="breadcrumbs"><a href="/">Start</a> › <a href="/archiv/2022/">2022</a> › <a href="/archiv/2022/05/">Mai</a></nav>""", null)]
    [InlineData("""<nav class="breadcrumbs"><a href="/">Start</a> › <a href="/2021/04/12/alter-hafen-plan/">Der alte Plan</a></nav>""", null)]
    // The trail's last item, a date alone: after a separator, or as the last list item.
    [InlineData("""<nav class="breadcrumbs"><a href="/">Start</a> › <a href="/news">Aktuelles</a> › 3. Mai 2022</nav>""", "2022-05-03")]
    [InlineData("""<nav aria-label="breadcrumb"><ol><li><a href="/">Start</a></li><li><a href="/news">Aktuelles</a></li><li>03.05.2022</li></ol></nav>""", "2022-05-03")]
    [InlineData("""<nav class="breadcrumbs"><a href="/">Start</a> › <a href="/news">Aktuelles</a> › Sitzung vom 3. Mai 2022</nav>""", null)]
    // The last item names the page's kind with its day: a news item's, a press release's.
    [InlineData("""<p class="breadcrumb"><a href="/">Startseite</a> › <a href="/aktuelles">Aktuelles</a> › Nachricht vom 03.05.2022</p>""", "2022-05-03")]
    [InlineData("""<nav aria-label="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/press">Press</a></li><li>Press release from 3 May 2022</li></ol></nav>""", "2022-05-03")]
    [InlineData("""<nav class="breadcrumbs"><a href="/">Start</a> › <a href="/news">Termine 3. Mai 2022</a> › Hafen</nav>""", null)]
    [InlineData("""<aside class="calendar"><a href="/archiv/2022/05/03/">3</a></aside>""", null)]
    public void ABreadcrumbTrailsDayDatesAPageNothingElseDates(string trail, string? expected)
    {
        var article = Extract("<title>Hafen bekommt neue Regeln</title>", trail + """
            <main><article><h1>Hafen bekommt neue Regeln</h1><div class="text"><p>Der Stadtrat hat am Montag den Plan beschlossen.</p>
            """ + LongText + """
            </div></article></main>
            """, lang: "de");
        Assert.Equal(expected, article.Published);
    }

    [Theory]
    // An event's day under the title of its announcement; the publication labelled below the text.
    [InlineData("""<p class="event-date"><strong>Samstag, 14. Dezember 2024, 19:00 Uhr</strong> · Stadtkirche</p>""", "2024-11-02")]
    [InlineData("""<div class="tribe-events-schedule"><time datetime="2024-12-14T19:00">14. Dezember 2024 um 19:00</time></div>""", "2024-11-02")]
    [InlineData("""<div id="eventDate">14.12.2024</div>""", "2024-11-02")]
    // The same line marked only as a date is the article's dateline.
    [InlineData("""<p class="date">14.12.2024</p>""", "2024-12-14")]
    public void ADateInAnElementNamedForAnEventDatesTheEvent(string line, string expected)
    {
        var article = Extract("<title>Adventskonzert in der Stadtkirche</title>", """
            <main><article><h1>Adventskonzert in der Stadtkirche</h1>
            """ + line + """
            <div class="text"><p>Der Chor lädt zu seinem traditionellen Konzert ein, mit Werken von Bach und Händel.</p>
            """ + LongText + LongText + """
            <p class="pub">Veröffentlicht am 02.11.2024</p></div></article></main>
            """, lang: "de");
        Assert.Equal(expected, article.Published);
    }

    [Theory]
    [InlineData("event-date", true)]
    [InlineData("eventDate", true)]
    [InlineData("tribe-events-schedule", true)]
    [InlineData("termin_datum", true)]
    [InlineData("prevent-date", false)]
    [InlineData("eventually", false)]
    [InlineData("news-date", false)]
    public void EventNamesAreWholeWords(string className, bool expected)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<p class=\"{className}\">x</p>");
        Assert.Equal(expected, PageRegions.NamesEvent(document.QuerySelector("p")!));
    }

    [Theory]
    [InlineData("teaser__meta", "Layout")]
    [InlineData("right-sidebar", "Layout")]
    [InlineData("has-sidebar", "Layout")]
    [InlineData("sidebar-with-ads", "Foreign")]
    [InlineData("sidebar", "Foreign")]
    [InlineData("sidebar right-sidebar", "Foreign")]
    [InlineData("right-rail", "Foreign")]
    [InlineData("widget_recent_entries", "Foreign")]
    [InlineData("widget", "Layout")]
    [InlineData("widget-area", "Layout")]
    [InlineData("elementor-widget-container", "None")]
    [InlineData("elementor-element elementor-widget elementor-widget-post-info", "None")]
    public void SidebarNamesThatDescribeTheLayoutAreLayoutWords(string name, string expected)
    {
        Assert.Equal(expected, PageRegions.MarkerOf(name).ToString());
    }

    [Fact]
    public void AForumTopicWithoutH1IsHeadedByTheHeadingItsTitleLeadsWith()
    {
        // No site name to strip from the title: its part before " - " is the topic's heading, and the first post's line dates it.
        var article = Extract("<title>Heizung macht Geräusche in der Nacht - Haustechnik-Forum</title>", """
            <div id="page-body"><h2 class="topic-title"><a href="/t/101">Heizung macht Geräusche in der Nacht</a></h2>
            <div id="p101" class="post"><div class="postbody"><p class="author">von <strong><a>kalle77</a></strong> » Di 2. Nov 2021, 19:44</p>
            <div class="content">Hallo zusammen, seit gestern klopft unsere Heizung nachts. Hat jemand eine Idee?</div></div></div></div>
            """, lang: "de");
        Assert.Equal("2021-11-02T19:44:00+01:00", article.Published);
    }

    [Fact]
    public void ALogosH1DoesNotHeadTheArticleWhoseH2TheTitleLeadsWith()
    {
        var article = Extract("<title>Kläranlage wird erweitert | Stadtblatt</title>", """
            <div class="masthead"><h1 class="logo"><a href="/">Stadtblatt</a></h1></div>
            <div class="wrapper"><div class="main"><h2>Kläranlage wird erweitert</h2><p>03.05.2022</p>
            <p>Der Rat hat am Montag nach langer Debatte den Ausbau der Anlage beschlossen.</p></div></div>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AMarkedElementKeepsItsDateInItsContentAttribute()
    {
        var article = Extract("<title>Volunteers plant 500 trees</title>", """
            <article><h1>Volunteers plant 500 trees</h1><div class="meta"><span class="date" content="2021-10-19">3 days ago</span></div>
            """ + Text + "</article>");
        Assert.Equal("2021-10-19", article.Published);
    }

    [Fact]
    public void AUtcInstantIsReadAtTheClockTheTimeElementShows()
    {
        var article = Extract("<title>Nachtsitzung im Landtag</title>", """
            <main><article><h1>Nachtsitzung im Landtag</h1><time datetime="2022-05-02T22:30:00Z">03.05.2022, 00:30 Uhr</time>
            <p>Der Landtag hat bis in die Nacht beraten und am Ende einen Kompromiss gefunden.</p></article></main>
            """, lang: "de");
        Assert.Equal("2022-05-03T00:30:00+02:00", article.Published);
        // A zone the text names gives the same instant in that zone.
        var eastern = Extract("<title>Late game</title>", """
            <main><article><h1>Late game</h1><time datetime="2019-11-19 02:24:00 UTC">  Nov 18, 2019      at      9:24 pm ET  </time>
            """ + Text + "</article></main>");
        Assert.Equal("2019-11-18T21:24:00-05:00", eastern.Published);
        // Microdata that writes the same instant without an offset gives it in UTC: the instant stays, shown in that zone.
        var microdata = Extract("<title>Late game</title>", """
            <main><article><meta itemprop="datePublished" content="2019-11-19 02:24:00"><h1>Late game</h1>
            <time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at 9:24 pm ET</time>
            """ + Text + "</article></main>");
        Assert.Equal("2019-11-18T21:24:00-05:00", microdata.Published);
    }

    [Fact]
    public void AShownClockWithoutSecondsGivesTheOffsetOfAnInstantWithSeconds()
    {
        // The <time>'s own text: 22:30:47 UTC shown as "00:30 Uhr" is 00:30 local time (+02:00).
        var shownInTime = Extract("<title>Nachtsitzung im Landtag</title>", """
            <main><article><h1>Nachtsitzung im Landtag</h1><time datetime="2022-05-02T22:30:47Z">03.05.2022, 00:30 Uhr</time>
            <p>Der Landtag hat bis in die Nacht beraten und am Ende einen Kompromiss gefunden.</p></article></main>
            """, lang: "de");
        Assert.Equal("2022-05-03T00:30:47+02:00", shownInTime.Published);
        // The dateline's day and clock in two elements, the URL on that day, the declared instant the next day in UTC: the
        // clock gives the page's offset (-08:00), not the nearest whole hour that reaches the URL's day.
        var split = Extract("""<title>Exec says on glitches</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Exec says on glitches","datePublished":"2019-11-20T01:50:59.403Z"}</script>""", """
            <article><h1>Exec says on glitches</h1><div class="ArticlePage-datePublished"><div class="ArticlePage-datePublished-day">Nov. 19, 2019</div>
            <div class="ArticlePage-datePublished-time">5:50 PM</div></div>
            """ + Text + "</article>", url: "https://www.example.com/business/story/2019-11-19/exec-says-on-glitches");
        Assert.Equal("2019-11-19T17:50:59-08:00", split.Published);
    }

    [Fact]
    public void AnObituarysLifeSpanAndServicesDateNoPage()
    {
        var article = Extract("<title>Margaret Hayes Obituary</title>", """
            <main><div class="obituary"><h1>Margaret Ellen Hayes</h1><p class="life-dates">June 3, 1938 – March 9, 2024</p>
            <p>Margaret passed away peacefully at home surrounded by her family. She was a teacher for 35 years.</p>
            <h3>Services</h3><p>Visitation: Thursday, March 14, 2024, 5–7 p.m. at the funeral home.</p></div></main>
            """);
        Assert.Null(article.Published);
        // A notice that says when it was posted is dated by that.
        var posted = Extract("<title>Margaret Hayes Obituary</title>", """
            <main><div class="obituary"><h1>Margaret Ellen Hayes</h1><p class="life-dates">June 3, 1938 – March 9, 2024</p>
            <p class="posted">Posted March 11, 2024</p>
            <p>Margaret passed away peacefully at home surrounded by her family. She was a teacher for 35 years.</p></div></main>
            """);
        Assert.Equal("2024-03-11", posted.Published);
    }

    [Fact]
    public void AUtcInstantIsReadOnTheUsDayTheDatelineShows()
    {
        // 04:10 UTC on the 9th is the evening of the 8th in the US: the dateline's day, at the nearest offset that makes it so.
        var article = Extract("""
            <title>Senate passes stopgap bill</title><meta property="article:published_time" content="2024-03-09T04:10:00Z">
            """, """
            <main><article><h1>Senate passes stopgap bill</h1><p class="date">March 8, 2024</p>
            """ + Text + "</article></main>", lang: "en-US");
        Assert.Equal("2024-03-08T23:10:00-05:00", article.Published);
        // On a European page, a dateline eleven hours before the instant dates something else: UTC stays.
        var european = Extract("""
            <title>Senate passes stopgap bill</title><meta property="article:published_time" content="2024-03-09T11:10:00Z">
            """, """
            <main><article><h1>Senate passes stopgap bill</h1><p class="date">8 March 2024</p>
            """ + Text + "</article></main>", lang: "en-GB");
        Assert.Equal("2024-03-09T11:10:00+00:00", european.Published);
    }

    [Theory]
    // Far east of Europe: 06:30 in Hanoi, 03:15 in Jakarta, 09:10 in Melbourne, 01:30 in Delhi, 01:00 in Auckland are the
    // day before in UTC; the dateline's day, at the nearest whole-hour offset that makes it so (the same instant).
    [InlineData("vi", "2024-03-13T23:30:00Z", "Thứ Năm, 14/3/2024", "2024-03-14T00:30:00+01:00")]
    [InlineData("id", "2024-03-13T20:15:00Z", "Kamis, 14 Maret 2024", "2024-03-14T00:15:00+04:00")]
    [InlineData("en-AU", "2024-03-13T22:10:00Z", "14 Mar 2024", "2024-03-14T00:10:00+02:00")]
    [InlineData("en-IN", "2024-03-13T20:00:00Z", "14 March 2024", "2024-03-14T01:00:00+05:00")]
    [InlineData("en-NZ", "2024-03-13T12:00:00Z", "14 March 2024", "2024-03-14T01:00:00+13:00")]
    // West of Europe: 21:00 in Monterrey is 03:00 UTC the next day.
    [InlineData("es-MX", "2024-03-15T03:00:00Z", "14 de marzo de 2024", "2024-03-14T23:00:00-04:00")]
    // In Europe a dateline that far from the instant dates something else: UTC stays.
    [InlineData("de", "2024-03-13T20:00:00Z", "14.03.2024", "2024-03-13T20:00:00+00:00")]
    [InlineData("es", "2024-03-15T03:00:00Z", "14 de marzo de 2024", "2024-03-15T03:00:00+00:00")]
    public void AUtcInstantIsReadOnTheDayTheDatelineShowsAsFarAsThePagesRegionReaches(string lang, string instant, string dateline, string expected)
    {
        var article = Extract($"""
            <title>Council agrees plan</title><meta property="article:published_time" content="{instant}">
            """, $"""
            <main><article><h1>Council agrees plan</h1><p class="date">{dateline}</p>
            """ + Text + "</article></main>", lang: lang);
        Assert.Equal(expected, article.Published);
    }

    [Fact]
    public void AUtcInstantOnAnotherDayTakesTheZoneOfThePagesOtherDates()
    {
        // The update is written at -05:00: the publication is read in that zone, on the day the dateline shows.
        var article = Extract("""
            <title>Vaping illness cases rise</title><meta property="article:published_time" content="2019-11-19T03:05:46Z">
            <meta property="og:updated_time" content="2019-11-18T22:15:39-05:00">
            """, """
            <main><article><h1>Vaping illness cases rise</h1><p class="date">Nov 18, 2019</p>
            """ + Text + "</article></main>", lang: "en-US");
        Assert.Equal("2019-11-18T22:05:46-05:00", article.Published);
        // A URL's day folder is no reason to guess a far zone: the UTC value stays.
        var filed = Extract("""
            <title>Vaping illness cases rise</title><meta property="article:published_time" content="2019-11-20T06:07:01Z">
            """, "<main><article><h1>Vaping illness cases rise</h1>" + Text + "</article></main>", lang: "en-US",
            url: "https://www.example.org/news/2019/11/19/vaping-illness");
        Assert.Equal("2019-11-20T06:07:01+00:00", filed.Published);
    }

    [Fact]
    public void ADeclaredUtcInstantIsWrittenInTheZoneThePageShowsItIn()
    {
        // 20:12 UTC on the 11th is 7:12am on the 12th in Sydney: the readers' day, not UTC's.
        var article = Extract("""
            <title>Flood warning issued</title><meta property="article:published_time" content="2024-03-11T20:12:00.000Z">
            """, """
            <main><article><h1>Flood warning issued</h1><div class="timestamps">Posted
            <time datetime="2024-03-11T20:12:00.000Z">Tue 12 Mar 2024 at 7:12am</time></div>
            """ + Text + "</article></main>");
        Assert.Equal("2024-03-12T07:12:00+11:00", article.Published);
        // A time element at another instant dates something else: the declared UTC value stays as it is.
        var other = Extract("""
            <title>Flood warning issued</title><meta property="article:published_time" content="2024-03-11T20:12:00.000Z">
            """, """
            <main><article><h1>Flood warning issued</h1><div class="timestamps">Posted
            <time datetime="2024-03-12T01:00:00.000Z">Tue 12 Mar 2024 at 12:00pm</time></div>
            """ + Text + "</article></main>");
        Assert.Equal("2024-03-11T20:12:00+00:00", other.Published);
    }

    [Fact]
    public void AUtcInstantNearMidnightIsReadOnTheDayTheTimeElementShows()
    {
        var article = Extract("<title>Election night</title>", """
            <main><article><h1>Election night</h1><time datetime="2022-05-02T23:10:00Z">3 May 2022</time>
            """ + Text + "</article></main>");
        Assert.Equal("2022-05-03", article.Published![..10]);
        // Without a shown day, the instant stays UTC.
        var plain = Extract("<title>Election night</title>", """
            <main><article><h1>Election night</h1><time datetime="2022-05-02T23:10:00Z">Tuesday night</time>
            """ + Text + "</article></main>");
        Assert.Equal("2022-05-02T23:10:00+00:00", plain.Published);
    }

    [Fact]
    public void AnEventsDateInAnInfoBoxAboveTheHeadlineIsNotTheArticles()
    {
        var article = Extract("<title>Lesung mit Autorin im Juni</title>", """
            <main><article><div class="event-info">Termin: 12.06.2022, 19 Uhr</div><h1>Lesung mit Autorin im Juni</h1>
            <div class="news-date">03.05.2022</div><p>Der Kulturverein lädt zur Lesung in die Stadtbibliothek ein.</p></article></main>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void APostTitlesPermalinkDatesAPageNothingElseDates()
    {
        var article = Extract("<title>Election night thoughts</title>", """
            <div id="content"><div class="post"><h2 class="entry-title"><a href="https://blog.example.net/2020/11/05/election-night-thoughts/" rel="bookmark">Election night thoughts</a></h2>
            <div class="entry">
            """ + Text + """
            </div><div class="postmetadata">Filed under <a href="/category/politics/">Politics</a></div></div></div>
            """);
        Assert.Equal("2020-11-05", article.Published);
        // A link in the headline to another page with a date in its path does not date this one unless it is the only link.
        var twoLinks = Extract("<title>Election night thoughts</title>", """
            <div id="content"><div class="post"><h2 class="entry-title"><a href="/2020/11/05/a/">Election</a> <a href="/2019/01/02/b/">night thoughts</a></h2>
            <div class="entry">
            """ + Text + "</div></div></div>");
        Assert.Null(twoLinks.Published);
    }

    private const string ReportText = """
        <p>The organisation has worked with local partners for years to improve access to schools and clinics in rural areas.</p>
        <p>This year the programme reached more villages than ever, and the partners plan to extend it to two more districts.</p>
        <p>Funding comes from private donors and a foundation; the volunteers who run it are trained by the partners.</p>
        """;

    [Fact]
    public void ABylineBelowALongStandfirstAndAPictureDatesTheArticle()
    {
        var standfirst = string.Concat(Enumerable.Repeat("Die erste Tankstelle für Wasserstoff im Landkreis ist seit Dienstag in Betrieb. ", 4));
        var caption = string.Concat(Enumerable.Repeat("Die neue Anlage am Gewerbegebiet Nord bei der Eröffnung mit Gästen. ", 3));
        var article = Extract("<title>Wasserstoff-Tankstelle eröffnet</title>", $"""
            <div class="article"><div class="article-head"><h1>Wasserstoff-Tankstelle eröffnet</h1><p class="intro">{standfirst}</p>
            <figure><img src="/media/h2.jpg"><figcaption>{caption}</figcaption></figure><div class="autor">Von Max Muster, 03.05.2022</div></div>
            {ReportText}</div>
            """, lang: "de");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AnAuthorsBoxUnderTheTextDatesAPageNothingElseDates()
    {
        var article = Extract("<title>Field report from the coast</title>", """
            <div class="content-area"><h1 class="page-title">Field report from the coast</h1>
            """ + ReportText + """
            <div class="author-box"><p><strong>Sam Lee</strong> is programme officer. Written 18 February 2020.</p></div></div>
            """);
        Assert.Equal("2020-02-18", article.Published);
    }

    [Theory]
    [InlineData("<p class=\"small\">Artikel vom 03.05.2022</p>", "2022-05-03")]
    [InlineData("<h6>3 May 2022</h6>", "2022-05-03")]
    // Its time is not counted among the words beside it: an agency's closing line.
    [InlineData("<p class=\"credit\">dpa-infocom, 03.05.2022 15:12</p>", "2022-05-03T15:12:00+02:00")]
    // More than a word or two beside it is a sentence, time or not.
    [InlineData("<p>Die nächste Sitzung ist am 03.05.2022 15:12</p>", null)]
    // A date in a sentence, a schedule's list item, an event's label, one of several dates standing alone do not date the page.
    [InlineData("<p>Wie im Rat am Montag besprochen, kommt die Sitzung am 03.05.2022 wieder zusammen, um weiter zu beraten.</p>", null)]
    [InlineData("<ul><li>03.05.2022</li><li>10.05.2022</li></ul>", null)]
    [InlineData("<p>Termin: 03.05.2022</p>", null)]
    [InlineData("<div><p>03.05.2022</p><p>Sommerfest</p><p>10.05.2022</p><p>Vortrag</p></div>", null)]
    public void ADateStandingAloneUnderTheTextDatesAPageNothingElseDates(string line, string? expected)
    {
        var article = Extract("<title>Klimaschutzkonzept beschlossen</title>", """
            <div id="main"><h1>Klimaschutzkonzept beschlossen</h1>
            """ + ReportText + ReportText + line + "</div>", lang: "de");
        Assert.Equal(expected, article.Published);
    }

    // The late scans read a bounded stretch after the headline (5,000 nodes): a date past it, behind thousands of empty
    // elements, dates nothing, whether it stands alone or closes a wire credit line.
    [Theory]
    [InlineData("<p class=\"small\">Artikel vom 03.05.2022</p>", 100, "2022-05-03")]
    [InlineData("<p class=\"small\">Artikel vom 03.05.2022</p>", 6000, null)]
    [InlineData("<p>03.05.2022 © dpa-infocom, dpa:220503-99-1/3</p>", 100, "2022-05-03")]
    [InlineData("<p>03.05.2022 © dpa-infocom, dpa:220503-99-1/3</p>", 6000, null)]
    public void TheLateScansAfterTheHeadlineStopAfterABoundedNumberOfNodes(string line, int filler, string? expected)
    {
        var article = Extract("<title>Klimaschutzkonzept beschlossen</title>", """
            <div id="main"><h1>Klimaschutzkonzept beschlossen</h1>
            """ + ReportText + ReportText + string.Concat(Enumerable.Repeat("<span></span>", filler)) + line + "</div>", lang: "de");
        Assert.Equal(expected, article.Published);
    }

    [Fact]
    public void APublicationLabelOverTheHeadlineOutweighsADateInTheLead()
    {
        var article = Extract("<title>Plan canicule 2023 : les mesures</title>", """
            <main role="main"><div class="fr-container"><p class="fr-text--sm">Publié le 12/06/2023 | Mis à jour le 15/06/2023</p>
            <h1>Plan canicule 2023 : les mesures</h1><p>Le gouvernement active le plan canicule.</p>
            <p>Un numéro vert est ouvert jusqu'au 15 septembre 2023.</p></div></main>
            """, lang: "fr");
        Assert.Equal("2023-06-12", article.Published);
        // Without the "until" in the lead, the label over the headline still wins.
        var plain = Extract("<title>Plan canicule 2023 : les mesures</title>", """
            <main role="main"><div class="fr-container"><p class="fr-text--sm">Publié le 12/06/2023</p>
            <h1>Plan canicule 2023 : les mesures</h1><p>Le gouvernement active le plan canicule.</p>
            <p>Le numéro vert ouvert le 15 septembre 2023.</p></div></main>
            """, lang: "fr");
        Assert.Equal("2023-06-12", plain.Published);
    }

    private const string OtherReleases = """
        <h2>Weitere Pressemitteilungen</h2><table><tr><th>Datum</th><th>Titel</th></tr>
        <tr><td>28.04.2022</td><td><a href="/presse/haushalt">Haushalt beschlossen</a></td></tr>
        <tr><td>21.04.2022</td><td><a href="/presse/baustelle">Baustelle Hauptstraße</a></td></tr></table>
        """;

    // A short release followed by a table or list of other releases: an unmarked date in a row that links to another
    // page dates that page, not the release above it. A row linking to the page itself is its own entry.
    [Theory]
    [InlineData(OtherReleases, null)]
    [InlineData("<p class=\"stand\">Stand: 03.05.2022</p>" + OtherReleases, "2022-05-03")]
    [InlineData("""<ul><li><span class="date">28.04.2022</span> <a href="/presse/haushalt">Haushalt</a></li><li><span class="date">21.04.2022</span> <a href="/presse/bau">Baustelle</a></li></ul>""", null)]
    [InlineData("""<dl><dt>28.04.2022</dt><dd><a href="/presse/haushalt">Haushalt beschlossen</a></dd><dt>21.04.2022</dt><dd><a href="/presse/bau">Baustelle</a></dd></dl>""", null)]
    [InlineData("""<div class="teaser"><p>28.04.2022</p><p><a href="/presse/haushalt">Haushalt beschlossen</a></p></div><div class="teaser"><p>21.04.2022</p><p><a href="/presse/bau">Baustelle</a></p></div>""", null)]
    [InlineData("""<p class="stand">Stand: 03.05.2022</p><div class="views-row"><span>28.04.2022</span><div><a href="/presse/haushalt">Haushalt</a></div></div><div class="views-row"><span>21.04.2022</span><div><a href="/presse/bau">Baustelle</a></div></div>""", "2022-05-03")]
    // The date and the link stand levels down in each row: the row's nodes are read through its nested elements.
    [InlineData("""<ul><li><div class="meta"><p><span>28.04.2022</span></p></div><div class="title"><h3><a href="/presse/haushalt">Haushalt <b>beschlossen</b></a></h3></div></li><li><div class="meta"><p><span>21.04.2022</span></p></div><div class="title"><h3><a href="/presse/bau">Baustelle <b>Hauptstraße</b></a></h3></div></li></ul>""", null)]
    // A schedule: three dated rows or more without links (services, fixtures) date events, not the page.
    [InlineData("""<table><tr><td>Sonntag, 08.05.2022</td><td>10:00 Uhr</td><td>Gottesdienst</td></tr><tr><td>Sonntag, 15.05.2022</td><td>10:00 Uhr</td><td>Familiengottesdienst</td></tr><tr><td>Freitag, 20.05.2022</td><td>18:00 Uhr</td><td>Andacht</td></tr></table>""", null)]
    [InlineData("""<p class="stand">Stand: 03.05.2022</p><ul><li>08.05.2022: Radtour</li><li>15.05.2022: Infoabend</li><li>22.05.2022: Aktionstag</li></ul>""", "2022-05-03")]
    public void ADateInARowOfAListOfOtherPagesIsNotThePagesOwn(string after, string? expected)
    {
        var article = Extract("<title>Neues Programm für den Radverkehr</title>", """
            <main><article><h1>Neues Programm für den Radverkehr</h1>
            <p>Die Stadtverwaltung hat am Dienstag ein neues Programm zur Förderung des Radverkehrs vorgestellt.</p>
            """ + after + "</article></main>", lang: "de", url: "https://www.example.org/presse/radverkehr");
        Assert.Equal(expected, article.Published);
    }

    [Fact]
    public void TheRowOfAListThatLinksToThePageItselfDatesIt()
    {
        var article = Extract("<title>Neues Programm für den Radverkehr</title>", """
            <main><article><h1>Neues Programm für den Radverkehr</h1>
            <p>Die Stadtverwaltung hat am Dienstag ein neues Programm zur Förderung des Radverkehrs vorgestellt.</p>
            <table><tr><td>28.04.2022</td><td><a href="/presse/haushalt">Haushalt beschlossen</a></td></tr>
            <tr><td>03.05.2022</td><td><a href="/presse/radverkehr/">Neues Programm für den Radverkehr</a></td></tr>
            <tr><td>21.04.2022</td><td><a href="/presse/baustelle">Baustelle Hauptstraße</a></td></tr></table></article></main>
            """, lang: "de", url: "https://www.example.org/presse/radverkehr");
        Assert.Equal("2022-05-03", article.Published);
    }

    [Fact]
    public void AnArticlesMetaLineWhoseDateLinksToItsArchiveIsNoListOfOtherPages()
    {
        var article = Extract("<title>A walk along the cliffs</title>", """
            <main><article><h1>A walk along the cliffs</h1>
            <ul class="post-info"><li><a href="/2022/05/03/">May 3, 2022</a></li><li><a href="/author/jane">Jane Doe</a></li></ul>
            """ + Text + "</article></main>");
        Assert.Equal("2022-05-03", article.Published);
    }

    // A badge showing "2 years ago" or a year-less "3 May" keeps the full date in its tooltip or spoken label; a tooltip
    // that names only an update dates no publication.
    [Theory]
    [InlineData("""<span class="badge" data-tooltip="May 3, 2022 3:12 pm">2 years ago</span>""", "2022-05-03")]
    [InlineData("""<span class="post-date" aria-label="Published 3 May 2022">3 May</span>""", "2022-05-03")]
    [InlineData("""<span data-toggle="tooltip" data-original-title="Tuesday, May 3, 2022 at 3:12 PM">2 yrs</span>""", "2022-05-03")]
    [InlineData("""<span class="badge" data-tooltip="Updated May 10, 2022">edited</span>""", null)]
    [InlineData("""<a href="/news/budget" aria-label="Budget approved, May 10, 2022">Read more</a>""", null)]
    public void ABadgesTooltipOrSpokenLabelHoldsItsDate(string badge, string? expected)
    {
        var article = Extract("<title>New cycling programme</title>", """
            <main><article><h1>New cycling programme</h1><div class="meta">
            """ + badge + "</div>" + Text + "</article></main>");
        Assert.Equal(expected, article.Published?[..10]);
    }

    // A short sentence of the text that names a date (a concert's, a festival's) is no dateline, in any language; a
    // sentence that names the article's publication after its date is, and so is a byline closing without a stop.
    [Theory]
    [InlineData("en", "<p>The city orchestra will play on Saturday, June 18, 2022 at 7 pm in the park.</p>", null)]
    [InlineData("en", "<p>The festival runs on June 18, 2022.</p>", null)]
    [InlineData("de", "<p>Das Sinfonieorchester spielt am Samstag, 18. Juni 2022, um 19 Uhr im Stadtpark.</p>", null)]
    [InlineData("fr", "<p>L’orchestre municipal jouera le samedi 18 juin 2022 à 19 h dans le parc.</p>", null)]
    [InlineData("de", "<p>Der Beitrag wurde am 18. Juni 2022 veröffentlicht.</p>", "2022-06-18")]
    [InlineData("en", "<p>By Jane Doe and John Smith, June 18, 2022</p>", "2022-06-18")]
    public void AShortSentenceNamingADateIsNoDateline(string lang, string line, string? expected)
    {
        var article = Extract("<title>Summer in the park</title>", """
            <main><article><h1>Summer in the park</h1>
            """ + line + Text + "</article></main>", lang: lang);
        Assert.Equal(expected, article.Published);
    }

    // The scope itself may be the teasers' parent: a <main> holding the headline, the release and the teasers after it.
    [Fact]
    public void TeasersThatAreChildrenOfTheScopeDateTheirOwnPages()
    {
        var article = Extract("<title>Neues Programm für den Radverkehr</title>", """
            <main><h1>Neues Programm für den Radverkehr</h1>
            <div class="text"><p>Die Stadtverwaltung hat am Dienstag ein neues Programm zur Förderung des Radverkehrs vorgestellt.</p></div>
            <h2>Weitere Meldungen</h2><div class="teaser"><p>28.04.2022</p><p><a href="/presse/haushalt">Haushalt beschlossen</a></p></div>
            <div class="teaser"><p>21.04.2022</p><p><a href="/presse/bau">Baustelle Hauptstraße</a></p></div></main>
            """, lang: "de", url: "https://www.example.org/presse/radverkehr");
        Assert.Null(article.Published);
    }

    // An event's details box dates the event: its date is followed by the place's or the time's field, whatever labels it.
    [Theory]
    [InlineData("en", """<ul class="event-details"><li><strong>Date:</strong> June 18, 2022</li><li><strong>Venue:</strong> City Park</li></ul>""", null)]
    [InlineData("fr", """<div class="event-infos"><p>Le 18 juin 2022</p><p>Lieu : parc municipal</p></div>""", null)]
    [InlineData("de", """<p>18.06.2022, 19 Uhr</p><p>Ort: Stadtpark</p>""", null)]
    [InlineData("en", """<p class="meta">June 18, 2022 · Reading time: 4 min</p>""", "2022-06-18")]
    public void AnEventsDetailsBoxDatesTheEvent(string lang, string box, string? expected)
    {
        var article = Extract("<title>Summer in the park</title>", """
            <main><article><h1>Summer in the park</h1>
            """ + box + Text + "</article></main>", lang: lang);
        Assert.Equal(expected, article.Published);
    }

    // A copyright notice in the page's footer dates the site even when it writes a full date; a wire credit in the
    // article's own footer still dates a story dated by nothing else.
    [Theory]
    [InlineData("", "<p>© 03.01.2025 Beispielverlag</p>", null)]
    [InlineData("<footer class=\"article-footer\"><p>03.05.2022 © dpa-infocom, dpa:220503-99-1/3</p></footer>", "", "2022-05-03")]
    public void ACopyrightNoticeInThePageFooterDatesNothing(string articleFooter, string pageFooter, string? expected)
    {
        var article = new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Klimaschutzkonzept beschlossen</title></head><body>
            <main><article><h1>Klimaschutzkonzept beschlossen</h1>{ReportText}{articleFooter}</article></main>
            <footer class="site-footer">{pageFooter}<p><a href="/impressum">Impressum</a></p></footer></body></html>
            """, "https://www.example.org/news/story");
        Assert.Equal(expected, article.Published);
    }

    // An article's meta line and its short text are two sibling divs, each with a date and a link: no list of other pages.
    [Fact]
    public void AnArticlesMetaLineAndItsTextAreNoListOfOtherPages()
    {
        var article = Extract("<title>A walk along the cliffs</title>", """
            <main><article><h1>A walk along the cliffs</h1>
            <div class="meta">Posted in <a href="/category/walks">Coastal walks</a> · 3 May 2022</div>
            <div class="content"><p>We set off on 1 May 2022 from the harbour, as <a href="/2021/walk">last year's walk</a> had.</p></div>
            </article></main>
            """);
        Assert.Equal("2022-05-03", article.Published);
    }

    // WordPress marks a post never edited with one <time> for both dates: its time is the publication's, and the update's.
    [Fact]
    public void ATimeMarkedPublishedAndUpdatedDatesBoth()
    {
        var article = Extract("<title>A walk along the cliffs</title>", """
            <main><article><h1>A walk along the cliffs</h1><div class="entry-meta"><span class="posted-on"><a href="/x" rel="bookmark">
            <time class="entry-date published updated" datetime="2022-05-03T15:12:00+02:00">May 3, 2022</time></a></span></div>
            """ + Text + "</article></main>");
        Assert.Equal("2022-05-03T15:12:00+02:00", article.Published);
        Assert.Equal("2022-05-03T15:12:00+02:00", article.Modified);
    }

    // The outer meta line shows the day; the element inside it keeps the time in its title.
    [Fact]
    public void AMetaLinesDayTakesTheTimeOfTheMarkedElementInsideIt()
    {
        var article = Extract("<title>A walk along the cliffs</title>", """
            <main><article><h1>A walk along the cliffs</h1>
            <p class="meta"><abbr class="published updated" title="2022-05-03T15:12:00+02:00">May 3, 2022</abbr></p>
            """ + Text + "</article></main>");
        Assert.Equal("2022-05-03T15:12:00+02:00", article.Published);
    }

    // A "read also" line points to another story: its date is that story's.
    [Theory]
    [InlineData("de", "<p><strong>Lesen Sie auch:</strong> <a href=\"/a\">Haushalt beschlossen</a> vom 28.04.2022</p>", null)]
    [InlineData("fr", "<p>À lire aussi : <a href=\"/a\">Le budget voté</a> (28/04/2022)</p>", null)]
    [InlineData("de", "<p>Berlin, 28.04.2022</p>", "2022-04-28")]
    public void AReadAlsoLinesDateIsTheLinkedStorys(string lang, string line, string? expected)
    {
        var article = Extract("<title>Neues Programm</title>", """
            <main><article><h1>Neues Programm</h1>
            """ + line + Text + "</article></main>", lang: lang);
        Assert.Equal(expected, article.Published);
    }
    private const string BuildStamp = """
        <meta property="article:published_time" content="2024-09-02T08:14:55+00:00">
        <meta property="article:modified_time" content="2024-09-02T08:14:55+00:00">
        """;

    [Fact]
    public void ABuildStampDeclaredAsBothDatesGivesWayToTheHeadersLabelledPublication()
    {
        var article = Extract("<title>Neuer Vorstand gewählt</title>" + BuildStamp, """
            <article class="post"><header class="entry-header"><h1 class="entry-title">Neuer Vorstand gewählt</h1>
            <div class="entry-meta"><span class="posted-on">Veröffentlicht am <a href="/2024/03/">14. März 2024</a></span>
            <span class="byline">von Thomas Brandl</span></div></header>
            <div class="entry-content">
            """ + Text + "</div></article>", "de");
        Assert.Equal("2024-03-14", article.Published);
        Assert.Equal("2024-09-02T08:14:55+00:00", article.Modified);
    }

    [Fact]
    public void ABuildStampGivesWayToAWrittenOnLineInTheHeadersFreeText()
    {
        var article = Extract("<title>Mein Umstieg auf NixOS</title>" + BuildStamp, """
            <main><article><header><h1>Mein Umstieg auf NixOS</h1><div class="post-meta"><span>Geschrieben am 5. Februar 2023</span> ·
            <span>8 Minuten Lesezeit</span></div></header><div class="content">
            """ + Text + "</div></article></main>", "de");
        Assert.Equal("2023-02-05", article.Published);
    }

    [Fact]
    public void ABuildStampStandsOverAnUnlabelledOlderDateInTheHeader()
    {
        // An unlabelled older date under the headline may be an event's or the print edition's.
        var article = Extract("<title>Neuer Vorstand gewählt</title>" + BuildStamp, """
            <article class="post"><header class="entry-header"><h1 class="entry-title">Neuer Vorstand gewählt</h1>
            <p class="event-date">14. März 2024</p></header>
            <div class="entry-content">
            """ + Text + "</div></article>", "de");
        Assert.Equal("2024-09-02T08:14:55+00:00", article.Published);
    }

    [Fact]
    public void DeclaredDatesThatDifferAreNoBuildStamp()
    {
        var article = Extract("""
            <title>Neuer Vorstand gewählt</title>
            <meta property="article:published_time" content="2024-09-02T08:14:55+00:00">
            <meta property="article:modified_time" content="2024-09-03T10:00:00+00:00">
            """, """
            <article class="post"><header class="entry-header"><h1 class="entry-title">Neuer Vorstand gewählt</h1>
            <div class="entry-meta"><span class="posted-on">Veröffentlicht am 14. März 2024</span></div></header>
            <div class="entry-content">
            """ + Text + "</div></article>", "de");
        Assert.Equal("2024-09-02T08:14:55+00:00", article.Published);
    }

    [Fact]
    public void ABuildStampADayAfterTheLabelledDateIsTheSameInstantOnAnotherClock()
    {
        // 02:59 UTC on the 20th is 8:59 pm on the 19th in Minnesota: one instant, the declared value kept, written at the
        // clock the byline shows (-06:00).
        var article = Extract("""
            <title>Wild edge Blues</title>
            <meta property="article:published_time" content="2019-11-20T02:59:46+00:00">
            <meta property="article:modified_time" content="2019-11-20T02:59:46+00:00">
            """, """
            <article><h1>Wild edge Blues</h1><div class="meta">By Bill Hoppe | PUBLISHED: November 19, 2019 at 8:59 pm</div>
            """ + Text + "</article>");
        Assert.Equal("2019-11-19T20:59:46-06:00", article.Published);
    }

    [Fact]
    public void ABuildStampGivesWayToTheBylinesTimeElement()
    {
        var article = Extract("<title>Moving our CI to ARM</title>" + BuildStamp, """
            <main><article class="post"><header class="article-header"><h1 class="article-title">Moving our CI to ARM</h1>
            <div class="article-byline"><a href="/author/priya/">Priya Nair</a> <time class="byline-meta-date" datetime="2024-02-12">Feb 12, 2024</time></div></header>
            <section class="gh-content">
            """ + Text + "</section></article></main>");
        Assert.Equal("2024-02-12", article.Published);
    }

    [Theory]
    [InlineData("Von Anna Schmidt | 12. Januar 2023", "de")]
    [InlineData("12. Januar 2023 · Von Anna Schmidt", "de")]
    [InlineData("By Jane Doe | 12 January 2023", "en")]
    public void ABuildStampGivesWayToTheBylinesUnlabelledDate(string byline, string lang)
    {
        var article = Extract("<title>Insektenfreundlicher Garten</title>" + BuildStamp, $$"""
            <main><article><h1>Insektenfreundlicher Garten</h1><div class="post__byline">{{byline}}</div>
            <div class="post__content">
            """ + Text + "</div></article></main>", lang);
        Assert.Equal("2023-01-12", article.Published);
    }

    [Fact]
    public void AnEventsDayBadgeOverTheHeadlineGivesWayToThePublicationLabelledUnderIt()
    {
        var article = Extract("<title>Sagra del tartufo 2024</title>", """
            <main><div class="evento"><div class="data-evento"><span class="giorno">16</span> <span class="mese">novembre 2024</span></div>
            <h1>Sagra del tartufo 2024</h1><p class="pubblicazione">Pubblicato il 28/10/2024</p>
            """ + Text + "</div></main>", "it");
        Assert.Equal("2024-10-28", article.Published);
    }

    [Fact]
    public void AMarkedDateUnderTheHeadlineKeepsItsPlaceBeforeALabelledDateFurtherDown()
    {
        var article = Extract("<title>Kreistag tagt am 14. März</title>", """
            <main><h1>Kreistag tagt am 14. März</h1><p class="pm-date">Pressemitteilung vom 27.02.2025</p>
            """ + Text + """
            <p><a href="/tagesordnung.pdf">Tagesordnung (PDF, Stand 10.03.2025)</a></p></main>
            """, "de");
        Assert.Equal("2025-02-27", article.Published);
    }
    [Theory]
    // A <time> in a sentence dates what the sentence tells, not the article.
    [InlineData("<p class=\"author\">Von Petra Lang</p><p>Das Frühlingsfest am <time datetime=\"2024-04-20\">20. April</time> war ein voller Erfolg. Über 400 Gäste kamen.</p>")]
    // The header's labelled day, the declared one's, is read before any <time>.
    [InlineData("<p class=\"meta\">Posted on September 2, 2024 by Communications</p><p>The report covers the year from <time datetime=\"2023-01-01\">1 January</time> on</p>")]
    public void ABuildStampStandsOverATimeElementInTheText(string header)
    {
        var article = Extract("<title>Rückblick</title>" + BuildStamp, "<main><article><h1>Rückblick</h1>" + header + Text + "</article></main>", "de");
        Assert.Equal("2024-09-02T08:14:55+00:00", article.Published);
    }
}

/// <summary>Old table-layout pages (a town's, a club's) without an <c>h1</c>, whose title names no heading: the first <c>h2</c>/<c>h3</c>
/// heads the story and the date in the cell beside or under it dates it; a table of other pages' dates does not.</summary>
public class TableLayoutDateTests
{
    private static Article Extract(string tables) =>
        new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Gemeinde Mühlbach</title></head><body>
            <table><tr><td><a href="/">Startseite</a> | <a href="/aktuelles/">Aktuelles</a></td></tr></table>
            {tables}</body></html>
            """, "https://www.example.org/aktuelles/meldung.php?id=42");

    private const string Text = "<p>Die Gemeindeverwaltung teilt mit, dass die Arbeiten an der Hauptstraße planmäßig voranschreiten und bis Ende des Monats dauern.</p>";

    private const string OtherPages = """
        <h3>Weitere Meldungen</h3><table><tr><td><a href="/news/41.html">Sperrung Feldweg</a></td><td>02.02.2024</td></tr>
        <tr><td><a href="/news/40.html">Neujahrsempfang</a></td><td>10.01.2024</td></tr></table>
        """;

    [Theory]
    [InlineData("<tr><td><h3>Sanierung des Sportplatzes abgeschlossen</h3></td></tr><tr><td><font size=1>12.03.2024 | Gemeinde Mühlbach</font></td></tr>")]
    [InlineData("<tr><td><h2>Sanierung des Sportplatzes abgeschlossen</h2></td><td align=right>12.03.2024</td></tr>")]
    [InlineData("<tr><td><b><font size=4>Sanierung des Sportplatzes abgeschlossen</font></b></td></tr><tr><td>12.03.2024 | Gemeinde Mühlbach</td></tr>")]
    // The bold headline wrapped in the cell's font, the date in the row above it.
    [InlineData("<tr><td bgcolor=#ccccff><font face=Arial size=2>12.03.2024</font></td></tr><tr><td><font face=Arial size=3><b>Sanierung des Sportplatzes abgeschlossen</b></font></td></tr>")]
    public void TheDateBesideTheMainHeadingsCellDatesThePage(string header)
    {
        var article = Extract("<table>" + header + "<tr><td colspan=2>" + Text + "</td></tr></table>" + OtherPages);
        Assert.Equal("2024-03-12", article.Published);
    }

    // A bold greeting beside the masthead's date of today is no headline.
    [Fact]
    public void ABoldCellBesideOthersDoesNotHeadThePage()
    {
        var article = Extract("<table><tr><td><b>Willkommen beim Turnverein Mühlbach</b></td><td>Montag, 13.01.2025</td></tr></table><table><tr><td>" + Text + "</td></tr></table>");
        Assert.Null(article.Published);
    }

    [Fact]
    public void OtherPagesRowsDoNotDateThePage()
    {
        var article = Extract("<table><tr><td><h2>Sanierung des Sportplatzes abgeschlossen</h2></td></tr><tr><td>" + Text + "</td></tr></table>" + OtherPages);
        Assert.Null(article.Published);
    }
}

/// <summary>A day badge without a year ("12 MAY", a day and a month in two divs) beside the headline is read in the year written
/// elsewhere in the same small header block; a year only in the copyright line or nowhere in the block leaves the page undated.</summary>
public class DayBadgeDateTests
{
    private static Article Extract(string header, string lang, string footer = "") =>
        new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Verein</title></head><body>
            <article><header>{header}</header>
            <p>Rund vierzig Helferinnen und Helfer sammelten am Samstag Müll an den Wegen und am Bachufer des Ortsteils, danach gab es Suppe.</p>
            <p>Der Vorstand dankt allen, die mitgemacht haben, und lädt schon jetzt zur nächsten Aktion im Herbst ein.</p></article>
            {footer}</body></html>
            """, "https://www.example.org/aktuelles/fruehjahrsputz");

    [Theory]
    [InlineData("<div class=date><div class=day>12</div><div class=month>Mai</div></div><h2>Frühjahrsputz im Ortsteil</h2><div class=meta>2024 · Ortsverein</div>", "de", "2024-05-12")]
    [InlineData("<span class=day>12 MAY</span><h1>Spring clean-up day</h1><p class=byline>By Anna Lee · 2024</p>", "en", "2024-05-12")]
    [InlineData("<div class=badge><span>3</span> <span>mars</span></div><h1>Grand nettoyage de printemps</h1><div>Année 2024</div>", "fr", "2024-03-03")]
    [InlineData("<div class=kalender><div>3</div><div>März</div><div>2024</div></div><h3>Jahreshauptversammlung der Feuerwehr</h3>", "de", "2024-03-03")]
    public void TheBadgeIsReadInTheHeaderBlocksYear(string header, string lang, string expected) =>
        Assert.Equal(expected, Extract(header, lang).Published);

    [Theory]
    // The year only in the page's copyright line.
    [InlineData("<div class=date><div class=day>12</div><div class=month>Mai</div></div><h1>Frühjahrsputz im Ortsteil</h1>", "<footer>© 2024 Ortsverein</footer>")]
    // A copyright line inside the block is the site's year too.
    [InlineData("<span class=day>12 Mai</span><h1>Frühjahrsputz im Ortsteil</h1><small>© 2024 Ortsverein</small>", "")]
    // A year in the headline names what the story is about.
    [InlineData("<span class=day>12 Mai</span><h1>Frühjahrsputz 2024 im Ortsteil</h1>", "")]
    // A whole date in the block was weighed by the steps before (an event's, here): no badge to complete.
    [InlineData("<span class=day>12 Mai</span><h1>Frühjahrsputz im Ortsteil</h1><p>Anmeldeschluss: 30. April 2024</p>", "")]
    public void WithoutTheBlocksOwnYearTheBadgeDatesNothing(string header, string footer) =>
        Assert.Null(Extract(header, "de", footer).Published);
}
