using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

/// <summary>
/// Dates as blog themes, page builders and institutions' CMSs show them: a post's date under hAtom's <c>updated</c> class, a
/// clock in the list item after the date's, a press release's kind before its date, a Nordic dotted clock.
/// </summary>
public class DateThemesTests
{
    private static Article Extract(string body, string url = "https://www.example.org/a-story/", string lang = "en", string head = "")
        => new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="{lang}"><head>{head}<meta charset="utf-8"><title>Example</title></head><body>
            <header class="site-header"><a href="/">Home</a> <a href="/news">News</a></header>
            <main>{body}</main><footer>© 2025 Example</footer></body></html>
            """, url);

    private const string Paragraphs = """
        <p>The bakery on Mill Street won the regional award for its rye bread, beating more than forty entries from the county.</p>
        <p>Its owners started the business six years ago in a former garage and now employ eleven people from the town.</p>
        <p>The judges praised the crust and the flavour, and the bakery will represent the region at the national final.</p>
        """;

    [Fact]
    public void AnEntryDateMarkedUpdatedIsThePostsDateWhenNoTimeMarksAPublication()
    {
        // tagDiv's Newspaper: the post's only date carries hAtom's "updated" beside WordPress's "entry-date".
        var article = Extract("""
            <article class="post"><h1 class="entry-title">Local bakery wins regional award</h1>
            <div class="td-module-meta-info"><a href="/author/lee/">Lee Park</a> - <span class="td-post-date"><time class="entry-date updated td-module-date" datetime="2024-01-15T14:22:07+00:00">January 15, 2024</time></span></div>
            <div class="td-post-content">
            """ + Paragraphs + "</div></article>");
        Assert.StartsWith("2024-01-15T14:22:07", article.Published);
    }

    [Fact]
    public void AnUpdatedTimeBesideAPublishedOneStaysTheUpdate()
    {
        var article = Extract("""
            <article class="post"><h1 class="entry-title">Local bakery wins regional award</h1>
            <div class="entry-meta"><time class="entry-date updated" datetime="2024-03-20T16:41:10+00:00">March 20, 2024</time>
            <time class="entry-date published" datetime="2024-03-02T09:15:00+00:00">March 2, 2024</time></div>
            <div class="entry-content">
            """ + Paragraphs + "</div></article>");
        Assert.StartsWith("2024-03-02T09:15", article.Published);
        Assert.StartsWith("2024-03-20T16:41", article.Modified);
    }

    [Fact]
    public void ADateAloneInItsListItemTakesTheClockOfTheNextItem()
    {
        // Elementor's post info widget: the date and the time in list items of their own.
        var article = Extract("""
            <div class="elementor-location-single"><h1 class="elementor-heading-title">Volunteer day at the shelter</h1>
            <ul class="elementor-post-info"><li itemprop="author"><span>Rosa Mills</span></li>
            <li itemprop="datePublished"><span class="elementor-post-info__item--type-date"><time>February 14, 2024</time></span></li>
            <li><span class="elementor-post-info__item--type-time"><time>9:30 am</time></span></li></ul>
            <div class="elementor-widget-theme-post-content">
            """ + Paragraphs + "</div></div>");
        Assert.StartsWith("2024-02-14T09:30", article.Published);
    }

    [Fact]
    public void APressReleasesKindBeforeItsDateOutweighsABuildStamp()
    {
        // A translated copy's JSON-LD carries the day it was built, as publication and modification alike.
        var article = Extract("""
            <article><h1>Nouvelles règles pour les subventions</h1>
            <div class="page-header__meta"><span>Communiqué de presse</span> | <span>14 mars 2024</span> | <span>Bruxelles</span></div>
            <p>L'agence publie de nouvelles règles pour les subventions aux projets de recherche menés par les universités.</p>
            <p>Les règles s'appliquent aux appels lancés après le printemps, et les candidats sont invités à consulter le guide.</p>
            <p>Une séance d'information en ligne sera organisée pour les porteurs de projets intéressés par ces appels.</p></article>
            """, lang: "fr", head: """<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Nouvelles règles pour les subventions","datePublished":"2024-04-02T03:12:44+00:00","dateModified":"2024-04-02T03:12:44+00:00"}</script>""");
        Assert.Equal("2024-03-14", article.Published?[..10]);
    }

    [Theory]
    [InlineData("Julkaistu 14.3.2024 10.32")]
    [InlineData("Julkaistu 14.3.2024 klo 10.32")]
    public void ABareDottedClockAfterADottedDateIsItsTime(string line)
    {
        var article = Extract($"""
            <article><h1>Kirjaston aukioloajat muuttuvat</h1><div class="meta"><span>{line}</span></div>
            <p>Pääkirjaston aukioloajat muuttuvat huhtikuun alusta, ja kirjasto on auki arkisin kello kahdeksaan asti illalla.</p>
            <p>Muutos koskee myös lähikirjastoja, joiden aukioloajat löytyvät kaupungin verkkosivuilta ensi viikosta alkaen.</p>
            <p>Kirjaston asiakaspalvelu vastaa kysymyksiin puhelimitse ja sähköpostitse arkipäivisin.</p></article>
            """, lang: "fi");
        Assert.StartsWith("2024-03-14T10:32", article.Published);
    }

    [Fact]
    public void APriceAfterADottedDateIsNoClock()
    {
        var article = Extract("""
            <article><h1>Heizölpreis steigt wieder</h1><div class="meta"><span>Stand 14.3.2024 12.50 € je 100 Liter</span></div>
            <p>Der Preis für Heizöl ist in dieser Woche wieder gestiegen, wie der Verband der Händler am Donnerstag mitteilte.</p>
            <p>Als Grund nennen die Händler die höheren Rohölpreise und die gestiegene Nachfrage vor dem Ende des Winters.</p>
            <p>Verbraucher sollten die Preise mehrerer Anbieter vergleichen, bevor sie ihre Tanks füllen lassen.</p></article>
            """, lang: "de");
        Assert.Equal("2024-03-14", article.Published);
    }

    [Fact]
    public void AWeekdayBetweenAMonthFirstDayAndItsYearKeepsTheTimeAfterIt()
    {
        // A Taiwanese blog platform's badge: month, day, weekday, year and time in spans of their own.
        var article = Extract("""
            <div class="article"><ul class="article-head"><li class="publish"><span class="month">Dec</span> <span class="date">28</span>
            <span class="day">Sat</span> <span class="year">2013</span> <span class="time">00:28</span></li>
            <li class="title"><h2><a href="/blog/post/1">A weekend walk in the old town</a></h2></li></ul>
            <div class="article-content">
            """ + Paragraphs + "</div></div>", lang: "zh-TW");
        Assert.StartsWith("2013-12-28T00:28", article.Published);
    }

    [Fact]
    public void AForumMembersRegistrationDayGivesWayToTheFirstPostsDate()
    {
        // phpBB: the profile beside each post says when its writer joined; the first post's date, under the post's own heading, follows.
        var profile = """<dl class="postprofile"><dt><a class="username">Gartenfreund</a></dt><dd><strong>Registriert:</strong> Mi 14. Mär 2012, 09:10</dd></dl>""";
        var article = Extract($"""
            <h1 class="topic-title">Tomaten platzen auf</h1>
            <div id="p101" class="post">{profile}<div class="postbody"><h3 class="first">Tomaten platzen auf</h3><p class="author">Beitrag von <strong>Gartenfreund</strong> &raquo; Mo 3. Jun 2019, 14:32</p>
            <div class="content">Meine Tomaten platzen dieses Jahr ständig auf. Liegt das am Gießen oder an der Sorte? Wer hat Erfahrung damit?
            Ich gieße jeden zweiten Tag, aber bei der Hitze trocknet die Erde schnell aus.</div></div></div>
            <div id="p102" class="post">{profile}<div class="postbody"><h3>Re: Tomaten platzen auf</h3><p class="author">Beitrag von <strong>Beetkönigin</strong> &raquo; Mo 3. Jun 2019, 18:05</p>
            <div class="content">Das liegt meistens am unregelmäßigen Gießen. Gleichmäßig feucht halten hilft.</div></div></div>
            """, url: "https://forum.example.de/viewtopic.php?t=5512", lang: "de");
        Assert.StartsWith("2019-06-03T14:32", article.Published);
    }

    [Theory]
    [InlineData("Du 14 décembre 2019 au 15 décembre 2019", "fr")]
    [InlineData("14.12.2019 – 15.12.2019", "de")]
    public void ADateOpeningASpanToAnotherIsAnEventsPeriod(string span, string lang)
    {
        // An agenda page: the event's period under its title, no publication anywhere.
        var article = Extract($"""
            <div class="evenement"><h1>Marché de Noël sur la place</h1><p class="dates">{span}</p><p class="lieu">Place de la Mairie</p>
            <p>Venez nombreux découvrir les exposants, les artisans et les producteurs de la région autour d'un vin chaud.</p>
            <p>Les enfants pourront rencontrer le Père Noël le samedi après-midi devant la mairie.</p></div>
            """, lang: lang);
        Assert.Null(article.Published);
    }

    [Fact]
    public void AClockAfterADashIsNoSpan()
    {
        // Drupal's "Mo, 03.06.2019 - 14:32".
        var article = Extract("""
            <div class="node"><h1 class="title">Blutspende im Bürgerhaus</h1><span class="date">Mo, 03.06.2019 - 14:32</span>
            """ + Paragraphs + "</div>", lang: "de");
        Assert.StartsWith("2019-06-03T14:32", article.Published);
    }
}
