using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

public class AuthorTests
{
    private static IReadOnlyList<string> Authors(string head, string body = "")
        => new ArticleExtractor().Extract(
            $"<html lang=\"en\"><head>{head}</head><body><article><h1>Storm hits the coast</h1>{body}<p>The storm reached the coast on Monday night, officials said.</p></article></body></html>",
            "https://example.com/news/story").Authors;

    [Fact]
    public void JsonLdPersonsAreTheAuthors()
    {
        Assert.Equal(["Jane Doe", "John Roe"], Authors("""<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>"""));
    }

    [Fact]
    public void AnOrganisationIsUsedOnlyWhenNoPersonIsNamed()
    {
        Assert.Equal(["Example News"], Authors("""<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Example News"}}</script>"""));
        Assert.Equal(["Jane Doe"], Authors(
            """<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Example News"}}</script>""",
            "<div class=\"byline\">By Jane Doe</div>"));
    }

    [Fact]
    public void MetaAuthorUrlsAreIgnored()
    {
        Assert.Equal(["Jane Doe"], Authors("<meta property=\"article:author\" content=\"https://www.facebook.com/example\"><meta name=\"author\" content=\"Jane Doe\">"));
    }

    [Theory]
    [InlineData("By Jane Doe and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("By Jane Doe, John Roe and Ann Poe | Reuters", new[] { "Jane Doe", "John Roe", "Ann Poe" })]
    [InlineData("Von Hans Müller und Eva Schmidt", new[] { "Hans Müller", "Eva Schmidt" })]
    [InlineData("Par Sébastien Farcis", new[] { "Sébastien Farcis" })]
    [InlineData("Por María García", new[] { "María García" })]
    [InlineData("di Mario Rossi", new[] { "Mario Rossi" })]
    [InlineData("Автор: Иван Петров", new[] { "Иван Петров" })]
    [InlineData("By JANE DOE, Senior Correspondent", new[] { "JANE DOE" })]
    [InlineData("By Jane Doe jane.doe@example.com September 27, 2021 3:46 PM", new[] { "Jane Doe" })]
    [InlineData("Jane Doe (AP) — Updated 27.09.2021", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe and John Roe in New York", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Bruno (Henrique Zecchin) Rodrigues", new[] { "Bruno Henrique Zecchin Rodrigues" })]
    [InlineData("Written by Rob Smith. Edited by Betty Baker", new[] { "Rob Smith" })]
    [InlineData("记者 张伟", new[] { "张伟" })]
    [InlineData("Текст: Венера Ерофеева", new[] { "Венера Ерофеева" })]
    [InlineData("Finian Cunningham. Sputnik International", new[] { "Finian Cunningham" })]
    [InlineData("Mike Wuerthele and Malcolm Owen Monday, Nov 18, 2019", new[] { "Mike Wuerthele", "Malcolm Owen" })]
    [InlineData("BY: Troy L. Smith", new[] { "Troy L. Smith" })]
    [InlineData("Jeff FoustMonday, November 18, 2019", new[] { "Jeff Foust" })]
    [InlineData("Tanza Loudenback, Business Insider", new[] { "Tanza Loudenback" })]
    [InlineData("By Jane Doe & John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Por María García y José Pérez", new[] { "María García", "José Pérez" })]
    [InlineData("Jane Doe, John Roe and Ann Poe", new[] { "Jane Doe", "John Roe", "Ann Poe" })]
    [InlineData("ByJane Doe", new[] { "Jane Doe" })]
    [InlineData("Jane DoePublished 3 hours ago", new[] { "Jane Doe" })]
    [InlineData("Jane Doe Link Copied", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe PhD", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe, MD", new[] { "Jane Doe" })]
    [InlineData("Dr. Max Kolter", new[] { "Dr. Max Kolter" })]
    [InlineData("Jane Doe / Example Times", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe | Image: Getty Images", new[] { "Jane Doe" })]
    [InlineData("Von Hans Müller, Foto: Eva Schmidt", new[] { "Hans Müller" })]
    [InlineData("Hans Müller Stand: 28.04.2023, 10:00 Uhr", new[] { "Hans Müller" })]
    [InlineData("신현주 기자", new[] { "신현주" })]
    [InlineData("David Straub, MDR THÜRINGEN", new[] { "David Straub" })]
    [InlineData("JANE DOE and JOHN ROE", new[] { "JANE DOE", "JOHN ROE" })]
    [InlineData("Foto: Jane Doe und John Roe", new string[0])]
    [InlineData("Jane Doe | Redaktion: John Roe", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe. Editor: John Roe", new[] { "Jane Doe" })]
    [InlineData("Organization for Transformative Works", new[] { "Organization for Transformative Works" })]
    [InlineData("By Ahmed al-Mansouri and Fatima bin Rashid", new[] { "Ahmed al-Mansouri", "Fatima bin Rashid" })]
    [InlineData("Por João da Silva e Ana dos Santos, do Jornal do Vale", new[] { "João da Silva", "Ana dos Santos" })]
    [InlineData("Por Ana Paula Souza, da Agência Negócios", new[] { "Ana Paula Souza" })]
    [InlineData("di Mario Rossi, de La Stampa", new[] { "Mario Rossi" })]
    [InlineData("Ein Kommentar von Birgit Hahn", new[] { "Birgit Hahn" })]
    [InlineData("Autorzy: Jan Kowalski i Anna Nowak", new[] { "Jan Kowalski", "Anna Nowak" })]
    [InlineData("Texte : Sophie Martin — Illustration : Paul Girard", new[] { "Sophie Martin" })]
    [InlineData("佐藤健一と山田花子", new[] { "佐藤健一", "山田花子" })]
    [InlineData("作者：王小明和李华", new[] { "王小明", "李华" })]
    [InlineData("王和平", new[] { "王和平" })]
    [InlineData("Ein Gastbeitrag von Prof. Dr. Stefan Krämer", new[] { "Prof. Dr. Stefan Krämer" })]
    [InlineData("بقلم: أحمد المنصوري", new[] { "أحمد المنصوري" })]
    [InlineData("كتب: محمد الأحمد", new[] { "محمد الأحمد" })]
    [InlineData("Texto de Miguel Santos", new[] { "Miguel Santos" })]
    [InlineData("Text von Jana Becker", new[] { "Jana Becker" })]
    [InlineData("Ein Artikel von <a href=\"/autor/lukas-peters\">Lukas Peters</a><br><time datetime=\"2022-04-10T21:15\">10.04.2022, 21:15 Uhr</time>", new[] { "Lukas Peters" })]
    [InlineData("Haber: Zeynep Kaya ve Emre Aydın", new[] { "Zeynep Kaya", "Emre Aydın" })]
    [InlineData("Das Interview führte Jana Becker", new[] { "Jana Becker" })]
    [InlineData("By Jane Doe, in News, Portugal, Business", new[] { "Jane Doe" })]
    [InlineData("De notre envoyée spéciale Camille Roux", new[] { "Camille Roux" })]
    [InlineData("Του Γιώργου Παπαδόπουλου", new[] { "Γιώργου Παπαδόπουλου" })]
    [InlineData("de Ion Popescu și Maria Ionescu", new[] { "Ion Popescu", "Maria Ionescu" })]
    [InlineData("Teksti: Matti Virtanen, kuvat: Liisa Korhonen", new[] { "Matti Virtanen" })]
    [InlineData("Text und Fotos: Sandra Weiß", new[] { "Sandra Weiß" })]
    [InlineData("By Dan Smith", new[] { "Dan Smith" })]
    [InlineData("Tekst en foto's: Bas van der Linden", new[] { "Bas van der Linden" })]
    [InlineData("Opracowanie: Katarzyna Lewandowska", new[] { "Katarzyna Lewandowska" })]
    [InlineData("Gastautorin: Dr. Lena Albrecht, Verkehrsforscherin an der TU Südstadt", new[] { "Dr. Lena Albrecht" })]
    [InlineData("（鈴木一郎）", new[] { "鈴木一郎" })]
    [InlineData("Interview by Jane Doe", new[] { "Jane Doe" })]
    [InlineData("Lucía Ramírez Ortega · Redactora de Local", new[] { "Lucía Ramírez Ortega" })]
    [InlineData("Door onze redacteur Jan de Vries", new[] { "Jan de Vries" })]
    [InlineData("dal nostro inviato Paolo Ferri", new[] { "Paolo Ferri" })]
    [InlineData("Laporan Wartawan Kabar Harian, Dewi Lestari", new[] { "Dewi Lestari" })]
    [InlineData("Words: Holly Nguyen", new[] { "Holly Nguyen" })]
    [InlineData("Interview: Tom Hale", new[] { "Tom Hale" })]
    [InlineData("Anna Koskinen toimittaja", new[] { "Anna Koskinen" })]
    [InlineData("<span>Ola Hansen</span> <span>Journalist</span> <span>Kari Berg</span> <span>Fotograf</span>", new[] { "Ola Hansen" })]
    [InlineData("Ola Hansen Journalist Kari Berg Reporter", new[] { "Ola Hansen", "Kari Berg" })]
    [InlineData("Texto de Inês Carvalho | Fotografia de Rui Mendes", new[] { "Inês Carvalho" })]
    [InlineData("Jane Doe, Foto von John Roe", new[] { "Jane Doe" })]
    [InlineData("oprac. Adam Wójcik", new[] { "Adam Wójcik" })]
    [InlineData("Reporter: Asep Hidayat<br>Editor: Siti Rahma", new[] { "Asep Hidayat" })]
    [InlineData("By our special correspondent Jane Doe", new[] { "Jane Doe" })]
    [InlineData("Von unserem Korrespondenten Max Kolter", new[] { "Max Kolter" })]
    [InlineData("By KEVIN FREKING and MARY CLARE JALONICK Associated Press", new[] { "KEVIN FREKING", "MARY CLARE JALONICK" })]
    [InlineData("Posted by Marcus Lee, Product Manager, Databases", new[] { "Marcus Lee" })]
    [InlineData("By JONAH WHITFIELD AP Economics Writer", new[] { "JONAH WHITFIELD" })]
    [InlineData("By DALE FERRIS Staff Writer", new[] { "DALE FERRIS" })]
    [InlineData("By OLIVER PRATT FOR THE DAILY LEDGER", new[] { "OLIVER PRATT" })]
    [InlineData("By Tan Hui Min and Nur Aisyah Rahman", new[] { "Tan Hui Min", "Nur Aisyah Rahman" })]
    [InlineData("文・山田太郎　写真・佐藤花子", new[] { "山田太郎" })]
    [InlineData("作者：张伟 编辑：李娜", new[] { "张伟" })]
    [InlineData("Tekst: Marta Kowalczyk, Biuro Prasowe", new[] { "Marta Kowalczyk" })]
    [InlineData("Testo di Paolo Neri, Ufficio stampa", new[] { "Paolo Neri" })]
    [InlineData("Por Ana Souza — São Paulo", new[] { "Ana Souza" })]
    [InlineData("By Jane Doe and John Roe - Denver", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Words by Ruth Abel | Illustration by Tom Fink", new[] { "Ruth Abel" })]
    [InlineData("김민수·이지은 기자 | 사진=박성호 기자", new[] { "김민수", "이지은" })]
    [InlineData("Door Mark de Groot · Bewerkt door Sanne Vos", new[] { "Mark de Groot" })]
    [InlineData("Von Petra Lang, übersetzt von Jonas Frey", new[] { "Petra Lang" })]
    [InlineData("Written by Mia Cole · Medically reviewed by Dr. Hana Ito, MD", new[] { "Mia Cole" })]
    [InlineData("<div class=\"person\"><span class=\"name\">Kari Nordmann</span><span class=\"role\">Journalist</span></div><div class=\"person\"><span class=\"name\">Ola Hansen</span><span class=\"role\">Journalist</span></div><div class=\"person\"><span class=\"name\">Per Lie</span><span class=\"role\">Fotograf</span></div>", new[] { "Kari Nordmann", "Ola Hansen" })]
    public void CleansAndSplitsBylines(string byline, string[] expected)
    {
        Assert.Equal(expected, Authors("", $"<div class=\"byline\">{byline}</div>"));
    }

    [Theory]
    [InlineData(true, "Mthobisi Sithole")]
    [InlineData(false, "Ilanga Desk")]
    public void TakesTheWriterOpeningTheTextOverTheAdministratorAccountButKeepsTheAccountWhenNoOneElseIsCredited(bool credited, string expected)
    {
        // Every post filed under the site's one account ("/author/admin/"), its display name set to anything; the writer's
        // name in bold opens the text. A blog whose owner writes as the administrator has no other credit, and keeps it.
        var head = """<script type="application/ld+json">{"@type":"NewsArticle","author":{"@id":"https://example.com/author/admin/","name":"Ilanga Desk"}}</script>""";
        var body = "<p class=\"meta\">by <a href=\"https://example.com/author/admin/\" rel=\"author\">Ilanga Desk</a> | 5 November 2024</p>" +
                   (credited ? "<p><strong>MTHOBISI SITHOLE</strong></p>" : "");

        Assert.Equal([expected], Authors(head, body), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReadsTheWritersCardsBesideTheOneTheJsonLdNames()
    {
        // The JSON-LD names one writer; the byline shows a card for each, linked to their e-mail addresses.
        var head = """<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Marlene Lundberg Holm"}]}</script>""";
        var body = "<div class=\"bylines\">" +
                   "<div class=\"byline column\"><address class=\"name\"><a rel=\"author\" href=\"mailto:ingrid.treborg@example.com\"><span>Ingrid</span> <span>Treborg</span></a></address></div>" +
                   "<div class=\"byline column\"><address class=\"name\"><a rel=\"author\" href=\"mailto:marlene.holm@example.com\"><span>Marlene Lundberg</span> <span>Holm</span></a></address></div></div>";

        Assert.Equal(["Ingrid Treborg", "Marlene Lundberg Holm"], Authors(head, body));
    }

    [Fact]
    public void TakesTheStorysCreditOverAContentSystemsDefaultAccount()
    {
        // Joomla names its first administrator "Super User"; the club's writer signs at the story's end.
        var authors = Authors("",
            "<div class=\"item-page\"><h2 itemprop=\"headline\">Vorstand im Amt bestätigt</h2><dl class=\"article-info\"><dd class=\"createdby\" itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">Geschrieben von <span itemprop=\"name\">Super User</span></dd></dl>" +
            "<div itemprop=\"articleBody\"><p>Rund 80 Mitglieder kamen am Freitagabend ins Vereinsheim, der Vorsitzende blickte auf ein gutes Jahr zurück.</p><p><em>Text: Sabine Krüger</em></p></div></div>");

        Assert.Equal(["Sabine Krüger"], authors);
    }

    [Theory]
    [InlineData("<div class=\"news-meta footer\"><span class=\"date\">18.11.2024</span> <span class=\"news-list-author\">Von Jana Krüger</span></div>", "Jana Krüger")]
    [InlineData("<div class=\"article-meta footer\"><span class=\"byline\">By John Smith</span> <span>March 21, 2024</span></div>", "John Smith")]
    [InlineData("<div class=\"meta-footer\"><p>Von Peter Schulz</p></div>", "Peter Schulz")]
    public void ABylineUnderTheHeadlineCountsThoughItsClassSaysFooter(string metaLine, string author)
    {
        var page = "<html><body><div class=\"content\"><div class=\"article\"><div class=\"header\"><h1>Stadtwerke erhöhen Preise</h1></div>" + metaLine +
            "<div class=\"text\"><p>Die Stadtwerke erhöhen zum 1. Januar die Preise für Fernwärme um durchschnittlich acht Prozent, wie ein Sprecher mitteilte.</p>" +
            "<p>Betroffen sind rund 12.000 Haushalte im Stadtgebiet und mehrere Betriebe am Stadtrand.</p></div></div></div>" +
            "<footer class=\"site-footer\"><p>© 2024 Portal GmbH</p></footer></body></html>";
        Assert.Equal([author], AuthorsOfPage(page));
    }

    [Fact]
    public void ALabelledLineInNestedWrappersIsReadOnceAndStillJudgedWhereItStands()
    {
        // The same text three levels deep: one byline.
        var body = "<div class=\"content\"><div class=\"article\"><h1>Stadtwerke erhöhen Preise</h1><div><p><span>Von Anna Lang</span></p></div>" +
            "<p>Die Stadtwerke erhöhen zum 1. Januar die Preise für Fernwärme um durchschnittlich acht Prozent.</p>" +
            "<p>Betroffen sind rund 12.000 Haushalte im Stadtgebiet und mehrere Betriebe am Stadtrand.</p></div></div>";
        Assert.Equal(["Anna Lang"], AuthorsOfPage($"<html><body>{body}</body></html>"));
        // The same line in the footer, where it credits nobody: the text's byline is reused, the place is judged each time.
        var footer = "<footer><div class=\"footer-meta\"><p><span>Von Hans Maier</span></p><p>Impressum · Datenschutz</p></div></footer>";
        Assert.Empty(AuthorsOfPage("<html><body><div class=\"content\"><div class=\"article\"><h1>Council approves new park budget</h1>" +
            "<p>The city council on Wednesday approved a budget of two million dollars for a new park in the east end.</p>" +
            "<p>Construction is expected to begin next spring and last about a year.</p></div></div>" + footer + "</body></html>"));
    }

    [Theory]
    [InlineData("<div class=\"footer\"><p>By Webstudio Miller</p><p>© 2024 Portal Media</p></div>")]
    [InlineData("<footer><div class=\"footer-meta\"><p>Von Hans Maier</p><p>Impressum · Datenschutz</p></div></footer>")]
    public void ANameInThePagesFooterIsNoAuthor(string footer)
    {
        var page = "<html><body><div class=\"content\"><div class=\"article\"><h1>Council approves new park budget</h1>" +
            "<p>The city council on Wednesday approved a budget of two million dollars for a new park in the east end.</p>" +
            "<p>Construction is expected to begin next spring and last about a year.</p></div></div>" + footer + "</body></html>";
        Assert.Empty(AuthorsOfPage(page));
    }

    [Theory]
    [InlineData("<div class=\"info\">2026-03-04 08:30 来源：滨江日报 本报记者 李明</div>", new[] { "李明" })]
    [InlineData("<p class=\"src\">本报讯（记者 王芳 张伟 通讯员 赵强）</p>", new[] { "王芳", "张伟" })]
    [InlineData("<p>记者从市教育局获悉，本市今年将新建二十所幼儿园。</p>", new string[0])]
    public void AChineseReportersCreditInAMetaLineNamesTheAuthors(string line, string[] expected)
    {
        var html = $"<html lang=\"zh\"><head><title>本市今年将新建二十所公办幼儿园</title></head><body><div class=\"main\"><h1>本市今年将新建二十所公办幼儿园</h1>{line}"
            + "<div class=\"content\"><p>市教育局负责人表示，新建幼儿园主要分布在人口增长较快的新城区，预计新增学位八千个。</p><p>此外，全市还将推进普惠性民办幼儿园的认定工作。</p></div></div></body></html>";
        Assert.Equal(expected, new ArticleExtractor().Extract(html, "https://example.cn/news/1.html").Authors);
    }

    [Fact]
    public void ATurkishWritersClassMarksTheByline()
    {
        Assert.Equal(["Selin Aksoy"], Authors("", "<div class=\"yazar\">Selin Aksoy - Ekonomi Editörü</div>"));
    }

    [Fact]
    public void EachMarkedNameInOneBylineCounts()
    {
        Assert.Equal(["Claire Dubois", "Antoine Marchal"],
            Authors("", "<p class=\"meta\">Par <span class=\"author\">Claire Dubois</span> et <span class=\"author\">Antoine Marchal</span></p>"));
        // Stories of a digest page each have their own byline: the first names the author.
        var story = "<div class=\"byline\">By <b>{0}</b></div><p>" + string.Concat(Enumerable.Repeat("A paragraph of the digest's story. ", 10)) + "</p>";
        Assert.Equal(["Nathan Hill"], Authors("", string.Format(story, "Nathan Hill") + string.Format(story, "Jonas Corby")));
    }

    [Fact]
    public void ATurkishReportersClassMarksTheByline()
    {
        Assert.Equal(["Ayşe Demir"], Authors("", "<div class=\"haber-bilgi\"><span class=\"muhabir\">Ayşe Demir</span></div>"));
    }

    [Fact]
    public void NamesAreDeduplicated()
    {
        Assert.Equal(["Jane Doe"], Authors("<meta name=\"author\" content=\"Jane Doe, jane doe\">"));
    }

    [Fact]
    public void AQuotedSpeakerIsNotAnAuthor()
    {
        Assert.Empty(Authors("", "<p>“We are ready,” said spokesperson Jalina Porter on Monday.</p>"));
    }

    [Fact]
    public void ItempropAuthorIsRead()
    {
        Assert.Equal(["Jane Doe"], Authors("", "<span itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\"><span itemprop=\"name\">Jane Doe</span></span>"));
    }

    [Fact]
    public void BylinesOfRelatedArticlesAreNotTheAuthors()
    {
        Assert.Empty(Authors("", "<aside class=\"related\"><div class=\"byline\">By Jane Doe</div></aside>"));
    }
    [Fact]
    public void APhotoCreditIsNotAnAuthor()
    {
        Assert.Empty(Authors("", "<div class=\"byline\">Photo: Jane Doe</div>"));
    }

    [Theory]
    [InlineData("<p>By Jane Doe</p>")]
    [InlineData("<p class=\"meta\">von <a href=\"/team/jane\">Jane Doe</a></p>")]
    [InlineData("<ul><li><strong>Autorin/Autor</strong> Jane Doe</li></ul>")]
    [InlineData("<p class=\"meta\">Door onze redacteur Jane Doe</p>")]
    [InlineData("<div class=\"post-meta\">Text &amp; Fotos: Jane Doe · 14. Mai 2024</div>")]
    [InlineData("<div class=\"meta\"><span>Haber: Jane Doe</span></div>")]
    [InlineData("<p class=\"firma\">dal nostro inviato Jane Doe</p>")]
    [InlineData("<p class=\"credits\">Words: Jane Doe</p>")]
    [InlineData("<div class=\"credit\">Reporter: Jane Doe<br>Editor: John Roe</div>")]
    [InlineData("<div class=\"meta\"><span>oprac. Jane Doe</span> <span>21.02.2025, 14:00</span></div>")]
    [InlineData("<p class=\"credits\">Jane Doe (text) and Rae Ko (photos)</p>")]
    [InlineData("<p>Jane Doe (Text), Jan Roth (Fotos)</p>")]
    public void AnUnmarkedBylineUnderTheHeadlineNamesTheAuthor(string byline)
    {
        Assert.Equal(["Jane Doe"], Authors("", byline));
    }

    [Fact]
    public void ALinkToTheAuthorsPageNamesTheAuthor()
    {
        Assert.Equal(["Jane Doe", "John Roe"], Authors("", "<p><a href=\"/author/jane-doe\">Jane Doe</a> <a href=\"https://example.com/autoren/john-roe\">John Roe</a></p>"));
    }

    [Fact]
    public void APersonInAnUnmarkedBylineBeatsAnAgencyInTheMetaTags()
    {
        Assert.Equal(["Jane Doe"], Authors("<meta name=\"author\" content=\"AFP\">", "<p>Par Jane Doe</p>"));
    }

    [Fact]
    public void AuthorsOnlyInTheAnalyticsDataAreFound()
    {
        const string head = """<script>window.dataLayer = [{"pageType":"story","contentAuthors":["Jane Doe","John R\u00f6e"],"section":"news"}];</script>""";
        Assert.Equal(["Jane Doe", "John Röe"], Authors(head));
    }

    [Fact]
    public void ALabelledLineIndentedByItsTemplateIsRead()
    {
        var indent = new string('\t', 300);
        Assert.Equal(["Bill MCCARTHY", "Marisha GOLDHAMER"], Authors("",
            $"<ul><li class=\"information-item\">Von: {indent}<span class=\"person-link\"><a href=\"/bill-mccarthy\">Bill MCCARTHY</a>, {indent}</span>"
            + $"<span class=\"person-link\"><a href=\"/marisha-goldhamer\">Marisha GOLDHAMER</a></span>{indent}</li></ul>"));
    }

    [Fact]
    public void APicturesCreditInPageStateIsNotTheAuthor()
    {
        // Page state lists the lead picture (with its photographer) before the story's own authors.
        const string state = """<script>window.__DATA__ = {"article":{"mainImage":{"id":"img7","url":{"primary":"https://cdn.example.com/a.jpg"},"encodingFormat":"image/jpeg","height":1643,"width":2500,"authors":[{"name":"Leo Lensman"}],"source":{"name":"Wire file"}},"authors":[{"type":"embeddedPerson","person":{"id":"p6","name":"Jane Doe"}}]}};</script>""";
        Assert.Equal(["Jane Doe"], Authors(state));
    }

    [Fact]
    public void BylinesASiteConfiguresToHideOrAllowAreNotTheAuthors()
    {
        const string config = """<script>var site = {"capture":{"blacklist":{"byline":["AP FILE","AP Photo","Getty"]},"whitelist":{"byline":["Special to The Ledger"]}},"page":"story"};</script>""";
        Assert.Empty(Authors(config));
        Assert.Equal(["Jane Doe"], Authors(config + """<script>dataLayer.push({"author":"Jane Doe"});</script>"""));
    }

    [Theory]
    [InlineData("<div class=\"statement\"><div class=\"statement-author\"><img alt=\"\"><h4 class=\"author\">The Defence Ministry</h4></div><p>\u201cThe convoy was stopped.\u201d</p></div>")]
    [InlineData("<div class=\"m-claim\"><span class=\"author\">Jane Speaker</span> stated on May 3: \u201cTaxes fell.\u201d</div>")]
    [InlineData("<blockquote><p>We will win.</p><cite class=\"author\">John Quoted</cite></blockquote>")]
    public void TheSpeakerOfAQuotationOrReviewedClaimIsNotTheAuthor(string box)
    {
        Assert.Empty(Authors("", box));
        Assert.Equal(["Jane Doe"], Authors("", "<div class=\"byline\">By Jane Doe</div>" + box));
    }

    [Fact]
    public void AnApostropheInsideAnAnalyticsNameIsNoClosingQuote()
    {
        Assert.Equal(["Daniel O'Connor"], Authors("""<script>var utag_data = {"page_type":"article","author_name":"Daniel O'Connor"};</script>"""));
        Assert.Equal(["Daniel O'Connor"], Authors("""<script>dataLayer.push({"author":{"name":"Daniel O'Connor"}});</script>"""));
    }

    [Fact]
    public void AnAgencyBylineWinsOverThePublisherNamedAsAuthor()
    {
        const string jsonLd = """<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Lakeside Times"},"publisher":{"@type":"Organization","name":"Lakeside Times"}}</script>""";
        Assert.Equal(["Reuters"], Authors(jsonLd, "<div class=\"byline\">By Reuters</div>"));
        // With nobody else credited, the publisher is the credit.
        Assert.Equal(["Lakeside Times"], Authors(jsonLd));
    }

    [Fact]
    public void AnalyticsDataWithoutANameGivesNoAuthor()
    {
        Assert.Empty(Authors("""<script>var data = {"author": "admin", "authors": "\u00"};</script>"""));
        Assert.Empty(Authors("""<script>var nickname = type == 20 ? 'author' : 'Anonymous Reader';</script>"""));
        // The labels of an authors page, not names.
        Assert.Empty(Authors("""<script>var i18n = {"authors":{"title":"Alle Autoren | Example Zeitung","ourEditors":"Unsere Redaktionen"}};</script>"""));
    }
    [Fact]
    public void TheBylineOfAPictureOrPlayerIsNotTheArticles()
    {
        Assert.Empty(Authors("", "<figure><img src=\"a.jpg\"><figcaption><span class=\"byline\">Jane Doe</span></figcaption></figure>"));
        Assert.Empty(Authors("", "<div class=\"mediaBox\"><span class=\"mediaBox__byline\">| Jane Doe</span></div>"));
    }

    [Fact]
    public void DublinCoreNamesInLibraryOrderAreTurnedAround()
    {
        Assert.Equal(["Michiel de Jong", "Jane Doe"], Authors("<meta name=\"dc.creator\" content=\"Jong, Michiel de\"><meta name=\"dc.creator\" content=\"Doe, Jane\">"));
    }

    [Fact]
    public void TheAuthorsOfAWebPagesMainEntityAreRead()
    {
        Assert.Equal(["Jane Doe", "John Roe"], Authors("""<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Storm hits the coast","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}}</script>"""));
    }

    private static IReadOnlyList<string> AuthorsOfPage(string html, string url = "https://example.com/news/story")
        => new ArticleExtractor().Extract(html, url).Authors;

    private const string Prose = "<p>The storm reached the coast on Monday night, officials said, and the roads were closed until the morning.</p>";

    [Theory]
    [InlineData("Autorin: Jane Doe")]
    [InlineData("Autor: Jane Doe")]
    [InlineData("Autorin/Autor: Jane Doe")]
    [InlineData("Von Jane Doe")]
    [InlineData("Par Jane Doe")]
    [InlineData("Di Jane Doe")]
    [InlineData("Por Jane Doe")]
    [InlineData("Door Jane Doe")]
    [InlineData("Av Jane Doe")]
    [InlineData("Tekst: Jane Doe")]
    [InlineData("Text: Jane Doe")]
    [InlineData("Texto: Jane Doe")]
    [InlineData("Autore: Jane Doe")]
    [InlineData("Autorka: Jane Doe")]
    [InlineData("Yazar: Jane Doe")]
    [InlineData("Yazan: Jane Doe")]
    [InlineData("A cura di Jane Doe")]
    [InlineData("Piše: Jane Doe")]
    [InlineData("Avtor: Jane Doe")]
    [InlineData("Autors: Jane Doe")]
    [InlineData("Autorius: Jane Doe")]
    [InlineData("Skrivet av Jane Doe")]
    [InlineData("Kirjoittaja: Jane Doe")]
    [InlineData("Szerző: Jane Doe")]
    [InlineData("Written by Jane Doe")]
    [InlineData("Geschrieben von Jane Doe")]
    [InlineData("Escrito por Jane Doe")]
    [InlineData("Skrevet af Jane Doe")]
    [InlineData("Skrevet av Jane Doe")]
    [InlineData("Napisał: Jane Doe")]
    [InlineData("Oleh Jane Doe")]
    [InlineData("Diposting oleh Jane Doe pada 2 Januari 2024")]
    [InlineData("Ditulis oleh Jane Doe")]
    [InlineData("Auteur : Jane Doe")]
    public void ALabelledLineNamesTheAuthorInManyLanguages(string line)
    {
        Assert.Equal(["Jane Doe"], Authors("", $"<p>{line}</p>"));
    }

    [Fact]
    public void ANameAloneInBoldAtTheStartOfTheArticleIsTheAuthor()
    {
        Assert.Equal(["Jane Doe"], AuthorsOfPage($"<html><body><article><h1>Storm hits the coast</h1><p>&nbsp;</p><p><strong>Jane Doe</strong></p>{Prose}{Prose}</article></body></html>"));
        // After a standfirst, two names in one line.
        Assert.Equal(["Mathilde Sello", "Thabo Mokoena"], AuthorsOfPage(
            $"<html><body><article><h1>Storm hits the coast</h1><p><em>…villages count the damage</em></p><p><b>Mathilde Sello/Thabo Mokoena</b></p>{Prose}{Prose}</article></body></html>"));
    }

    [Fact]
    public void ANameAloneInBoldAtTheEndOfTheArticleIsTheAuthor()
    {
        Assert.Equal(["Lê Phương"], AuthorsOfPage($"<html><body><article><h1>Storm hits the coast</h1>{Prose}{Prose}<p style=\"text-align:right\"><strong>Lê Phương</strong></p></article></body></html>"));
        // A layout that names the column holding the article a sidebar.
        Assert.Equal(["Lê Phương"], AuthorsOfPage(
            $"<html><body><section><div class=\"sidebar-1\"><h1>Storm hits the coast</h1><article>{Prose}{Prose}<p><strong>Lê Phương</strong></p></article></div></section></body></html>"));
    }

    [Fact]
    public void ABoldLineInTheMiddleOfTheArticleIsNotTheAuthor()
    {
        Assert.Empty(AuthorsOfPage($"<html><body><article><h1>Storm hits the coast</h1>{Prose}{Prose}{Prose}<p><strong>Harbour Road</strong></p>{Prose}{Prose}</article></body></html>"));
        Assert.Empty(AuthorsOfPage($"<html><body><article><h1>Storm hits the coast</h1><p><strong>Harbour Road</strong> was closed on Monday.</p>{Prose}</article></body></html>"));
        // A notice in bold at the end is prose, whatever its capitals.
        Assert.Empty(AuthorsOfPage($"<html><body><article><h1>Storm hits the coast</h1>{Prose}{Prose}<p><b>【本文The Example Web作品的中文权益归本站所有。未经授权，不得转载。】</b></p></article></body></html>"));
    }

    [Fact]
    public void AnAuthorTagThatNamesThePublicationDoesNotHideTheWriter()
    {
        // The publication's name, or its initials as its domain spells them.
        Assert.Equal(["Jane Doe"], AuthorsOfPage(
            $"<html><head><meta name=\"author\" content=\"Example News (www.example.com)\"><meta property=\"og:site_name\" content=\"Example News\"></head><body><article><h1>Storm hits the coast</h1>{Prose}<ul><li><strong>Autorin/Autor</strong> Jane Doe</li></ul></article></body></html>"));
        Assert.Equal(["Jane Doe"], AuthorsOfPage(
            $"<html><head><meta name=\"author\" content=\"Deutsche Welle\"></head><body><article><h1>Storm hits the coast</h1>{Prose}<ul><li><strong>Autorin/Autor</strong> Jane Doe</li></ul></article></body></html>",
            "https://www.dw.com/de/story"));
        // Where the page credits nobody else, the publication is the credit.
        Assert.Equal(["Deutsche Welle"], AuthorsOfPage($"<html><head><meta name=\"author\" content=\"Deutsche Welle\"></head><body><article><h1>Storm hits the coast</h1>{Prose}</article></body></html>",
            "https://www.dw.com/de/story"));
    }

    [Theory]
    [InlineData("Jane Doe und John Roe")]
    [InlineData("Jane Doe; John Roe")]
    [InlineData("Jane Doe og John Roe")]
    [InlineData("Jane Doe en John Roe")]
    [InlineData("Jane Doe i John Roe")]
    public void SeveralNamesInOneStringAreSplit(string value)
    {
        Assert.Equal(["Jane Doe", "John Roe"], Authors($"<meta name=\"author\" content=\"{value}\">"));
    }

    [Theory]
    [InlineData("By Jane Doe. Photography by John Roe")]
    [InlineData("By Jane Doe | Photos: John Roe")]
    [InlineData("Jane Doe, Fotograf: John Roe")]
    [InlineData("Text: Jane Doe, Bilder: John Roe")]
    [InlineData("Jane Doe (Text), John Roe (Fotos)")]
    [InlineData("Jane Doe · Foto: John Roe")]
    [InlineData("Jane Doe Image: John Roe")]
    [InlineData("Jane Doe (Image: Getty Images)")]
    public void PictureCreditsAreNotAuthors(string value)
    {
        Assert.Equal(["Jane Doe"], Authors("", $"<div class=\"byline\">{value}</div>"));
    }

    [Fact]
    public void APictureCreditInAnAuthorTagIsNotAnAuthor()
    {
        Assert.Equal(["Jane Doe"], Authors("<meta name=\"author\" content=\"Jane Doe\"><meta itemprop=\"author\" content=\"(Image: Getty Images)\">"));
    }

    [Theory]
    [InlineData("Jane DoeUpdated 5 min ago")]
    [InlineData("BYJane Doe")]
    [InlineData("Jane Doe, PhD")]
    [InlineData("Jane Doe Senior Reporter")]
    [InlineData("Jane Doe Reporter")]
    [InlineData("Jane Doe 3 min read")]
    [InlineData("Jane Doe @janedoe")]
    public void JunkGluedToANameIsRemoved(string value)
    {
        Assert.Equal(["Jane Doe"], Authors("", $"<div class=\"byline\">{value}</div>"));
    }

    [Fact]
    public void AJobTitleRunOntoANameIsNotCutInHalf()
    {
        // "Games Editor": the byline element does not give "Ben Silverman Games"; the link to the author's page names him.
        Assert.Equal(["Ben Silverman"], Authors("", "<div class=\"author\"><a href=\"/author/ben-silverman\">Ben Silverman</a> <div class=\"author-title\">Games Editor</div></div>"));
    }

    [Theory]
    [InlineData("""<script>window.dataLayer = [{"pageType":"article","author":{"name":"Jane Doe","id":"17"}}];</script>""")]
    [InlineData("""<script>var utag_data = { page_type: 'article', author: 'Jane Doe' };</script>""")]
    [InlineData("""<script>dataLayer.push({"event":"page","byline":"By Jane Doe"});</script>""")]
    [InlineData("""<script>dataLayer.push({"seite":"artikel","autor":"Jane Doe"});</script>""")]
    [InlineData("""<script>var page = {"authors":[{"id":1,"name":"Jane Doe"}]};</script>""")]
    [InlineData("""<script>digitalData = {"page":{"writer":"Jane Doe"}};</script>""")]
    public void AuthorsInAnalyticsDataOfManyShapesAreFound(string head)
    {
        Assert.Equal(["Jane Doe"], Authors(head));
    }

    [Theory]
    [InlineData("<figure><img src=\"a.jpg\"><figcaption>Foto: AFP</figcaption></figure>")]
    [InlineData("<p class=\"copyright\">© dpa</p>")]
    [InlineData("<div class=\"source\">Quelle: dpa</div>")]
    [InlineData("<div class=\"byline\">Source: Reuters</div>")]
    [InlineData("<div class=\"credit\">Getty Images</div>")]
    public void SourceAndPictureCreditsNameNoAuthor(string body)
    {
        Assert.Empty(Authors("", body));
    }

    [Theory]
    [InlineData("<div class=\"byline\"><span>Jane Doe</span><span>John Roe</span></div>", new[] { "Jane Doe", "John Roe" })]
    [InlineData("<div class=\"byline\">Jane Doe<br>Political Correspondent</div>", new[] { "Jane Doe" })]
    [InlineData("<div class=\"byline\"><span>By Jane Doe</span><span>Photography by Mark Lee</span></div>", new[] { "Jane Doe" })]
    [InlineData("<div class=\"byline\">By Jane Doe<time datetime=\"2024-03-05\">March 5, 2024</time></div>", new[] { "Jane Doe" })]
    [InlineData("<div class=\"byline\"><span class=\"given\">Jane</span> <span class=\"family\">Doe</span></div>", new[] { "Jane Doe" })]
    public void ElementsThatTouchInABylineAreSeparateParts(string byline, string[] expected)
    {
        Assert.Equal(expected, Authors("", byline));
    }

    [Theory]
    [InlineData("<p class=\"credit\">Words by Jane Doe</p>")]
    [InlineData("<p class=\"credit\">Reporting by Jane Doe; Editing by John Roe</p>")]
    [InlineData("<div class=\"byline\">By Jane Doe For The Daily Example</div>")]
    public void LabelledCreditsNameTheWriterOnly(string byline)
    {
        Assert.Equal(["Jane Doe"], Authors("<meta property=\"og:site_name\" content=\"The Daily Example\">", byline));
    }

    [Fact]
    public void APhotoCreditAtTheStartStillNamesNoAuthor()
    {
        Assert.Empty(Authors("", "<div class=\"byline\">Photos by Mark Lee</div>"));
    }

    [Theory]
    [InlineData("""<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Example"}}</script>""", "Example")]
    [InlineData("""<meta name="author" content="TDE Staff">""", "TDE Staff")]
    [InlineData("""<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Example staff reporter"}]}</script>""", "Example staff reporter")]
    [InlineData("""<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"DE24 Redaktion"}]}</script>""", "DE24 Redaktion")]
    public void TheOutletsOwnCreditIsKeptWhenNoPersonIsNamed(string head, string credit)
    {
        Assert.Equal([credit], Authors(head + "<meta property=\"og:site_name\" content=\"The Daily Example\">"));
    }

    [Theory]
    [InlineData("<meta name=\"author\" content=\"Staff writer\">")]
    [InlineData("<meta name=\"author\" content=\"Webteam\">")]
    public void ADeskOrWordThatNamesNoOutletIsNoCredit(string head)
    {
        Assert.Empty(Authors(head + "<meta property=\"og:site_name\" content=\"The Daily Example\">"));
    }

    [Fact]
    public void TheOutletsCreditGivesWayToAPerson()
    {
        Assert.Equal(["Jane Doe"], Authors("<meta name=\"author\" content=\"Example\"><meta property=\"og:site_name\" content=\"The Daily Example\">",
            "<div class=\"byline\">By Jane Doe</div>"));
    }

    [Fact]
    public void AnAuthorsBioLineNamesTheAuthor()
    {
        Assert.Equal(["Mark Ellis"], Authors("", "<div class=\"byline\">Mark Ellis is a staff writer at Metro Wire. He previously worked at the Courier.</div>"));
        Assert.Equal(["Max Muster"], Authors("", "<div class=\"byline\">Max Muster ist Redakteur im Ressort Politik.</div>"));
    }

    [Fact]
    public void ASentenceIsNoOrganisationForHoldingAnOrganisationWord()
    {
        Assert.Empty(Authors("", "<div class=\"byline\">He previously worked at the Courier</div>"));
    }

    [Fact]
    public void ANameInCyrillicBeforeAPictureCreditIsTheAuthor()
    {
        Assert.Equal(["Анна Иванова"], Authors("", "<div class=\"credits\">Текст: Анна Иванова<br>Фото: Сергей Петров</div>"));
    }

    [Theory]
    [InlineData("<div class=\"info\">Thomas Berger | 03.05.2022</div>", "Thomas Berger")]
    [InlineData("<div class=\"post-meta\"><span>Giulia Rossi</span> | <span>03/05/2022</span></div>", "Giulia Rossi")]
    [InlineData("<p class=\"meta\">Daniel Kerr • 5 March 2024 • 3 min read</p>", "Daniel Kerr")]
    [InlineData("<div class=\"infos\">Marie Lefèvre - 05/03/2024 à 10h00</div>", "Marie Lefèvre")]
    public void ANameAndADateOnOneUnmarkedLineNameTheAuthor(string line, string expected)
    {
        Assert.Equal([expected], Authors("", line));
    }

    [Theory]
    [InlineData("<div class=\"info\">NEW YORK | May 5, 2024</div>")]
    [InlineData("<div class=\"info\">Berlin | 03.05.2022</div>")]
    [InlineData("<div class=\"info\">Thomas Berger | Politik</div>")]
    [InlineData("<div class=\"info\">Los Angeles Times | May 5, 2024</div>")]
    public void APlaceOrALineWithoutADateNamesNoAuthor(string line)
    {
        Assert.Empty(Authors("", line));
    }

    [Theory]
    [InlineData("<h1>Nocne metro w Warszawie</h1><div class=\"article-meta\"><span>Piotr Zieliński</span> <span>08.03.2024, 12:10</span></div>", "Piotr Zieliński")]
    [InlineData("<div class=\"widget\"><h1>Wärmepumpen: was sich ändert</h1></div><div class=\"widget\"><ul><li>Robert Kühn</li><li>7. Dezember 2023</li></ul></div>", "Robert Kühn")]
    public void ANameBesideADateRightUnderTheHeadlineNamesTheAuthor(string header, string expected)
    {
        Assert.Equal([expected], AuthorsOfPage($"<html><body><article>{header}{Prose}{Prose}</article></body></html>"));
    }

    [Fact]
    public void ThePostInfoListsAuthorItemNamesTheAuthor()
    {
        // A page builder's post-info list: the author item is marked by its class, here without itemprop too.
        const string List = "<ul class=\"elementor-inline-items elementor-icon-list-items elementor-post-info\"><li class=\"elementor-icon-list-item elementor-repeater-item-x\"{0}>" +
            "<a href=\"/author/anna/\"><span class=\"elementor-icon-list-icon\"><i class=\"fas fa-user\"></i></span><span class=\"elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-author\">Anna Schmidt</span></a></li>" +
            "<li class=\"elementor-icon-list-item\"><span class=\"elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date\">12. März 2024</span></li></ul>";
        Assert.Equal(["Anna Schmidt"], AuthorsOfPage($"<html><body><article><h1>Neue Radwege in der Stadt</h1>{string.Format(List, " itemprop=\"author\"")}{Prose}{Prose}</article></body></html>"));
        Assert.Equal(["Anna Schmidt"], AuthorsOfPage($"<html><body><article><h1>Neue Radwege in der Stadt</h1>{string.Format(List, "")}{Prose}{Prose}</article></body></html>"));
    }

    [Theory]
    // A place beside the date, a line in capitals, a name with more words than a person's, and a name further down the page.
    [InlineData("<h1>Nocne metro w Warszawie</h1><div><span>NEW YORK</span> <span>08.03.2024</span></div>")]
    [InlineData("<h1>Nocne metro w Warszawie</h1><div>Stadt Rathaus Pressestelle Mitte 08.03.2024</div>")]
    [InlineData("<h1>Nocne metro w Warszawie</h1><div>Piotr Zieliński wrote about 08.03.2024</div>")]
    [InlineData("<h1>Nocne metro w Warszawie</h1><p>Short standfirst here.</p><div>Piotr Zieliński 08.03.2024</div>")]
    public void ANameBesideADateElsewhereOrWithMoreWordsNamesNoAuthor(string header)
    {
        Assert.Empty(AuthorsOfPage($"<html><body><article>{header}{Prose}{Prose}</article></body></html>"));
    }

    [Fact]
    public void AnOutletCreditedElsewhereKeepsANameBesideADateUnread()
    {
        Assert.Equal(["Reuters"], AuthorsOfPage(
            $"<html><head><meta name=\"author\" content=\"Reuters\"></head><body><article><h1>Nocne metro</h1><div>Piotr Zieliński 08.03.2024</div>{Prose}{Prose}</article></body></html>"));
    }

    [Fact]
    public void AKoreanReporterLineNamesTheAuthor()
    {
        Assert.Equal(["김민수"], Authors("", "<div class=\"info\"><span class=\"nm\">김민수 기자</span> <time>2024.03.05</time></div>"));
        Assert.Equal(["김민수"], AuthorsOfPage(
            "<html><body><article><h1>정부, 의대 증원 규모 발표</h1><p>[서울=뉴시스]김민수 기자 = 정부가 의대 증원 규모를 발표했다. 보건복지부는 이날 브리핑을 열고 구체적인 계획을 밝혔다.</p><p>의료계는 강하게 반발하고 있다.</p></article></body></html>"));
        // Chinese writes the title before the name: "新华社记者" is the agency's reporter, not a name.
        Assert.Empty(AuthorsOfPage("<html><body><article><h1>全国春耕生产进展顺利</h1><p>新华社记者 = 全国春耕生产进展顺利，各地农民忙于播种。</p></article></body></html>"));
    }

    [Fact]
    public void AJobLineAfterANameIsTheJobWhateverItsLength()
    {
        Assert.Equal(["Amelia Hart"], Authors("", "<div class=\"byline\"><div class=\"name\">Amelia Hart</div><div class=\"role\">Local Government Reporter</div></div>"));
        // Joined by "and", the second part is a name with its job run on.
        Assert.Equal(["Jane Doe", "John Roe"], Authors("", "<div class=\"byline\">By Jane Doe and John Roe Staff Writer</div>"));
    }

    [Fact]
    public void ADatedNameLineInAHeaderBandApartFromTheTextNamesTheAuthor()
    {
        // The headline, standfirst and byline in one band, the text in another; the line's spans indented by the template.
        var indent = new string(' ', 60);
        Assert.Equal(["Sehernur Karsu"], AuthorsOfPage(
            "<html><body><main><div class=\"spot\"><div class=\"spot-category\"><h1>Şarj istasyonu sayısı 11 bini aştı</h1><h4>Bakan, şarj istasyonu sayısının arttığını bildirdi.</h4>" +
            $"<div class=\"row\">\n{indent}<span>Sehernur Karsu &nbsp;|</span>\n{indent}<span class=\"tarih\">05.04.2025 - Güncelleme : 05.04.2025</span>\n{indent}</div></div></div>" +
            $"<div class=\"detail\"><div class=\"text\">{Prose}{Prose}</div></div></main></body></html>"));
    }

    [Fact]
    public void AnAuthorsNoteInItalicsClosingTheArticleNamesTheAuthor()
    {
        Assert.Equal(["Laura Chen"], AuthorsOfPage($"<html><body><article><h1>Why the tax reform matters</h1>{Prose}{Prose}<p><em>Laura Chen is a senior fellow at the Institute for Fiscal Studies.</em></p></article></body></html>"));
        // Italics that are no bio line name nobody.
        Assert.Empty(AuthorsOfPage($"<html><body><article><h1>Why the tax reform matters</h1>{Prose}{Prose}<p><em>This article was first published in March.</em></p></article></body></html>"));
    }

    [Fact]
    public void ANationalAgencyAloneIsTheCredit()
    {
        Assert.Equal(["Lusa"], Authors("", "<span class=\"autor\">Lusa</span>"));
        Assert.Equal(["ATS"], Authors("", "<div class=\"signature\">ATS</div>"));
        Assert.Equal(["Jane Doe"], Authors("", "<div class=\"byline\">Jane Doe, Lusa</div>"));
    }

    [Fact]
    public void WhereAChineseReporterFiledFromIsNotAName()
    {
        Assert.Equal(["陳志明"], Authors("", "<span class=\"author\">記者陳志明／台北報導</span>"));
    }

    [Fact]
    public void AChineseOrJapaneseLabelBeforeTheNameMarksAnUnmarkedByline()
    {
        Assert.Equal(["张伟"], AuthorsOfPage($"<html><body><article><h1>地铁十五号线月底开通试运营</h1><div class=\"info\"><span>来源：城市日报</span> <span>作者：张伟</span></div>{Prose}{Prose}</article></body></html>"));
        Assert.Equal(["山田太郎"], AuthorsOfPage($"<html><body><article><h1>老舗和菓子店、創業三百年の新作</h1><p class=\"credit\">文・山田太郎　写真・佐藤花子</p>{Prose}{Prose}</article></body></html>"));
        // A blog's footer under the post: "書いた人: ゆき" (the one who wrote it).
        Assert.Equal(["ゆき"], AuthorsOfPage($"<html><body><article><h1>北海道の小さな町で過ごした夏休み</h1>{Prose}{Prose}<footer class=\"entry-footer\"><span>書いた人: ゆき</span> <a href=\"#\">コメントを書く</a></footer></article></body></html>"));
    }

    [Fact]
    public void AOneWordNameInABylineIsTheCreditWhereNoOneElseIsNamed()
    {
        Assert.Equal(["Clara"], Authors("", "<div class=\"post-meta\">Text &amp; Fotos: Clara · 14. Mai 2024</div>"));
        Assert.Equal(["Sandrine"], Authors("", "<span class=\"author\">Texte : Sandrine</span>"));
        // It wins over the publisher named as every page's author, but a full name wins over it.
        Assert.Equal(["Jens"], Authors("""<meta property="og:site_name" content="Weserbote"><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Weserbote"}}</script>""",
            "<span class=\"author\">Von Jens</span>"));
        Assert.Equal(["Jane Doe"], Authors("<meta name=\"author\" content=\"Jane Doe\">", "<span class=\"author\">Von Jens</span>"));
        // Capitals only are an agency's short name, no first name; a desk or a job word is nobody's name.
        Assert.Empty(Authors("", "<span class=\"author\">Von SID</span>"));
        Assert.Empty(Authors("", "<span class=\"author\">Von Gastautor</span>"));
        Assert.Empty(AuthorsOfPage($"<html><body><main><h1>Gemeinderat beschließt Radkonzept</h1>{Prose}{Prose}<p class=\"news-footer\">Autor: Hauptamt</p></main></body></html>"));
        // A word of the site's own name is its account's, not a person's.
        Assert.Empty(AuthorsOfPage($"<html><body><article><h1>Storm hits the coast</h1><p class=\"meta\">Posted by <a rel=\"author\" href=\"/author/vortex/\">Vortex</a></p>{Prose}{Prose}</article></body></html>",
            "https://vortexcannon.example/about-bugs/"));
        // A bold word opening the story is no byline.
        Assert.Empty(AuthorsOfPage($"<html><body><article><h1>Storm hits the coast</h1><p><strong>Hinweis</strong></p>{Prose}{Prose}</article></body></html>"));
    }

    [Fact]
    public void ABlogsNameIsNotAPersonsAndTheWriterNamedInThePostWins()
    {
        Assert.Equal(["Jane Okafor"], AuthorsOfPage(
            "<html><body><div class=\"post\"><h1>Build tools 9.0 is now stable</h1><div class=\"post-meta\">Posted by Devices Developers <time datetime=\"2024-05-14\">14 May 2024</time></div>" +
            $"<div class=\"post-body\"><p><i>Written by Jane Okafor, Developer Relations Engineer</i></p>{Prose}{Prose}</div></div></body></html>"));
        Assert.Equal(["Marcus Lee"], AuthorsOfPage(
            "<html><head><meta name=\"author\" content=\"Cloud Platform Blog\"></head><body><div class=\"post\"><h1>Regional backups now generally available</h1>" +
            "<span class=\"byline-author\">Posted by Cloud Platform Blog</span><div class=\"post-body\"><p><em>Posted by Marcus Lee, Product Manager, Databases</em></p>" +
            $"{Prose}{Prose}</div></div></body></html>"));
    }

    [Fact]
    public void AnInterviewLabelNamesTheInterviewerOnlyInAByline()
    {
        Assert.Equal(["Jane Doe"], Authors("", "<p class=\"autor\">Interview: Jane Doe</p>"));
        // Unmarked, "Interview: Name" is as often a kicker naming who is interviewed.
        Assert.Empty(Authors("", "<p>Interview: Jane Doe</p>"));
    }

    [Fact]
    public void LinksToTheAuthorsPagesBoundTheNamesInAByline()
    {
        Assert.Equal(["Laura Gil"], Authors("", "<div class=\"author\"><a href=\"/autor/laura-gil\">Laura Gil</a> <span class=\"location\">Valencia</span> 02/10/2024</div>"));
        Assert.Equal(["Jane Doe", "John Roe"], Authors("", "<div class=\"byline\">By <a href=\"/author/jane-doe\">Jane Doe</a> and <a href=\"/author/john-roe\">John Roe</a> in Paris</div>"));
        // A link that names nobody leaves the byline's text to be read.
        Assert.Equal(["Jane Doe"], Authors("", "<div class=\"byline\">Jane Doe <a href=\"/author/jane-doe\">View all posts</a></div>"));
        Assert.Equal(["Jane Doe"], Authors("", "<div class=\"byline\">Jane Doe <a rel=\"author\" href=\"/staff/jane-doe\">View profile</a></div>"));
    }

    [Fact]
    public void TheOutletsNameWithARegionalEditionsCodeIsTheOutlet()
    {
        Assert.Equal(["Ana Souza"], Authors("<meta property=\"og:site_name\" content=\"Portal Notícia\">", "<p class=\"byline\">Por Ana Souza, Portal Notícia SP</p>"));
    }

    [Theory]
    [InlineData("نویسنده: علی رضایی", "علی رضایی")]
    [InlineData("الكاتب: محمد علي", "محمد علي")]
    [InlineData("خبرنگار: مریم احمدی", "مریم احمدی")]
    [InlineData("כתב: יוסי כהן", "יוסי כהן")]
    [InlineData("लेखक: राहुल शर्मा", "राहुल शर्मा")]
    [InlineData("रिपोर्टर: अमित कुमार", "अमित कुमार")]
    [InlineData("โดย สมชาย ใจดี", "สมชาย ใจดี")]
    [InlineData("ผู้เขียน: วิภา สุขใจ", "วิภา สุขใจ")]
    [InlineData("रिपोर्ट: अमित कुमार", "अमित कुमार")]
    public void LabelsInScriptsWithoutCaseNameTheAuthor(string line, string author)
    {
        // Marked as a byline, and as an unmarked line of the article, where no capital letter can show where the name starts.
        Assert.Equal([author], Authors("", $"<div class=\"news-author\">{line}</div>"));
        Assert.Equal([author], Authors("", $"<p>{line}</p>"));
    }

    [Fact]
    public void WhoCompiledOrSourcedTheTextAfterTheAuthorIsNoAuthor()
    {
        Assert.Equal(["Anna Kowalska"], Authors("", "<div class=\"article-author\">Autor: Anna Kowalska, oprac. Piotr Nowak</div>"));
        Assert.Equal(["Minh Hà"], Authors("", "<p class=\"author\"><strong>Minh Hà</strong> (Theo TTXVN)</p>"));
        // Compiled by alone is still the credit.
        Assert.Equal(["Piotr Nowak"], Authors("", "<div class=\"article-author\">oprac. Piotr Nowak</div>"));
    }

    [Fact]
    public void DrupalsSubmittedLineNamesTheAuthorBeforeTheDate()
    {
        Assert.Equal(["Jane Smith"], Authors("", "<div class=\"submitted\">Submitted by <a href=\"/user/12\">Jane Smith</a> on Tue, 03/05/2024 - 10:12</div>"));
        Assert.Equal(["Jane Smith"], Authors("", "<p>Submitted by Jane Smith on Tuesday, March 5, 2024 - 10:12</p>"));
        // A surname or given name that is also a weekday's abbreviation stays.
        Assert.Equal(["Li Sun"], Authors("", "<p class=\"byline\">By Li Sun, Staff Writer</p>"));
        Assert.Equal(["Nguyen Thi Thu"], Authors("", "<p class=\"byline\">Nguyen Thi Thu, Reporter</p>"));
    }

    [Fact]
    public void HungarianAndIndonesianReportersLabelsNameTheAuthor()
    {
        Assert.Equal(["Nagy Eszter"], Authors("", "<p>Írta: Nagy Eszter</p>"));
        Assert.Equal(["Dewi Lestari"], Authors("", "<p>Laporan wartawan Kabar, Dewi Lestari</p>"));
    }

    [Fact]
    public void TheOutletsStaffCreditKeepsItsStaffWord()
    {
        Assert.Equal(["Daily Ledger staff"], Authors("", "<p class=\"byline\">By Daily Ledger staff</p>"));
        Assert.Equal(["Daily Ledger staff"], Authors("<meta property=\"og:site_name\" content=\"Daily Ledger\">", "<p class=\"byline\">By Daily Ledger staff</p>"));
    }

    [Fact]
    public void AGreekWritesLabelAndAnAgencyDashedToTheNameLeaveTheName()
    {
        Assert.Equal(["Γιάννης Παπαδόπουλος"], Authors("", "<p>Γράφει ο Γιάννης Παπαδόπουλος</p>"));
        Assert.Equal(["Mikko Virtanen"], Authors("", "<div class=\"byline\">STT–Mikko Virtanen</div>"));
        Assert.Equal(["Mikko Virtanen"], Authors("", "<div class=\"byline\">Mikko Virtanen–STT</div>"));
    }

    [Fact]
    public void AnEditorsCreditEndsWhereTheReportersLabelBegins()
    {
        Assert.Equal(["Budi Santoso"], Authors("", "<div class=\"author\">Editor: Rina Wati | Reporter: Budi Santoso</div>"));
        Assert.Empty(Authors("", "<div class=\"author\">Editor: Rina Wati</div>"));
    }

    [Fact]
    public void ACreditInFullWidthBracketsClosingTheStoryNamesItsWriterOrAgency()
    {
        Assert.Equal(["共同"], AuthorsOfPage("<html lang=\"ja\"><body><article><h1>夜行列車、3路線で運行へ</h1><p>地域の鉄道会社は木曜日、来月から3路線で夜行列車を運行すると発表した。</p><p>同社は半年後に見直すとしている。（共同）</p></article></body></html>"));
        Assert.Equal(["鈴木一郎"], AuthorsOfPage("<html lang=\"ja\"><body><article><h1>夜行列車、3路線で運行へ</h1><p>地域の鉄道会社は木曜日、来月から3路線で夜行列車を運行すると発表した。</p><p>同社は半年後に見直すとしている。（鈴木一郎）</p></article></body></html>"));
        // Brackets inside the story are no credit.
        Assert.Empty(AuthorsOfPage("<html lang=\"ja\"><body><article><h1>夜行列車、3路線で運行へ</h1><p>同社（本社・東京）は木曜日、来月から運行すると発表した。</p><p>同社は半年後に見直すとしている。</p></article></body></html>"));
    }

    [Fact]
    public void CatalansPerIsALabelOnlyOnACatalanPage()
    {
        const string story = "<h1>Trens nocturns a tres línies regionals</h1>";
        const string prose = "<p>L'operador ferroviari regional ha anunciat dijous que afegirà serveis nocturns a tres línies a partir del mes que ve.</p>";
        Assert.Equal(["Marta Puig"], AuthorsOfPage($"<html lang=\"ca\"><body><article>{story}<div class=\"autor\">Per Marta Puig</div>{prose}</article></body></html>"));
        Assert.Equal(["Marta Puig"], AuthorsOfPage($"<html lang=\"ca-ES\"><body><article>{story}<p>Per Marta Puig</p>{prose}</article></body></html>"));
        // Elsewhere Per is a first name.
        Assert.Equal(["Per Olsen"], AuthorsOfPage($"<html lang=\"nb\"><body><article>{story}<div class=\"byline\">Per Olsen</div>{prose}</article></body></html>"));
    }

    [Fact]
    public void APressReleaseIsCreditedToTheOrganisationThatProvidedItNotToItsContact()
    {
        Assert.Equal(["Hillside Foundation"], Authors("", "<p class=\"meta\">NEWS PROVIDED BY <a href=\"/news/foundation\">Hillside Foundation</a> Mar 08, 2024, 09:00 ET</p><p>Media Contact: Karen White, karen@hillside.org</p>"));
    }

    [Theory]
    [InlineData("โดย สมชาย ใจดี และ วิภา สุขใจ", "สมชาย ใจดี", "วิภา สุขใจ")]
    [InlineData("लेखक: राहुल शर्मा और प्रिया सिंह", "राहुल शर्मा", "प्रिया सिंह")]
    [InlineData("نویسنده: علی رضایی و مریم احمدی", "علی رضایی", "مریم احمدی")]
    [InlineData("بقلم: محمد علي وسارة حسن", "محمد علي", "سارة حسن")]
    [InlineData("מאת דנה לוי ויוסי כהן", "דנה לוי", "יוסי כהן")]
    [InlineData("Олена Коваленко та Андрій Шевченко", "Олена Коваленко", "Андрій Шевченко")]
    [InlineData("Jan Kowalski oraz Ewa Nowak", "Jan Kowalski", "Ewa Nowak")]
    public void TwoNamesJoinedByALocalConjunctionAreTwoAuthors(string byline, string first, string second)
    {
        Assert.Equal([first, second], Authors("", $"<div class=\"author\">{byline}</div>"));
    }

    [Fact]
    public void AnUncasedPartThatNoConjunctionJoinsToANameIsNoAuthor()
    {
        // "2 hours ago" after a bar is no second author.
        Assert.DoesNotContain("منذ ساعتين", Authors("", "<div class=\"author\">محمد علي | منذ ساعتين</div>"));
    }

    [Theory]
    [InlineData("Jan Novák, 3. 5. 2024", "Jan Novák")]
    [InlineData("Anna Kowalska, 3 maja 2024, 12:00", "Anna Kowalska")]
    [InlineData("Олена Коваленко, 3 травня 2024", "Олена Коваленко")]
    public void ANameBeforeACommaAndADateInAMetaLineIsTheAuthor(string line, string name)
    {
        Assert.Equal([name], Authors("", $"<div class=\"meta\">{line}</div>"));
    }

    [Theory]
    [InlineData("Bad Homburg, 03.05.2024")]
    [InlineData("New York, 3 May 2024")]
    public void APlaceBeforeACommaAndADateIsNoAuthor(string line)
    {
        Assert.Empty(Authors("", $"<div class=\"meta\">{line}</div>"));
    }

    [Fact]
    public void AKoreanReporterLineWithADateAfterASeparatorNamesTheReporter()
    {
        Assert.Equal(["홍길동"], Authors("", "<div class=\"info\">홍길동 기자 · 2024.05.03 10:21</div>"));
    }

    [Theory]
    [InlineData("Geplaatst op 3 mei 2024 door Pieter de Vries", "Pieter de Vries")]
    [InlineData("Publié le 3 mai 2024 par Claire Martin", "Claire Martin")]
    [InlineData("Veröffentlicht am 3. Mai 2024 von Claudia Neumann", "Claudia Neumann")]
    [InlineData("2024年5月3日 10:21 ／ 文：山田花子", "山田花子")]
    [InlineData("03.05.2024 | Von Stefan Richter", "Stefan Richter")]
    public void ABylineAfterItsDateIsRead(string line, string name)
    {
        Assert.Equal([name], Authors("", $"<p class=\"meta\">{line}</p>"));
    }

    [Fact]
    public void ASentenceWithADateAndAByWordCreditsNobody()
    {
        Assert.Empty(Authors("", "<p>Die Feier am 3. Mai 2024 wurde von Hans Meier organisiert.</p>"));
    }

    [Fact]
    public void AGenderNeutralAuthorLabelIsALabel()
    {
        Assert.Equal(["Lena Vogt"], Authors("", "<div class=\"post-meta\">Autor:in: Lena Vogt | Redaktion: Jan Peters | 05.03.2024</div>"));
    }

    [Fact]
    public void ADrupalUserHandleIsTheCreditWhereNoNameIsGiven()
    {
        Assert.Equal(["jdoe"], Authors("", "<div class=\"submitted\">Submitted by <span class=\"username\">jdoe</span> on Fri, 05/03/2024 - 10:21</div>"));
        // WordPress themes date the post first.
        Assert.Equal(["dan"], Authors("", "<div class=\"entry-meta\">Posted on <time datetime=\"2024-03-02\">March 2, 2024</time> by <span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/dan/\">dan</a></span></div>"));
        // An account that names a role is no one's.
        Assert.Empty(Authors("", "<div class=\"submitted\">Submitted by <span class=\"username\">admin</span> on Fri, 05/03/2024 - 10:21</div>"));
        Assert.Empty(Authors("", "<div class=\"entry-meta\">Posted on March 2, 2024 by <a href=\"/author/admin/\">admin</a></div>"));
    }

    [Theory]
    [InlineData("<p class=\"byline\">Von Redakteurin Anna Lang</p>", "Anna Lang")]
    [InlineData("<p class=\"byline\">By Senior Correspondent Jane Doe</p>", "Jane Doe")]
    public void AJobTitleBeforeTheNameIsNoPartOfIt(string byline, string name)
    {
        Assert.Equal([name], Authors("", byline));
    }

    [Fact]
    public void ADeskCreditBeforeAJobTitleKeepsItsWords()
    {
        // The outlet's word leads, so the part is the desk's credit as written, not a person after a job title.
        Assert.Equal(["Example staff reporter"], Authors("""<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Example staff reporter"}]}</script>"""));
    }

    [Fact]
    public void AnAgencyCreditClosingTheStoryIsKeptAsWritten()
    {
        Assert.Equal(["dpa/lby"], AuthorsOfPage("<html lang=\"de\"><body><article><h1>Unfall auf der B27</h1><p>Ein Motorradfahrer ist schwer verletzt worden.</p><p>Zeugen werden gebeten, sich bei der Polizei zu melden. (dpa/lby)</p></article></body></html>"));
        // A closing bracket that names no agency is no credit.
        Assert.Empty(AuthorsOfPage("<html lang=\"de\"><body><article><h1>Unfall auf der B27</h1><p>Ein Motorradfahrer ist schwer verletzt worden.</p><p>Die Strecke war gesperrt (gestern).</p></article></body></html>"));
    }

    [Theory]
    [InlineData("<p class=\"intro\"><em>Ein Gastbeitrag von Miriam Lehmann</em></p>", "Miriam Lehmann")]
    [InlineData("<p>Ein Kommentar von Hans Meier</p>", "Hans Meier")]
    [InlineData("<p>Une chronique de Claire Martin</p>", "Claire Martin")]
    public void AnUnmarkedLineNamingThePieceAndItsAuthorCreditsTheAuthor(string line, string name)
    {
        Assert.Equal([name], Authors("", line));
    }

    [Fact]
    public void AMetaListReadAsOneLineIsNoBylineAfterADate()
    {
        // "August 13, 2018 Posted by Vortex Leave a comment": the list's last item runs on after the name.
        Assert.DoesNotContain("Vortex Leave", Authors("", "<ul class=\"entry-meta\"><li><time>August 13, 2018</time></li><li>Posted by <span>Vortex</span></li><li><a href=\"#respond\">Leave a comment</a></li></ul>"));
    }

    [Fact]
    public void SeveralHandlesInOneLineAreNoSingleCredit()
    {
        Assert.Empty(Authors("", "<p class=\"meta\">Posted by kovarex, TOGos, Ernestas on 2019-02-15</p>"));
    }

    [Fact]
    public void AClosingAgencyCreditGivesWayToTheOutletsOwnCredit()
    {
        Assert.Equal(["Example News"], AuthorsOfPage("<html lang=\"de\"><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"Example News\"}}</script></head><body><article><h1>Unfall auf der B27</h1><p>Ein Motorradfahrer ist schwer verletzt worden.</p><p>Zeugen werden gebeten, sich zu melden. (APA)</p></article></body></html>"));
    }

    [Theory]
    [InlineData("<div class=\"author-bio\"><h4>Über den Autor</h4><p><strong>Klaus Zimmermann</strong> ist Pressewart des TSV.</p></div>")]
    [InlineData("<div class=\"author-box\"><h3>About the author</h3><p>Klaus Zimmermann is a freelance writer.</p></div>")]
    public void AnAuthorBoxsHeadingIsNoName(string box)
    {
        Assert.Equal(["Klaus Zimmermann"], Authors("", box));
    }

    [Theory]
    [InlineData("<p class=\"post-info\">Ein Beitrag von Jonas Becker · 3. Mai 2024 · 6 Kommentare</p>", "Jonas Becker")]
    [InlineData("<p class=\"credits\">Fotos: Anton Maier / Text: Sophie Wagner</p>", "Sophie Wagner")]
    [InlineData("<div class=\"info\">作者：王芳 | 来源：新华网 | 2024-05-03 10:21</div>", "王芳")]
    public void ABylineAmongOtherMetaItemsIsRead(string line, string name)
    {
        Assert.Equal([name], Authors("", line));
    }

    [Fact]
    public void FeminineAndNeutralPluralLabelsAreLabels()
    {
        Assert.Equal(["Lea Braun", "Mia Roth"], Authors("", "<p class=\"byline\">Autorinnen: Lea Braun und Mia Roth</p>"));
    }

    [Fact]
    public void AClubOfficersTitleAfterADateIsNoName()
    {
        Assert.Empty(Authors("", "<p class=\"post-info\">Veröffentlicht am 3. Mai 2024 von Schriftführer</p>"));
        Assert.Empty(Authors("", "<p class=\"post-info\">Veröffentlicht am 3. Mai 2024 von Pressewart</p>"));
    }

    [Fact]
    public void ANameCommaDateLineInsideTheStoryIsATimelinesStep()
    {
        Assert.Empty(AuthorsOfPage("<html lang=\"cs\"><body><article><h1>Výstup na Sněžku</h1><p>Vyrazili jsme brzy ráno z Pece pod Sněžkou a cesta nahoru trvala necelé tři hodiny.</p><p>Petr Novák, 5. 4. 2019</p></article></body></html>"));
    }

    [Theory]
    [InlineData("<p class=\"meta\">03.05.2024 · Lesezeit 3 Min. · von Nora Fischer</p>", "Nora Fischer")]
    [InlineData("<div class=\"meta\">de Andrei Popescu | 3 mai 2024</div>", "Andrei Popescu")]
    [InlineData("<p class=\"meta\">Pubblicato il 3 maggio 2024 da Luca Bianchi</p>", "Luca Bianchi")]
    [InlineData("<div class=\"meta\">2024年5月3日 記者：佐藤健</div>", "佐藤健")]
    [InlineData("<p class=\"byline\">Teksti ja kuvat: Aino Mäkinen</p>", "Aino Mäkinen")]
    [InlineData("<div class=\"article-meta\">Par <strong>Julie Petit</strong> Le 03 mai 2024 à 10h21 Mis à jour le 03 mai 2024 à 12h05</div>", "Julie Petit")]
    public void MoreMetaLineShapesNameTheirAuthor(string line, string name)
    {
        Assert.Equal([name], Authors("", line));
    }
    [Fact]
    public void OneJsonLdAuthorObjectMayNameSeveralPeople()
    {
        Assert.Equal(["Alina Selyukh", "Ximena Bustillo"], Authors(
            """<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":["Alina Selyukh","Ximena Bustillo"]}}</script>"""));
    }

    [Theory]
    [InlineData("By political reporter Jane Norman and Tom Lowrey", new[] { "Jane Norman", "Tom Lowrey" })]
    [InlineData("By Europe correspondent Nick Dole and Anna Roe", new[] { "Nick Dole", "Anna Roe" })]
    [InlineData("By Jane Norman and senior business reporter Li Wei Chen", new[] { "Jane Norman", "Li Wei Chen" })]
    public void AJobWrittenInLowerCaseBeforeANameIsNoPartOfIt(string byline, string[] expected)
    {
        Assert.Equal(expected, Authors("", $"<div class=\"byline\">{byline}</div>"));
    }

    [Fact]
    public void WhoCompiledTheTextIsNoAuthorAlsoWithoutAComma()
    {
        Assert.Equal(["Anna Kowalska"], Authors("",
            "<div class=\"authorsSources\"><span class=\"name\">Anna Kowalska</span><span class=\"position\">Dziennikarka</span><div>Opracowanie: Piotr Nowak</div></div>"));
    }

    [Fact]
    public void ABylineNamingTheDeclaredAuthorAndMoreAddsItsCoauthors()
    {
        // Ghost's JSON-LD names the first author; the author meta tag of many CMSs the first of the byline's names.
        Assert.Equal(["Priya Raman", "Marco Bellini"], Authors(
            """<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Priya Raman"}}</script>""",
            "<h4 class=\"author-name\"><a href=\"/author/priya/\">Priya Raman</a>, <a href=\"/author/marco/\">Marco Bellini</a></h4>"));
        Assert.Equal(["Anna Lang", "Peter Roth"], Authors("<meta name=\"author\" content=\"Anna Lang\">", "<span class=\"article-author\">Von Anna Lang und Peter Roth</span>"));
        // A byline that does not name the declared author is another story's: the declaration stands.
        Assert.Equal(["Anna Lang"], Authors("<meta name=\"author\" content=\"Anna Lang\">", "<span class=\"article-author\">Von Julia Weber und Peter Roth</span>"));
    }

    [Fact]
    public void ABylineBesideALinkToAnotherStoryOutsideTheArticleIsATeaserCards()
    {
        var page = "<html><body><main><article><h1>Fuel price rise sparks protests in several cities</h1><div class=\"contributor\"><span>By Mayeni Jones</span></div>" + Prose + "</article>" +
            "<section data-component=\"top-stories\"><h2>Top stories</h2><div><a href=\"/news/floods\">Floods hit northern Kenya</a><span class=\"byline\">By Basillioh Rukanga</span></div></section></main></body></html>";
        Assert.Equal(["Mayeni Jones"], AuthorsOfPage(page));
    }

    [Theory]
    [InlineData("<div class=\"author-date\"><div class=\"author\"><span class=\"author-name\">EFE</span> <span class=\"location\">Valencia</span></div><time>05·03·24 | 16:12</time></div>", "EFE")]
    [InlineData("<p class=\"byline\">AFP Paris</p>", "AFP")]
    [InlineData("<p class=\"byline\">Anadolu Ajansı</p>", "Anadolu Ajansı")]
    [InlineData("<p class=\"byline\">By Reuters Fact Check</p>", "Reuters Fact Check")]
    public void AnAgencysPlaceIsNoPartOfItsCredit(string line, string credit)
    {
        Assert.Equal([credit], Authors("", line));
    }
    [Theory]
    [InlineData("<p class=\"meta-line\">Eine Glosse von Jana Wolf</p>", "Jana Wolf")]
    [InlineData("<p class=\"meta-line\">Eine Analyse von Mark Schieritz, Berlin</p>", "Mark Schieritz")]
    [InlineData("<p class=\"meta-line\">An analysis by Jane Doe</p>", "Jane Doe")]
    [InlineData("<p class=\"meta-line\">Un reportaje de María García</p>", "María García")]
    [InlineData("<div class=\"article-author\">Rozmawiała Anna Wiśniewska</div>", "Anna Wiśniewska")]
    [InlineData("<p class=\"meta-line\">Rozmawiał: Jan Kowalski</p>", "Jan Kowalski")]
    public void MoreKindsOfPieceAndInterviewersLabelTheirAuthor(string line, string name)
    {
        Assert.Equal([name], Authors("", line));
    }

    [Fact]
    public void TheOutletsNameRunOntoABylinesNameIsNoPartOfIt()
    {
        Assert.Equal(["Thomas Le Goff"], Authors("<meta property=\"og:site_name\" content=\"Ouest-France\">",
            "<div class=\"signature\">Ouest-France <span class=\"author\">Thomas Le Goff</span> avec AFP.</div>"));
    }
    [Theory]
    [InlineData("FOCUS-online-Redakteurin Jana Maier", "Jana Maier")]
    [InlineData("Gastautor Dr. Jens Müller", "Dr. Jens Müller")]
    [InlineData("Wirtschaftsredakteur Tim Berg", "Tim Berg")]
    public void AJobCompoundedAsGermanWritesItIsNoPartOfTheName(string byline, string name)
    {
        Assert.Equal([name], Authors("", $"<div class=\"authorMeta\">{byline}</div>"));
    }
    [Fact]
    public void AJsonLdPersonNamedInPartsIsTheAuthor()
    {
        Assert.Equal(["Jane Okonjo"], Authors(
            """<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","givenName":"Jane","familyName":"Okonjo"}}</script>"""));
    }

    [Theory]
    [InlineData("Photos by Sam Okada | Story by Nora Lindqvist", new[] { "Nora Lindqvist" })]
    [InlineData("Photographs by Sam Okada, words by Nora Lindqvist", new[] { "Nora Lindqvist" })]
    [InlineData("By Nora Lindqvist; additional reporting by Sam Okada", new[] { "Nora Lindqvist" })]
    public void APictureCreditBeforeTheWritersLabelEndsThere(string byline, string[] expected)
    {
        Assert.Equal(expected, Authors("", $"<div class=\"byline\">{byline}</div>"));
    }

    [Fact]
    public void AnAuthorLinkAfterAnEditorsLabelCreditsNoWriter()
    {
        Assert.Equal(["Rohan Desai"], Authors("",
            """<div class="meta"><span>Reported by <a href="/author/rohan-desai">Rohan Desai</a></span><span>Edited by <a href="/author/neha-kapoor">Neha Kapoor</a></span><span>Updated: March 04, 2026</span></div>"""));
    }

    [Fact]
    public void AnAuthorLinkAfterAPictureCreditsColonCreditsNoWriter()
    {
        // A magazine's credits block: each role on its own line, each name a link to the contributor's page.
        Assert.Equal(["Олена Коваленко"], Authors("",
            """<div class="credits"><p>Текст: <a href="/authors/olena-kovalenko">Олена Коваленко</a></p><p>Фото: <a href="/authors/andrii-melnyk">Андрій Мельник</a></p></div>"""));
        Assert.Equal(["Sandra Weiß"], Authors("", """<p class="credits">Text und Fotos: <a href="/autor/sandra-weiss">Sandra Weiß</a></p>"""));
    }

    [Theory]
    [InlineData("Propos recueillis par Claire Dubois")]
    [InlineData("Entretien réalisé par Claire Dubois")]
    [InlineData("Entrevista realizada por Claire Dubois")]
    public void AnInterviewersCreditNamesTheWriterOverADesk(string credit)
    {
        // WordPress credits the desk's account ("Rédaction"); the interviewer is named in the text's first line.
        Assert.Equal(["Claire Dubois"], Authors("",
            $"""<p class="post-meta">par <a href="/author/redaction/" rel="author">Rédaction</a></p><div class="entry-content"><p><em>{credit}</em></p><p>Anne Martin étudie depuis quinze ans la fréquentation des médiathèques.</p></div>"""));
    }

    [Fact]
    public void AWritersLabelWithItsPrepositionOnAnUnmarkedLineCreditsTheWriterNotThePhotographer()
    {
        // A magazine's credit line under the standfirst; the author meta tag names the magazine.
        Assert.Equal(["Inês Carvalho"], Authors("""<meta property="og:site_name" content="Revista Terra Viva"><meta name="author" content="Revista Terra Viva">""",
            """<p class="ficha">Texto de <strong>Inês Carvalho</strong> | Fotografia de <strong>Rui Matos</strong></p>"""));
    }
}
