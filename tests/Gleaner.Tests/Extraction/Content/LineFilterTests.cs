using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Content;

/// <summary>Lines that are furniture by what they say, wherever they sit inside the article.</summary>
public class LineFilterTests
{
    private const string Story =
        "<p>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</p>" +
        "<p>Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.</p>";

    private static string[] ExtractLines(string extra)
    {
        var html = $"<html><head><title>Council approves bridge</title></head><body><article>{Story}{extra}</article></body></html>";
        return (new ArticleExtractor().Extract(html, "https://news.example.com/city/bridge.html").Text ?? "").Split('\n');
    }

    [Theory]
    [InlineData("<a href='javascript:history.back()'>&lt;&lt; zurück</a> | <a href='#top'>nach oben</a> | <a href='#'>Seite drucken</a>")]
    [InlineData("<a href='#'>طباعة</a> | <a href='/News.aspx'>عودة</a>")]
    public void LeavesOutARowOfPageControlsSetApartByBars(string row)
    {
        // An old page's links under the story, set in the cell's own text.
        var lines = ExtractLines("<p>The new bridge will open to traffic in 2027, the council said, if the works keep to schedule.</p><br>" + row);

        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(lines, line => line.Contains('|'));
    }

    [Theory]
    [InlineData("Категория: <a href='/news/1'>Новости школы</a> | Просмотров: 214 | Добавил: <a href='#'>admin</a> | Рейтинг: 5.0/1")]
    [InlineData("Всего комментариев: 0")]
    [InlineData("[ <a href='#'>Регистрация</a> | <a href='#'>Вход</a> ]")]
    [InlineData("<a href='https://blog.example.jp/ranking.html'>にほんブログ村</a>")]
    public void LeavesOutAPostsCountsSignInAndRankingLines(string line)
    {
        // A school site's post (uCoz) and a Japanese blog's post, the lines set in the cell's own text.
        var lines = ExtractLines("<p>The new bridge will open to traffic in 2027, the council said, if the works keep to schedule.</p><br>" + line);

        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void ReadsAOneCellRowUnderAPostAsALineNotAsATablesRow()
    {
        // An old CMS sets the post and its details in rows of one cell each: the details' view count is the page's, as in
        // any meta line, not a datum of a table the writer made.
        var lines = ExtractLines("<table class='eBlock'><tr><td class='eMessage'><p>The new bridge will open to traffic in 2027, the council said.</p></td></tr>" +
            "<tr><td class='eDetails'>Категория: <a href='/news/1'>Новости школы</a> | Просмотров: 214 | Добавил: <a href='#'>admin</a> | Дата: 17.03.2025</td></tr></table>");

        Assert.DoesNotContain(lines, line => line.Contains("Просмотров"));
    }

    [Fact]
    public void KeepsALineOfBarsWhosePartsAreNoControls()
    {
        var lines = ExtractLines("<p>Zurück | Vorwärts | Seitwärts: so hieß die Ausstellung, die der Verein im Mai zeigte.</p>");

        Assert.Contains(lines, line => line.StartsWith("Zurück | Vorwärts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PDFファイルをご覧いただくには、Adobe Acrobat Readerが必要です。お持ちでない方はAdobe社のサイトからダウンロードしてください。")]
    [InlineData("Zum Öffnen der PDF-Dateien benötigen Sie den kostenlosen Adobe Reader.")]
    public void LeavesOutTheNoteOnTheReaderThePagesDocumentsNeed(string note)
    {
        var lines = ExtractLines($"<p>{note}</p><p>The new bridge will open to traffic in 2027, the council said, if the works keep to schedule.</p>" +
            "<div class='box'><p>Contact: Town hall, roads department</p></div><p>Phone 0123 456</p>");

        Assert.DoesNotContain(lines, line => line.Contains("Adobe"));
    }

    [Fact]
    public void KeepsAStorySentenceAboutTheReaderSoftware()
    {
        var lines = ExtractLines("<p>Adobe patched a flaw in Acrobat Reader that let a crafted PDF file run code on the reader's computer.</p>" +
            "<p>The new bridge will open to traffic in 2027, the council said, if the works keep to schedule.</p>" +
            "<p>Work on the approach roads starts in the autumn, after the council has chosen a contractor for them.</p>");

        Assert.Contains(lines, line => line.StartsWith("Adobe patched", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("Anzeige")]
    [InlineData("Read more:")]
    [InlineData("© Example Agency / Jane Roe")]
    [InlineData("19:52 GMT 27.09.2021")]
    [InlineData("Publié le 3 mars 2021 à 17h00")]
    [InlineData("segunda-feira, 22 de janeiro de 2018 às 0:13")]
    [InlineData("Posted on March 30, 2015 by Admin")]
    [InlineData("(Reporting by Ann Lee; Editing by Tom Brown)")]
    [InlineData("Keith Smith contributed reporting from Hong Kong.")]
    [InlineData("Follow us on Twitter and Facebook")]
    [InlineData("Image 1 of 5")]
    [InlineData("5 min read")]
    [InlineData("Tempo de leitura: 2 minutos")]
    [InlineData("3.409")]
    [InlineData("jane.roe@example.com")]
    [InlineData("https://news.example.com/city/bridge.html")]
    [InlineData("Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.")]
    [InlineData("Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.")]
    [InlineData("Support independent journalism: make a donation today and help us keep reporting.")]
    [InlineData("この記事は会員限定です。")]
    [InlineData("Stand: 22.04.2024, 06:00 Uhr")]
    [InlineData("Updated at 1:23 p.m.")]
    [InlineData("Stand: 15:12 Uhr")]
    [InlineData("공감 12")]
    [InlineData("いいね 5")]
    [InlineData("Lihat Juga: Jadwal buka taman kota selama libur")]
    [InlineData("&lt;blockquote class=\"twitter-tweet\"&gt;&lt;p&gt;Hello&lt;/p&gt;&lt;/blockquote&gt;")]
    [InlineData("[embed]https://www.youtube.com/watch?v=abc[/embed]")]
    [InlineData("$$ARTICLEAD$$")]
    [InlineData("{{ ad_slot }}")]
    [InlineData("%%INLINE_AD%%")]
    [InlineData("05/10/2018 - Posted by: Ann Lee - Category: City - Tags: bridge")]
    [InlineData("Get the best of the city delivered to your inbox every morning.")]
    [InlineData("November 20, 2019 - 11:28 AMT")]
    [InlineData("3 maja 2022, 10:30")]
    [InlineData("Thứ hai, 14/10/2024, 09:15 (GMT+7)")]
    [InlineData("Julkaistu 3.5.2022 klo 10.30")]
    [InlineData("2022年5月3日 午後3時30分")]
    [InlineData("Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns mit einer Spende.")]
    [InlineData("Avez-vous aimé cet article ?")]
    [InlineData("Dieser Text steht unter einer Creative-Commons-Lizenz (CC BY-SA 4.0).")]
    [InlineData("Veröffentlicht in: Lokales, Wetter")]
    [InlineData("यह भी पढ़ें: मनाली में घूमने की 10 जगहें")]
    [InlineData("(यह खबर सिंडिकेट फीड से ली गई है और इसे संपादित नहीं किया गया है।)")]
    [InlineData("Senast uppdaterad: 12 mars 2024")]
    [InlineData("Sidansvarig: Utbildningsförvaltningen")]
    [InlineData("Συνημμένα")]
    [InlineData("Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать новости города.")]
    [InlineData("Obserwuj nas na Facebooku i Instagramie")]
    [InlineData("Ultimo aggiornamento: 12/04/2024, 10:30")]
    [InlineData("点击上方蓝字关注我们")]
    [InlineData("END")]
    [InlineData("Hat dir der Beitrag gefallen? Dann teile ihn gerne mit deinen Freunden!")]
    [InlineData("【责任编辑：王芳】")]
    [InlineData("Ακολουθήστε μας στο Google News για να μαθαίνετε πρώτοι τα νέα της πόλης.")]
    [InlineData("Beli di Toko")]
    [InlineData("Opublikował: Jan Nowak")]
    [InlineData("Wytworzył: Referat Ochrony Środowiska")]
    [InlineData("« zurück zur Übersicht")]
    [InlineData("Source : Agence Exemple")]
    [InlineData("Mensajes: 87")]
    [InlineData("Écouter l'article")]
    [InlineData("Lesen Sie mehr mit Example Plus: Jetzt 1 Monat gratis testen!")]
    [InlineData("Lesen Sie weiter mit dem Stadtmagazin-Abo – jetzt 4 Wochen für 1 €.")]
    [InlineData("Alle Artikel im Digital-Abo: 3 Monate für 1 € im Monat")]
    [InlineData("Только зарегистрированные пользователи могут участвовать в опросе. Войдите, пожалуйста.")]
    [InlineData("Harga: Rp 2.499.000")]
    [InlineData("Posted in City, Transport")]
    [InlineData("Contact presse : service communication, 02 00 00 00 00")]
    [InlineData("Fehler gefunden? Jetzt melden.")]
    [InlineData("Spotted an error? Tell us.")]
    [InlineData("Empfohlener redaktioneller Inhalt")]
    [InlineData("Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.")]
    [InlineData("紙の新聞の定期購読者の方は、無料で会員登録できます。")]
    [InlineData("おすすめ情報")]
    [InlineData("责任编辑：王小明")]
    [InlineData("Sign up for our free daily newsletter and get the city's news every morning.")]
    [InlineData("\"Hier ist Example\": Der Newsletter informiert Sie jeden Abend über das Wichtigste vom Tag. Hier geht's zur Anmeldung!")]
    [InlineData("Recevez gratuitement notre newsletter chaque matin.")]
    [InlineData("Got a story? Get in touch with our news team by emailing us at news@example.com. Or send us your videos.")]
    [InlineData("Wir freuen uns über eine Mail an leserbriefe@example.de!")]
    [InlineData("This article contains affiliate links. We may earn a commission when you buy through them, at no cost to you.")]
    [InlineData("Die mit einem Symbol gekennzeichneten Links sind Affiliate-Links. Kommt darüber ein Einkauf zustande, erhalten wir eine Provision.")]
    [InlineData("Cet article contient des liens d'affiliation.")]
    [InlineData("Reporting by Ann Lee in Paris and Tom Brown in Berlin; additional reporting by Jane Roe in Madrid and Sam Green in Rome; Editing by Kim Blue and Lee Gray")]
    [InlineData("With files from The Associated Press")]
    [InlineData("Sendung: Antenne Example, 24.04.2024, 15:10 Uhr")]
    [InlineData("Dieses Thema im Programm: Example Radio, Nachrichten, 28. April 2023, 10:00 Uhr")]
    [InlineData("Follow Example News on Google News and add us as a preferred source to get our stories in your feeds.")]
    [InlineData("Følg Example på Facebook og Instagram")]
    [InlineData("The old bridge at dusk, seen from the river bank (Picture: Example Agency)")]
    [InlineData("Der Bürgermeister nach der Abstimmung am Montagabend im Rathaus. IMAGO/Jane Roe")]
    [InlineData("الوسوم: ثقافة كتب")]
    [InlineData("Etiketler: ulaşım, metro")]
    [InlineData("Haberleri cebinizden takip edin, uygulamamızı hemen indirin!")]
    [InlineData("Pobierz aplikację i czytaj wiadomości w podróży.")]
    [InlineData("Meld je aan voor onze gratis nieuwsbrief en mis niets.")]
    [InlineData("Tilmeld dig vores nyhedsbrev og få nyhederne hver morgen.")]
    [InlineData("Støt vores arbejde med et bidrag i dag.")]
    [InlineData("Témata: Praha, doprava")]
    [InlineData("Diese Meldung ist eine automatisch übernommene Meldung der Deutschen Presse-Agentur.")]
    [InlineData("(This story has not been edited by Example staff and is auto-generated from a syndicated feed.)")]
    [InlineData("Le vieux pont au coucher du soleil © Archives municipales")]
    [InlineData("Protesters outside the town hall on Monday (AFP / JANE ROE)")]
    [InlineData("29.06.2023, 15:04 | Lesedauer: 7 Minuten")]
    [InlineData("Don't want to see this? Remove ads")]
    [InlineData("Ad block users: Some site features may not work correctly while an ad blocker is enabled, because they break scripts this website depends on.")]
    [InlineData("Bitte deaktivieren Sie Ihren Adblocker, um die Kommentare zu sehen.")]
    [InlineData("Pour lire la suite, désactivez votre bloqueur de publicité.")]
    [InlineData("Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind.")]
    [InlineData("Posted by Ann Lee at 09:12")]
    [InlineData("Eingestellt von Helga um 09:12")]
    [InlineData("Auch interessant: Wo in Köln die meisten Unfälle passieren")]
    [InlineData("À lire également : les pistes cyclables de Lyon")]
    [InlineData("Baca juga: Jalan tol baru dibuka")]
    [InlineData("Jetzt bei Example kaufen*")]
    [InlineData("Buy on Example")]
    [InlineData("Check price")]
    [InlineData("Zum Angebot")]
    [InlineData("Voir l'offre")]
    [InlineData("549,00 €")]
    [InlineData("ab 19,99 EUR*")]
    [InlineData("$1,299")]
    [InlineData("Beiträge: 1234")]
    [InlineData("Posts: 56")]
    [InlineData("Messages : 1 024")]
    [InlineData("İlgili Haber: Belediyeden yeni park müjdesi")]
    [InlineData("اقرأ أيضا: الوزارة تطلق منصة جديدة")]
    [InlineData("مزید پڑھیں: پنجاب میں دھند کے باعث موٹر وے بند")]
    [InlineData("بیشتر بخوانید: افتتاح سه بیمارستان جدید")]
    [InlineData("Wie hilfreich war dieser Artikel?")]
    [InlineData("★★★★☆")]
    [InlineData("4,2 von 5 Sternen (35 Bewertungen)")]
    [InlineData("Sí No")]
    [InlineData("홍길동 기자 hong@example.co.kr")]
    [InlineData("(서울=뉴스1) 홍길동 기자")]
    [InlineData("ⓒ 뉴스1코리아, 무단전재 및 재배포 금지")]
    [InlineData("{{> share_buttons}}")]
    [InlineData("Возврат к списку")]
    [InlineData("Allegati:")]
    [InlineData("#하천#복원")]
    [InlineData("#bridge #river #council")]
    [InlineData("本文链接：https://blog.example.cn/posts/bridge/")]
    [InlineData("版权声明：本博客所有文章除特别声明外，均采用 CC BY-NC-SA 4.0 许可协议。转载请注明出处！")]
    [InlineData("(bas/imk)")]
    [InlineData("Ultima modifica 12/03/2024 — 10:22")]
    [InlineData("Zuletzt geändert am 12.03.2024")]
    [InlineData("Data publikacji: 12.03.2024")]
    [InlineData("Son güncelleme: 12.03.2024 14:20")]
    [InlineData("Pewarta: Rina Wulandari")]
    [InlineData("Editor: Budi Santoso")]
    [InlineData("Edição: Carla Lima")]
    [InlineData("责任编辑：王丽")]
    [InlineData("- END -")]
    [InlineData("Selasa, 12 Maret 2024 10:22 WIB")]
    [InlineData("14 Mart 2024 Perşembe")]
    [InlineData("wtorek, 12 marca 2024")]
    [InlineData("2024년 3월 14일 오전 10:22")]
    [InlineData("14 مارس 2024")]
    [InlineData("（地域報道部・山田太郎）")]
    [InlineData("Bagikan artikel ini:")]
    [InlineData("Deel deze pagina")]
    [InlineData("bur/ck")]
    [InlineData("mlm-jz/cb")]
    [InlineData("jk/ mhr/")]
    [InlineData("Prečítajte si aj: Ako sa zmenia dane od januára")]
    [InlineData("کد خبر: 123456")]
    [InlineData("Прочетете още: Жълт код за сняг в половин България")]
    [InlineData("Pročitajte još: Rekordna sezona na Jadranu")]
    [InlineData("autor: Jan Kowalski")]
    [InlineData("Penulis: Rina Ayu")]
    [InlineData("Автор: Ірина Коваль")]
    [InlineData("1,2 тыс. просмотров")]
    [InlineData("512 Aufrufe")]
    [InlineData("Polecamy: Remont ulicy Długiej")]
    [InlineData("Читайте також: Де отримати безкоштовні вікна")]
    [InlineData("Citește și: Parcare nouă lângă gară")]
    [InlineData("Hirdetés")]
    [InlineData("Xem thêm: Thông xe hầm chui")]
    [InlineData("Llegeix també: Nous horaris d'autobús")]
    [InlineData("Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися новини міста.")]
    [InlineData("12.03.2024, 14:05 Uhr Quelle: dpa")]
    [InlineData("dpa-infocom, dpa:240312-99-123456/3")]
    [InlineData("(dpa)")]
    [InlineData("Hinweis an die Redaktionen: Ein Foto zur honorarfreien Verwendung finden Sie im Anhang.")]
    [InlineData("Rückfragen bitte an: Pressestelle, Telefon 040 000000")]
    [InlineData("Media contact: press@example.org")]
    [InlineData("Prep time: 30 minutes Cook time: 45 minutes Total time: 14 hours")]
    [InlineData("Calories: 180kcal Carbohydrates: 36g Protein: 6g")]
    [InlineData("ENDS")]
    [InlineData("AFP")]
    [InlineData("AGERPRES")]
    [InlineData("vor 2 Jahren")]
    [InlineData("vor einer Woche")]
    [InlineData("3 hours ago")]
    [InlineData("il y a 5 jours")]
    [InlineData("hace un mes")]
    [InlineData("Ajude-nos a continuar este trabalho. Faça uma doação.")]
    [InlineData("Aiutaci a continuare il nostro lavoro: fai una donazione.")]
    [InlineData("23/08/2022 13h40 Atualizado há 2 anos")]
    [InlineData("12. März 2024, aktualisiert vor 3 Stunden")]
    [InlineData("※この記事には一部アフィリエイトリンクが含まれます。")]
    [InlineData("Egyesületünk munkáját adója 1%-ával is támogathatja! Adószámunk: 18765432-1-10.")]
    [InlineData("Cet article fait partie de ma série sur le vélo. Abonnez-vous gratuitement pour recevoir les prochains épisodes.")]
    [InlineData("Liveticker powered by Vereinsticker.de")]
    [InlineData("Aktualna cena: od 259 zł w sklepach internetowych Sprawdź cenę")]
    [InlineData("Preis: ab 49,90 € bei Example Zum Angebot")]
    [InlineData("- Publicitate -")]
    [InlineData("Atualizado há 3 semanas")]
    [InlineData("Updated 2 days ago")]
    [InlineData("Sidan senast uppdaterad: 28 oktober 2024")]
    [InlineData("Ainda precisa de ajuda? Fale com o suporte")]
    [InlineData("— Advertisement —")]
    [InlineData("12 von 15 fanden dies hilfreich")]
    [InlineData("Haben Sie weitere Fragen? Anfrage einreichen")]
    [InlineData("Sidan uppdaterades: 3 september 2024")]
    [InlineData("Senest opdateret: 12. juni 2024")]
    [InlineData("Poslední aktualizace: 10. 1. 2024")]
    [InlineData("Laatste wijziging: 4 maart 2024")]
    [InlineData("Utolsó módosítás: 2024. március 4.")]
    [InlineData("Kan du lide mine guides? Så giv mig en kop kaffe på Ko-fi – det holder bloggen kørende.")]
    [InlineData("Támogass minket!")]
    [InlineData("Ajánld fel adód 1%-át egyesületünknek, és segíts megvédeni a hazai madárfajokat.")]
    [InlineData("12 votes")]
    [InlineData("3 Stimmen")]
    [InlineData("demandé il y a 2 ans par julie_mtl")]
    [InlineData("asked 3 years ago by Jane Roe")]
    [InlineData("Text: Pfarrbüro / Foto: M. Muster")]
    [InlineData("Text und Foto: Anna Beispiel")]
    [InlineData("发布时间：2024-08-15 浏览次数：1024")]
    [InlineData("Datum: 12.03.2024 | Zugriffe: 512")]
    [InlineData("Hits: 842")]
    [InlineData("發布日期：2024-03-18發布單位：都市發展局點閱次數：5,208")]
    [InlineData("Ti potrebbe interessare: Come risparmiare sul gas")]
    public void DropsAFurnitureLine(string line)
    {
        var lines = ExtractLines($"<p>{line}</p>");

        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("<div><span>Læs også</span><a href='/bus'>Nyt busnet i kommunen</a></div>")]
    [InlineData("<p><b>Read also</b> <a href='/bus'>New bus lines for the north bank</a></p>")]
    public void DropsAReadAlsoLabelWithoutItsColonBeforeALink(string box)
    {
        Assert.Equal(2, ExtractLines(box).Length);
    }

    [Theory]
    [InlineData("<div class='news-tags'><span>Argomenti</span><a href='/t/roma'>Roma</a><a href='/t/restauri'>Restauri</a></div>")]
    [InlineData("<p>Related topics <a href='/t/bridges'>Bridges</a> <a href='/t/council'>City council</a></p>")]
    public void DropsAKeywordLabelAndItsLinkedKeywordsOnOneLine(string row)
    {
        Assert.Equal(2, ExtractLines(row).Length);
    }

    [Fact]
    public void KeepsASentenceOpeningWithAKeywordLabelWord()
    {
        var lines = ExtractLines("<p>Themen wie <a href='/t/verkehr'>Verkehr</a> und Wohnen bestimmten die Sitzung des Stadtrats bis spät in den Abend.</p>");
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void KeepsALineOpeningWithALabelWordWhenLinksAreNotAllOfTheRest()
    {
        var lines = ExtractLines("<p>Source files: <a href='/a.js'>bridge.js</a>, <a href='/b.js'>river-bridge.js</a></p>");

        Assert.Contains("Source files: bridge.js, river-bridge.js", lines);
    }

    [Fact]
    public void SeparatesInlineElementsGluedWithoutSpaceWhereACapitalFollowsADigit()
    {
        var lines = ExtractLines("<p><span>The council met on 12 March 2024</span><span>Residents waited outside in the rain for the result.</span></p>");

        Assert.Contains("The council met on 12 March 2024 Residents waited outside in the rain for the result.", lines);
    }

    [Fact]
    public void KeepsADigitAndACapitalInOneElementTogether()
    {
        Assert.Contains("The city bought 40 new 4K cameras for the bridge, the council said on Monday.",
            ExtractLines("<p>The city bought 40 new 4K cameras for the bridge, the council said on Monday.</p>"));
    }

    [Fact]
    public void SeparatesInlineElementsGluedWithoutSpaceWhereACapitalFollowsALowerCaseLetter()
    {
        var lines = ExtractLines("<p><span>The vote on the bridge was held in the town hall</span><span>Residents waited outside in the rain for the result.</span></p>");

        Assert.Contains("The vote on the bridge was held in the town hall Residents waited outside in the rain for the result.", lines);
    }

    [Theory]
    [InlineData("10 p.m.")]
    [InlineData("___")]
    [InlineData("By the end of the year, the council hopes to have chosen a builder for the bridge.")]
    [InlineData("Source of the dispute was the cost.")]
    [InlineData("<The Palace: Tale of Jang Noksu>")]
    [InlineData("The footnote [1] and the aside [sic] stay.")]
    [InlineData("Residents fall into three categories: owners, renters and visitors.")]
    [InlineData("The newsletter, which has 40,000 readers, was founded in 2010 by two former teachers.")]
    [InlineData("The fraudsters wrote from help@bank-example.com to thousands of customers, asking for their passwords.")]
    [InlineData("The photo: a bridge at dusk, taken by a reader from the river bank, won the contest.")]
    [InlineData("Ann Lee is the first mayor of the city to have grown up on the north bank.")]
    [InlineData("Bei dem Unfall im Hafen wurden drei Menschen leicht verletzt, teilte die Polizei mit.")]
    [InlineData("Buy now, pay later schemes have grown fast among young shoppers in the city.")]
    [InlineData("The flat cost 549,000 euros when it was sold in 2010.")]
    [InlineData("Posts: the council will fill 12 new jobs this year.")]
    [InlineData("시는 다음 달 주민 설명회를 열고 의견을 수렴할 방침이라고 기자들에게 밝혔다.")]
    [InlineData("Rated ★★★★★ by the city's critics, the new bridge café opened on Monday.")]
    [InlineData("#1 on the list of the city's projects is the bridge.")]
    [InlineData("well-being")]
    [InlineData("Europa")]
    [InlineData("Vor 2 Jahren wurde die Brücke gesperrt.")]
    [InlineData("Three years ago")]
    [InlineData("Contact with the builders was lost for three days, the mayor said on Monday.")]
    [InlineData("Copyright law gives the architect of the old bridge a say over any change to its design, the council's lawyers warned on Monday evening.")]
    [InlineData("The bridge closed on 12 March 2022, two years ago.")]
    [InlineData("Senest 1. marts skal kommunen have valgt en entreprenør til broen.")]
    [InlineData("Text messages sent by the mayor on 12 March 2022 were read out in court.")]
    [InlineData("The views: 360 degrees over the river from the new bridge.")]
    [InlineData("Im Schnitt 1.200 Aufrufe pro Tag verzeichnet die Seite der Stadt zur Brücke.")]
    [InlineData("（4月1日就任。山田太郎前社長は顧問に）")]
    [InlineData("The browser now ships with an ad blocker turned on for every new user.")]
    public void KeepsAStoryLineThatLooksLikeFurniture(string line)
    {
        Assert.Contains(line, ExtractLines($"<p>{System.Net.WebUtility.HtmlEncode(line)}</p>"));
    }

    [Theory]
    [InlineData("Die Ursache des Feuers ist noch unklar, die Kriminalpolizei hat die Ermittlungen aufgenommen. (dpa/lno)")]
    [InlineData("Die Ursache des Feuers ist noch unklar, die Kriminalpolizei hat die Ermittlungen aufgenommen. © dpa-infocom, dpa:240305-99-123456/3")]
    [InlineData("Die Ursache des Feuers ist noch unklar, die Kriminalpolizei hat die Ermittlungen aufgenommen. (AFP)")]
    public void KeepsTheLastParagraphWithoutTheAgencyCreditThatEndsIt(string line)
    {
        var lines = ExtractLines($"<p>{line}</p>");

        Assert.Equal("Die Ursache des Feuers ist noch unklar, die Kriminalpolizei hat die Ermittlungen aufgenommen.", lines[^1]);
    }

    [Fact]
    public void KeepsAShortClosingSentenceWithoutTheAgencyCreditThatEndsIt()
    {
        var lines = ExtractLines("<p>Energiministeren sier regjeringen følger situasjonen nøye. (©NTB)</p>");

        Assert.Equal("Energiministeren sier regjeringen følger situasjonen nøye.", lines[^1]);
    }

    [Theory]
    [InlineData("Feuerwehrleute löschen am Montagabend die Flammen in der großen Halle am Stadtrand. (dpa/Julian Roe)")]
    [InlineData("Feuerwehrleute löschen am Montagabend die Flammen in der großen Halle am Stadtrand. (Foto: dpa)")]
    [InlineData("Feuerwehrleute in der Halle (dpa/lno)")]
    public void DropsACaptionCreditedToAnAgencyOrPhotographer(string line)
    {
        var lines = ExtractLines($"<p>{line}</p>");

        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void KeepsAnAgencyCreditThatEndsAParagraphBeforeTheLast()
    {
        var lines = ExtractLines("<p>Die Ursache des Feuers ist noch unklar, die Kriminalpolizei hat die Ermittlungen aufgenommen. (dpa)</p>" +
            "<p>Die Halle soll im Sommer wieder aufgebaut werden, sagte der Besitzer am Dienstag.</p>");

        Assert.Equal("Die Ursache des Feuers ist noch unklar, die Kriminalpolizei hat die Ermittlungen aufgenommen. (dpa)", lines[^2]);
    }

    [Theory]
    [InlineData("h3", "Über mich")]
    [InlineData("h2", "About the author:")]
    [InlineData("h3", "3 Kommentare")]
    [InlineData("div", "À propos de l'auteur")]
    [InlineData("h3", "Like this:")]
    [InlineData("h2", "Kundenbewertungen")]
    [InlineData("h2", "Opinie czytelników (14)")]
    [InlineData("h3", "12 thoughts on “Council approves bridge”")]
    [InlineData("h3", "Eine Antwort auf „Council approves bridge“")]
    [InlineData("h3", "Qui suis-je ?")]
    [InlineData("h3", "Notes to editors")]
    [InlineData("h2", "Comentaris")]
    [InlineData("h3", "Wer bin ich?")]
    public void DropsABoxUnderAnAuthorCommentOrRelatedHeadingUpToTheNextHeading(string tag, string heading)
    {
        var lines = ExtractLines(
            $"<{tag}>{heading}</{tag}><p>Anna is a teacher who has lived in the city for ten years and writes about its parks.</p>" +
            "<p>She also writes about travel, cooking and books, mostly in the evenings after school.</p>" +
            "<h2>What comes next</h2><p>The builder will be chosen in the autumn, after a public tender, the mayor said.</p>");

        Assert.Equal(4, lines.Length);
        Assert.DoesNotContain(lines, line => line.Contains("Anna", StringComparison.Ordinal) || line.Contains("cooking", StringComparison.Ordinal));
        Assert.Equal("The builder will be chosen in the autumn, after a public tender, the mayor said.", lines[^1]);
    }

    [Theory]
    [InlineData("Comments on the budget")]
    [InlineData("Thoughts on a bridge")]
    [InlineData("Responses to the crisis")]
    public void KeepsASubheadingThatStartsLikeACommentsTitleWithoutACount(string heading)
    {
        var lines = ExtractLines(
            $"<h2>{heading}</h2><p>Anna is a teacher who has lived in the city for ten years and writes about its parks.</p>");

        Assert.Equal([heading, "Anna is a teacher who has lived in the city for ten years and writes about its parks."], lines[^2..]);
    }

    [Fact]
    public void StripsShortcodesAndTheCaptionsTheyEnclose()
    {
        var lines = ExtractLines(
            "<p>[caption id=\"attachment_7\" align=\"alignnone\" width=\"300\"]The old bridge at dusk[/caption] The mayor spoke after the vote, [vc_row]thanking everyone.[/vc_row]</p>");

        Assert.Contains("The mayor spoke after the vote, thanking everyone.", lines);
    }

    [Fact]
    public void DropsAShortcodeBoxTitledLikeRelatedLinksWithWhatItEncloses()
    {
        var lines = ExtractLines(
            "<p>[su_box title=\"Read also\" box_color=\"#333\"]<a href='/x'>New bridge plans unveiled</a>[/su_box]</p>" +
            "<p>[su_box title=\"Baca Juga\"]</p><p><a href='/a'>Pemkot siapkan taman baru</a></p><p><a href='/b'>Warga minta lampu taman</a></p><p>[/su_box]</p>" +
            "<p>[su_box title=\"Key facts\"]The bridge will be 240 metres long and carry two lanes and a cycle path.[/su_box]</p>");

        Assert.DoesNotContain("New bridge plans unveiled", lines);
        Assert.DoesNotContain("Pemkot siapkan taman baru", lines);
        Assert.DoesNotContain("Warga minta lampu taman", lines);
        Assert.Equal("The bridge will be 240 metres long and carry two lanes and a cycle path.", lines[^1]);
    }

    [Fact]
    public void KeepsALiveBlogsEntryTimesAndHeadingsButNotALabelledUpdateTime()
    {
        var html = "<html><head><title>Live: bridge vote</title></head><body><main><h1>Live: council votes on the bridge</h1><div class='feed'>" +
            "<article class='post'><p>10:00</p><h3>The debate opens</h3><p>The mayor opened the debate on the new bridge with a speech of twenty minutes.</p></article>" +
            "<article class='post'><span class='timestamp'>10:41 GMT</span><h3>The vote</h3><p>The council approved the bridge by thirty votes to twelve after a long debate.</p>" +
            "<p>Updated at 10:52 GMT</p></article></div></main></body></html>";
        var lines = (new ArticleExtractor().Extract(html, "https://news.example.com/live/bridge.html").Text ?? "").Split('\n');

        Assert.Equal(["10:00", "The debate opens", "The mayor opened the debate on the new bridge with a speech of twenty minutes.",
            "10:41 GMT", "The vote", "The council approved the bridge by thirty votes to twelve after a long debate."], lines);
    }

    [Theory]
    [InlineData("Written by Jane Roe")]
    [InlineData("Geschrieben von")]
    [InlineData("Ditulis oleh Budi Santoso")]
    public void DropsTheAuthorCardUnderAWrittenByHeading(string heading)
    {
        var lines = ExtractLines($"<h2>{heading}</h2><p>1.2K Followers</p><p>Writes about cities, parks and the people who use them.</p>");

        Assert.Equal("Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.", lines[^1]);
    }

    [Fact]
    public void KeepsAStorysReactionsHeadingWithoutACount()
    {
        var lines = ExtractLines("<h2>Reaktionen</h2><p>Die Opposition kritisierte den Beschluss als zu teuer und kündigte an, ihn im Landtag anzufechten.</p>");

        Assert.Equal(["Reaktionen", "Die Opposition kritisierte den Beschluss als zu teuer und kündigte an, ihn im Landtag anzufechten."], lines[^2..]);
    }

    [Fact]
    public void KeepsALinkedAddressInAListOfSources()
    {
        var lines = ExtractLines(
            "<p>The study, with maps, costs, noise figures, traffic counts, and plans, for cars, bicycles, buses, and trains, is online:<br>" +
            "<a href='https://data.example.org/bridge-study'>https://data.example.org/bridge-study</a></p>");

        Assert.Contains("https://data.example.org/bridge-study", lines);
    }
    [Theory]
    [InlineData("<p>Quellen:</p><ul><li>Landtag, Stellungnahmen zur Anhörung</li><li>Interviews des Senders</li></ul>")]
    [InlineData("<h3>Sources</h3><p>City council minutes, 12 March<br>Example Agency</p>")]
    [InlineData("<p><strong>Źródła</strong></p><p>Urząd Miasta</p>")]
    public void DropsTheListOfSourcesThatEndsTheStory(string sources)
    {
        var lines = ExtractLines(sources);

        Assert.StartsWith("Supporters said", lines[^1]);
    }

    [Fact]
    public void KeepsASectionTitledSourcesThatTheStoryGoesOnAfter()
    {
        const string prose = "Most of the money comes from the state, which pays half, while the city raises the rest from parking fees, " +
            "a new tax on hotel stays, and a loan that it will pay back over thirty years, the treasurer told the council on Monday. " +
            "Two banks have offered terms.";
        var lines = ExtractLines($"<h2>Sources</h2><p>{prose}</p>");

        Assert.Equal(["Sources", prose], lines[^2..]);
    }

    [Fact]
    public void TheHeadlineWithAKickerTheTitleLeavesOutIsNotBodyText()
    {
        const string html = "<html><head><title>City council approves the new bridge</title></head><body><article>" +
            "<h1><span class=\"kicker\">Transport</span> City council approves the new bridge</h1>" + Story + "</article></body></html>";
        var lines = (new ArticleExtractor().Extract(html, "https://news.example.com/city/bridge.html").Text ?? "").Split('\n');

        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("div", "More Great Example Stories")]
    [InlineData("h3", "Mehr zum Thema")]
    [InlineData("p", "Leia também")]
    [InlineData("h2", "関連記事")]
    public void DropsTheLinksUnderARelatedHeadingButNotTheStoryThatFollows(string tag, string heading)
    {
        var lines = ExtractLines(
            $"<{tag}>{heading}</{tag}><ul><li>The strange life of a <a href='/a'>bridge builder in the north</a></li>" +
            "<li><a href='/b'>How ferries crossed the river before the bridges were built</a></li></ul>" +
            $"<{tag}>{heading}</{tag}><p><a href='/c'>A tunnel under the harbour opens after eight years of work</a></p>" +
            "<p>Construction is expected to begin next spring and to last about three years, the mayor said.</p>");

        Assert.Equal(3, lines.Length);
        Assert.Equal("Construction is expected to begin next spring and to last about three years, the mayor said.", lines[^1]);
    }

    [Theory]
    [InlineData("Ann Lee is a reporter who covers city hall, transport and housing for the paper.")]
    [InlineData("Korrespondentin Ann Lee ist bei der Zeitung für Stadtpolitik und Verkehr zuständig.")]
    [InlineData("Ann Lee covers politics and the courts. Follow her on Mastodon.")]
    public void DropsANoteAboutTheAuthorUnderTheStory(string note)
    {
        const string html = "<html><head><title>Council approves bridge</title><meta name='author' content='Ann Lee'></head><body><article>" +
            Story + "<p>{0}</p></article></body></html>";
        var text = new ArticleExtractor().Extract(html.Replace("{0}", note), "https://news.example.com/city/bridge.html").Text ?? "";

        Assert.Equal(2, text.Split('\n').Length);
    }

    [Theory]
    [InlineData("<p><strong>Pressekontakt:</strong><br>Example Ministry<br>Press office<br>Telefon: 030 18300-7200<br>E-Mail: presse@example.org</p>")]
    [InlineData("<h2>Kontakt</h2><p>Prof. Dr. Anna Berger<br>Institut für Mikrobiologie<br>Tel.: +49 511 762-1234</p>")]
    [InlineData("<p><strong>Kontakt pro média:</strong><br>Tiskové oddělení<br>tel.: +420 221 812 100<br>info@example.cz</p>")]
    [InlineData("<h2>Adresse für Rückfragen</h2><p>Kommunikation<br>medien@example.ch</p><h2>Herausgeber</h2><p>Der Bundesrat<br>https://www.example.ch/</p>")]
    [InlineData("<p><strong>Lisätietoja</strong><br>Professori Liisa Virtanen<br>puh. 029 412 0000</p>")]
    [InlineData("<p>このページに関するお問い合わせ</p><p>都市整備部 道路課<br>電話：012-345-6789</p>")]
    [InlineData("<h3>Kontakt für Rückfragen</h3><p>Prof. Dr. Anna Berger<br>Tel.: +49 511 762-1234</p>")]
    [InlineData("<h3>Wissenschaftlicher Kontakt</h3><p>Prof. Dr. Jana Muster<br>Telefon: +49 331 288-1234</p>")]
    [InlineData("<h3>Ihre Ansprechpartnerin</h3><p>Anna Berger<br>Tel.: 0711 123-456</p>")]
    [InlineData("<h3>Contact for journalists</h3><p>Press office<br>press@example.org</p>")]
    [InlineData("<h2>Veranstalter</h2><p>Kulturforum e.V.<br>Weberstraße 12<br>Telefon 0761 4455-0</p>")]
    [InlineData("<p><strong>Basın İletişim:</strong> Zeynep Arslan<br>Tel: +90 212 555 01 23<br>E-posta: basin@example.org</p>")]
    [InlineData("<p>Pressekontakt: Anna Lang</p><p>Telefon 0761 4455-12</p>")]
    public void DropsTheContactBoxThatClosesAPressRelease(string box)
    {
        var lines = ExtractLines(box);

        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("<dl><dt>Datum</dt><dd>Samstag, 15. März 2025</dd><dt>Ort</dt><dd>Alte Weberei, Große Halle</dd><dt>Eintritt</dt><dd>12 €</dd></dl>")]
    [InlineData("<ul><li><strong>Helyszín:</strong> Városi Múzeum</li><li><strong>Belépő:</strong> 1500 Ft</li></ul>")]
    [InlineData("<ul><li>Lieu : salle des fêtes</li><li>Horaires : de 14 h à 18 h</li></ul>")]
    [InlineData("<div class='box'><h3>Auf einen Blick</h3><ul><li><strong>Abschluss:</strong> Bachelor</li><li><strong>Dauer:</strong> 8 Semester</li><li><strong>Beginn:</strong> Herbst</li></ul></div>")]
    [InlineData("<section><h2>Tapahtuman tiedot</h2><dl><dt>Aika</dt><dd>la 5.4. klo 10–14</dd><dt>Paikka</dt><dd>Pääkirjasto</dd></dl></section>")]
    public void DropsAnEventsFactBoxWrittenAsALabelledList(string box)
    {
        var lines = ExtractLines(box);

        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("<dl><dt>Datum</dt><dd>Samstag, 15. März 2025</dd><dt>Leitung</dt><dd>Anna Berger</dd></dl>", "Leitung")]
    [InlineData("<ul><li><strong>Ort:</strong> Rathaus</li></ul>", "Rathaus")]
    [InlineData("<ul><li><strong>Datum:</strong> Montag</li><li><strong>Ort:</strong> Rathaus</li><li>Der Rat stimmt über den Bau der Brücke ab.</li></ul>", "Rathaus")]
    [InlineData("<p>Die Versammlung im Überblick:</p><dl><dt>Ort</dt><dd>Rathaus, Sitzungssaal</dd><dt>Zeit</dt><dd>Dienstag, 18 Uhr</dd></dl><p>Der Bürgermeister lädt alle Anwohner herzlich ein.</p>", "Rathaus, Sitzungssaal")]
    [InlineData("<dl><dt>Bebauungsplan</dt><dd>Satzung über die Nutzung der Grundstücke</dd><dt>Auslegung</dt><dd>öffentlich</dd></dl>", "Auslegung")]
    public void KeepsAListWhoseLabelsAreNotAllPracticalFactsOrThatHoldsOnlyOne(string list, string kept)
    {
        var lines = ExtractLines(list);

        Assert.Contains(lines, line => line.Contains(kept, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<div class='box-volunteer'><h3>Want to help?</h3><p>Sign up and join us on Saturdays.</p><a class='btn' href='/join'>Join now</a></div>")]
    [InlineData("<div class='wp-block-group'><p>Support our work with a gift.</p><div class='wp-block-buttons'><a class='wp-block-button__link' href='/give'>Give</a></div></div>")]
    [InlineData("<div><a role='button' href='/tickets'>Buy tickets</a> <a role='button' href='/ics'>Add to calendar</a></div>")]
    public void DropsAShortCallToActionEndingInAButton(string box)
    {
        var lines = ExtractLines(box);

        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void KeepsAShortPostBesideItsButton()
    {
        var html = "<html><head><title>Council approves bridge</title></head><body><article><h1>Council approves bridge</h1>" +
            "<div class='post'><p>The city council voted on Monday to build a new bridge across the river.</p>" +
            "<a class='btn' href='/minutes.pdf'>Minutes</a></div></article></body></html>";
        var text = new ArticleExtractor().Extract(html, "https://news.example.com/city/bridge.html").Text ?? "";

        Assert.Contains("The city council voted on Monday to build a new bridge across the river.", text);
    }

    [Theory]
    [InlineData("Bildnachweis: Stadtarchiv / J. Möller")]
    [InlineData("โพสต์เมื่อ 15 มกราคม 2568 | เข้าชม 1,024 ครั้ง")]
    [InlineData("Nachricht | 512 Aufrufe")]
    public void DropsThePagesPictureCreditsAndAMetaLineCountingReaders(string line)
    {
        var lines = ExtractLines($"<p>{line}</p>");

        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void KeepsATableRowThatCountsReaders()
    {
        var lines = ExtractLines("<table><tr><th>Monat</th><th>Aufrufe</th></tr><tr><td>März</td><td>512 Aufrufe</td></tr></table>");

        Assert.Contains("März | 512 Aufrufe", lines);
    }

    [Fact]
    public void LeavesOutAWikisEditLinksAndItsFromLine()
    {
        var lines = ExtractLines("<div id='siteSub'>From the help wiki</div>" +
            "<h2><span class='mw-headline'>Costs</span><span class='mw-editsection'>[<a href='?action=edit'>edit</a>]</span></h2>" +
            "<p>The bridge will cost forty million euros, and the state pays half of it.</p>");

        Assert.Equal(["Costs", "The bridge will cost forty million euros, and the state pays half of it."], lines[^2..]);
        Assert.DoesNotContain("From the help wiki", lines);
    }

    [Fact]
    public void KeepsASectionTitledContactThatHoldsNoAddressOrNumber()
    {
        var lines = ExtractLines("<h2>Kontakt</h2><p>Der erste Kontakt kam über einen Freund zustande.</p>");

        Assert.Equal(["Kontakt", "Der erste Kontakt kam über einen Freund zustande."], lines[^2..]);
    }

    [Theory]
    [InlineData("<p>Inhaltsverzeichnis</p><ul><li><a href='#a'>Die Kosten</a></li><li><a href='#b'>Der Bau</a></li></ul>")]
    [InlineData("<div><p>Table of Contents [hide]</p><ol><li>The cost</li><li>The works</li></ol></div>")]
    [InlineData("<p><b>Sommaire</b></p><p><a href='#a'>Le coût</a></p>")]
    public void DropsATableOfContentsAndItsTitle(string toc)
    {
        var lines = ExtractLines(toc + "<h2>The cost</h2><p>The bridge will cost 40 million euros, paid by the state and the city, the mayor said.</p>");

        Assert.Equal(["The cost", "The bridge will cost 40 million euros, paid by the state and the city, the mayor said."], lines[^2..]);
        Assert.Equal(4, lines.Length);
    }

    [Theory]
    [InlineData("h3", "Pro", "Contra")]
    [InlineData("p", "Vorteile:", "Nachteile:")]
    [InlineData("h4", "What we like", "What we don't like")]
    [InlineData("h4", "Kelebihan", "Kekurangan")]
    public void DropsAProsAndConsBox(string tag, string pros, string cons)
    {
        var lines = ExtractLines($"<{tag}>{pros}</{tag}><ul><li>Light</li><li>Long battery life</li></ul><{tag}>{cons}</{tag}><ul><li>Loud</li></ul>" +
            "<p>The mower is a good choice for small gardens, though the battery is sold apart.</p>");

        Assert.Equal(3, lines.Length);
    }

    [Theory]
    [InlineData("Plusy", "Minusy")]
    [InlineData("Nachteile", "Vorteile")]
    public void DropsAProsAndConsBoxSetAsATable(string first, string second)
    {
        var lines = ExtractLines($"<table><tr><td><b>{first}</b></td><td><b>{second}</b></td></tr><tr><td>light</td><td>loud</td></tr>" +
            "<tr><td>long battery life</td><td>weak microphone</td></tr></table>" +
            "<p>The mower is a good choice for small gardens, though the battery is sold apart.</p>");

        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void KeepsATwoColumnTableWhoseHeadIsNotAProsAndConsPair()
    {
        var lines = ExtractLines("<table><tr><th>Situation</th><th>What to do</th></tr><tr><td>New phone</td><td>Use a backup code.</td></tr></table>");

        Assert.Equal(["Situation | What to do", "New phone | Use a backup code."], lines[^2..]);
    }

    [Fact]
    public void KeepsADealArticlesOfferLineThatNamesNoPriceLabel()
    {
        var lines = ExtractLines("<p>Zum Tarif bei Example.de 10 GB + 100 Minuten/SMS für 5,99 Euro Zum Angebot</p>");

        Assert.Equal("Zum Tarif bei Example.de 10 GB + 100 Minuten/SMS für 5,99 Euro Zum Angebot", lines[^1]);
    }

    [Fact]
    public void KeepsAContactLineWithoutContactDetailsUnderIt()
    {
        var lines = ExtractLines("<p>Kontakt: Der Verein sucht neue Mitglieder</p><p>Wer mitmachen will, kommt am Montag ins Vereinsheim.</p>");

        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void KeepsAListOfAdvantagesThatIsNotPartOfAProsAndConsBox()
    {
        var lines = ExtractLines("<h2>Vorteile</h2><ul><li>Die Brücke verkürzt den Weg zur Schule.</li><li>Der Verkehr in der Altstadt nimmt ab.</li></ul>");

        Assert.Equal(["Vorteile", "Die Brücke verkürzt den Weg zur Schule.", "Der Verkehr in der Altstadt nimmt ab."], lines[^3..]);
    }

    [Fact]
    public void DropsTheProductNameOverAPriceBox()
    {
        var lines = ExtractLines("<div class='box'><p>Greenline 40 Mower</p><p>ab 279,00 €</p><p><a href='/buy'>Zum Angebot</a></p></div>");

        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("Julkaistu 14.9.2023 kategoriassa Luonto | 2 kommenttia")]
    [InlineData("Posted in City | Tagged bridge, river | Leave a comment")]
    [InlineData("Publicado en Ciudad | Comentarios (3)")]
    [InlineData("Pressemitteilung · 21.06.2023 · Ministerium für Verkehr")]
    [InlineData("Geplaatst op 3 november 2023 door Sanne")]
    [InlineData("Registriert: Mo 3. Jan 2022")]
    [InlineData("Joined: March 2019")]
    [InlineData("NEWS PROVIDED BY Example Robotics Oct 10, 2023, 08:00 ET")]
    [InlineData("Press release")]
    [InlineData("Διαβάστε επίσης: Τι αλλάζει στα τρόφιμα")]
    [InlineData("Un lupo fotografato da una fototrappola in Abruzzo (foto Parco Nazionale)")]
    [InlineData("2023-11-20 09:15 来源：新华网")]
    [InlineData("【纠错】")]
    public void DropsAPostMetaLabelOrCaptionLine(string line)
    {
        var lines = ExtractLines($"<p>{line}</p>");

        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("The vote was 12 to 3 | the mayor called it a good day for the city.")]
    [InlineData("Die Abstimmung endete am 21.06.2023 mit einer knappen Mehrheit für die Brücke.")]
    [InlineData("Registration for the bridge run opens on 3 May 2024 at the town hall.")]
    public void KeepsAStoryLineWithADateOrASeparator(string line)
    {
        Assert.Contains(line, ExtractLines($"<p>{line}</p>"));
    }

    [Fact]
    public void DropsAnAuthorBoxThatNamesTheAuthorByFirstNameAtTheEnd()
    {
        const string html = "<html><head><title>Council approves bridge</title><meta name='author' content='Lisa Brandl'></head><body><article>" +
            Story + "<div class='box'><p><a href='/author/lisa'>Lisa Brandl</a></p><p>Lisa ist seit zehn Jahren in den Alpen unterwegs und schreibt hier über ihre Touren.</p></div></article></body></html>";
        var text = new ArticleExtractor().Extract(html, "https://news.example.com/city/bridge.html").Text ?? "";

        Assert.Equal(2, text.Split('\n').Length);
    }

    [Fact]
    public void DropsAPullQuoteThatRepeatsASentenceOfTheStory()
    {
        var lines = ExtractLines("<blockquote class='pull'>Supporters said the bridge would cut travel times</blockquote>" +
            "<blockquote>A quote the story does not repeat stays where the writer put it.</blockquote>");

        Assert.Equal(3, lines.Length);
        Assert.Equal("A quote the story does not repeat stays where the writer put it.", lines[^1]);
    }

    [Fact]
    public void DropsACaptionOverItsPictureCredit()
    {
        var lines = ExtractLines("<div><img src='a.jpg'><p>Visitors on the opening day.</p><span>Foto: Example Museum / C. Lenz</span></div>" +
            "<p>The museum opens every day except Monday, from ten in the morning until six in the evening.</p>");

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("The museum opens", lines[^1]);
    }

    [Theory]
    [InlineData("Ta treść pochodzi z serwisu zewnętrznego. Aby ją wyświetlić, musisz wyrazić zgodę na wykorzystanie plików cookies.")]
    [InlineData("Wat vind je van dit artikel?")]
    [InlineData("Gemiddelde beoordeling 4.2 / 5. Aantal stemmen: 37")]
    [InlineData("Inscrivez-vous gratuitement à notre lettre d'information quotidienne.")]
    [InlineData("Поддержать")]
    public void DropsAConsentRatingOrAppealLine(string line)
    {
        Assert.Equal(2, ExtractLines($"<p>{line}</p>").Length);
    }

    [Fact]
    public void DropsASignUpBoxWithAnEmailFieldInsideTheStory()
    {
        var lines = ExtractLines("<div class='box'><p>Every morning, the city's news in your mailbox</p><form><input type='email' placeholder='Your address'>" +
            "<button>Go</button></form></div><p>The bridge is due to open in the spring of 2027, two years later than first planned.</p>");

        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void DropsTheKickerOverTheHeadline()
    {
        const string html = "<html><head><title>Council approves bridge</title></head><body><article><p>Verkehr</p><h1>Council approves bridge</h1>" +
            Story + "</article></body></html>";
        var lines = (new ArticleExtractor().Extract(html, "https://news.example.com/city/bridge.html").Text ?? "").Split('\n');

        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("<h2>本件に関するお問い合わせ先</h2><p>広報部<br>TEL：03-1234-5678</p>")]
    [InlineData("<h2>■本件に関するお問い合わせ</h2><p>広報部 担当：佐藤<br>TEL：03-1234-5678 / E-mail：pr@example.jp</p>")]
    [InlineData("<p>İçindekiler</p><ul><li><a href='#1'>Malzemeler</a></li></ul>")]
    [InlineData("<div class='toc'><p>विषय सूची</p><ul><li><a href='#1'>मौसम की जानकारी</a></li></ul></div>")]
    [InlineData("<div class='another'><h4>'여행' 카테고리의 다른 글</h4><table><tr><td><a href='/1'>부산 해운대 맛집 정리</a></td><td>2024.05.20</td></tr>" +
        "<tr><td><a href='/2'>강릉 카페 투어</a></td><td>2024.05.02</td></tr></table></div>")]
    [InlineData("<h4>Contactos de imprensa</h4><p>Ana Ribeiro<br>imprensa@example.pt<br>+351 210 000 000</p>")]
    [InlineData("<p>Partager sur : <a href='#'>LinkedIn</a> <a href='#'>Facebook</a></p>")]
    [InlineData("<div class='info-box'><h4>Gut zu wissen</h4><p>Die Jahresarbeitszahl gibt an, wie viel Wärme eine Wärmepumpe erzeugt.</p></div>")]
    public void DropsContactTocShareAndFactBoxesInMoreLanguages(string box)
    {
        Assert.Equal(2, ExtractLines(box).Length);
    }

    [Theory]
    [InlineData("ETİKETLER", "belediye")]
    [InlineData("الوسوم", "التعليم")]
    [InlineData("Štítky", "doprava")]
    public void DropsAKeywordLabelAndTheKeywordsUnderIt(string label, string keyword)
    {
        var lines = ExtractLines($"<div class='labels'><p>{label}</p><p><a href='/t'>{keyword}</a></p></div>");

        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void DropsACreativeCommonsNoticeEndingThePostHoweverLong()
    {
        const string notice = "This work is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License. You are free to " +
            "share, copy and redistribute the material in any medium or format, and to adapt, remix, transform and build upon the material " +
            "for any purpose, even commercially, as long as you give appropriate credit and distribute your contributions under the same licence.";

        Assert.Equal(2, ExtractLines($"<p>{notice}</p>").Length);
        // The same words earlier in the story are the story's.
        Assert.Contains(notice, ExtractLines($"<p>{notice}</p><p>The council said it would publish every plan of the bridge the same way from now on.</p>" +
            "<p>Residents will be able to comment on the plans online until the end of the month, the mayor added.</p>"));
    }

    [Fact]
    public void DropsACopyrightNoticeEndingTheStoryHoweverLongButNotOneBeforeTheEnd()
    {
        const string notice = "© Example Agency 2024. Está expresamente prohibida la redistribución y la redifusión de todo o parte de los " +
            "contenidos de los servicios de la agencia sin previo y expreso consentimiento.";

        Assert.Equal(2, ExtractLines($"<p>{notice}</p>").Length);
        Assert.Equal(2, ExtractLines("<p>Copyright 2024 Example Media. All rights reserved. This material may not be published, broadcast, " +
            "rewritten or redistributed in any form without the written permission of the publisher.</p>").Length);
    }

    [Fact]
    public void DropsAForumPostsReplySubjectAndTheMembersColumn()
    {
        var html = "<html><head><title>Bridge over the river</title></head><body><div class='topic'>" +
            "<div class='post'><dl class='postprofile'><dt><a href='/u/1'>river_fan</a></dt><dd class='profile-rank'>Member</dd></dl>" +
            "<div class='postbody'><h3>Re: Bridge over the river</h3><div class='content'>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</div></div></div>" +
            "<div class='post'><dl class='postprofile'><dt><a href='/u/2'>north_bank</a></dt><dd class='profile-rank'>Member</dd></dl>" +
            "<div class='postbody'><h3>AW: Bridge over the river</h3><div class='content'>Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.</div></div></div>" +
            "</div></body></html>";
        var lines = (new ArticleExtractor().Extract(html, "https://forum.example.com/t/123").Text ?? "").Split('\n');

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("The city council voted", lines[0]);
    }

    [Fact]
    public void DropsALabelledDateInAPostsInfoListButKeepsAScheduleOfDates()
    {
        var info = ExtractLines("<ul><li>등록일 2024-03-14</li><li>Published: 12.03.2024</li></ul>");
        var schedule = ExtractLines("<ul><li>12 March 2024</li><li>March 19, 2024</li><li>Archived from the original on 2015-04-02.</li><li>on 2015-04-02.</li></ul>");

        Assert.Equal(2, info.Length);
        Assert.Contains("12 March 2024", schedule);
        Assert.Contains("March 19, 2024", schedule);
        Assert.Contains("on 2015-04-02.", schedule);
    }

    private static string[] ExtractLinesOf(string head, string article)
    {
        var html = $"<html><head><title>Council approves bridge</title>{head}</head><body><article><h1>Council approves bridge</h1>{article}</article></body></html>";
        return (new ArticleExtractor().Extract(html, "https://news.example.com/city/bridge.html").Text ?? "").Split('\n');
    }

    [Theory]
    [InlineData("Petr Novák, 5. 4. 2019")]
    [InlineData("New York, 12 March 2024")]
    [InlineData("Kompas - 04/03/2025, 08:15 WIB")]
    public void ANameOrPlaceAndADateOpeningTheStoryIsItsDateline(string line)
    {
        var lines = ExtractLinesOf("", $"<div class='info'>{line}</div>{Story}");
        Assert.DoesNotContain(line, lines);
        Assert.Equal(2, lines.Length);
        // Inside the story, a line of the same shape is the writer's: a date in a timeline.
        Assert.Contains(line, ExtractLinesOf("", $"{Story}<p>{line}</p>"));
    }

    [Fact]
    public void TheAuthorAmongLabelledDatesIsTheBylineHoweverLong()
    {
        const string meta = "Muhabir: Mehmet Yılmaz Yayınlanma: 17.03.2021 14:22 Güncelleme: 17.03.2021 16:05";
        var lines = ExtractLinesOf("<meta name='author' content='Mehmet Yılmaz'>", $"<p>{meta}</p>{Story}");
        Assert.DoesNotContain(meta, lines);
        Assert.Equal(2, lines.Length);
        // A sentence that names the author and a date is the story's.
        const string sentence = "Mehmet Yılmaz visited the bridge on 17.03.2021 with the mayor, the engineers and two residents from the old town.";
        Assert.Contains(sentence, ExtractLinesOf("<meta name='author' content='Mehmet Yılmaz'>", $"<p>{sentence}</p>{Story}"));
    }
    [Theory]
    [InlineData("Meldung vom 15.01.2025")]
    [InlineData("Pressemitteilung vom 3. März 2024")]
    [InlineData("Nota de prensa del 3 de marzo de 2024")]
    public void AStampNamingWhatItDatesOpeningTheStoryIsItsDateline(string line)
    {
        var lines = ExtractLinesOf("", $"<p class='datum'>{line}</p>{Story}");
        Assert.DoesNotContain(line, lines);
        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("Simak Video \"Petani Cabai Panen Raya di Magelang\":")]
    [InlineData("Sehen Sie im Video:")]
    [InlineData("Tonton video selengkapnya di bawah ini:")]
    public void DropsTheLinePointingToTheVideoUnderIt(string line)
    {
        var lines = ExtractLines($"<p>{line}</p><div class='embed'><iframe src='https://video.example/embed/1'></iframe></div>");
        Assert.Equal(2, lines.Length);
        // A sentence of the story that speaks of a video is kept.
        const string sentence = "Sehen Sie im Video, wie die Brücke gebaut wird, und lesen Sie unten mehr dazu.";
        Assert.Contains(sentence, ExtractLines($"<p>{sentence}</p>"));
    }

    [Fact]
    public void KeepsAFactListUnderASubheadingOfTheTextWithTheStoryGoingOnUnderIt()
    {
        var lines = ExtractLines("<h2>Auf einen Blick</h2><dl><dt>Datum</dt><dd>Samstag, 15. März 2025</dd><dt>Ort</dt><dd>Alte Weberei, Große Halle</dd></dl>" +
            "<p>Der Bürgermeister lädt alle Anwohnerinnen und Anwohner herzlich ein.</p>");
        Assert.Contains("Alte Weberei, Große Halle", lines);
    }
    [Theory]
    [InlineData("<p>▶ 관련기사 : <a href='/news/1001'>도, 청년 월세 지원 대상 확대</a></p>")]
    [InlineData("<p>► Lesen Sie auch: <a href='/news/1002'>Die alte Brücke wird gesperrt</a></p>")]
    [InlineData("<p class='originator'>Original-Content von: Verband der Handwerksunternehmen e.V., übermittelt durch news aktuell</p>")]
    public void DropsALabelBehindAnArrowAndAWiresClientLine(string line)
    {
        var lines = ExtractLines(line);
        Assert.Equal(2, lines.Length);
    }
}
