using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

public class TitleTests
{
    private static string? Title(string head, string body = "", string url = "https://www.example.com/news/story")
        => new ArticleExtractor().Extract($"<html><head>{head}</head><body>{body}<p>Some text of the story goes here.</p></body></html>", url).Title;

    [Theory]
    [InlineData("Rain expected on Monday - The Daily Example")]
    [InlineData("Rain expected on Monday | The Daily Example")]
    [InlineData("Rain expected on Monday — The Daily Example")]
    [InlineData("The Daily Example | Rain expected on Monday")]
    public void StripsTheSiteNameFromTheTitleElement(string title)
    {
        Assert.Equal("Rain expected on Monday", Title($"<title>{title}</title><meta property=\"og:site_name\" content=\"The Daily Example\">"));
    }

    [Fact]
    public void ShortPartsBeforeAHeadlineAreTheSiteAndItsSectionWhereNoSourceNamesTheSite()
    {
        Assert.Equal("Valley water supply to be cut for two days", Title("<title>Daily Ledger | Local | Valley water supply to be cut for two days</title>"));
        // One short part before a headline may be its kicker: kept where nothing shows it is the site.
        Assert.Equal("Ukraine war | Russia launches new attacks on the capital", Title("<title>Ukraine war | Russia launches new attacks on the capital</title>"));
        // A part as long as a headline is no site's name.
        Assert.Equal("Council votes on the budget | Mayor says cuts are needed in the city", Title("<title>Council votes on the budget | Mayor says cuts are needed in the city</title>"));
    }

    [Fact]
    public void ASiteNameInBracketsBeforeTheHeadlineIsNotPartOfTheTitle()
    {
        Assert.Equal("Trois mille arbres plantés cet hiver",
            Title("<title>[Bocage Vivant] Trois mille arbres plantés cet hiver</title>", "<div class=\"cartouche\"><h1>Trois mille arbres plantés cet hiver</h1></div>"));
    }

    [Fact]
    public void TheSitesExactNameBeforeAColonIsNotPartOfTheTitle()
    {
        const string site = "<meta property=\"og:site_name\" content=\"Landkreis Oberau\">";
        Assert.Equal("Neue Radwege für den Süden", Title("<title>Landkreis Oberau: Neue Radwege für den Süden</title>" + site));
        // A topic that only resembles the site's name is the headline's kicker.
        Assert.Equal("Oberau: Neue Radwege für den Süden", Title("<title>Oberau: Neue Radwege für den Süden</title>" + site));
    }

    [Fact]
    public void TheHeadlineShowsWhichPartOfTheTitleIsTheSite()
    {
        Assert.Equal("Rain expected on Monday", Title("<title>Rain expected on Monday - Weather Desk</title>", "<h1>Rain expected on Monday</h1>"));
    }

    [Fact]
    public void ABlogsNameLinkedHomeIsTheSiteAndItsEntryTitleTheHeadline()
    {
        const string masthead = "<header><h1 class=\"title\"><a href=\"https://bread-diary.example/\">Diary of an amateur baker</a></h1></header>";
        const string post = "<div class=\"post hentry\"><h3 class=\"post-title entry-title\">My first sourdough loaf</h3><div class=\"post-body\">";
        Assert.Equal("My first sourdough loaf", Title("<title>Diary of an amateur baker: My first sourdough loaf</title>", masthead + post + "</div></div>"));
        // A heading linked to a story, not home, is no site's name.
        Assert.Equal("Diary of an amateur baker", Title("<title>Diary of an amateur baker: My first sourdough loaf</title>",
            "<header><h1><a href=\"https://bread-diary.example/2024/06/first-loaf.html\">Diary of an amateur baker</a></h1></header>"));
    }

    [Fact]
    public void AnH2OpeningTheArticleIsTheHeadlineOnAPageWithoutAnH1()
    {
        const string title = "<title>Volunteers clean up the riverbank : River Trust Journal</title>";
        Assert.Equal("Volunteers clean up the riverbank", Title(title,
            "<article><div class=\"kicker\">Environment</div><h2>Volunteers clean up the riverbank</h2><p>More than two hundred volunteers came.</p></article>"));
        // An h2 after the story's first paragraph is a subheading.
        Assert.Equal("Volunteers clean up the riverbank : River Trust Journal", Title(title,
            "<article><p>More than two hundred volunteers came on Saturday.</p><h2>Volunteers clean up the riverbank</h2></article>"));
    }

    [Theory]
    [InlineData("Kanji readings for beginners | Study Corner", "Kanji readings for beginners, explained with twenty examples")]
    [InlineData("漢字の読み方 | サイト", "漢字の読み方について")]
    [InlineData("汉字的读音 - 网站", "汉字的读音与书写方法")]
    public void AHeadingThatSaysMoreThanTheTitlesHeadIsTheHeadline(string title, string heading)
    {
        Assert.Equal(heading, Title($"<title>{title}</title>", $"<article><h1>{heading}</h1></article>"));
        // A heading that does not start with the title's words may be the site's logo: the title is chosen as without it.
        Assert.Equal(Title($"<title>{title}</title>"), Title($"<title>{title}</title>", "<header><h1>Study Corner Online</h1></header>"));
        Assert.NotEqual(heading, Title($"<title>{title}</title>"));
    }

    [Theory]
    [InlineData("Communiqué de presse – Ouverture du nouveau pont – Ville d’Exemple")]
    [InlineData("Pressemitteilung | Ouverture du nouveau pont | Stadt Beispiel")]
    public void TheHeadingShownIsTheHeadlineWhenTheTitleWrapsItInALabelAndASiteName(string title)
    {
        Assert.Equal("Ouverture du nouveau pont", Title($"<title>{title}</title><meta property=\"og:title\" content=\"{title}\">",
            "<main><h1>Ouverture du nouveau pont</h1></main>"));
    }

    [Fact]
    public void TheHeadingShownIsTheHeadlineWhenTheTitleEndsWithItAfterTheSiteAndTheKindOfPage()
    {
        Assert.Equal("Neues Zentrum für Mobilitätsforschung eröffnet",
            Title("<title>Universität Nordstadt - Pressemitteilung - Neues Zentrum für Mobilitätsforschung eröffnet</title>",
                "<main><h1>Neues Zentrum für Mobilitätsforschung eröffnet</h1></main>"));
    }

    [Fact]
    public void ALogoHeadingThatRepeatsTheTitlesLastPartIsNotTheHeadline()
    {
        // The section between the headline and the site's name goes with the site's name.
        Assert.Equal("Rain expected on Monday", Title("<title>Rain expected on Monday – Weather – Example Blogs</title>", "<h1>Example Blogs</h1>"));
    }

    [Fact]
    public void TheDomainNamesTheSiteWhenNothingElseDoes()
    {
        Assert.Equal("Rain expected", Title("<title>Rain expected | EXAMPLE.com</title>"));
    }

    [Fact]
    public void OpenGraphTitleWinsOverAnUnrelatedTitleElement()
    {
        Assert.Equal("Markets fall sharply", Title("<title>Home</title><meta property=\"og:title\" content=\"Markets fall sharply\">", "<h1>Markets fall sharply</h1>"));
    }

    [Fact]
    public void SourcesThatAgreeOutvoteAJsonLdHeadlineThatDoesNot()
    {
        const string head = """
            <title>List of storms in 2021 - Example Wiki</title>
            <meta property="og:title" content="List of storms in 2021 - Example Wiki">
            <script type="application/ld+json">{"@type": "Article", "headline": "Wikimedia list article"}</script>
            """;
        Assert.Equal("List of storms in 2021", Title(head, "<h1>List of storms in 2021</h1>"));
    }

    [Fact]
    public void ALogoHeadingDoesNotReplaceTheTitle()
    {
        Assert.Equal("Base rates rise again", Title("<title>Base rates rise again</title>", "<h1>Lorem</h1>"));
    }

    [Theory]
    [InlineData("Riverside Gazette", "Council approves the new school budget")]
    [InlineData("Nordkurier", "Stadtrat beschließt neuen Haushalt für die Schulen")]
    [InlineData("Le Petit Journal", "Le conseil adopte le budget des écoles")]
    public void AShortTitleNothingConfirmsNamesTheSiteWhenTheArticleShowsAHeadline(string title, string headline)
    {
        Assert.Equal(headline, Title($"<title>{title}</title>", $"<header><a href=\"/\">{title}</a></header><article><h1>{headline}</h1></article>"));
    }

    [Fact]
    public void ATitleOfASectionAndASiteGivesWayToTheFirstHeadlineOutsideAnArticle()
    {
        Assert.Equal("Mikroplastik schneller nachweisen: Neues Verfahren aus Nordstadt",
            Title("<title>Pressemitteilungen - Universität Nordstadt</title>",
                "<div class=\"content\"><h1>Mikroplastik schneller nachweisen: Neues Verfahren aus Nordstadt</h1></div>"));
        // A title with a headline's length in it stays: the heading may be a banner.
        Assert.Equal("Council approves the new school budget",
            Title("<title>Council approves the new school budget - Riverside Gazette</title>",
                "<div class=\"content\"><h1>Welcome to the news of the week</h1></div>"));
        // A heading that holds the title's short headline under a kicker confirms the title.
        Assert.StartsWith("Buchmesse Leipzig eröffnet",
            Title("<title>Buchmesse Leipzig eröffnet | MDR-Region</title>",
                "<div class=\"section\"><h1><span>Literatur</span> <span>Buchmesse Leipzig eröffnet</span></h1></div>"));
    }

    [Fact]
    public void AShortTitleStaysWhenTheHeadingIsNoLongerThanIt()
    {
        Assert.Equal("Rates rise again", Title("<title>Rates rise again</title>", "<article><h1>Latest news</h1></article>"));
    }

    [Fact]
    public void KeepsASeparatorThatIsPartOfTheHeadline()
    {
        Assert.Equal("Brexit - what happens next?", Title("<title>Brexit - what happens next? | Example News</title><meta property=\"og:site_name\" content=\"Example News\">"));
    }
    [Fact]
    public void TheVisibleHeadlineWinsOverAnSeoTitleThatOneMoreSourceRepeats()
    {
        const string head = """
            <title>Minister suggests he will keep the gifts | Example News</title>
            <meta property="og:title" content="Minister defiant over gifts">
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Minister suggests he will keep the gifts"}</script>
            """;
        Assert.Equal("Minister defiant over gifts", Title(head, "<article><header><h1>Minister defiant over gifts</h1></header></article>"));
    }

    [Fact]
    public void AHeadingNothingConfirmsDoesNotBeatSourcesThatAgree()
    {
        const string head = """
            <title>Heat wave: old trams and cracked concrete are the big risks</title>
            <meta property="og:title" content="Heat wave: old trams and cracked concrete are the big risks">
            """;
        Assert.Equal("Heat wave: old trams and cracked concrete are the big risks", Title(head, "<article><h1>How the city prepares for the next heat wave</h1></article>"));
    }

    [Fact]
    public void AHeadlineCopiedIntoTheBreadcrumbGivesWayToTheHeadingReadersSee()
    {
        const string head = """
            <title>Blackout in the capital: how safe is our grid?</title>
            <meta property="og:title" content="Blackout in the capital: how safe is our grid?">
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Lights out, trains stop: how safe is the national grid?"}</script>
            """;
        const string body = """
            <nav class="breadcrumb"><ul><li><a href="/">Home</a></li><li><h1>Blackout in the capital: how safe is our grid?</h1></li></ul></nav>
            <main><article><hgroup><h2>Lights out, trains stop: how safe is the national grid?</h2></hgroup><h2>What the operators say</h2></article></main>
            """;
        Assert.Equal("Lights out, trains stop: how safe is the national grid?", Title(head, body));
    }

    [Theory]
    [InlineData("""<h2><span class="article__kicker">Art market</span> <span class="article__headline">A gallerist who is anything but odd</span></h2>""")]
    [InlineData("""<h2><span class="overline">Art market</span><span class="offscreen" aria-hidden="true"> - </span><span class="title-text">A gallerist who is anything but odd</span></h2>""")]
    public void TheKickerOverTheVisibleHeadlineIsNotPartOfTheTitle(string heading)
    {
        const string head = """
            <title>Art market: A gallerist who is anything but odd - Example News</title>
            <meta property="og:title" content="A gallerist who is anything but odd">
            <meta property="og:site_name" content="Example News">
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Art market: A gallerist who is anything but odd"}</script>
            """;
        Assert.Equal("A gallerist who is anything but odd", Title(head, $"<nav class=\"breadcrumb\"><h1>Art market: A gallerist who is anything but odd</h1></nav><article><header>{heading}</header></article>"));
    }

    [Fact]
    public void ASubheadingInTheArticleIsNotTakenForTheHeadline()
    {
        const string head = """<title>Storm closes the harbour for a week</title><meta property="og:title" content="Storm closes the harbour for a week">""";
        Assert.Equal("Storm closes the harbour for a week", Title(head, "<article><p>The storm came at night.</p><h2>What happens next</h2></article>"));
    }
    [Fact]
    public void ABlogsNameBeforeAColonInTheOnlyTitleGivesWayToThePostsHeading()
    {
        const string post = "<div class=\"post hentry\"><h3 class=\"post-title entry-title\">A winter walk to the old lighthouse</h3><div class=\"post-body\"><p>We set out at dawn.</p></div></div>";
        Assert.Equal("A winter walk to the old lighthouse", Title("<title>Northern Trails: A winter walk to the old lighthouse</title>", post));
    }

    [Theory]
    [InlineData("Opinion | The city needs more trains", "The city needs more trains")]
    [InlineData("WATCH: Firefighters rescue a cat from a tree", "Firefighters rescue a cat from a tree")]
    [InlineData("LIVE: Election results as they come in", "Election results as they come in")]
    [InlineData("EXCLUSIVE: Minister planned to resign in May", "Minister planned to resign in May")]
    [InlineData("Kommentar: Die Stadt braucht mehr Züge", "Die Stadt braucht mehr Züge")]
    [InlineData("Porträt: Die Orgelbauerin von Ulm", "Die Orgelbauerin von Ulm")]
    [InlineData("VIDEO | El alcalde inaugura el nuevo puente", "El alcalde inaugura el nuevo puente")]
    [InlineData("Firefighters rescue a cat from a tree (video)", "Firefighters rescue a cat from a tree")]
    [InlineData("Live-Musik kehrt in die Altstadt zurück", "Live-Musik kehrt in die Altstadt zurück")]
    [InlineData("Watch: Fire", "Watch: Fire")]
    [InlineData("VIDÉO. Le maire inaugure le nouveau pont", "Le maire inaugure le nouveau pont")]
    [InlineData("DIRECT. Les résultats des élections minute par minute", "Les résultats des élections minute par minute")]
    [InlineData("Video. Quando il sindaco inaugura il ponte", "Video. Quando il sindaco inaugura il ponte")]
    [InlineData("(VIDEO) Mayor rides the new bike lane", "Mayor rides the new bike lane")]
    [InlineData("[Opinion] The city needs more trains", "The city needs more trains")]
    [InlineData("Guest column: Why I ride to work", "Why I ride to work")]
    [InlineData("(Video) Fire", "(Video) Fire")]
    [InlineData("Interview: „Wir brauchen mutigere Radpolitik“", "„Wir brauchen mutigere Radpolitik“")]
    [InlineData("SON DAKİKA: Belediye bisiklet yollarını genişletiyor", "Belediye bisiklet yollarını genişletiyor")]
    [InlineData("Pressemitteilung: Neues Radverkehrslabor für die Hochschule", "Neues Radverkehrslabor für die Hochschule")]
    [InlineData("EN IMAGES - La fête des Lumières illumine Lyon", "La fête des Lumières illumine Lyon")]
    [InlineData("In pictures: Floods sweep through the valley", "Floods sweep through the valley")]
    [InlineData("ЭКСКЛЮЗИВ: Мэр рассказал о новом мосте", "Мэр рассказал о новом мосте")]
    [InlineData("Fotostrecke: So feiert die Stadt ihr Jubiläum", "So feiert die Stadt ihr Jubiläum")]
    [InlineData("UPDATE: Museum's dinosaur hall reopens Saturday", "Museum's dinosaur hall reopens Saturday")]
    [InlineData("Fact check: No, the city did not ban gas stoves", "No, the city did not ban gas stoves")]
    [InlineData("FOTO | Neve in montagna, chiusi tre passi alpini", "Neve in montagna, chiusi tre passi alpini")]
    [InlineData("ZDJĘCIA: Nowy most otwarty dla pieszych", "Nowy most otwarty dla pieszych")]
    [InlineData("Foto-Finish beim Stadtlauf", "Foto-Finish beim Stadtlauf")]
    [InlineData("Feuerwehr rettet Katze aus Baumkrone (mit Video)", "Feuerwehr rettet Katze aus Baumkrone")]
    [InlineData("Mayor rides the new bike lane (+VIDEO)", "Mayor rides the new bike lane")]
    [InlineData("L'intervista | «Il turismo lento è il futuro delle nostre valli»", "«Il turismo lento è il futuro delle nostre valli»")]
    [InlineData("Entretien : « Nous devons repenser la ville »", "« Nous devons repenser la ville »")]
    public void LabelsThatMarkTheKindOfPieceAreNotPartOfTheTitle(string title, string expected)
    {
        Assert.Equal(expected, Title($"<title>{title}</title><meta property=\"og:title\" content=\"{title}\">"));
    }

    [Fact]
    public void TheHeadingIsTheHeadlineWhenTheTitleOpensWithTheSitesName()
    {
        Assert.Equal("Council approves budget with more money for schools",
            Title("<title>Valley Courier | Council approves budget with more money for schools</title>", "<article><h1>Council approves budget with more money for schools</h1></article>"));
        // A logo in the <h1> is as short as the site's name: the <title>'s headline stays.
        Assert.Equal("Council approves budget with more money for schools",
            Title("<title>Council approves budget with more money for schools | Valley Courier</title>", "<h1>Valley Courier</h1>"));
    }

    [Fact]
    public void AHeadingWhoseKickerRunsIntoItIsWrittenAsTheMetadataWritesIt()
    {
        // The kicker is its own element: the heading's text has no separator where the metadata has one.
        Assert.Equal("Storm on the coast: Harbour closed until Friday", Title(
            "<title>Storm on the coast: Harbour closed until Friday | Example</title><meta property=\"og:title\" content=\"Storm on the coast: Harbour closed until Friday\">",
            "<article><h1><span>Storm on the coast</span><span>Harbour closed until Friday</span></h1></article>"));
        Assert.Equal("Sturm an der Küste / Hafen bis Freitag gesperrt", Title(
            "<title>Sturm an der Küste Hafen bis Freitag gesperrt - Beispiel</title><meta property=\"og:title\" content=\"Sturm an der Küste / Hafen bis Freitag gesperrt\">",
            "<article><h1><span>Sturm an der Küste</span>Hafen bis Freitag gesperrt</h1></article>"));
    }

    [Fact]
    public void BetweenTwoWritingsOfOneHeadlineTheOneMoreSourcesStateWins()
    {
        Assert.Equal("Tempête sur la côte : le port fermé", Title(
            "<title>Tempête sur la côte : le port fermé - Société</title><meta property=\"og:title\" content=\"Tempête sur la côte : le port fermé\">"
            + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Tempête sur la côte - le port fermé\"}</script>"));
    }

    [Fact]
    public void AnOpenGraphPropertyWinsOverANameCopyOfTheSameKey()
    {
        Assert.Equal("Harbour closed until Friday", Title(
            "<meta name=\"og:title\" content=\"Old template title\"><meta property=\"og:title\" content=\"Harbour closed until Friday\"><title>Harbour closed until Friday</title>"));
    }

    [Theory]
    [InlineData("윤 대통령, 국회 시정연설서 예산안 협조 요청ㅣ한국일보")]
    [InlineData("윤 대통령, 국회 시정연설서 예산안 협조 요청 ㅣ 한국일보")]
    public void AKoreanBarSeparatesTheSiteName(string title)
    {
        Assert.Equal("윤 대통령, 국회 시정연설서 예산안 협조 요청", Title($"<title>{title}</title><meta property=\"og:site_name\" content=\"한국일보\">"));
    }

    [Fact]
    public void AMetaHeadlineShowsWhereASectionRunsOntoTheTitle()
    {
        Assert.Equal("물가 상승률 3%대 재진입", Title(
            "<title>물가 상승률 3%대 재진입-경제ㅣ경향신문</title><meta property=\"og:title\" content=\"물가 상승률 3%대 재진입-경제ㅣ경향신문\"><meta property=\"og:site_name\" content=\"경향신문\"><meta name=\"headline\" content=\"물가 상승률 3%대 재진입\">"));
        // A name before a hyphen is not a headline leading the title.
        Assert.Equal("Trump-Biden debate draws record audience", Title(
            "<title>Trump-Biden debate draws record audience</title><meta property=\"og:title\" content=\"Trump-Biden debate draws record audience\"><meta name=\"headline\" content=\"Trump\">"));
    }

    [Fact]
    public void TheSectionBetweenTheHeadlineAndTheSiteNameIsNotPartOfTheTitle()
    {
        Assert.Equal("Mine closure hits town hard", Title("<title>Mine closure hits town hard - Business - Northern Star</title><meta property=\"og:site_name\" content=\"Northern Star\">"));
        // Two words after the headline's first separator are the headline's own.
        Assert.Equal("Fire in Paris - 3 dead", Title("<title>Fire in Paris - 3 dead - Northern Star</title><meta property=\"og:site_name\" content=\"Northern Star\">"));
    }

    [Theory]
    [InlineData("+++ Ukraine-Krieg im Liveticker +++ Kiew meldet neue Angriffe", "Ukraine-Krieg im Liveticker +++ Kiew meldet neue Angriffe")]
    [InlineData("【速報】東京で震度4の地震　津波の心配なし", "東京で震度4の地震 津波の心配なし")]
    [InlineData("[속보] 서울 지하철 2호선 운행 중단", "서울 지하철 2호선 운행 중단")]
    [InlineData("ÚLTIMA HORA | Terremoto de magnitud 6 en Chile", "Terremoto de magnitud 6 en Chile")]
    [InlineData("Son dakika: İstanbul'da deprem paniği yaşandı", "İstanbul'da deprem paniği yaşandı")]
    [InlineData("【速報】地震", "【速報】地震")]
    public void TickerMarksAndBreakingLabelsAreNotPartOfTheTitle(string title, string expected)
    {
        Assert.Equal(expected, Title($"<title>{title}</title><meta property=\"og:title\" content=\"{title}\">"));
    }

    [Fact]
    public void ATeaserHeadingLinkingElsewhereGivesWayToTheArticlesOwnHeadline()
    {
        Assert.Equal("Lifeguards warn of rip currents", Title("<title>Coast Herald | Local</title><meta property=\"og:site_name\" content=\"Coast Herald\">",
            "<main><div class=\"top-stories\"><h1><a href=\"/other\">Mayor resigns after scandal</a></h1></div><article><h1>Lifeguards warn of rip currents</h1></article></main>"));
        // A headline linked to its permalink is still the headline when no other heading stands beside it.
        Assert.Equal("Lifeguards warn of rip currents", Title("<title>Coast Herald</title>",
            "<main><article><h1><a href=\"/news/story\">Lifeguards warn of rip currents</a></h1></article></main>"));
    }

    [Fact]
    public void APluralLabelBeforeAColonInTheTitleIsASectionsName()
    {
        Assert.Equal("Stadt saniert Grundschule", Title("<title>Pressemitteilungen: Stadt saniert Grundschule - Stadt Musterstadt</title>",
            "<main><h1>Stadt saniert Grundschule</h1><p>Die Stadt saniert in den Sommerferien die Grundschule am Marktplatz.</p></main>"));
        // A kicker before the colon is part of the headline the page shows.
        Assert.Equal("Schnellere Integration: Job-Turbo hilft Geflüchteten", Title("<title>Schnellere Integration: Job-Turbo hilft Geflüchteten - Tagesblatt</title>",
            "<main><h1><span class=\"kicker\">Schnellere Integration:</span> Job-Turbo hilft Geflüchteten</h1></main>"));
        Assert.Equal("University opens new science library", Title("<title>Press releases - University opens new science library | Uni Example</title>",
            "<main><h1>University opens new science library</h1></main>"));
    }

    [Fact]
    public void AHeadingTheThemeNamesAsTheSitesTitleNamesTheSite()
    {
        Assert.Equal("Festa patronale 2024", Title("<title>Festa patronale 2024 - Parrocchia San Marco</title>",
            "<header><h1 class=\"site-title\">Parrocchia San Marco</h1></header><main><h2 class=\"post-title\">Festa patronale 2024</h2><p>La parrocchia organizza la festa.</p></main>"));
    }

    [Fact]
    public void TheMastheadLogosNameBeforeATitlesColonIsTheSitesNotAKicker()
    {
        const string body = "<div id=\"logo\"><a href=\"/\"><img alt=\"Gemeinde Beispielheim\" src=\"/logo.png\"></a></div><div id=\"content\"><h1>Sperrung der Hauptstraße</h1><p>Die Hauptstraße ist gesperrt.</p></div>";
        Assert.Equal("Sperrung der Hauptstraße", Title("<title>Gemeinde Beispielheim: Sperrung der Hauptstraße</title>", body));
        // A kicker the logo does not name stays, and so does a site's name after a dash, which other sources decide on.
        Assert.Equal("Baustelle: Sperrung der Hauptstraße", Title("<title>Baustelle: Sperrung der Hauptstraße</title><meta property=\"og:title\" content=\"Baustelle: Sperrung der Hauptstraße\">", body));
        // A logo in the footer is not the masthead's (themes fill its alt with anything, the page's title too).
        Assert.Equal("Gemeinde Beispielheim: Sperrung der Hauptstraße", Title("<title>Gemeinde Beispielheim: Sperrung der Hauptstraße</title>",
            "<div id=\"content\"><h1>Gemeinde Beispielheim: Sperrung der Hauptstraße</h1><p>Text.</p></div><footer><a href=\"/\"><img alt=\"Gemeinde Beispielheim\"></a></footer>"));
    }
    [Fact]
    public void ASiteNameOpeningATailOfSectionsAfterABarIsNotPartOfTheTitle()
    {
        Assert.Equal("Stadt plant Fahrradstraße am Wall",
            Title("<title>Stadt plant Fahrradstraße am Wall | NDR.de - Nachrichten - Niedersachsen - Studio Oldenburg</title><meta property=\"og:site_name\" content=\"NDR\">"));
    }

    [Fact]
    public void AHeadingWhoseKickerIsItsOwnElementIsWrittenAsTheTitleWritesIt()
    {
        // The heading reads "Oldenburg Stadt plant …"; the <title> alone states it, with the kicker's colon.
        Assert.Equal("Oldenburg: Stadt plant Fahrradstraße am Wall", Title(
            "<title>Oldenburg: Stadt plant Fahrradstraße am Wall | NDR.de - Nachrichten - Niedersachsen</title><meta property=\"og:site_name\" content=\"NDR\">",
            "<article><h1><span class=\"dachzeile\">Oldenburg</span> Stadt plant Fahrradstraße am Wall</h1></article>"));
        // Closing quotes stay; quotes written otherwise change nothing.
        Assert.Equal("Angriff auf Israel: «Die Zurückhaltung hat viel mit den USA zu tun»", Title(
            "<title>Angriff auf Israel: «Die Zurückhaltung hat viel mit den USA zu tun» - Nachrichten</title>",
            "<article><h1><span class=\"kicker\">Angriff auf Israel</span> «Die Zurückhaltung hat viel mit den USA zu tun»</h1></article>"));
    }
    [Fact]
    public void AKickerElementsHeadingGivesWayToTheHeadlineTheSocialTagsStateWithoutIt()
    {
        Assert.Equal("Neues Stadion-Dach bis 2026", Title(
            "<title>Dortmund: Neues Stadion-Dach bis 2026 | WAZ</title><meta property=\"og:title\" content=\"Neues Stadion-Dach bis 2026\">",
            "<article><h1><span class=\"kicker\">Dortmund</span> <span class=\"headline\">Neues Stadion-Dach bis 2026</span></h1></article>"));
        // Where the metadata keeps the kicker, so does the title.
        Assert.Equal("Dortmund: Neues Stadion-Dach bis 2026", Title(
            "<title>Dortmund: Neues Stadion-Dach bis 2026 | WAZ</title><meta property=\"og:title\" content=\"Dortmund: Neues Stadion-Dach bis 2026\">",
            "<article><h1><span class=\"kicker\">Dortmund</span> <span class=\"headline\">Neues Stadion-Dach bis 2026</span></h1></article>"));
    }

    [Fact]
    public void AHeadingThatHoldsTheTitlesHeadWithMoreWordsWinsOverALoneTitle()
    {
        // An institution's <title> shortens the headline and adds its section and name; the page's heading says it in full.
        Assert.Equal("Neues Zentrum für Klimadaten an der Universität Nordheim eröffnet",
            Title("<title>Neues Zentrum eröffnet - Pressemitteilungen - Universität Nordheim</title>",
                "<div class=\"news-single\"><h1>Neues Zentrum für Klimadaten an der Universität Nordheim eröffnet</h1></div>"));
    }
}
