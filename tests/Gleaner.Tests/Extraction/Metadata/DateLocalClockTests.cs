using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

/// <summary>
/// Session 19 (dates23): a time shown without a zone read on the clock of the page's region; a teaser card's date inside
/// the article; a day the free text announces after the URL's day.
/// </summary>
public class DateLocalClockTests
{
    private static Article Extract(string lang, string body, string url = "https://www.example.org/news/story", string head = "")
        => new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Example</title>{head}</head><body>
            <header class="site-header"><a href="/">Home</a> <a href="/news">News</a></header>
            <main>{body}</main><footer>© 2024 Example</footer></body></html>
            """, url);

    private const string Paragraphs = """
        <p>Die Verwaltung hat die Pläne in der Sitzung vorgestellt und mit den Anwohnern ausführlich besprochen.</p>
        <p>Im Anschluss sollen die Unterlagen öffentlich ausgelegt werden, damit alle Interessierten Stellung nehmen können.</p>
        """;

    [Theory]
    // Central European Time in winter, summer time after the last Sunday of March.
    [InlineData("de", "https://www.example.org/news/story", "14.03.2024, 10:32 Uhr", "2024-03-14T10:32:00+01:00")]
    [InlineData("de", "https://www.example.org/news/story", "02.04.2024, 10:32 Uhr", "2024-04-02T10:32:00+02:00")]
    [InlineData("de-AT", "https://www.example.org/news/story", "28. Oktober 2024, 10:32 Uhr", "2024-10-28T10:32:00+01:00")]
    // The region of the country domain decides where the language is written in several zones.
    [InlineData("fr", "https://www.example.fr/news/story", "Publié le 14/03/2024 à 10h32", "2024-03-14T10:32:00+01:00")]
    [InlineData("ja", "https://www.example.org/news/story", "2024年3月14日 10時32分", "2024-03-14T10:32:00+09:00")]
    [InlineData("fi", "https://www.example.org/news/story", "14.3.2024 klo 10.32", "2024-03-14T10:32:00+02:00")]
    // Catalan is written in Spain and Andorra, one zone; Nepali at +05:45.
    [InlineData("ca", "https://www.example.org/news/story", "14 de març de 2024, 10:32", "2024-03-14T10:32:00+01:00")]
    [InlineData("ne", "https://www.example.org/news/story", "2024-03-14 10:32", "2024-03-14T10:32:00+05:45")]
    public void AClockShownWithoutAZoneIsTheRegionsLocalTime(string lang, string url, string dateline, string expected)
    {
        var article = Extract(lang, $"<article><h1>Neue Radwege für die Innenstadt</h1><p class=\"meta\">{dateline}</p>{Paragraphs}</article>", url);
        Assert.Equal(expected, article.Published);
    }

    [Theory]
    // Israel's clock: +02:00 in winter, +03:00 from the Friday before the last Sunday of March (29 March 2024, two days
    // before the EU's change).
    [InlineData("he", "https://www.example.org/news/story", "12.03.2024 | 14:05", "2024-03-12T14:05:00+02:00")]
    [InlineData("he", "https://www.example.org/news/story", "29.03.2024 | 14:05", "2024-03-29T14:05:00+03:00")]
    [InlineData("en-IL", "https://www.example.org/news/story", "March 29, 2024 2:05 pm", "2024-03-29T14:05:00+03:00")]
    public void AnIsraeliPagesClockKeepsIsraelsSummerTime(string lang, string url, string dateline, string expected)
    {
        var article = Extract(lang, $"""
            <article dir="rtl"><h1>העירייה תשפץ את הספרייה העירונית</h1><div class="date">{dateline}</div>
            <p>העירייה הודיעה כי הספרייה העירונית תעבור שיפוץ מקיף שיימשך כחצי שנה, ובמהלכו תפעל ספרייה זמנית במתנ"ס השכונתי.</p>
            <p>תושבים בירכו על ההחלטה וביקשו להרחיב את שעות הפתיחה של הספרייה בערבים ובסופי השבוע.</p></article>
            """, url);
        Assert.Equal(expected, article.Published);
    }

    [Theory]
    // A language written in many zones, with no region named: the clock stays as written.
    [InlineData("en", "March 14, 2024 10:32 am")]
    [InlineData("es", "14 de marzo de 2024 - 10:32")]
    public void AClockOfALanguageWrittenInManyZonesStaysAsWritten(string lang, string dateline)
    {
        var article = Extract(lang, $"<article><h1>New cycle lanes for the city centre</h1><p class=\"meta\">{dateline}</p>{Paragraphs}</article>");
        Assert.Equal("2024-03-14T10:32:00+00:00", article.Published);
    }

    [Fact]
    public void MetadataWithoutAnOffsetIsNotReadOnTheRegionsClock()
    {
        // "2024-03-14T10:32:00" in a meta tag may be UTC: only a clock the readers see is theirs.
        var article = Extract("de", $"<article><h1>Neue Radwege für die Innenstadt</h1>{Paragraphs}</article>",
            head: """<meta property="article:published_time" content="2024-03-14T10:32:00">""");
        Assert.Equal("2024-03-14T10:32:00+00:00", article.Published);
    }

    [Fact]
    public void TheShownUpdateTakesTheSameClock()
    {
        var article = Extract("de-CH", $"<article><h1>Kanton senkt die Steuern</h1><div class=\"meta\">Publiziert: 14.03.2024, 10:32 Uhr | Aktualisiert: 14.03.2024, 12:05 Uhr</div>{Paragraphs}</article>");
        Assert.Equal("2024-03-14T10:32:00+01:00", article.Published);
        Assert.Equal("2024-03-14T12:05:00+01:00", article.Modified);
    }

    [Fact]
    public void ATeaserCardsDateInsideTheArticleIsAnotherPages()
    {
        // A broadcaster's page shows only "Stand:"; the card of another story inside the article links its own date and title.
        var article = Extract("de", $"""
            <article><div class="seitenkopf"><h1>Bahnstreik: Was Pendler jetzt wissen müssen</h1>
            <p class="metatextline">Stand: 14.03.2024 18:45 Uhr</p></div>{Paragraphs}
            <div class="teaser-xs"><a href="/wirtschaft/streik-101.html"><span class="teaser-xs__date">12.03.2024</span>
            <span class="teaser-xs__headline">Streik angekündigt</span></a></div></article>
            """);
        Assert.StartsWith("2024-03-14T18:45", article.Published);
    }

    [Fact]
    public void APermalinkAroundTheDateWithItsLabelIsTheArticles()
    {
        var article = Extract("en", $"""
            <article><h1>New cycle lanes for the city centre</h1>
            <div class="entry-meta"><a href="https://www.example.org/news/story" rel="bookmark"><span class="posted-on">Posted on</span> <span class="date">March 14, 2024</span></a></div>
            <p>The council approved the plan on Thursday after a long debate about parking spaces in the old town.</p></article>
            """);
        Assert.Equal("2024-03-14", article.Published);
    }

    [Fact]
    public void ADayTheTextAnnouncesAfterTheUrlsDayIsNotThePublication()
    {
        var article = Extract("de", """
            <article class="post status-publish"><header><h1 class="entry-title">Jahreshauptversammlung mit Neuwahlen</h1></header>
            <div class="entry-content"><p>Zur Jahreshauptversammlung am 23.03.2024 um 19:30 Uhr im Vereinsheim laden wir alle Mitglieder herzlich ein.</p>
            <p>Auf der Tagesordnung stehen die Berichte des Vorstands sowie die Neuwahlen.</p></div></article>
            """, "https://www.heimatverein.de/2024/03/14/jahreshauptversammlung-mit-neuwahlen/");
        Assert.Equal("2024-03-14", article.Published);
    }

    [Fact]
    public void AScriptsObjectLiteralWithBareKeysDatesAPageNothingElseDates()
    {
        var article = Extract("de", $$$$"""
            <article><h1>Smartphone-Test: Das kann das neue Modell</h1><div class="meta"><span>Lisa Berg</span> · <span class="ago">vor 3 Stunden</span></div>{{{{Paragraphs}}}}</article>
            <script>window.__NUXT__=(function(a,b){return {data:[{article:{id:4711,publishedAt:"2024-03-14T09:32:00.000Z",updatedAt:"2024-03-14T11:00:00.000Z"}}]}}(1,2));</script>
            """);
        Assert.Equal("2024-03-14T09:32:00+00:00", article.Published);
    }
}
