using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

/// <summary>
/// Dates that compete with the article's in its header: an update note before an unlabelled date further down, an event's
/// date in the standfirst above the dateline, and a wire service's clock with its zone written out.
/// </summary>
public class DateCompetingTests
{
    private static Article Extract(string lang, string body, string url = "https://www.example.org/news/story")
        => new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Example</title></head><body>
            <header class="site-header"><a href="/">Home</a> <a href="/news">News</a></header>
            <main>{body}</main><footer>© 2024 Example</footer></body></html>
            """, url);

    private const string Paragraphs = """
        <p>Gradska skupština u četvrtak je izglasala gradnju novog tramvajskog pravca prema Sveučilišnoj bolnici u Zagrebu.</p>
        <p>Radovi bi trebali početi sljedeće godine, a trasa će biti duga oko četiri kilometra kroz istočni dio grada.</p>
        <p>Gradonačelnik je najavio da će se projekt financirati većim dijelom iz europskih fondova i gradskog proračuna.</p>
        <p>Oporba traži dodatne analize troškova prije potpisivanja ugovora s izvođačem radova na trasi.</p>
        """;

    [Fact]
    public void AnUnlabelledDateIsMeasuredFromTheHeadlineByItsOwnPlaceNotTheUpdateNotes()
    {
        // The update note stands right under the headline; the next unlabelled date is a side box's, far below the lead.
        var article = Extract("hr", """
            <div class="main"><h1>Zagreb dobiva novi tramvajski pravac</h1>
            <div class="info"><span>Piše: Ivana Horvat</span> <span>Ažurirano: 15. ožujka 2024. u 09:15</span></div>
            <div class="text">
            """ + Paragraphs + """
            </div><div class="side"><h3>Najčitanije</h3><p><a href="/vijesti/2024/03/13/potres/">Potres kod Siska</a> 13.03.2024. 21:10</p></div></div>
            """, "https://www.example.hr/vijesti/clanak/2024/03/14/zagreb-tramvaj/2545123.aspx");
        Assert.Equal("2024-03-14", article.Published?[..10]);
        Assert.StartsWith("2024-03-15T09:15", article.Modified);
    }

    [Fact]
    public void AnUnlabelledDateRightUnderAnUpdateNoteIsStillTheDateline()
    {
        var article = Extract("hr", """
            <div class="main"><h1>Zagreb dobiva novi tramvajski pravac</h1>
            <div class="info"><span>Ažurirano: 15. ožujka 2024. u 09:15</span></div><div class="date">14. ožujka 2024. u 10:32</div>
            <div class="text">
            """ + Paragraphs + "</div></div>");
        Assert.StartsWith("2024-03-14T10:32", article.Published);
    }

    [Theory]
    // Slovak: the standfirst names the event's day in a clause of three words; the dateline follows below the hero image.
    [InlineData("sk", "Festival sa uskutoční 23. marca 2024 na Tyršovom nábreží, organizátori čakajú až 30-tisíc ľudí.", "14. marca 2024 o 10:32", "2024-03-14")]
    // English: "The event opens March 23, 2024 in Central Park."
    [InlineData("en", "The fair opens on March 23, 2024 in Central Park, with more than 200 exhibitors expected.", "March 14, 2024", "2024-03-14")]
    public void AnEventsDayInTheStandfirstIsNoDateline(string lang, string standfirst, string dateline, string expected)
    {
        var article = Extract(lang, $"""
            <div class="article"><h1>Bratislava chystá najväčší hudobný festival</h1><p class="perex">{standfirst}</p>
            <figure><img src="/a.jpg" alt=""><figcaption>Foto: archív</figcaption></figure>
            <div class="published">{dateline}</div>
            <div class="body"><p>Mesto v spolupráci s organizátormi predstavilo program tohtoročného festivalu na nábreží.</p>
            <p>Na pódiu sa predstaví viac ako štyridsať interpretov zo Slovenska aj zo zahraničia.</p></div></div>
            """);
        Assert.Equal(expected, article.Published?[..10]);
    }

    [Theory]
    [InlineData("March 14, 2024 10:32 AM Eastern Daylight Time", "2024-03-14T10:32:00-04:00")]
    [InlineData("January 9, 2024 04:05 PM Pacific Standard Time", "2024-01-09T16:05:00-08:00")]
    [InlineData("January 9, 2024 08:00 AM Central Standard Time", "2024-01-09T08:00:00-06:00")]
    public void AWireServicesZoneWrittenOutIsRead(string stamp, string expected)
    {
        var article = Extract("en", $"""
            <div class="release"><div class="timestamp"><time>{stamp}</time></div><h1>Globex Announces Partnership with Initech</h1>
            <div class="story"><p>SAN FRANCISCO--(BUSINESS WIRE)--Globex Corporation today announced a multi-year partnership with Initech.</p>
            <p>The companies expect the first joint product to be available in the fall.</p></div></div>
            """);
        Assert.Equal(expected, article.Published);
    }

    [Theory]
    // Swahili (Mwananchi's "Alhamisi, Machi 14, 2024"), Filipino ("Marso 14, 2024 10:32 AM"), Malay's "Julai".
    [InlineData("sw", "Alhamisi, Machi 14, 2024", "2024-03-14")]
    [InlineData("sw", "Jumatatu, Septemba 2, 2024", "2024-09-02")]
    [InlineData("fil", "Marso 14, 2024 10:32 AM", "2024-03-14T10:32")]
    [InlineData("fil", "Hulyo 4, 2024", "2024-07-04")]
    [InlineData("ms", "4 Julai 2024 10:32 pagi", "2024-07-04T10:32")]
    public void ReadsSwahiliFilipinoAndMalayMonths(string lang, string dateline, string expected)
    {
        var article = Extract(lang, $"""
            <article><h1>Serikali yatangaza mpango mpya wa maji vijijini</h1><p class="date">{dateline}</p>
            <div class="body"><p>Serikali imetangaza mpango mpya wa kusambaza maji safi katika vijiji 1,200 nchini.</p>
            <p>Waziri amesema mpango huo utagharimu zaidi ya Sh500 bilioni.</p></div></article>
            """);
        Assert.StartsWith(expected, article.Published);
    }

    [Theory]
    [InlineData("bg", "Последна промяна: 15.03.2024 09:00")]
    [InlineData("sr", "Poslednja izmena: 15.03.2024. 09:00")]
    [InlineData("hr", "Zadnja promjena: 15.03.2024. 09:00")]
    public void ALastChangeNoteIsAnUpdateNotThePublication(string lang, string note)
    {
        var article = Extract(lang, $"""
            <div class="article-wrap"><h1>Софийският университет откри нов научен център</h1><div class="info">{note}</div>
            <div class="body"><p>Софийският университет откри нов център за изследвания в областта на изкуствения интелект.</p>
            <p>Центърът е финансиран по европейска програма с 12 милиона евро.</p></div></div>
            """, "https://news.example.bg/bulgaria/2024/03/14/nov-tsentar-45123");
        Assert.Equal("2024-03-14", article.Published?[..10]);
        Assert.StartsWith("2024-03-15T09:00", article.Modified);
    }

    [Theory]
    [InlineData("hr", "Ispisano: 16.03.2024. 12:04", "Objavljeno: 14.03.2024. u 10:32")]
    [InlineData("lt", "Spausdinta 2024-03-16 12:04", "Paskelbta 2024-03-14 10:32")]
    public void APrintVersionsStampIsNotThePublication(string lang, string stamp, string dateline)
    {
        var article = new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Vlada donijela mjere za stanovanje - Ispis</title></head><body class="print-version">
            <div class="print-head"><img src="/logo.svg" alt="Logo"> <span class="print-date">{stamp}</span></div>
            <h1>Vlada donijela mjere za stanovanje</h1><p class="meta">{dateline}</p>
            <div class="print-text"><p>Vlada je na sjednici u četvrtak donijela paket mjera za pristupačnije stanovanje mladih obitelji.</p>
            <p>Mjere uključuju subvencije kamata i poreznu olakšicu za prvu nekretninu.</p></div></body></html>
            """, "https://www.example.hr/ispis/1712345");
        Assert.StartsWith("2024-03-14T10:32", article.Published);
    }
}
