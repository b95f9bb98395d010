using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Content;

public class ContentExtractorTests
{
    private const string Story =
        "<p>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</p>" +
        "<p>Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.</p>" +
        "<p>Construction is expected to begin next spring and to last about three years, the mayor said in a statement.</p>";

    private static Article Extract(string body, bool markdown = false, string head = "<title>Council approves bridge</title>")
    {
        var html = $"<html><head>{head}</head><body>{body}</body></html>";
        var extractor = new ArticleExtractor(new ExtractionOptions { IncludeMarkdown = markdown });
        return extractor.Extract(html, "https://news.example.com/city/bridge.html");
    }

    private static string[] Lines(Article article) => (article.Text ?? "").Split('\n');

    [Fact]
    public void KeepsASubheadingInItsOwnPageBuilderModuleBetweenTheStorysTextModules()
    {
        const string Widget = "<div class='elementor-element elementor-widget elementor-widget-{0}'><div class='elementor-widget-container'>{1}</div></div>";
        var article = Extract("<div class='elementor-widget-wrap'>" +
            string.Format(Widget, "text-editor", "<p>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</p>") +
            string.Format(Widget, "heading", "<h2 class='elementor-heading-title'>What the bridge will cost</h2>") +
            string.Format(Widget, "text-editor", "<p>The bridge will cost 40 million euros, paid by the state and the city, the mayor said on Monday evening.</p>") +
            "</div>");

        Assert.Equal(["The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.",
            "What the bridge will cost", "The bridge will cost 40 million euros, paid by the state and the city, the mayor said on Monday evening."], Lines(article));
    }

    private const string BuilderWidget =
        "<div class='elementor-element elementor-element-{0} elementor-widget elementor-widget-{1}'><div class='elementor-widget-container'>{2}</div></div>";

    private static string BuilderSection(string id, string widgets)
        => $"<section class='elementor-section elementor-top-section elementor-element elementor-element-{id}'><div class='elementor-container'>"
           + $"<div class='elementor-column elementor-col-100 elementor-element elementor-element-c{id}'><div class='elementor-widget-wrap'>{widgets}</div></div></div></section>";

    [Fact]
    public void JoinsAStorySplitOverPageBuilderSectionsByTheirWidgetsKind()
    {
        const string first = "Bei strahlendem Sonnenschein feierten am Samstag mehr als 400 Gäste auf dem Sportgelände das Sommerfest des Vereins.";
        const string second = "Höhepunkt des Abends war die große Tombola, deren Erlös von 2.300 Euro vollständig der Jugendabteilung zugutekommt.";
        const string third = "Der Vorstand bedankt sich bei allen Helferinnen und Helfern. Das nächste Sommerfest findet am 12. Juli 2025 statt.";
        var article = Extract("<div class='elementor elementor-412'>"
            + BuilderSection("3f2a1b7", string.Format(BuilderWidget, "51ab7c9", "heading", "<h1>Sommerfest 2024: ein voller Erfolg</h1>")
                + string.Format(BuilderWidget, "9d0e4f1", "text-editor", $"<p>{first}</p><p>Die Kinderturngruppen eröffneten den Nachmittag mit einer Vorführung.</p>"))
            + BuilderSection("77b0c2d", string.Format(BuilderWidget, "2b3c4d5", "heading", "<h2>Tombola und Ehrungen</h2>")
                + string.Format(BuilderWidget, "6e7f8a9", "text-editor", $"<p>{second}</p><p>Der Vorsitzende ehrte außerdem zwölf Mitglieder für ihre langjährige Treue zum Verein.</p>"))
            + BuilderSection("0c9d8e7", string.Format(BuilderWidget, "1f2e3d4", "text-editor", $"<p>{third}</p>"))
            + "</div><footer><p>Turnverein Musterdorf e.V. · Lindenstraße 4 · 12345 Musterdorf</p></footer>");

        var text = article.Text ?? "";
        Assert.Contains(first, text);
        Assert.Contains(second, text);
        Assert.Contains(third, text);
        Assert.DoesNotContain("Lindenstraße 4", text);
    }

    [Fact]
    public void LeavesASidebarsTextWidgetBesideAPageBuildersSinglePostOut()
    {
        const string story = "<p>Die Gemeindebücherei im Bürgerhaus ist ab dem 3. Juni auch am Samstagvormittag geöffnet, wie die Gemeinde mitteilt.</p>"
            + "<p>Neu sind zudem verlängerte Öffnungszeiten am Donnerstag bis 19 Uhr. Die bisherigen Zeiten bleiben unverändert.</p>"
            + "<p>Bürgermeisterin Weber freut sich über die steigenden Ausleihzahlen: Im vergangenen Jahr wurden 18.000 Medien entliehen.</p>";
        var article = Extract("<div class='elementor elementor-88'><section class='elementor-section elementor-element elementor-element-aa11bb2'><div class='elementor-container'>"
            + "<div class='elementor-column elementor-col-66 elementor-element elementor-element-c3d4e5f'><div class='elementor-widget-wrap'>"
            + string.Format(BuilderWidget, "0a1b2c3", "heading", "<h1>Neue Öffnungszeiten der Bücherei</h1>")
            + string.Format(BuilderWidget, "4d5e6f7", "text-editor", story) + "</div></div>"
            + "<div class='elementor-column elementor-col-33 elementor-element elementor-element-9f8e7d6'><div class='elementor-widget-wrap'>"
            + string.Format(BuilderWidget, "5c6d7e8", "text-editor", "<h3>Rathaus</h3><p>Hauptstraße 1, 54321 Beispielhausen. Telefon 06543 12-0. Sprechzeiten Montag bis Freitag 8 bis 12 Uhr.</p>")
            + "</div></div></div></section></div>");

        var text = article.Text ?? "";
        Assert.Contains("ab dem 3. Juni auch am Samstagvormittag", text);
        Assert.DoesNotContain("Hauptstraße 1", text);
    }

    [Theory]
    [InlineData("wprm-call-to-action")]
    [InlineData("box callToAction")]
    public void DropsABoxNamedACallToAction(string name)
    {
        var article = Extract($"<article>{Story}<div class='{name}'><span>Made this recipe?</span><span>Tag us on Instagram and show us your cake!</span></div></article>");

        Assert.Equal(3, Lines(article).Length);
    }

    [Fact]
    public void KeepsTheStorysSecondHalfFoldedUnderAReadMoreLink()
    {
        const string second = "The bill would require providers to store so-called metadata for two years, so that security and police agencies can read it without first asking a judge for a warrant.";
        const string third = "Few would argue against using such material to catch criminals, but the committee found it would also be used to find out who the sources of journalists are.";
        const string fourth = "The council's members will debate the bill this week, and the heads of the media companies will appear before the committee on Friday to argue for an exemption.";
        var article = Extract("<div id=\"story\"><h1>Council approves bridge</h1><div class=\"story-body\">" + Story
            + $"<div id=\"read-more\"><div id=\"read-more-link\"><a href=\"\">Read more</a></div><div id=\"read-more-content\"><p>{second}</p><p>{third}</p><p>{fourth}</p></div></div>"
            + "</div></div>"
            + "<div class=\"read-more-box\"><h3><a href=\"/other\">Another story entirely</a></h3><p>" + new string('x', 10) + " A teaser's standfirst about another story that runs long enough to look like a paragraph of prose.</p></div>");

        var text = article.Text ?? "";
        Assert.Contains(second, text);
        Assert.Contains(fourth, text);
        Assert.DoesNotContain("Read more", text);
        Assert.DoesNotContain("Another story entirely", text);
    }

    [Fact]
    public void DropsAReadMoreBoxOfTeasersThoughItsStandfirstsAreProse()
    {
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i =>
            $"<h3><a href=\"/story-{i}\">Other story number {i}</a></h3><p>The standfirst of other story number {i} runs on for long enough to look like a paragraph of the story's own prose, which it is not.</p>"));
        var article = Extract("<article><h1>Council approves bridge</h1>" + Story + Story.Replace("city council", "town council", StringComparison.Ordinal)
            + $"<div class=\"read-more\">{teasers}</div></article>");

        Assert.Contains("Construction is expected", article.Text ?? "");
        Assert.DoesNotContain("standfirst", article.Text ?? "");
    }

    [Fact]
    public void KeepsAListOfLinksToOtherSitesThatThePostIntroducesInItsText()
    {
        var article = Extract("<article><h1>Council approves bridge</h1>" + Story +
            "<h3>Show notes</h3><ul><li><a href='https://www.transport.example.org/bridges/report-2024'>The ministry's report on river bridges</a></li>" +
            "<li><a href='https://en.wikipedia.org/wiki/Cable-stayed_bridge'>Cable-stayed bridges at Wikipedia</a></li></ul>" +
            "<p>Questions for the next episode go to the usual address, and we read all of them.</p>" +
            "<ul><li>We've got the green light for another round of students working on the bridge's lighting next semester.</li><li>In progress:<ul><li><a href='https://bugs.example.org/1677080'>Bug 1677080 – Fullscreen window is affected by switching source</a></li>" +
            "<li><a href='https://bugs.example.org/1677107'>Bug 1677107 – Add telemetry for tracking the window's use</a></li></ul></li></ul>" +
            "<h3>Related</h3><ul><li><a href='/city/tunnel.html'>The tunnel that was never built</a></li>" +
            "<li><a href='https://news.example.com/city/ferry.html'>Ferry service to end next year</a></li></ul></article>");

        var text = article.Text ?? "";
        Assert.Contains("The ministry's report on river bridges", text);
        Assert.Contains("Cable-stayed bridges at Wikipedia", text);
        Assert.Contains("Bug 1677107 – Add telemetry", text);
        Assert.DoesNotContain("The tunnel that was never built", text);
        Assert.DoesNotContain("Ferry service", text);
    }

    [Fact]
    public void DropsAListOfShopLinksTheSiteDoesNotVouchFor()
    {
        var article = Extract("<article><h1>Council approves bridge</h1>" + Story +
            "<p>These are the best places to look for a model of the bridge:</p><ul>" +
            "<li><a rel='nofollow noopener' href='https://www.shop.example/models/bridges'>Model bridges at the toy shop</a></li>" +
            "<li><a rel='sponsored' href='https://www.store.example/bridge-kit'>A bridge building kit for children</a></li></ul></article>");

        Assert.DoesNotContain("Model bridges at the toy shop", article.Text ?? "");
    }

    [Fact]
    public void KeepsAListItemsParagraphThatIsAllOneLink()
    {
        var article = Extract("<article><h1>Council approves bridge</h1>" + Story +
            "<h3>What I read</h3><ul><li><p><a href='https://rivers.example.org/town'>How a small town got its river back</a></p></li>" +
            "<li><p><a href='https://rail.example.net/night-trains'>The night train comeback, in numbers</a></p></li></ul></article>");

        Assert.Contains("How a small town got its river back", article.Text ?? "");
        Assert.Contains("The night train comeback, in numbers", article.Text ?? "");
    }

    [Fact]
    public void ReadsAFormulaAsItsSymbolsWithoutItsAnnotation()
    {
        var article = Extract("<article><h1>Council approves bridge</h1>" + Story +
            "<p>The load grows as <span class='katex'><span class='katex-mathml'><math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow>" +
            "<annotation encoding='application/x-tex'>E=mc^2</annotation></semantics></math></span><span class='katex-html' aria-hidden='true'>E=mc2</span></span> says, and engineers know it.</p></article>");

        Assert.Contains("The load grows as E=mc2 says, and engineers know it.", article.Text ?? "");
        Assert.DoesNotContain("mc^2", article.Text ?? "");
    }

    [Fact]
    public void TakesAShortSubheadingRightUnderTheHeadlineAsTheDeck()
    {
        var article = Extract("<article><header class='news-header'><h1>Council approves bridge</h1><h2 class='news-stit'>Works last two years, cost 40 million</h2>" +
            "<p class='news-date'>18 April 2024, 12:30</p></header><div class='news-txt'>" + Story + "</div></article>");

        Assert.Equal("Works last two years, cost 40 million", Lines(article)[0]);
    }

    [Fact]
    public void DropsAPlainListOfShareLinksThatCarryThePagesAddress()
    {
        var article = Extract("<article><h1>Council approves bridge</h1>" + Story +
            "<h4>Share this post</h4><ul><li><a href='https://www.linkedin.com/shareArticle?url=https%3A%2F%2Fnews.example.com%2Fcity%2Fbridge.html'>Share on LinkedIn</a></li>" +
            "<li><a href='https://pinterest.com/pin/create/button/?url=https://news.example.com/city/bridge.html'>Pin it on Pinterest</a></li></ul></article>");

        Assert.DoesNotContain("Pinterest", article.Text ?? "");
    }

    [Fact]
    public void JoinsTheTwinTitledSectionsOfAPageWrittenInSections()
    {
        var article = Extract("<main><h1>Council approves bridge</h1><section class='sections'>" +
            "<article class='page-section' id='what'><h2>What is planned</h2><div class='richtext'>" + Story + "</div></article>" +
            "<article class='page-section' id='who'><h2>Who may object</h2><div class='richtext'><p>Residents of the two river districts may object in writing until the end of May.</p></div></article>" +
            "</section></main>");

        var text = article.Text ?? "";
        Assert.Contains("Construction is expected", text);
        Assert.Contains("Who may object", text);
        Assert.Contains("Residents of the two river districts may object", text);
    }

    [Fact]
    public void KeepsEveryEntryOfAShortLiveFeedWhoseEntriesSitInTwoWrappers()
    {
        string Entry(string time, string text) => $"<li class='item'><article><time>{time}</time><h3>Update</h3><div class='item__text'><p>{text}</p></div></article></li>";
        var article = Extract("<main><h1>Storm over the country</h1><ol class='items'>" +
            Entry("16:45", "The motorway near the bridge has been reopened, though a long queue remains towards the east.") +
            Entry("16:10", "The road authority reports fallen trees on the roads in several places across the province.") +
            Entry("15:30", "The weather service has issued an orange warning for three provinces until tonight.") + "</ol></main>");

        var text = article.Text ?? "";
        Assert.Contains("The motorway near the bridge has been reopened", text);
        Assert.Contains("fallen trees on the roads", text);
        Assert.Contains("orange warning for three provinces", text);
    }

    [Fact]
    public void KeepsAParagraphThatIsOneLinkToADocumentButDropsOneLinkingAPage()
    {
        var article = Extract($"<article>{Story}<p><a href='/files/registration-form.pdf'>Download the registration form (PDF)</a></p>" +
            "<p><a href='/news/other-bridge'>Another bridge opens in the north</a></p></article>");

        Assert.Equal("Download the registration form (PDF)", Lines(article)[^1]);
        Assert.Equal(4, Lines(article).Length);
    }

    [Fact]
    public void KeepsOnlyTheStoryParagraphsOneALine()
    {
        var article = Extract($"<article>{Story}</article>");

        Assert.Equal(3, Lines(article).Length);
        Assert.StartsWith("The city council voted", Lines(article)[0]);
        Assert.StartsWith("Construction is expected", Lines(article)[2]);
    }

    [Fact]
    public void LeavesOutNavigationShareBarRelatedLinksAndComments()
    {
        var article = Extract(
            "<nav><a href='/'>Home</a> <a href='/city'>City news and more sections</a></nav>" +
            "<div class='main'><article>" + Story +
            "<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Tweet this story</a></div>" +
            "<ul class='related-links'><li><a href='/a'>Another bridge opens in the north of the country</a></li></ul>" +
            "</article>" +
            "<section id='comments'><p>Great news, finally, I have waited for this bridge for years, thank you.</p></section></div>");

        var text = article.Text!;
        Assert.Contains("The city council voted", text);
        Assert.DoesNotContain("Home", text);
        Assert.DoesNotContain("Share on Facebook", text);
        Assert.DoesNotContain("Another bridge opens", text);
        Assert.DoesNotContain("Great news", text);
    }

    [Fact]
    public void LeavesOutCaptionsCreditsCookieNoticeAndNewsletterBox()
    {
        var article = Extract(
            "<div class='cookie-notice'><p>We use cookies to improve your experience, by using the site you accept them.</p></div>" +
            "<article><figure><img src='a.jpg' alt='The old bridge at dusk'><figcaption>The old bridge, built in 1890, seen at dusk.</figcaption></figure>" +
            "<p class='photo-credit'>Photo: Jane Roe / Example Agency</p>" + Story +
            "<div class='newsletter-signup'><p>Sign up for our newsletter, the best of the city every morning, free of charge.</p></div></article>");

        var text = article.Text!;
        Assert.Contains("The city council voted", text);
        Assert.DoesNotContain("cookies", text);
        Assert.DoesNotContain("old bridge", text);
        Assert.DoesNotContain("Jane Roe", text);
        Assert.DoesNotContain("newsletter", text);
    }

    [Fact]
    public void InlineTagsDoNotGlueWordsAndBlocksSplitLines()
    {
        var article = Extract(
            "<article><p>The vote was <b>close</b>, <i>very</i> close, said <a href='/people/ann'>Ann Lee</a> of the council today.</p>" +
            "<div>It passed by one vote after a long night of debate.</div><div>The next step is the budget, due in the summer.</div>" +
            "<p>Work&nbsp;starts\u200B soon,   the mayor said, and it will not stop until the bridge is open.</p></article>");

        var lines = Lines(article);
        Assert.Contains("The vote was close, very close, said Ann Lee of the council today.", lines);
        Assert.Contains("It passed by one vote after a long night of debate.", lines);
        Assert.Contains("The next step is the budget, due in the summer.", lines);
        Assert.Contains("Work starts soon, the mayor said, and it will not stop until the bridge is open.", lines);
    }

    [Fact]
    public void KeepsListsQuotesAndTablesAsLines()
    {
        var article = Extract(
            "<article>" + Story +
            "<ul><li>Four lanes for cars</li><li>Two lanes for bicycles</li></ul>" +
            "<blockquote><p>This bridge will connect our city like never before.</p></blockquote>" +
            "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2025</td><td>10 million</td></tr></table>" +
            "</article>");

        var lines = Lines(article);
        Assert.Contains("Four lanes for cars", lines);
        Assert.Contains("Two lanes for bicycles", lines);
        Assert.Contains("This bridge will connect our city like never before.", lines);
        Assert.Contains("Year | Cost", lines);
        Assert.Contains("2025 | 10 million", lines);
    }

    [Fact]
    public void WritesMarkdownWithHeadingsListsQuotesAndAbsoluteLinks()
    {
        var article = Extract(
            "<article>" + Story +
            "<h2>What comes next</h2>" +
            "<p>Read the <a href='/docs/plan.pdf'>full plan</a> before the hearing, which is open to everyone in the city.</p>" +
            "<ol><li>Public hearing</li><li>Final vote</li></ol>" +
            "<blockquote>It is a great day for the city.</blockquote></article>",
            markdown: true);

        var markdown = article.Markdown!;
        Assert.Contains("## What comes next", markdown);
        Assert.Contains("Read the [full plan](https://news.example.com/docs/plan.pdf) before the hearing", markdown);
        Assert.Contains("1. Public hearing\n2. Final vote", markdown);
        Assert.Contains("> It is a great day for the city.", markdown);
        Assert.DoesNotContain("[", article.Text);
    }

    [Fact]
    public void FallsBackToJsonLdArticleBodyWhenThePageShowsOnlyATeaser()
    {
        const string jsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves bridge",
            "articleBody":"The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.\nSupporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.\nConstruction is expected to begin next spring and to last about three years, the mayor said in a statement."}</script>
            """;
        var article = Extract(
            "<article><p>The city council voted on Monday to build a new bridge across the river.</p></article>",
            head: "<title>Council approves bridge</title>" + jsonLd);

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Construction is expected", lines[2]);
    }

    private const string GermanStoryHtml =
        "<figure><img src='/a.jpg'><figcaption>Die alte Brücke im Abendlicht, fotografiert von einer Leserin.</figcaption></figure>" +
        "<p>Der Stadtrat hat am Montag den Bau einer neuen Brücke über den Fluss beschlossen. Damit endet eine Debatte, die zehn Jahre gedauert hat.</p>" +
        "<p>Befürworter sagen, die Brücke verkürze die Wege. Gegner fürchten die Kosten, den Lärm und den zusätzlichen Verkehr in der Altstadt.</p>" +
        "<p>Der Bau soll im nächsten Frühjahr beginnen und etwa drei Jahre dauern, teilte die Bürgermeisterin am Abend mit.</p>";

    [Fact]
    public void ReadsTheStoryFromTheScriptStateWhenTheMarkupHoldsNone()
    {
        // A script-rendered page: the markup has the shell, the story is an HTML string in the framework's JSON state.
        var state = System.Text.Json.JsonSerializer.Serialize(new { props = new { article = new { title = "Brücke beschlossen", content = GermanStoryHtml } } });
        var article = Extract(
            "<div id='app'><nav><a href='/'>Start</a> <a href='/politik'>Politik</a></nav><h1>Brücke beschlossen</h1></div>" +
            $"<script id='__NEXT_DATA__' type='application/json'>{state}</script>",
            head: "<title>Brücke beschlossen</title>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Der Stadtrat hat am Montag", lines[0]);
        Assert.StartsWith("Der Bau soll", lines[2]);
        Assert.DoesNotContain("Abendlicht", article.Text);
    }

    [Fact]
    public void ReadsPlainTextFromAScriptAssignedStateInParagraphs()
    {
        const string body = "El ayuntamiento aprobó el lunes la construcción de un nuevo puente sobre el río. El debate duró diez años.\\n\\n" +
            "Los partidarios dicen que el puente acortará los trayectos. Los opositores temen el coste, el ruido y el tráfico.\\n\\n" +
            "Las obras empezarán la próxima primavera y durarán unos tres años, según anunció la alcaldesa en un comunicado. " +
            "El Estado pagará la mitad del coste, según una carta enviada la semana pasada al ayuntamiento.";
        var article = Extract(
            "<div id='root'><h1>Aprobado el puente</h1><p>Cargando…</p></div>" +
            "<script>window.__INITIAL_STATE__ = {\"story\":{\"id\":12,\"teaser\":\"Un puente nuevo.\",\"body\":\"" + body + "\"}};</script>",
            head: "<title>Aprobado el puente</title>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("El ayuntamiento aprobó", lines[0]);
        Assert.StartsWith("Las obras empezarán", lines[2]);
    }

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(450_000, false)]
    public void ScansAtMostFourMegabytesOfScriptsForTheStory(int codeLines, bool storyRead)
    {
        // The scan stops after 4 MB of inline script: a story placed after that much code is not looked for.
        var code = string.Concat(Enumerable.Repeat("var a = 1;\n", codeLines));
        var state = System.Text.Json.JsonSerializer.Serialize(new { props = new { article = new { content = GermanStoryHtml } } });
        var article = Extract(
            "<div id='app'><h1>Brücke beschlossen</h1></div>" +
            $"<script>{code}</script><script id='__NEXT_DATA__' type='application/json'>{state}</script>",
            head: "<title>Brücke beschlossen</title>");

        Assert.Equal(storyRead, article.Text?.Contains("Der Stadtrat hat am Montag", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void KeepsTheMarkupBodyOverScriptStateAndIgnoresCodeInScripts()
    {
        var state = System.Text.Json.JsonSerializer.Serialize(new { other = new { content = GermanStoryHtml + GermanStoryHtml } });
        var code = "var template = \"" + string.Concat(Enumerable.Repeat("function(a){return a.b(c);} if(x){y=z;} ", 30)) + "\";";
        var withStory = Extract($"<article>{Story}</article><script type='application/json'>{state}</script>");
        var withoutStory = Extract($"<div><h1>Council approves bridge</h1></div><script>{code}</script>");

        Assert.Equal(3, Lines(withStory).Length);
        Assert.StartsWith("The city council voted", Lines(withStory)[0]);
        Assert.DoesNotContain("function", withoutStory.Text ?? "");
    }

    [Theory]
    [InlineData("<a href='/plan.pdf'>The full plan, with the cost of every part of the bridge, was published by the council on its website.</a>")]
    [InlineData("<a href='/plan.pdf'>Le plan complet, avec le coût de chaque partie du pont, a été publié par le conseil sur son site.</a>")]
    public void KeepsAParagraphThatIsOneLinkedSentenceAndDropsALinkedHeadline(string linkedSentence)
    {
        var article = Extract(
            "<article><p>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</p>" +
            $"<p>{linkedSentence}</p>" +
            "<p>Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.</p>" +
            "<p><a href='/other'>Another bridge opens in the north of the country after years of delays</a></p>" +
            "<p>Construction is expected to begin next spring and to last about three years, the mayor said in a statement.</p></article>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith(linkedSentence[(linkedSentence.IndexOf('>') + 1)..][..20], lines[1]);
        Assert.DoesNotContain("Another bridge opens", article.Text);
    }

    [Fact]
    public void JoinsAnArticleSplitAcrossSiblingContainers()
    {
        var article = Extract(
            "<div class='page'><div class='story-body'>" +
            "<p>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</p>" +
            "<p>Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.</p></div>" +
            "<div class='ad-slot'><a href='/ads'>Buy now</a></div>" +
            "<div class='story-body'><p>Construction is expected to begin next spring and to last about three years, the mayor said.</p>" +
            "<p>The state will pay half of the cost, according to a letter sent to the council last week by the governor.</p></div>" +
            "</div><div class='sidebar'><a href='/x'>Most read: a cat elected mayor of a small town</a></div>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("The city council voted", lines[0]);
        Assert.StartsWith("The state will pay half", lines[3]);
    }

    [Fact]
    public void DropsTheRepeatedHeadlineBylineAndDateline()
    {
        var article = Extract(
            "<article><h1>Council approves bridge</h1><p>By Ann Lee</p><p>Updated March 3, 2021 at 5:00 pm</p>" + Story + "</article>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("The city council voted", lines[0]);
    }

    [Fact]
    public void DropsARecipeCardTitleThatRepeatsThePagesOnlyHeadlineButKeepsItsOtherHeadings()
    {
        var article = Extract(
            "<main><h1>The island loaf</h1><div class='entry-content'>" + Story +
            "<div class='card'><h2>The island loaf</h2><h3>Ingredients</h3><ul><li>500 g flour</li><li>350 ml water</li></ul></div></div></main>",
            head: "<title>Island loaf recipe - Island Bread</title>");

        var lines = Lines(article);
        Assert.DoesNotContain("The island loaf", lines);
        Assert.Contains("Ingredients", lines);
    }

    [Fact]
    public void KeepsHeadingsLikeAHeadlineWhenThePageHasSeveral()
    {
        var article = Extract(
            "<main><h1>Bridge news</h1><h1>Other news</h1><article>" + Story + "<h2>Bridge news</h2><p>" +
            "The second part of the story tells how the vote went and what the mayor promised the residents of the north bank.</p></article></main>",
            head: "<title>City</title>");

        Assert.Contains("Bridge news", Lines(article));
    }

    [Fact]
    public void FindsTheStoryWhenTheWholeLayoutSitsInAWrapperWithAFurnitureName()
    {
        var article = Extract("<div class='ad-banner-offcanvas-pusher'><main><article>" + Story + "</article></main></div>");

        Assert.Equal(3, Lines(article).Length);
    }

    [Fact]
    public void DropsTagListsAndPrintedPageAddresses()
    {
        var article = Extract(
            "<article>" + Story + "<p>https://news.example.com/city/bridge.html</p>" +
            "<p>Tags</p><p>bridge, council, city budget</p></article>");

        Assert.Equal(3, Lines(article).Length);
    }

    [Fact]
    public void KeepsAStandaloneTimeThatHeadsALiveUpdate()
    {
        var article = Extract("<article>" + Story + "<p>10 p.m.</p><p>The council adjourned after the vote, and the mayor thanked the residents who came.</p></article>");

        Assert.Contains("10 p.m.", Lines(article));
    }

    [Fact]
    public void KeepsASentenceWithALongLinkButNotAReadMoreTeaser()
    {
        var article = Extract(
            "<article>" + Story +
            "<p>The plan, shelved in 2017, was <a href='/plan'>re-opened earlier this year following a new traffic study</a>.</p>" +
            "<p><a href='/other'>Read more: Another city builds a tunnel under its harbour</a></p></article>");

        var lines = Lines(article);
        Assert.Contains("The plan, shelved in 2017, was re-opened earlier this year following a new traffic study.", lines);
        Assert.DoesNotContain(lines, line => line.Contains("tunnel"));
    }

    [Fact]
    public void LeavesOutHoverCardsInsideAParagraph()
    {
        var article = Extract(
            "<article><p>Mayor <span class='rollover-people'><a href='/people/ann'>Ann Lee</a><span class='rollover-people-block'>" +
            "<a href='/people/ann'>Ann Marie Lee</a> <a href='/news/1'>Mayor opens a new park</a></span></span> (D) said the bridge " +
            "would be finished on time, and on budget, whatever the opponents say.</p>" + Story + "</article>");

        // The name link sits inside the hover card's wrapper and goes with it: a known loss, smaller than the card's text.
        var first = Lines(article)[0];
        Assert.EndsWith("(D) said the bridge would be finished on time, and on budget, whatever the opponents say.", first);
        Assert.DoesNotContain("Ann Marie Lee", first);
        Assert.DoesNotContain("opens a new park", first);
    }

    [Fact]
    public void KeepsTheLeadFromTheArticleHeaderButNotItsBylineOrCaption()
    {
        var article = Extract(
            "<article><header><p class='kicker'>City</p><h1>Council approves bridge</h1>" +
            "<p class='article-subtitle'>After ten years of debate the new crossing will be built, and the state pays half.</p>" +
            "<p>By Ann Lee and Tom Brown, updated on Monday, March 3, 2021 at 5:00 pm</p>" +
            "<div class='metadata'><p>Chat with us on your messenger app and find out what is happening as it unfolds.</p></div>" +
            "<figure><img src='a.jpg'><figcaption>The old bridge at dusk, seen from the river bank.</figcaption></figure></header>" +
            "<div class='article-body'>" + Story + "</div></article>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("After ten years of debate", lines[0]);
        Assert.StartsWith("The city council voted", lines[1]);
    }

    [Fact]
    public void KeepsTheLeadUnderTheVisibleHeadlineWhenThePageTitleWordsItOtherwise()
    {
        var article = Extract(
            "<main><article><header><h1>City to build a new bridge across the river after decade of debate</h1>" +
            "<div class='intro'>The crossing will cost forty million euros and should open to traffic in 2028.</div>" +
            "<span class='date'>12 March 2024</span></header><section class='article-content'>" + Story + "</section></article></main>",
            head: "<title>Bridges: everything you need to know about the plan</title>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.Equal("The crossing will cost forty million euros and should open to traffic in 2028.", lines[0]);
    }

    [Fact]
    public void KeepsATeaserNamedLeadBetweenHeadlineAndBodyOnce()
    {
        var article = Extract(
            "<div class='page'><h1>Council approves bridge</h1><div class='teaser'>Ten years of debate end with a vote.</div>" +
            "<div class='teaser-copy'>Ten years of debate end with a vote.</div>" +
            "<div class='story'>" + Story + "</div></div>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Ten years of debate end with a vote.", lines[0]);
    }

    [Fact]
    public void KeepsALeadWrittenAsSpansInAnUnnamedDivButNotTheDatelineOrCaptionAfterIt()
    {
        var article = Extract(
            "<article><header><div class='mb-7 lg:w-10/12'><h1>Rat beschließt Brücke</h1></div>" +
            "<div class='copy-lg mb-7'><span class='muted'>Berlin.</span> <span>Nach zehn Jahren Streit wird die neue Brücke gebaut, und das Land zahlt die Hälfte.</span></div>" +
            "<div class='mb-6'><span>Ann Lee und Tom Braun |</span> <span>05.04.2025 - Aktualisiert: 06.04.2025 um 17 Uhr</span></div>" +
            "<div class='mx-auto'><img src='/a.jpg'><div class='text-base'>Demonstranten und Unterstützer protestieren gemeinsam vor dem Rathaus</div></div>" +
            "</header><div class='text'>" + Story + "</div></article>",
            head: "<title>Rat beschließt Brücke</title>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Berlin. Nach zehn Jahren Streit wird die neue Brücke gebaut, und das Land zahlt die Hälfte.", lines[0]);
        Assert.StartsWith("The city council voted", lines[1]);
    }

    [Fact]
    public void KeepsALeadWrittenAsBareTextInADivButNotALabelBylineOrPullQuote()
    {
        var article = Extract(
            "<article><header><h1>Le conseil approuve le pont</h1><div class='rich-text'>Après dix ans de débat, le nouveau pont sera construit et l'État en paie la moitié.</div>" +
            "<div class='small'>Par Ann Lee, mis à jour le 3 mars 2021 à 17:00</div><div class='tag'>Politique</div>" +
            "<div class='article__quote'>« Ce pont changera la vie de toute la région pour des décennies », a dit le maire.</div></header>" +
            "<div class='content'>" + Story + "</div></article>",
            head: "<title>Le conseil approuve le pont</title>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Après dix ans de débat", lines[0]);
        Assert.StartsWith("The city council voted", lines[1]);
    }

    [Fact]
    public void KeepsAMarkedLeadAfterTheOnlyH1OutsideArticleAndMainWhenTheTitleNamesTheSection()
    {
        var named = Extract(
            "<div class='page-head'><h1>City to build a new bridge across the river after decade of debate</h1>" +
            "<p class='lead'>The crossing will cost forty million euros and should open to traffic in 2028.</p></div>" +
            "<main><div class='detail-text'>" + Story + "</div></main>",
            head: "<title>Press releases - City Hall</title>");
        var bold = Extract(
            "<div class='frame'><h1>City to build a new bridge across the river after decade of debate</h1></div>" +
            "<div class='frame'><p><strong>The crossing will cost forty million euros and should open to traffic in 2028.</strong></p></div>" +
            "<main><div class='news-text'>" + Story + "</div></main>",
            head: "<title>Press releases - City Hall</title>");
        // Unmarked text after an unconfirmed headline is not trusted as a lead.
        var plain = Extract(
            "<div class='frame'><h1>City to build a new bridge across the river after decade of debate</h1></div>" +
            "<div class='frame'><p>“A bridge is a promise kept to the next generation,” says a quote box beside the story.</p></div>" +
            "<main><div class='news-text'>" + Story + "</div></main>",
            head: "<title>Press releases - City Hall</title>");

        Assert.Equal("The crossing will cost forty million euros and should open to traffic in 2028.", Lines(named)[0]);
        Assert.Equal(4, Lines(named).Length);
        var sentence = Extract(
            "<div class='stage'><h1>City to build a new bridge across the river after decade of debate</h1>" +
            "<p>The crossing will cost forty million euros and should open to traffic in 2028.</p></div>" +
            "<main><div class='text-block'>" + Story + "</div></main>",
            head: "<title>Press releases - City Hall</title>");
        // Under the headline but linked, or not a sentence: a teaser or a label.
        var linked = Extract(
            "<div class='stage'><h1>City to build a new bridge across the river after decade of debate</h1>" +
            "<p>All press releases of the city hall, <a href='/press'>sorted by date and by topic</a></p></div>" +
            "<main><div class='text-block'>" + Story + "</div></main>",
            head: "<title>Press releases - City Hall</title>");

        Assert.Equal("The crossing will cost forty million euros and should open to traffic in 2028.", Lines(bold)[0]);
        Assert.Equal("The crossing will cost forty million euros and should open to traffic in 2028.", Lines(sentence)[0]);
        Assert.StartsWith("The city council voted", Lines(linked)[0]);
        Assert.StartsWith("The city council voted", Lines(plain)[0]);
    }

    [Fact]
    public void FindsTheLeadAfterAnH2HeadlineWhenTheOnlyH1IsABreadcrumbWithAnotherTitle()
    {
        var article = Extract(
            "<nav><ul><li><a href='/'>Hem</a></li><li><h1>Stockholm: Kommunen bygger ny bro efter tio år av debatt</h1></li></ul></nav>" +
            "<article><header><hgroup><span>Trafik</span><h2>Fullmäktige säger ja till bron</h2></hgroup>" +
            "<div class='mb-4'><img src='/bro.jpg'><span class='teaser-caption'>Anna Berg och Erik Lind, TT Nyhetsbyrån</span></div>" +
            "<p>Efter tio års debatt ska den nya bron byggas, och staten betalar hälften av kostnaden.</p></header>" +
            "<div class='body'>" + Story + "</div></article>",
            head: "<title>Fullmäktige säger ja till bron</title>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Efter tio års debatt", lines[0]);
        Assert.StartsWith("The city council voted", lines[1]);
    }

    [Fact]
    public void TakesNoLeadFromABlogsDescriptionAboveThePostsOwnTitle()
    {
        // The <title> names the post and the blog; the blog's name and description come first, the post's title later.
        var article = Extract(
            "<div class='blog-header'><h2 class='blog-title'><a href='/'>Notes from the river town</a></h2>" +
            "<p class='blog-desc'>Writing about books, bridges and the slow life by the water.</p></div>" +
            "<div class='post'><h2 class='post-title'>Council approves bridge</h2><div class='post-content'>" + Story + "</div></div>",
            head: "<title>Council approves bridge - Notes from the river town</title>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("The city council voted", lines[0]);
    }

    [Fact]
    public void KeepsTheLeadBeforeACopyOfTheSameHeadline()
    {
        // A copy of the headline for search engines, hidden by the page's style sheet, between the lead and the body.
        var article = Extract(
            "<article><header><h1 class='headline'>Council approves bridge</h1>" +
            "<div class='standfirst'><p>After ten years of debate the new crossing will be built, and the state pays half.</p></div></header>" +
            "<h1 class='is-hidden'>Council approves bridge</h1><div class='article-body'>" + Story + "</div></article>");

        Assert.StartsWith("After ten years of debate", Lines(article)[0]);
    }

    [Theory]
    [InlineData("<a href='https://notes.example.com/'>Notes from the river town</a>", false)]
    [InlineData("<a href='/' rel='home'>Notes from the river town</a>", false)]
    [InlineData("<a href='https://notes.example.com/2024/06/bridge.html'>Notes from the river town</a>", true)]
    public void TakesNoLeadFromTheDescriptionUnderABlogsNameLinkedToItsFrontPage(string name, bool descriptionIsLead)
    {
        // A blog platform's masthead: the blog's name in the h1, linked to the front page, and its description under it.
        var article = Extract(
            $"<header><h1 class='title'>{name}</h1><p class='description'>Writing about books, bridges and the slow life by the water.</p></header>" +
            "<div class='main'><h2 class='date-header'>Sunday, 9 June 2024</h2><div class='post'><h3 class='post-title'>A walk to the new bridge site</h3>" +
            "<div class='post-body'>" + Story + "</div></div></div>",
            head: "<title>Notes from the river town</title>");

        Assert.Equal(descriptionIsLead, Lines(article).Contains("Writing about books, bridges and the slow life by the water."));
    }

    [Fact]
    public void TakesNoLeadOrBodyFromAPopUpButReadsAStoryOpenedInOne()
    {
        const string popUp =
            "<div class='layer' role='dialog'><button class='close' aria-label='Schließen'>×</button>" +
            "<p>Verpassen Sie keine Nachricht mehr aus Ihrer Stadt: Tragen Sie sich jetzt für unseren kostenlosen Morgenbrief ein.</p></div>";
        var withPopUp = Extract(
            "<article><h1>Council approves bridge</h1>" + popUp + "<div class='body'>" + Story + "</div></article>");
        var storyInDialog = Extract(
            "<div class='list'><a href='/a'>Other story</a></div><div aria-modal='true' class='viewer'><h1>Council approves bridge</h1>" + Story + "</div>");

        Assert.Equal(3, Lines(withPopUp).Length);
        Assert.DoesNotContain("Morgenbrief", withPopUp.Text);
        Assert.Equal(3, Lines(storyInDialog).Length);
        Assert.StartsWith("The city council voted", Lines(storyInDialog)[0]);
    }

    [Fact]
    public void TakesNoBodyFromANewsletterLayerAfterTheStoryWhateverItsClassSays()
    {
        // Pop-ups laid out after the page's column, each with a close button, one with an e-mail form; their blocks are
        // named "main_content", which scores them above the story's own unnamed column.
        const string layers =
            "<div class='layer_x1'><div class='close_wrap'><button class='close_button_x2'><img src='/x.svg' alt=''></button></div>" +
            "<div class='main_content_x3'><h3>Sign up to read on, free of charge</h3><form><input type='email'></form>" +
            "<p>We will send you our newsletter and offers of the digital edition, and you may unsubscribe at any time.</p></div></div>" +
            "<div class='layer_x4'><div class='close_wrap'><button class='close_button_x2'>Close</button></div>" +
            "<div class='main_content_x5'><h2>Thank you for signing up.</h2><p>We sent you an e-mail; click its link to read the whole story.</p></div></div>";
        var article = Extract("<div class='column'><h1>Council approves bridge</h1>" + Story + "</div>" + layers);

        Assert.Equal(3, Lines(article).Length);
        Assert.StartsWith("The city council voted", Lines(article)[0]);
        Assert.DoesNotContain("newsletter", article.Text);
        Assert.DoesNotContain("Thank you", article.Text);
    }

    [Fact]
    public void LeavesOutABoxWithACloseButtonButNotAStoryBesideAPlayersCloseButton()
    {
        var withLayer = Extract(
            "<article><div class='body'>" + Story +
            "<section class='capping'><p>Solo puede leer este periódico en un dispositivo a la vez, por eso verá este mensaje.</p>" +
            "<p>Si sigue leyendo aquí, el mensaje aparecerá en el otro dispositivo, que seguirá conectado.</p>" +
            "<button class='js-capping-close'>Seguir leyendo aquí</button></section></div></article>");
        var besidePlayer = Extract(
            "<article><div class='body'><div class='player'><video src='/v.mp4'></video><button aria-label='Close'>×</button></div>" + Story + "</div></article>");

        Assert.Equal(3, Lines(withLayer).Length);
        Assert.DoesNotContain("dispositivo", withLayer.Text);
        Assert.Equal(3, Lines(besidePlayer).Length);
    }

    [Theory]
    [InlineData("closed-captions-toggle")]
    [InlineData("enclosed-panel")]
    [InlineData("faq-question")]
    public void KeepsAnAnswerBehindAButtonWhoseNameOnlyHoldsACloseWordInsideAnother(string buttonClass)
    {
        var article = Extract(
            "<article><div class='body'>" + Story +
            $"<div class='faq'><button class='{buttonClass}'>Who pays for the bridge?</button>" +
            "<p>The state pays half of the cost, the city the rest, according to the council's plan.</p></div></div></article>");

        Assert.Contains("The state pays half of the cost", article.Text);
    }

    [Theory]
    [InlineData("btn-close")]
    [InlineData("modalClose")]
    [InlineData("overlay__close")]
    public void LeavesOutABoxWhoseButtonNamesCloseAsAWordOfItsClass(string buttonClass)
    {
        var article = Extract(
            "<article><div class='body'>" + Story +
            "<section><p>The reading view shows this page in a larger type, with its pictures gathered at the end.</p>" +
            $"<button class='{buttonClass}'>Not now</button></section></div></article>");

        Assert.DoesNotContain("reading view", article.Text);
    }

    [Fact]
    public void TakesNoLeadFromTextThatDoesNotLeadToTheBody()
    {
        // A page whose h1 comes after the story: the paragraphs after it are not a lead.
        var article = Extract(
            "<div class='story'>" + Story + "</div><h1>Council approves bridge</h1>" +
            "<p>Other news from the region collected by our editors daily.</p>");

        Assert.Equal(3, Lines(article).Length);
    }

    [Fact]
    public void LeavesOutRubyAnnotations()
    {
        var article = Extract(
            "<article><p>韓国の<ruby>尹錫悦<rp>（</rp><rt>ユンソンニョル</rt><rp>）</rp></ruby>大統領は３日夜、緊急談話を出し、非常戒厳を宣言した。国会は直ちに解除を求めた。</p>" + Story + "</article>");

        Assert.Equal("韓国の尹錫悦大統領は３日夜、緊急談話を出し、非常戒厳を宣言した。国会は直ちに解除を求めた。", Lines(article)[0]);
    }

    [Fact]
    public void ReadsTheArticleFromAStreamedHiddenSegment()
    {
        // React's streamed rendering: the page arrives hidden and a script moves it into place.
        var article = Extract("<div id='main'><template id='B:1'></template><p>Loading…</p></div><div hidden id='S:1'><article>" + Story + "</article></div>" +
            "<div hidden><p>A hidden panel the reader never sees, with a long sentence in it, about nothing.</p></div>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("The city council voted", lines[0]);
    }

    [Fact]
    public void KeepsEveryEntryOfAShortLiveFeedWhoseTextsAreTwins()
    {
        // Three entries, each text a classed div beside its time in an item of its own: too few to climb by count.
        var article = Extract("<main><h1>Council meets</h1><ul class='feed'>" +
            "<li><strong>16:45</strong><div class='feed__text'>The council has called an extra meeting for Thursday evening, the mayor said.</div></li>" +
            "<li><strong>15:20</strong><div class='feed__text'>The opposition will speak to the press in front of the town hall.</div></li>" +
            "<li><strong>14:02</strong><div class='feed__text'>The bridge vote is postponed by a week.</div></li></ul></main>");

        var lines = Lines(article);
        Assert.Contains("The opposition will speak to the press in front of the town hall.", lines);
        Assert.Contains("The bridge vote is postponed by a week.", lines);
    }

    [Fact]
    public void LeavesOutFactBoxesAuthorBoxesAndDonationAppeals()
    {
        var article = Extract(
            "<article>" + Story +
            "<div class='fact-box'><h3>Facts about bridges</h3><p>The longest bridge in the country is twelve kilometres long, and it was opened in 1998.</p></div>" +
            "<div class='author-box'><p>Ann Lee covers city hall, transport and housing for the paper, and has done so since 2010.</p></div>" +
            "<div class='autor-box'><strong>Andrei Popescu</strong><p>Jurnalist la secția Actualitate din 2018, scrie despre transport.</p></div>" +
            "<div class='donation-teaser'><p>Quality journalism costs money, and we rely on readers like you to pay for it, every month.</p></div></article>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void FindsAPostThatSitsInAnAsideWhenNothingElseHoldsText()
    {
        // A forum or live ticker whose posts the theme puts in an aside named "widget comments".
        var article = Extract("<nav><a href='/'>Home</a></nav><aside class='widget comments-widget'><div class='entry'>" + Story + "</div></aside>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("The city council voted", lines[0]);
    }

    [Fact]
    public void FindsAPostWithItsHeadlineUnderAFurnitureNameWhileASidebarHoldsMoreText()
    {
        // The theme wraps the post in "widget-area social-wrapper"; a longer "about us" text sits beside it.
        var article = Extract(
            "<div class='widget-area'><div class='social-wrapper'><div class='post'><h1>Council approves bridge</h1>" + Story + "</div></div></div>" +
            "<div class='sidebar-text'><p>Our association was founded in 1985 and has over two hundred members, volunteers, residents, shop owners and friends.</p>" +
            "<p>Write to us or visit our office, open on Wednesday afternoons from two to six, except during the school holidays, as every year.</p>" +
            "<p>We publish a printed letter every season, with news of the district, the dates of our meetings, and the minutes of the last one.</p></div>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("The city council voted", lines[0]);
    }

    [Fact]
    public void KeepsTheStoryWhenOnlyItsHeaderHasAFurnitureName()
    {
        // The headline's region is dropped, but it holds a lead and a byline, not the story: the story found elsewhere stays.
        var article = Extract(
            "<div class='banner'><h1>Council approves bridge</h1><p>A decade of debate about the river crossing ends with a vote, and the work may begin.</p>" +
            "<p>By Ann Lee, city hall reporter, with additional reporting by the news desk of the paper and its agencies.</p>" +
            "<p>Published on Monday evening, after the vote, and updated on Tuesday morning with the mayor's statement.</p></div>" +
            "<article>" + Story + Story.Replace("The city", "Then the city") + "</article>");

        var lines = Lines(article);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("A decade of debate", lines[0]);
        Assert.StartsWith("The city council voted", lines[1]);
    }

    [Fact]
    public void KeepsSubheadingsThatAContentManagementSystemWrapsInAHeader()
    {
        // TYPO3 and others title each content element with <header><h2>; the article's own header stays out.
        var article = Extract(
            "<main><article><header><h2>Council approves bridge</h2></header>" +
            "<div class='frame' id='c1'><div class='ce-bodytext'>" + Story + "</div></div>" +
            "<div class='frame' id='c2'><header><h2>Who pays?</h2></header><div class='ce-bodytext'>" +
            "<p>The state pays half of the cost and the city the rest, spread over the next five budgets.</p></div></div>" +
            "<div class='box'><header><h3>Most viewed</h3></header><ul></ul></div></article></main>");

        var lines = Lines(article);
        Assert.Equal(["Who pays?", "The state pays half of the cost and the city the rest, spread over the next five budgets."], lines[^2..]);
        Assert.DoesNotContain("Council approves bridge", lines);
        Assert.DoesNotContain("Most viewed", lines);
    }

    [Fact]
    public void KeepsAccordionPanelsClosedUntilTheReaderOpensThem()
    {
        var article = Extract(
            "<article>" + Story + "<h2>How much will it cost?</h2>" +
            "<div class='accordion-panel' hidden>The bridge costs 40 million, of which the state pays half and the city the rest.</div>" +
            "<div hidden='until-found'>Tolls were ruled out, the mayor said, at least for the first ten years.</div>" +
            "<div class='menu' style='display: none'>Menu, Sections, Sports, Weather and all the other pages</div></article>");

        var text = article.Text!;
        Assert.Contains("The bridge costs 40 million", text);
        Assert.Contains("Tolls were ruled out", text);
        Assert.DoesNotContain("Weather", text);
    }

    [Fact]
    public void FindsTheLeadInsideTheBodyContainerBelowABreadcrumbThatRepeatsTheHeadline()
    {
        var article = Extract(
            "<ol class='crumbs'><li><h1>Council approves bridge</h1></li></ol>" +
            "<article><header><h2>Council approves the bridge</h2><div class='summary-intro'>A decade of debate ends with a vote.</div></header>" +
            Story + "</article>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.Equal("A decade of debate ends with a vote.", lines[0]);
    }

    [Theory]
    [InlineData("You may also like")]
    [InlineData("Você pode gostar...")]
    [InlineData("Das könnte Sie auch interessieren")]
    [InlineData("À lire aussi")]
    [InlineData("Читайте также:")]
    public void LeavesOutAModuleOfRelatedStoriesThatQuotesProse(string heading)
    {
        // A blog theme puts the related posts, each with its opening paragraph, in an article beside the post:
        // they outweigh the short post unless the module's heading is read.
        const string teaser = "<article class='post'><p>Another post about the river, its bridges, its ferries, its floods, and the people who live along it, every year.</p></article>";
        var article = Extract(
            "<div id='primary'><article class='post'><h1>Council approves bridge</h1>" +
            "<p>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</p></article>" +
            $"<section class='posts'><h3>{heading}</h3>{teaser}{teaser}{teaser}{teaser}</section></div>");

        var lines = Lines(article);
        Assert.Equal(["The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years."], lines);
    }

    [Fact]
    public void KeepsASectionOfTheStoryThatOpensWithARelatedSoundingHeading()
    {
        // "Related" titling prose inside the story is a subheading: the container holding the story does not open with it.
        var article = Extract(
            "<article><div class='body'>" + Story + "<h2>Related</h2>" +
            "<p>Two other bridges, in the north of the city, will be repaired next year, the council decided on the same day.</p></div></article>");

        Assert.Contains("Two other bridges, in the north of the city, will be repaired next year, the council decided on the same day.", Lines(article));
    }

    [Fact]
    public void KeepsToTheHeadlinesStoryWhenThePageAppendsTheNextStories()
    {
        // Endless scrolling: the next stories follow in articles of their own, each with its h1, inside the same main.
        const string next =
            "<p>Der Sturm hat in der Nacht den Hafen geschlossen, und die Fähren bleiben bis zum Morgen an den Kais, sagte die Behörde.</p>" +
            "<p>Die Feuerwehr rückte mehr als vierzig Mal aus, meist wegen umgestürzter Bäume, nasser Keller und loser Dachziegel.</p>";
        var article = Extract(
            "<main><article><h1>Council approves bridge</h1>" + Story + "</article>" +
            $"<div class='under-article'><article><h1>Sturm schließt den Hafen</h1>{next}{next}</article>" +
            $"<article><h1>Storm closes the harbour</h1>{next}</article></div></main>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Construction is expected", lines[2]);
    }

    [Fact]
    public void KeepsTheParagraphsOfATextBlockThatAlsoHoldsABoxOfLinks()
    {
        // The first text block of the story ends with a box of job offers: its links outweigh its prose,
        // yet the paragraphs are the story's opening.
        const string jobs = "<li><a href='/jobs/1'>Softwareentwickler (m/w/d) für Batteriesysteme in Wolfsburg</a></li>" +
            "<li><a href='/jobs/2'>Ingenieurin (m/w/d) für Zellchemie und Prüfstände in Salzgitter</a></li>";
        var article = Extract(
            "<article><div class='richtext'>" +
            "<p>Volkswagen hat den Prototyp eines Akkupacks für ein Rennmotorrad vorgestellt und dabei fast keine technischen Daten genannt.</p>" +
            "<p>Zum eigentlichen Akkupack und dessen Leistung wurden keine weiteren Angaben gemacht, auch nicht zur Kühlung der Zellen.</p>" +
            "<p>Die Zellen stammen von einem Zulieferer, der seit Jahren an Festkörperakkus arbeitet und seinen Investoren viel versprochen hat.</p>" +
            $"<div class='box'><span>Neue Angebote</span><ul>{jobs}{jobs}{jobs}{jobs}{jobs}{jobs}</ul></div></div>" +
            Story + "</article>");

        var lines = Lines(article);
        Assert.StartsWith("Volkswagen hat den Prototyp", lines[0]);
        Assert.DoesNotContain(lines, line => line.Contains("Softwareentwickler", StringComparison.Ordinal));
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void KeepsTheSubheadingAndListBetweenTwoPartsOfAnArticle()
    {
        // The story is split over sibling blocks; the subheading and the list between them are neither scored nor named.
        var article = Extract(
            "<div class='page'><div class='story-block'>" + Story + "</div>" +
            "<h2>Was jetzt kommt</h2><ul><li>Ausschreibung im Herbst</li><li>Baubeginn im Frühjahr</li></ul>" +
            "<div class='story-block'><p>La ville paiera la moitié du coût, selon une lettre envoyée au conseil la semaine dernière par le gouverneur.</p>" +
            "<p>Les travaux commenceront au printemps, et le pont devrait ouvrir dans trois ans, a précisé le maire lundi soir.</p></div>" +
            "<div class='sidebar'><a href='/x'>Most read: a cat elected mayor of a small town</a></div></div>");

        var lines = Lines(article);
        Assert.Equal(["Was jetzt kommt", "Ausschreibung im Herbst", "Baubeginn im Frühjahr"], lines[3..6]);
        Assert.Equal(8, lines.Length);
    }

    [Theory]
    [InlineData("12 Reaktionen")]
    [InlineData("Recensioni")]
    [InlineData("Opinie czytelników (14)")]
    [InlineData("3 thoughts on “Council approves bridge”")]
    [InlineData("Über mich")]
    [InlineData("关于我")]
    [InlineData("Über uns")]
    [InlineData("Hakkımda")]
    public void KeepsAShortPostAndLeavesOutTheLongerCommentsReviewsOrBioUnderTheirHeading(string heading)
    {
        // A short post outweighed by what readers wrote under it: the box's heading, not its (missing) name, says what it is,
        // also in the retry that a body this short sets off.
        const string comment = "<li><b>Jürgen</b><p>Das ist doch wieder typisch, erst wird jahrelang geredet, dann gebaut, und am Ende zahlen wir, " +
            "wie immer, wenn die Stadt etwas plant, die Rechnung, und die Kosten verdoppeln sich, jedes Mal.</p></li>";
        var article = Extract(
            "<div id='content'><div class='node'><h1>Council approves bridge</h1><div class='field-items'>" +
            "<p>The city council voted on Monday to build a new bridge across the river.</p><p>Work starts next spring.</p></div></div>" +
            $"<div class='box'><h2>{heading}</h2><ol>{comment}{comment}{comment}{comment}{comment}</ol></div></div>");

        Assert.Equal(["The city council voted on Monday to build a new bridge across the river.", "Work starts next spring."], Lines(article));
    }

    [Fact]
    public void ReadsAStoryWrittenOnlyAsListsOfSentences()
    {
        // A recipe's or a how-to's page: no paragraph at all, its steps are list items. They are the story, not the short
        // line of facts above them.
        var article = Extract(
            "<main><h1>Tarçınlı Kek</h1><div class='info'><span>Hazırlık: 15 dk</span> <span>Pişirme: 40 dk</span></div>" +
            "<div class='recipe'><h2>Malzemeler</h2><ul><li>4 adet yumurta</li><li>2 su bardağı un</li></ul><h2>Hazırlanışı</h2><ol>" +
            "<li>Fırını önceden 180 dereceye ısıtın, geniş bir kapta yumurtaları ve şekeri köpük kıvamına gelene kadar çırpın.</li>" +
            "<li>Unu ve kabartma tozunu eleyerek karışıma ekleyin, spatula yardımıyla alttan üste doğru nazikçe karıştırın.</li>" +
            "</ol></div></main>");

        Assert.Equal(["Malzemeler", "4 adet yumurta", "2 su bardağı un", "Hazırlanışı"], Lines(article)[..4]);
        Assert.Equal(6, Lines(article).Length);
    }

    [Fact]
    public void LeavesOutTeasersOfOtherPostsSetAsArticlesUnderTheStory()
    {
        // Other posts' teasers, each an article whose heading links to its story, quoting more prose than the short post.
        const string teaser = "<article class='post'><h2 class='entry-title'><a href='/other'>Skitour auf den Hochgern im Winter</a></h2>" +
            "<div class='entry-summary'><p>Eine gemütliche Skitour für Einsteiger mit herrlichem Blick auf den Chiemsee, ideal für kurze " +
            "Wintertage, wenn die Lawinenlage entspannt ist, genug Schnee liegt, und die Sonne scheint.</p></div></article>";
        var article = Extract("<main><article class='post single'><h1>Wanderung zur Hütte</h1><div class='entry-content'>" +
            "<p>Wir haben uns am Wochenende auf den Weg zur Hütte gemacht, obwohl Regen angekündigt war.</p>" +
            $"<p>Für die zwölf Kilometer haben wir gut vier Stunden gebraucht.</p></div></article><section class='more'>{teaser}{teaser}</section></main>",
            head: "<title>Wanderung zur Hütte</title>");

        Assert.Equal(2, Lines(article).Length);
    }

    [Fact]
    public void KeepsAPostWhoseThemeLinksItsTitleBesideTeasers()
    {
        const string teaser = "<article class='post'><h2><a href='/other'>Skitour auf den Hochgern im Winter</a></h2>" +
            "<p>Eine gemütliche Skitour für Einsteiger mit Blick auf den Chiemsee.</p></article>";
        var article = Extract("<main><article class='post'><h2 class='entry-title'><a href='/huette'>Wanderung zur Hütte</a></h2>" +
            "<div class='entry-content'><p>Wir haben uns am Wochenende auf den Weg zur Hütte gemacht, obwohl Regen angekündigt war.</p>" +
            "<p>Für die zwölf Kilometer haben wir gut vier Stunden gebraucht.</p><p>Der Abstieg war steiler als gedacht, vor allem " +
            "das letzte Stück durch den Wald, wo die Wurzeln noch rutschig waren.</p><p>Unten angekommen, haben wir uns im Gasthof " +
            $"mit Kaiserschmarrn belohnt, und nächstes Jahr übernachten wir auf der Hütte.</p></div></article>{teaser}{teaser}</main>",
            head: "<title>Blog</title>");

        Assert.Contains("Für die zwölf Kilometer haben wir gut vier Stunden gebraucht.", Lines(article));
    }

    [Fact]
    public void KeepsForumPostsWhoseHeadingLinksTheirWritersName()
    {
        const string post = "<article class='message'><h4 class='message-name'><a href='/members/1'>mehmet34</a></h4>" +
            "<div class='message-body'>Büyükşehir belediyesi, tarihi çarşının restorasyonu için hazırlanan projeyi salı günü paylaştı.</div></article>";
        var article = Extract($"<main><h1>Çarşı restorasyonu</h1><div class='messages'>{post}{post}{post}</div></main>",
            head: "<title>Çarşı restorasyonu</title>");

        Assert.Contains("Büyükşehir belediyesi, tarihi çarşının restorasyonu için hazırlanan projeyi salı günü paylaştı.", Lines(article));
    }

    [Fact]
    public void KeepsAOneSentencePostWithoutTheLongListBesideIt()
    {
        // The retry that reads lists as paragraphs is for a page without a sentence: a one-line post keeps its place.
        const string item = "<li><b>Leser</b>: Das wurde aber auch Zeit, die Straße ist seit Jahren in einem katastrophalen Zustand, " +
            "und jeder, der hier wohnt, weiß das ganz genau.</li>";
        var article = Extract("<main><div class='post'><h1>Ortsdurchfahrt wird saniert</h1>" +
            $"<p>Die Ortsdurchfahrt wird ab Juni für vier Monate saniert.</p></div><div class='box'><ul>{item}{item}{item}{item}</ul></div></main>");

        Assert.Equal(["Die Ortsdurchfahrt wird ab Juni für vier Monate saniert."], Lines(article));
    }

    [Fact]
    public void LeavesOutALongListBesideAShortStory()
    {
        // Long list items beside a story with paragraphs are its comments, an agenda or teasers: only a story that has no
        // paragraphs is read from its lists.
        const string item = "<li><b>Karl</b> schrieb: Das wurde aber auch Zeit, die Straße ist seit Jahren in einem katastrophalen Zustand, " +
            "und jeder, der hier wohnt, weiß das.</li>";
        var article = Extract("<main><div class='post'><h1>Ortsdurchfahrt wird saniert</h1>" +
            "<p>Der Gemeinderat hat am Dienstag beschlossen, die Ortsdurchfahrt ab Juni zu sanieren.</p>" +
            $"<p>Die Arbeiten dauern voraussichtlich vier Monate.</p></div><div class='box'><ul>{item}{item}{item}{item}{item}</ul></div></main>");

        Assert.Equal(2, Lines(article).Length);
    }

    [Fact]
    public void KeepsTheStorysGridColumnWhenTheSidebarsBoxesMadeTheWholeLayoutWin()
    {
        // Several agenda entries beside the story count as runners-up, and the layout around both columns wins: the column
        // holding the headline and its prose is the story.
        const string entry = "<div class='event'><p><strong>28 May</strong></p><p>A seminar on nanomaterials for solar energy, given by the " +
            "condensed matter group, with free registration, coffee, and a visit of the labs.</p></div>";
        var article = Extract(
            "<div class='row'><div class='col-lg-9 col-md-8'><h1>New electron microscopy lab</h1>" +
            "<p>The science faculty opened a new electron microscopy lab, funded by the European Union, and open to firms.</p>" +
            "<p>The dean said research groups will no longer have to travel to analyse materials at the nanometre scale.</p></div>" +
            $"<div class='col-lg-3 col-md-4'><h3>Agenda</h3>{entry}{entry}{entry}</div></div>",
            head: "<title>New electron microscopy lab</title>");

        Assert.Equal(2, Lines(article).Length);
        Assert.StartsWith("The science faculty", Lines(article)[0]);
    }

    [Theory]
    [InlineData("col-md-8", 8.0 / 12)]
    [InlineData("col-xs-12 col-md-8 col-md-offset-2", 8.0 / 12)]
    [InlineData("large-4 columns", 4.0 / 12)]
    [InlineData("et_pb_column et_pb_column_1_3 et_pb_column_1", 1.0 / 3)]
    [InlineData("elementor-column elementor-col-66", 0.66)]
    [InlineData("uk-width-2-3", 2.0 / 3)]
    [InlineData("fr-col-12 fr-col-md-8", 8.0 / 12)]
    [InlineData("grid-col-12 tablet:grid-col-4", 4.0 / 12)]
    [InlineData("govuk-grid-column-two-thirds-from-desktop", 2.0 / 3)]
    [InlineData("govuk-grid-column-one-third", 1.0 / 3)]
    [InlineData("col-start-2 col-span-8", 8.0 / 12)]
    [InlineData("spanish-text", null)]
    [InlineData("col", null)]
    public void ReadsAGridColumnsWidthFromItsClassNames(string className, double? width)
    {
        Assert.Equal(width, Gleaner.Extraction.Content.CandidateSelector.ColumnWidth(className));
    }

    [Fact]
    public void KeepsTheStoryInTheWiderColumnBesideATitleAndLeadSetAside()
    {
        // A magazine layout: the headline and a long lead in a narrow column, the story in the wide one beside it.
        var article = Extract(
            "<div class='row'><div class='col-md-4'><h1>Rufbus fährt künftig auch abends</h1><p class='lead'>Der Rufbus wird " +
            "ausgebaut: mehr Fahrten am Abend, am Wochenende und in den Ferien, mit einer neuen App, längeren Buchungszeiten, " +
            "und einem Angebot für Menschen mit Rollstuhl.</p></div><div class='col-md-8'>" +
            "<p>Der Landkreis erweitert sein Angebot an Rufbussen. Ab dem 1. Juli fahren die Busse auch abends.</p>" +
            "<p>Fahrgäste müssen ihre Fahrt eine Stunde vorher anmelden. Es gilt der normale Tarif.</p>" +
            "<p>Der Kreistag hatte die Ausweitung im Frühjahr beschlossen, die Kosten teilen sich Landkreis und Gemeinden.</p></div></div>",
            head: "<title>Rufbus fährt künftig auch abends</title>");

        Assert.Contains("Der Landkreis erweitert sein Angebot an Rufbussen. Ab dem 1. Juli fahren die Busse auch abends.", Lines(article));
        Assert.Contains("Der Kreistag hatte die Ausweitung im Frühjahr beschlossen, die Kosten teilen sich Landkreis und Gemeinden.", Lines(article));
    }

    [Theory]
    [InlineData("col-md-8", "col-md-4")]
    [InlineData("large-8 columns", "large-4 columns")]
    [InlineData("et_pb_column et_pb_column_2_3 et_pb_column_0", "et_pb_column et_pb_column_1_3 et_pb_column_1")]
    [InlineData("fr-col-12 fr-col-md-8", "fr-col-12 fr-col-md-4")]
    [InlineData("govuk-grid-column-two-thirds", "govuk-grid-column-one-third")]
    public void KeepsTheStorysGridColumnAndLeavesOutTheSidebarColumnBesideIt(string storyColumn, string sideColumn)
    {
        // A sidebar with no aside or sidebar name, its long boxes outweighing a short story: the column holding the headline
        // is the story's, and the other column is not its next part.
        var article = Extract(
            $"<div class='row'><div class='{storyColumn}'><h1>Summer trek in the mountains</h1>" +
            "<p>The mountain club runs a five-day trek this summer for members with experience.</p>" +
            "<p>Places are limited to twenty, and sign-up opens on Monday at nine.</p></div>" +
            $"<div class='{sideColumn}'><div class='card'><h5>The club</h5><p>Founded in 1952, the club has six hundred members, " +
            "runs trips every weekend, courses in climbing, ski touring and orienteering, and works with the rescue services.</p>" +
            "<p>The club house opens on weekday evenings, with a library, maps, and gear to lend, and members can book the hut, " +
            "the climbing wall, the sauna, and the meeting room.</p></div></div></div>",
            head: "<title>Summer trek in the mountains</title>");

        Assert.Equal(["The mountain club runs a five-day trek this summer for members with experience.",
            "Places are limited to twenty, and sign-up opens on Monday at nine."], Lines(article));
    }

    [Fact]
    public void ReadsLiveBlogEntriesWhoseWrapperHasAFurnitureName()
    {
        // The whole ticker sits in a "social-feed": dropped by name, then read by the retry, where the name of the block
        // holding most of the prose no longer makes it furniture.
        var entries = "";
        for (int i = 1; i <= 5; i++)
            entries += $"<div class='liveblog-entry'><header class='liveblog-meta'><span>1{i}:00</span></header><div class='liveblog-entry-text'>" +
                $"<p>Update {i}: les pompiers luttent toujours contre l'incendie, et le vent devrait faiblir dans la soirée.</p></div>" +
                "<div class='entry-share social-share'><a href='#'>Partager</a></div></div>";
        var article = Extract($"<article class='post'><h1>Council approves bridge</h1><div class='entry-content'><div class='liveblog social-feed'>{entries}</div></div></article>");

        var lines = Lines(article);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("Update 1:", lines[0]);
        Assert.StartsWith("Update 5:", lines[4]);
    }

    [Fact]
    public void KeepsTheUpdatesOfALiveWidgetThatHoldsMostOfTheProseBesideALeadAndAShortBox()
    {
        // A town's live updates in a "widget" (a weak furniture name) under the headline and its deck, with a short box of
        // numbers after it: the first pass must not drop the updates for their wrapper's name.
        var entries = "";
        for (int i = 1; i <= 3; i++)
            entries += $"<div class='live-entry'><span class='live-time'>1{i}:30</span><div class='live-body'><p>Update {i}: the bridge over the river stays closed, and traffic is sent through the old town.</p></div></div>";
        var article = Extract("<main><div class='row'><h1>Council approves bridge</h1><p class='subtitle'>The town's crisis team posts what changes during the storm warning here, hour by hour.</p></div>" +
            $"<div class='row'><section><div class='widget widget-live-updates'><h2>Updates</h2>{entries}</div>" +
            "<div><h2>Useful numbers</h2><p>Crisis team: 0574 123456</p></div></section></div></main>");

        var lines = Lines(article);
        Assert.Contains(lines, line => line.StartsWith("Update 1:", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Update 3:", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepsTheDeckOfAPostHeaderWhoseCountersAreDrawnAsButtons()
    {
        var article = Extract("<div id='entry'><div class='topbar'><a class='button' href='/subscribe'>Subscribe</a></div><article class='post'>" +
            "<div class='post-header'><h1>Council approves bridge</h1><h3 class='subtitle'>Ten years of debate end with a vote, and building starts next spring</h3>" +
            "<div class='post-ufi'><a class='post-ufi-button'>37</a><a class='post-ufi-button'>Share</a></div></div>" +
            $"<div class='available-content'><div class='body markup'>{Story}</div></div></article></div>");

        Assert.Equal("Ten years of debate end with a vote, and building starts next spring", Lines(article)[0]);
    }

    [Fact]
    public void KeepsTheLiveBlogsUpdatesOverTheShortSummaryInItsJsonLd()
    {
        var entries = "";
        for (int i = 1; i <= 6; i++)
            entries += $"<article class='ticker-entry'><time>1{i}:00</time><p>Entry {i}: the debate on the budget goes on, and the opposition attacks the cuts to schools.</p></article>";
        const string summary = "The state parliament debates the budget for the next two years. The government wants to save money, and " +
            "the opposition criticises the cuts to education. We report live from the chamber with every development of the day.";
        var article = Extract($"<main><h1>Council approves bridge</h1><div class='ticker'>{entries}</div></main>",
            head: "<title>Council approves bridge</title><script type='application/ld+json'>{\"@type\":\"LiveBlogPosting\",\"articleBody\":\"" + summary + "\"}</script>");

        var text = article.Text!;
        Assert.Contains("Entry 1: the debate", text);
        Assert.Contains("Entry 6: the debate", text);
        Assert.DoesNotContain("We report live", text);
    }

    [Fact]
    public void LeavesOutThePostMetaBoxAndAForumSignature()
    {
        var article = Extract(
            "<article class='post'><h1>Council approves bridge</h1>" +
            "<dl class='article-info'><dt>Details</dt><dd>Written by Ann Lee</dd><dd>Hits: 1234</dd></dl>" +
            "<div class='entry-content'>" + Story + "<div class='signature'>Greetings from the north bank, member since 2009</div></div>" +
            "<div class='entry-meta'>This entry was posted in City and tagged bridge, council. Bookmark the permalink.</div></article>");

        Assert.Equal(3, Lines(article).Length);
    }

    [Fact]
    public void KeepsALinkWithAFurnitureNameInsideASentenceButNotAShareLink()
    {
        var article = Extract(
            "<article><p>The council approved <a class='related-link' href='/bridge'>the new bridge across the river</a> on Monday, after ten years of debate.</p>" +
            "<p>Mayor <a class='social-profile' href='/ann'>Ann Lee</a> spoke of a good day for the city, and for the people on both banks.</p>" +
            "<p><a class='share-link' href='#'>Share this story with your friends and neighbours</a></p>" + Story + "</article>");

        var lines = Lines(article);
        Assert.Equal("The council approved the new bridge across the river on Monday, after ten years of debate.", lines[0]);
        Assert.StartsWith("Mayor Ann Lee spoke", lines[1]);
        Assert.DoesNotContain("Share this story", article.Text);
    }

    [Fact]
    public void KeepsAnInlineSpanWithAFurnitureNameInsideASentenceButNotABoxOfThatName()
    {
        var article = Extract(
            "<article><p>The bridge costs <span class='promo-highlight'>40 million euros</span>, shared by the state and the city over three years.</p>" +
            "<p><span class='promo-banner'>Subscribe for a year and get the second free of charge</span></p>" +
            "<p>The full report is on the council's website <span class='sr-only'>(opens in a new window)</span> and in the town hall.</p>" +
            "<p>Listen: <span><span class='sr-only'>Duration:</span>4:10</span></p>" + Story + "</article>");

        var lines = Lines(article);
        Assert.Equal("The bridge costs 40 million euros, shared by the state and the city over three years.", lines[0]);
        Assert.DoesNotContain("second free", article.Text);
        Assert.DoesNotContain("new window", article.Text);
        Assert.DoesNotContain("Duration", article.Text);
    }

    [Fact]
    public void KeepsHiddenTabAndDisclosurePanels()
    {
        var article = Extract(
            "<article>" + Story + "<h2>How much will it cost?</h2>" +
            "<div class='tab-pane fade' style='display:none'><p>The bridge costs 40 million, of which the state pays half and the city the rest.</p></div>" +
            "<div class='toggle-body' role='region' aria-hidden='true'><p>Tolls were ruled out, the mayor said, at least for the first ten years.</p></div>" +
            "<div role='tabpanel' hidden><p>The old ferry will keep running until the bridge opens, twice an hour.</p></div>" +
            "<div class='menu' hidden>Menu, Sections, Sports, Weather and all the other pages</div></article>");

        var text = article.Text!;
        Assert.Contains("The bridge costs 40 million", text);
        Assert.Contains("Tolls were ruled out", text);
        Assert.Contains("The old ferry will keep running", text);
        Assert.DoesNotContain("Weather", text);
    }

    [Theory]
    [InlineData("<div class='abh_box'><div class='abh_text'><div class='abh_name'><a href='https://news.example.com/author/miriam/'>Miriam Albrecht</a></div>" +
        "<div class='abh_job'>Coach</div><div class='abh_description'>Miriam writes about slow living, long walks and the art of planning less, and runs workshops on it.</div></div></div>")]
    [InlineData("<div class='saboxplugin-wrap'><div class='saboxplugin-authorname'><a rel='author' href='/writers/luana'>Luana Prado</a></div>" +
        "<div class='saboxplugin-desc'><p>Luana has taught writing for twelve years and helped three thousand students into university.</p></div></div>")]
    [InlineData("<div class='redaktion'><div class='person'><a href='https://news.example.com/journalisten/jonas-weber'>Jonas Weber</a></div>" +
        "<div class='text'>Jonas reports on transport and city planning, runs workshops for young reporters and has covered the bridge for years.</div></div>")]
    public void DropsAnAuthorCardWhoseNameLinksToTheWritersPageBesideAShortPost(string card)
    {
        var article = Extract("<main class='site-main'><article><h1>Council approves bridge</h1><div class='entry-content'>" + Story + "</div></article>" + card + "</main>");

        var text = article.Text!;
        Assert.Contains("Construction is expected to begin next spring", text);
        Assert.DoesNotContain("workshops", text);
        Assert.DoesNotContain("three thousand students", text);
    }

    [Fact]
    public void KeepsTheStorysHeaderBoxWhoseBylineLinksTheWritersPage()
    {
        var article = Extract("<main><h1 class='seotitle'>Council approves bridge</h1><div class='ContentHead'><h2>Council approves the new bridge</h2>" +
            "<p class='lead'>After ten years of debate the city will build a bridge across the river, for 40 million.</p>" +
            "<div class='meta'><a href='/author/84612621/jan-berg'>Jan Berg</a> <time>Published today</time></div></div>" +
            "<div class='body'>" + Story + "</div></main>");

        Assert.Contains("After ten years of debate the city will build a bridge", article.Text);
    }

    [Fact]
    public void WrappersAroundAShortStoryAreNotItsOtherPartsAndDoNotClimbToTheLayout()
    {
        // A TYPO3 page on the YAML framework: the story four wrappers down in #col2, a sponsors' box in #col3.
        var article = Extract("<div id='page'><div id='main'><div id='col2'><div class='content'><div class='frame'><div class='news'><div class='article'>" +
            "<h1>Council approves bridge</h1><div class='news-text-wrap'>" + Story + "</div></div></div></div></div></div>" +
            "<div id='col3'><div class='frame'><h3>Sponsors</h3><p>We thank our sponsors, the car dealer, the bakery and the local bank, for their support this season.</p></div></div>" +
            "</div></div>");

        var text = article.Text!;
        Assert.Contains("Construction is expected to begin next spring", text);
        Assert.DoesNotContain("We thank our sponsors", text);
    }

    [Fact]
    public void KeepsAPartOfTheStoryWhoseSentenceLinksAWritersPage()
    {
        var article = Extract("<article><h1>Council approves bridge</h1>" + Story +
            "<div class='box'><p>As our colleague <a href='/author/jan/'>Jan</a> reported last year, the old bridge has been closed to trucks since March.</p></div></article>");

        Assert.Contains("the old bridge has been closed to trucks since March", article.Text);
    }

    [Fact]
    public void KeepsHiddenPanelsOpenedByTheLinkOrQuestionJustAboveThem()
    {
        var article = Extract(
            "<article>" + Story + "<div class='faq-liste'>" +
            "<div class='faq-eintrag'><a class='faq-frage' href='#a1'>Warum ist mein Bescheid höher?</a>" +
            "<div class='faq-antwort' id='a1' style='display: none'><p>Die Reform bewertet alle Grundstücke neu, manche zahlen mehr.</p></div></div>" +
            "<div class='faq-eintrag'><h3 class='frage'>Kann ich Widerspruch einlegen?</h3>" +
            "<div class='antwort' style='display:none'><p>Widerspruch ist innerhalb eines Monats bei der Stadtkasse möglich.</p></div></div>" +
            "<div class='eintrag'><span data-bs-target='#a3'>Mehr zur Brücke</span><div id='a3' hidden><p>Die Brücke wird 240 Meter lang und zwei Spuren breit.</p></div></div>" +
            "</div><a href='#menu'>Menu</a><div id='other' style='display:none'>Sections, Sports, Weather and all the other pages</div></article>");

        var text = article.Text!;
        Assert.Contains("Warum ist mein Bescheid höher?", text);
        Assert.Contains("Die Reform bewertet alle Grundstücke neu", text);
        Assert.Contains("Widerspruch ist innerhalb eines Monats", text);
        Assert.Contains("Die Brücke wird 240 Meter lang", text);
        Assert.DoesNotContain("Weather", text);
    }

    [Fact]
    public void KeepsTheQuestionsOfAnAccordionWhoseTitlesAreButtons()
    {
        var article = Extract(
            "<article>" + Story +
            "<div class='faq'><h3><button aria-expanded='false' aria-controls='a1'>Who pays for it</button></h3>" +
            "<div id='a1' class='collapse' hidden><p>The state pays half of the cost and the city the rest, over five budgets.</p></div>" +
            "<div><button aria-expanded='false'>When will it open?</button></div>" +
            "<div class='collapse' hidden><p>The bridge should open to traffic in the autumn of the third year.</p></div>" +
            "<p>Readers can send more questions.<button aria-expanded='false'>Show more</button></p></div></article>");

        var lines = Lines(article);
        Assert.Contains("Who pays for it", lines);
        Assert.Contains("When will it open?", lines);
        Assert.Contains("The bridge should open to traffic in the autumn of the third year.", lines);
        Assert.DoesNotContain("Show more", article.Text);
    }

    [Fact]
    public void DropsAHeadingLeftOverNothingAtTheEndButNotALineThatIntroducesAnEmbed()
    {
        var article = Extract(
            "<article>" + Story + "<h3>More from the city desk</h3>" +
            "<ul><li><a href='https://example.org/a'>https://example.org/report-on-the-bridge-2023</a></li>" +
            "<li><a href='https://example.org/b'>Council minutes, 12 March 2023</a></li></ul></article>");
        var withEmbed = Extract("<article>" + Story + "<p>The mayor posted a picture of the plans:</p>" +
            "<blockquote class='instagram-media'><a href='https://example.org/p/1'>View this post on Instagram</a></blockquote></article>");

        Assert.StartsWith("Construction is expected", Lines(article)[^1]);
        Assert.DoesNotContain("More from the city desk", article.Text);
        Assert.Equal("The mayor posted a picture of the plans:", Lines(withEmbed)[^1]);
    }

    [Fact]
    public void KeepsAHeadingThatIsTheWholeBody()
    {
        var article = Extract("<article><h2>The council approved the bridge across the river on Monday evening</h2></article>");

        Assert.Equal("The council approved the bridge across the river on Monday evening", article.Text);
    }

    [Fact]
    public void ReadsAJsonLdArticleBodyWrittenTwiceOverAsOneTellingOfTheStory()
    {
        // The body twice over looks longer than the page's own text, which then lost to it as one run-on line.
        var once = System.Text.RegularExpressions.Regex.Replace(Story.Replace("</p><p>", " "), "<[^>]+>", "");
        var article = Extract("<article><h1>Council approves bridge</h1><div class='body'>" + Story + "</div></article>",
            head: "<title>Council approves bridge</title><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" +
                  once + " " + once + "\"}</script>");

        Assert.Equal(3, Lines(article).Length);
        Assert.StartsWith("The city council voted", Lines(article)[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KeepsAJsonLdBodyThatQuotesItsOpeningOnceLater(bool twice)
    {
        var opening = "The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.";
        var middle = " Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic." +
                     " Construction is expected to begin next spring and to last about three years, the mayor said in a statement.";
        var body = twice ? opening + middle + " " + opening + middle : opening + middle + " As the mayor put it: " + opening + " Then the meeting ended.";

        var told = Gleaner.Extraction.Content.JsonLdBody.FirstTelling(body);

        Assert.Equal(twice ? opening + middle + " " : body, told);
    }

    [Fact]
    public void TakesAPlayersNoticeWrappedOverLinesOutOfTheJsonLdArticleBody()
    {
        // The body copied from the page's markup with its source line breaks: the player's notice runs over four lines.
        const string body = "The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.\\n" +
            "To view this video please enable JavaScript, and consider upgrading to a web\\n\\t\\tbrowser that\\n\\t\\tsupports HTML5\\n\\t\\t\\tvideo\\n" +
            "Up Next\\n" +
            "Supporters said the bridge would cut travel times, while opponents worried about the cost and the noise.\\n" +
            "what the mayor said next was lost in the applause of the crowd\\n" +
            "Construction is expected to begin next spring and to last about three years, the mayor said in a statement.";
        var article = Extract("<article><h1>Council approves bridge</h1><p>The council voted on Monday.</p></article>",
            head: "<title>Council approves bridge</title><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" + body + "\"}</script>");

        var lines = Lines(article);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Supporters said", lines[1]);
        Assert.DoesNotContain("browser", article.Text);
        Assert.DoesNotContain("HTML5", article.Text);
        Assert.Contains("what the mayor said next", article.Text);
    }

    [Fact]
    public void TakesAVideoPlayersTextOutOfTheJsonLdArticleBody()
    {
        const string body = "Video Player is loading. Play Video. Up Next. This is a modal window. " +
            "The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.\n" +
            "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video\n" +
            "Supporters said the bridge would cut travel times, while opponents worried about the cost. The bridge will carry JavaScript developers and everyone else.\n" +
            "Construction is expected to begin next spring and to last about three years, the mayor said in a statement.";
        var article = Extract("<article><h1>Council approves bridge</h1><p>The council voted on Monday.</p></article>",
            head: "<title>Council approves bridge</title><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" + body + "\"}</script>");

        var lines = Lines(article);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("The city council voted on Monday", lines[0]);
        Assert.EndsWith("JavaScript developers and everyone else.", lines[1]);
        Assert.DoesNotContain("Play", article.Text);
        Assert.DoesNotContain("modal", article.Text);
    }

    [Fact]
    public void KeepsAShortPostAndLeavesOutTheLongerAuthorBoxBesideItWithoutAHeading()
    {
        // The bio, named for the author, is left out in the first pass and in the retry a body this short sets off, although
        // it has more prose (and more commas) than the post.
        const string bio = "<p>Jana Roe schreibt seit 2012 über Stadtentwicklung, Energie und Verkehr, hat Geografie studiert, arbeitete für eine " +
            "Lokalzeitung, betreut heute als freie Autorin mehrere Blogs, wandert gern, fotografiert alte Fabriken und engagiert sich im Verein.</p>";
        var article = Extract(
            "<main><article class='post'><h1>Council approves bridge</h1><div class='entry-content'>" +
            "<p>The city council voted on Monday to build a new bridge across the river.</p></div>" +
            $"<div class='author-description'><img src='a.jpg'>{bio}{bio}{bio}</div></article></main>");

        Assert.Equal(["The city council voted on Monday to build a new bridge across the river."], Lines(article));
    }

    [Fact]
    public void DoesNotBelieveARetryThatOnlyAddsTextTheFirstPassLeftOut()
    {
        // A short post beside a longer box with a furniture-like name: the first pass leaves the box out; the retry a body
        // this short sets off reads the page with its header and footer and takes the whole page, box included, but it
        // rescues no prose the first pass dropped by name or region, so it is not believed.
        const string picture = "<p>The old bridge seen from the north bank at dusk in the winter of 1962 when the river froze over and " +
            "children skated under its arches for the first time in living memory, a scene many residents still remember.</p>";
        var article = Extract(
            "<header><nav><a href='/'>Home</a> <a href='/city'>City</a></nav></header><div id='page'><main><article class='post'>" +
            "<h1>Council approves bridge</h1><div class='entry-content'><p>The city council voted on Monday to build a new bridge across the river.</p></div>" +
            $"<div class='extra-description'><img src='a.jpg'>{picture}{picture}</div></article></main></div><footer><p>© 2025 Example</p></footer>");

        Assert.Equal(["The city council voted on Monday to build a new bridge across the river."], Lines(article));
    }

    [Fact]
    public void BelievesTheRetryWhenTheFirstPassFoundOnlyAHeading()
    {
        // A live feed in a box named "widget": the first pass leaves it out and keeps only the headline (the page's title
        // names only its kicker, so the line filter does not know it), which is no post to keep: the retry's feed is believed.
        var entries = "";
        for (int i = 1; i <= 4; i++)
            entries += $"<div class='live-item'><div class='live-item__time'><time>1{i}:00</time></div><div class='live-item__body'><p>Update {i}: " +
                "the council is still debating the bridge, and a vote is expected before the evening session ends.</p></div>" +
                "<div class='live-item__share'><a href='#'>Share</a></div></div>";
        var article = Extract(
            "<header class='site-header'><nav><a href='/'>Home</a> <a href='/city'>City</a></nav></header><div id='page'><main>" +
            $"<h1>Ao vivo: prefeitura apresenta hortas</h1><section class='live-feed widget-live'>{entries}</section></main></div>" +
            "<footer><p>© 2025 Example</p></footer>", head: "<title>Ao vivo | Example</title><meta property='og:site_name' content='Example'>");

        Assert.Contains(Lines(article), line => line.StartsWith("Update 4:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pressemitteilung Nr. 45/2024 vom 18.06.2024")]
    [InlineData("Press release 12 March 2024")]
    public void LeavesOutADatelineOpeningTheTextOverTheHeadline(string dateline)
    {
        // The headline says the page's title, so the line filter drops it; the dateline above it, the text's only line
        // before it, goes with it.
        var article = Extract(
            $"<main><div class='press-release'><p class='pm-nr'>{dateline}</p><h1>Council approves bridge</h1>" + Story + "</div></main>",
            head: "<title>Council approves bridge | City</title>");

        Assert.StartsWith("The city council voted", Lines(article)[0]);
    }

    [Fact]
    public void KeepsAStoryLineWithANumberAboveASubheadingThatIsNotTheHeadline()
    {
        var article = Extract(
            "<main><article><h1>Council approves bridge</h1>" + Story + "<p>Costs rose by 12 percent</p><h2>What comes next</h2>" +
            "<p>Work starts in the spring and should take two years, the mayor said on Monday.</p></article></main>",
            head: "<title>Council approves bridge | City</title>");

        Assert.Contains("Costs rose by 12 percent", Lines(article));
    }

    [Fact]
    public void LeavesOutADateSetBeforeThePostsFirstParagraph()
    {
        var article = Extract(
            "<div class='news-detail'><h1>Council approves bridge</h1><span class='news-date-time'>12.03.2024</span><img src='b.jpg'>" +
            "The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.<br><br>" +
            "Supporters said the bridge would cut travel times, while opponents worried about the cost.</div>");

        Assert.Equal("The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.", Lines(article)[0]);
    }

    [Theory]
    [InlineData("de", "<span class='info'>21. März 2024, 11:05 Uhr</span>", "Die Stadt hat am Wochenende die größte Buchmesse des Landes eröffnet, mit Gästen aus vierzig Ländern.")]
    [InlineData("it", "<span class='data'>14 aprile 2024, ore 16:20</span>", "Il comune ha presentato il progetto della nuova pista ciclabile lungo il fiume.")]
    [InlineData("pl", "<strong>8 marca 2024, 12:40</strong>", "Władze miasta rozpoczęły remont głównego placu, który potrwa do końca wakacji.")]
    public void LeavesOutADateSpanGluedToTheLeadButKeepsItsSentence(string language, string date, string sentence)
    {
        var article = Extract($"<article lang='{language}'><h1>Council approves bridge</h1><p>{date} {sentence}</p><p>Supporters said the bridge " +
            "would cut travel times, while opponents worried about the cost of the whole project.</p></article>");

        Assert.Equal(sentence, Lines(article)[0]);
    }

    [Fact]
    public void KeepsALeadNamedAsTeaserWhoseDateSpanComesFirst()
    {
        var article = Extract(
            "<div class='section'><h1>Council approves bridge</h1><p class='teasertext'><span class='info'>21. März 2024, 11:05 Uhr</span> " +
            "In Leipzig hat am Wochenende die größte Buchmesse Ostdeutschlands ihre Tore geöffnet.</p><div class='paragraph'><p>Mehr als " +
            "zweitausend Aussteller aus vierzig Ländern präsentieren ihre Neuerscheinungen, so viele wie nie.</p></div><div class='paragraph'><p>" +
            "Die Veranstalter rechnen mit über zweihunderttausend Besuchern an den vier Tagen der Messe.</p></div></div>");

        Assert.Equal("In Leipzig hat am Wochenende die größte Buchmesse Ostdeutschlands ihre Tore geöffnet.", Lines(article)[0]);
    }

    [Theory]
    [InlineData("21. März 2024, 11:05 Uhr ")]
    [InlineData("21.03.2024, 11:05 Uhr – ")]
    [InlineData("Leipzig, 21. März 2024, 11:05 Uhr: ")]
    [InlineData("Bad Homburg, 21.03.2024, 11:05 Uhr – ")]
    public void KeepsATeaserLeadWhoseDatelineIsGluedToItsSentenceInText(string dateline)
    {
        var article = Extract(
            "<header><nav>Nachrichten Sport Kultur</nav></header><div class='contentbox'><div class='section'><h1><span class='kicker'>Literatur</span> " +
            "<span class='headline'>Buchmesse Leipzig eröffnet</span></h1><p class='teasertext'>" + dateline +
            "In Leipzig hat am Wochenende die größte Buchmesse Ostdeutschlands ihre Tore geöffnet.</p><div class='paragraph'><p>Mehr als " +
            "zweitausend Aussteller aus vierzig Ländern präsentieren ihre Neuerscheinungen.</p></div><div class='paragraph'><p>" +
            "Die Veranstalter rechnen mit über zweihunderttausend Besuchern.</p></div><div class='sources'>Quelle: MDR KULTUR/epd</div></div></div>",
            head: "<title>Buchmesse Leipzig eröffnet | MDR-Region</title>");

        Assert.Equal(["In Leipzig hat am Wochenende die größte Buchmesse Ostdeutschlands ihre Tore geöffnet.",
            "Mehr als zweitausend Aussteller aus vierzig Ländern präsentieren ihre Neuerscheinungen.",
            "Die Veranstalter rechnen mit über zweihunderttausend Besuchern."], Lines(article));
    }

    [Theory]
    [InlineData("21.03.2024, 11:05 Uhr – ")]
    [InlineData("Leipzig, 21. März 2024, 11:05 Uhr: ")]
    public void CutsTheDatelineGluedBeforeTheStorysFirstSentence(string dateline)
    {
        var article = Extract(
            "<article><h1>Buchmesse Leipzig eröffnet</h1><p>" + dateline + "In Leipzig hat am Wochenende die größte Buchmesse " +
            "Ostdeutschlands ihre Tore geöffnet.</p><p>Mehr als zweitausend Aussteller aus vierzig Ländern präsentieren ihre " +
            "Neuerscheinungen.</p><p>Die Veranstalter rechnen mit über zweihunderttausend Besuchern.</p></article>");

        Assert.Equal("In Leipzig hat am Wochenende die größte Buchmesse Ostdeutschlands ihre Tore geöffnet.", Lines(article)[0]);
    }

    [Fact]
    public void KeepsATeaserLeadWithAClockTimeInsideItsSentence()
    {
        var article = Extract(
            "<div class='section'><h1>Council approves bridge</h1><p class='teasertext'>Um 11:05 Uhr hat am Wochenende in Leipzig die größte " +
            "Buchmesse Ostdeutschlands ihre Tore geöffnet.</p><div class='paragraph'><p>Mehr als zweitausend Aussteller aus vierzig Ländern " +
            "präsentieren ihre Neuerscheinungen, so viele wie nie.</p></div><div class='paragraph'><p>Die Veranstalter rechnen mit über " +
            "zweihunderttausend Besuchern an den vier Tagen der Messe.</p></div></div>");

        Assert.StartsWith("Um 11:05 Uhr hat am Wochenende", Lines(article)[0]);
    }

    [Fact]
    public void DropsADateAloneOnItsLineAndKeepsADateThatStartsTheSentence()
    {
        var article = Extract(
            "<article><h1>Council approves bridge</h1><p><span class='info'>21. März 2024, 11:05 Uhr</span></p><p>Am 21. März 2024 hat der " +
            "Stadtrat beschlossen, das Stadtfest wegen der Bauarbeiten am Marktplatz zu verschieben.</p><p>Ein neuer Termin soll im Sommer " +
            "bekanntgegeben werden, sagte eine Sprecherin der Stadt.</p></article>");

        Assert.StartsWith("Am 21. März 2024 hat der Stadtrat", Lines(article)[0]);
    }

    [Fact]
    public void KeepsADateInsideASentence()
    {
        var article = Extract(
            "<article><h1>Council approves bridge</h1><p>The city council voted on <time datetime='2024-03-12'>12.03.2024</time> to build a new bridge " +
            "across the river, ending a debate that lasted ten years.</p><p>Supporters said the bridge would cut travel times, while opponents " +
            "worried about the cost.</p></article>");

        Assert.StartsWith("The city council voted on 12.03.2024 to build", Lines(article)[0]);
    }

    [Fact]
    public void LeavesOutAPictureAndCaptionSetInInlineMarkup()
    {
        var article = Extract(
            "<h1>Council approves bridge</h1><div id='dic_area'><span class='end_photo_org'><img src='b.jpg'><em class='img_desc'>" +
            "The planned bridge [City Hall]</em></span><br>The city council voted on Monday to build a new bridge across the river, ending a " +
            "debate that lasted ten years.<br><br>Supporters said the bridge would cut travel times, while opponents worried about the cost.</div>");

        Assert.DoesNotContain("The planned bridge [City Hall]", Lines(article));
        Assert.Equal(2, Lines(article).Length);
    }

    [Fact]
    public void LeavesOutTheDateHeadingABlogSetsOverThePostsTitle()
    {
        var article = Extract(
            "<div class='blog-posts'><div class='date-outer'><h2 class='date-header'><span>Montag, 4. März 2024</span></h2><div class='post'>" +
            "<h3 class='post-title'>Council approves bridge</h3><div class='post-body'>The city council voted on Monday to build a new bridge " +
            "across the river, ending a debate that lasted ten years.<br><br>Supporters said the bridge would cut travel times, while " +
            "opponents worried about the cost.<h3>Montag, 11. März 2024</h3>The first survey of the river bed starts next week, the mayor said.</div></div></div></div>");

        var lines = Lines(article);
        Assert.StartsWith("The city council voted", lines[0]);
        // Further down, a date heading may title a day of a live blog: it stays.
        Assert.Contains("Montag, 11. März 2024", lines);
    }

    [Fact]
    public void LeavesOutThePagesHeadlineOpeningTheBodyWhenTheTitleIsAnotherText()
    {
        // The page's <title> names only the kicker ("Ao vivo"), so the record's title is not the headline; the h1 the body
        // starts with is the headline all the same. A heading further down stays.
        var article = Extract(
            "<main><h1>Ao vivo: prefeitura apresenta hortas</h1><p>A prefeitura anunciou nesta quarta-feira a ampliação do programa de " +
            "hortas comunitárias, que passará a contar com vinte novas áreas.</p><h2>Como participar</h2><p>As inscrições serão abertas " +
            "no próximo mês e poderão ser feitas pela internet.</p></main>",
            head: "<title>Ao vivo | Example</title><meta property='og:site_name' content='Example'>");

        var lines = Lines(article);
        Assert.StartsWith("A prefeitura anunciou", lines[0]);
        Assert.Contains("Como participar", lines);
    }

    /// <summary>Eight paragraphs of a story written as one element's text, split by blank lines (old content management systems, forums).</summary>
    private const string BlankLineStory =
        "Die Gemeinde hat am Montag mit dem Bau der neuen Grundschule begonnen, die ab dem Herbst 2026 rund 240 Kinder aufnehmen soll.<br><br>" +
        "Der Neubau ersetzt das alte Schulhaus an der Bahnhofstraße, das seit Jahren zu klein ist und dessen Sanierung zu teuer wäre.<br><br>" +
        "Die Kosten von 14 Millionen Euro tragen das Land, der Kreis und die Gemeinde, die dafür einen Kredit aufnehmen muss.<br><br>" +
        "Geplant sind zwölf Klassenräume, eine Mensa, eine Bibliothek und eine Sporthalle, die auch den Vereinen offenstehen wird.<br><br>" +
        "Während der Bauzeit bleibt die Zufahrt über die Lindenallee gesperrt, der Schulbus hält deshalb am Rathausplatz.<br><br>" +
        "Die Bürgermeisterin sprach von einem wichtigen Tag für den Ort, an dem viele Familien lange gewartet hätten.<br><br>" +
        "Eltern können sich am 14. März im Rathaus über die Pläne informieren, der Architekt stellt den Entwurf dort vor.<br><br>" +
        "Die Anmeldung für das erste Schuljahr im neuen Gebäude beginnt im Januar, teilte die Verwaltung mit.";

    /// <summary>An app-download box of short blocks, each named "content" by the theme.</summary>
    private const string AppBoxOfContentBlocks =
        "<div class='app-content'>" +
        "<div class='content-item'><p>Unsere App für iPhone, iPad und Android, kostenlos, schnell, ohne Werbung.</p></div>" +
        "<div class='content-item'><p>Nachrichten, Termine, Abfallkalender und Mängelmelder, alles in einer App.</p></div>" +
        "<div class='content-item'><p>Jetzt laden im App Store, bei Google Play oder in der AppGallery, gratis.</p></div>" +
        "<div class='content-item'><p>Push-Nachrichten bei Sperrungen, Unwettern, Wasserschäden und Terminen.</p></div>" +
        "</div>";

    [Fact]
    public void ScoresAStorySplitByBlankLinesAsTheParagraphsItShows()
    {
        // One div holds the whole story, its paragraphs split by "<br><br>": scored as one paragraph it lost to an app box of
        // four short blocks named "content".
        var article = Extract("<div class='page'><div class='top'>" + AppBoxOfContentBlocks + "</div><div class='news'>" +
            "<h1>Council approves bridge</h1><div class='news-detail-content'>" + BlankLineStory + "</div></div></div>");

        var lines = Lines(article);
        Assert.Equal(8, lines.Length);
        Assert.StartsWith("Die Gemeinde hat am Montag", lines[0]);
        Assert.DoesNotContain(lines, line => line.Contains("App Store"));
    }

    [Fact]
    public void LeavesOutAnAppDownloadBoxNamedContentBesideAStorySplitByBlankLines()
    {
        var article = Extract("<div class='left-content'><div class='app-download-content'>" +
            "<div class='app-content-item'><p>Unsere App für iPhone, iPad und Android, kostenlos, schnell, ohne Werbung.</p></div>" +
            "<div class='app-content-item'><p>Jetzt laden im App Store, bei Google Play oder in der AppGallery, gratis.</p></div></div>" +
            "<h1>Council approves bridge</h1><div class='story'>" + BlankLineStory + "</div></div>");

        var lines = Lines(article);
        Assert.Equal(8, lines.Length);
        Assert.DoesNotContain(lines, line => line.Contains("App Store"));
    }

    [Fact]
    public void ReadsAStoryWithoutANameBesideShortBoxesTheThemeNamesContent()
    {
        // A layout table: the links column's boxes are named "item-content", the story's cell has no name. The boxes' two
        // short lines do not earn the article name's weight, which made one of them the story.
        var article = Extract("<table class='layout'><tr><td class='side'>" +
            "<div class='item-content'><p>Student portal: enrolment, course choice, grades and timetables, online.</p></div>" +
            "<div class='item-content'><p>Research portal: projects, reviews, reports, and the library's catalogue.</p></div>" +
            "<div class='item-content'><p>Mail, canteen, room booking, and the other services for students.</p></div></td>" +
            "<td class='center'><h1>Council approves bridge</h1><span class='date'>12.03.2025</span><br><span id='lblBody'>" +
            BlankLineStory + "</span></td></tr></table>");

        Assert.Contains("Die Gemeinde hat am Montag mit dem Bau der neuen Grundschule begonnen", article.Text ?? "");
    }

    [Fact]
    public void ReadsTheHeadlinesColumnAloneWhereTheOtherColumnIsABoxOfShortLines()
    {
        // A portal's layout: the wrapper is named "main-container", its left column holds a hotline box of two short lines,
        // the centre column the headline and the story. The wrapper's name made it the article, and the box came along.
        var article = Extract("<div class='main-container'><div class='col-left'><div class='box-title'>Hotline</div>" +
            "<div class='box-content'><p>Citizens' hotline: 0236 1022, help for residents, firms, 24/7, free.</p>" +
            "<p>Public services line: 1900 0000, answers on procedures, files, fees.</p></div></div>" +
            "<div class='col-center'><h1>Council approves bridge</h1><div class='date'>20.03.2025</div><div>" + Story + "</div></div></div>");

        var text = article.Text ?? "";
        Assert.Contains("The city council voted on Monday", text);
        Assert.Contains("Construction is expected to begin", text);
        Assert.DoesNotContain("hotline", text);
        Assert.DoesNotContain("Public services line", text);
    }

    [Fact]
    public void KeepsTheStorysNextColumnBesideTheHeadlinesColumn()
    {
        // The column beside the headline's holds paragraphs that read as the story's: it is no box, and stays.
        var article = Extract("<div class='main-container'><div class='col-a'><h1>Council approves bridge</h1>" + Story + "</div>" +
            "<div class='col-b'><p>Local shops along the river road hope the bridge will bring them customers from the other bank, " +
            "who now drive twenty minutes around the old ferry landing.</p></div></div>");

        Assert.Contains("Local shops along the river road", article.Text ?? "");
    }

    [Fact]
    public void ReadsNoArticleWordFromTheIdsAWebFormsPageGeneratesForEveryControl()
    {
        // ASP.NET Web Forms names each control after the placeholder holding it ("ctl00_MainContent_pnlApp"): "content" in
        // every id says nothing about the control, a furniture word in it still does.
        var article = Extract("<form id='aspnetForm'><div id='ctl00_pnlPage'><h1>Council approves bridge</h1>" +
            "<div id='ctl00_MainContent_pnlApp'>" +
            "<div id='ctl00_MainContent_rptApp_ctl01_pnlItem'><p>Unsere App für iPhone, iPad und Android, kostenlos, schnell, ohne Werbung.</p></div>" +
            "<div id='ctl00_MainContent_rptApp_ctl02_pnlItem'><p>Nachrichten, Termine, Abfallkalender und Mängelmelder, alles in einer App.</p></div>" +
            "<div id='ctl00_MainContent_rptApp_ctl03_pnlItem'><p>Jetzt laden im App Store, bei Google Play oder in der AppGallery, gratis.</p></div>" +
            "</div><div class='detail'>" + BlankLineStory + "</div>" +
            "<div id='ctl00_MainContent_pnlSidebar'><p>Rathaus geöffnet Montag bis Freitag, 8 bis 12 Uhr, Donnerstag bis 18 Uhr.</p></div></div></form>");

        var lines = Lines(article);
        Assert.Equal(8, lines.Length);
        Assert.DoesNotContain(lines, line => line.Contains("App Store") || line.Contains("Rathaus geöffnet"));
    }

    [Fact]
    public void ReadsTheStorysCellNotTheWholeLayoutTableNamedMain()
    {
        // An old municipal site: the layout table is named "main", the story is a div of lines split by single line breaks in
        // the centre cell, a column of service boxes and prayer times beside it. The table's name drew the selection up from
        // the story to the whole grid.
        var article = Extract("<table width='100%' class='main'><tr><td colspan='2' class='top'><a href='/'>Start</a> | <a href='/news'>News</a></td></tr>" +
            "<tr><td width='200' class='right'><table class='box'><tr><td class='boxhead'>Services</td></tr><tr><td><a href='#'>Pay fees</a><br>" +
            "<a href='#'>Building permit</a></td></tr></table><table class='box'><tr><td class='boxhead'>Opening hours</td></tr>" +
            "<tr><td>Monday 8:00 to 12:00<br>Tuesday 8:00 to 12:00<br>Thursday 14:00 to 18:00</td></tr></table></td>" +
            "<td class='center'><div class='newstitle'>Drains to be cleaned</div><div class='newsbody'>" +
            "The municipality announced that maintenance of the storm drain network in the eastern districts starts on Monday.<br>" +
            "The works include cleaning more than two thousand drains, replacing broken covers and widening the main channels.<br>" +
            "Residents are asked not to throw waste into the drains and to report any blockage through the service hotline.<br>" +
            "The works are expected to end before the end of October, according to the schedule the department prepared.</div></td></tr>" +
            "<tr><td colspan='2' class='bottom'>All rights reserved, Municipality 2025</td></tr></table>");

        var text = article.Text ?? "";
        Assert.Contains("The municipality announced that maintenance", text);
        Assert.Contains("The works are expected to end", text);
        Assert.DoesNotContain("Thursday 14:00", text);
        Assert.DoesNotContain("All rights reserved", text);
    }

    [Fact]
    public void SplitsAStoryInALayoutTableCellAtBlankLinesButKeepsADataRowOneLine()
    {
        var article = Extract(
            "<table><tr><td class='menu'><a href='/a'>News</a></td><td><table><tr><td class='view_body'>" +
            "The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.<br><br>" +
            "Supporters said the bridge would cut travel times, while opponents worried about the cost and the noise.<br><br>" +
            "Construction is expected to begin next spring and to last about three years, the mayor said.</td></tr></table></td></tr></table>");
        var data = Extract("<article>" + Story + "<table><tr><td>Votes for<br>the bridge</td><td>31</td></tr><tr><td>Against</td><td>12</td></tr></table></article>");

        Assert.Equal(3, Lines(article).Length);
        Assert.StartsWith("Supporters said", Lines(article)[1]);
        Assert.Contains("Votes for the bridge | 31", Lines(data));
    }

    [Fact]
    public void ReadsEveryTextModuleOfAPageBuilderWhoseHoldersAreNamedWidget()
    {
        static string Module(string kind, string text) =>
            $"<div class='elementor-element elementor-widget elementor-widget-{kind}'><div class='elementor-widget-container'>{text}</div></div>";
        var article = Extract(
            "<div class='elementor'><div class='elementor-widget-wrap'>" +
            Module("heading", "<h1 class='elementor-heading-title'>Council approves bridge</h1>") +
            Module("theme-post-content", "<p>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</p>") +
            Module("text-editor", "<p>Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.</p>" +
                "<p>Construction is expected to begin next spring and to last about three years, the mayor said in a statement.</p>") +
            "</div></div><aside><div class='widget widget_recent_entries'><div class='widget-wrap'><ul><li><a href='/a'>Another post</a></li></ul></div></div></aside>");

        Assert.Equal(3, Lines(article).Length);
        Assert.StartsWith("Construction is expected", Lines(article)[2]);
    }

    [Fact]
    public void LeavesOutAPostsFooterAndARelatedBoxNamedInTurkish()
    {
        var article = Extract(
            "<div class='post hentry'><h3 class='post-title'>Council approves bridge</h3><div class='post-body entry-content'>" +
            "<p>The city council voted on Monday to build a new bridge across the river, ending a debate that lasted ten years.</p>" +
            "<div class='ilgili-haber'><span>İLGİLİ HABER</span><a href='/b'>Belediye yeni otopark yapacak</a></div>" +
            "<p>Supporters said the bridge would cut travel times, while opponents worried about the cost, the noise and the traffic.</p></div>" +
            "<div class='post-footer'>Publicado por Marta a las 10:15 <a href='/c'>No hay comentarios:</a></div></div>");

        Assert.Equal(2, Lines(article).Length);
        Assert.StartsWith("Supporters said", Lines(article)[1]);
    }

    [Fact]
    public void DropsTheHeadlineAndTheKickerOrDatelineOverItOpeningTheTextWhenThePageTitleWordsItOtherwise()
    {
        var article = Extract(
            "<main><article><div class='article-header'><span class='article-kicker'>Bridges</span><h1>A crossing for the next century</h1>" +
            "<p class='article-intro'>How a city decided, after ten years of quarrels, to build its new bridge.</p></div>" +
            "<div class='article-content'>" + Story + "</div></article></main>",
            head: "<title>City news: a crossing for the next century - Magazine</title>");

        var release = Extract(
            "<div class='release'><div class='release-head'><span>PR 12/2024</span> <span>Berlin, 14.03.2024</span></div>" +
            "<h1>Association welcomes the bridge plan</h1><div class='release-text'>" + Story + "</div></div>",
            head: "<title>Press - Association</title>");

        Assert.Equal(4, Lines(article).Length);
        Assert.StartsWith("How a city decided", Lines(article)[0]);
        Assert.Equal(3, Lines(release).Length);
        Assert.StartsWith("The city council voted", Lines(release)[0]);
    }

    [Fact]
    public void KeepsTheQuestionsOfAnAccordionWhoseSummaryIsNamedAsAHeader()
    {
        // A FAQ of details panels: each question sits in a "<summary class="accordion-header">", a weak furniture name.
        const string Item = "<details class='accordion-item'><summary class='accordion-header'>{0}</summary><div class='accordion-body'><p>{1}</p></div></details>";
        var article = Extract("<article><h1>Neue Müllabfuhrtermine</h1><p>Ab 1. Jänner wird die Restmüllabfuhr in unserer Gemeinde auf einen vierwöchigen Rhythmus umgestellt.</p>" +
            "<div class='accordion'>" +
            string.Format(Item, "Warum wird der Rhythmus geändert?", "Die Restmüllmengen sind in den letzten Jahren deutlich gesunken, weil mehr getrennt wird.") +
            string.Format(Item, "Was mache ich, wenn meine Tonne zu klein ist?", "Sie können beim Gemeindeamt kostenlos eine größere Tonne bestellen.") +
            "</div></article>", head: "<title>Neue Müllabfuhrtermine</title>");

        Assert.Equal(["Ab 1. Jänner wird die Restmüllabfuhr in unserer Gemeinde auf einen vierwöchigen Rhythmus umgestellt.",
            "Warum wird der Rhythmus geändert?", "Die Restmüllmengen sind in den letzten Jahren deutlich gesunken, weil mehr getrennt wird.",
            "Was mache ich, wenn meine Tonne zu klein ist?", "Sie können beim Gemeindeamt kostenlos eine größere Tonne bestellen."], Lines(article));
    }

    [Fact]
    public void LeavesOutASidebarWhoseShortParagraphsAreANoticeOfTheSite()
    {
        // A parish's short notice beside a sidebar of service times: the sidebar's prose is a third of the notice's, which
        // would make an unnamed sibling the story's next part.
        var article = Extract("<div id='wrap'><main class='content'><h1>Sternsinger sammeln 12.000 Euro</h1>" +
            "<p>Rund 60 Kinder und Jugendliche waren in diesem Jahr als Sternsinger in unserer Pfarrei unterwegs und sammelten über 12.000 Euro.</p>" +
            "<p>Das Geld kommt in diesem Jahr Kinderhilfsprojekten im Amazonasgebiet zugute. Herzlichen Dank an alle Spender!</p></main>" +
            "<div class='sidebar'><div><h2>Gottesdienste</h2><p>Samstag, 18.00 Uhr Vorabendmesse in St. Marien</p>" +
            "<p>Sonntag, 10.00 Uhr Hochamt in St. Josef</p></div><div><h2>Pfarrbüro</h2><p>Öffnungszeiten: Di und Do 9 bis 12 Uhr</p></div></div></div>",
            head: "<title>Sternsinger sammeln 12.000 Euro</title>");

        Assert.Equal(2, Lines(article).Length);
        Assert.StartsWith("Rund 60 Kinder", Lines(article)[0]);
    }

    [Fact]
    public void KeepsTheStorysSectionsInTwinWrappersNamedAsASidebarGrid()
    {
        // Each of the story's sections sits in its own "sidebar-grid__container" (a layout's name, weakly furniture): the
        // twins hold the story together, and the shorter section is not a box beside it.
        const string Section = "<div class='sidebar-grid__container'><div class='sidebar-grid__content article__content'>{0}</div></div>";
        var article = Extract("<div class='page'><h1>Council approves bridge</h1>" + string.Format(Section, Story) +
            string.Format(Section, "<h2>What it costs</h2><p>The bridge will cost 40 million euros, paid by the state and the city, the mayor said on Monday.</p>" +
                "<p>The state pays three quarters, and the city borrows the rest over twenty years, the treasurer said.</p>") +
            "</div><div class='widget-area'><p>Our newsroom has covered the city since 1950, with ten reporters, two photographers and a podcast.</p></div>");

        Assert.Equal(6, Lines(article).Length);
        Assert.Equal("The state pays three quarters, and the city borrows the rest over twenty years, the treasurer said.", Lines(article)[^1]);
    }

    [Fact]
    public void DropsAContactBoxWhoseTitleSitsInAHeaderNamedAsOne()
    {
        // TYPO3 writes each content element's title in "<header class="frame-header">": the contact box's title must stay
        // with its lines for the box to be known and left out.
        var article = Extract("<main><div class='frame frame-type-text'><div class='frame-inner'>" + Story + "</div></div>" +
            "<div class='frame frame-type-text'><div class='frame-inner'><header class='frame-header'><h3>Ansprechpartner</h3></header>" +
            "<p>Steueramt, Zimmer 204<br>Telefon: 06221 58-12345<br>steueramt@stadt-beispiel.de</p></div></div></main>");

        Assert.Equal(3, Lines(article).Length);
        Assert.DoesNotContain("Telefon: 06221 58-12345", Lines(article));
    }

    [Fact]
    public void KeepsASubheadingInAHeaderNamedAsOneBetweenTheStorysParts()
    {
        var article = Extract("<main><h1>Council approves bridge</h1><div class='frame'><div class='frame-inner'>" + Story + "</div></div>" +
            "<div class='frame'><div class='frame-inner'><header class='frame-header'><h2>What the bridge will cost</h2></header>" +
            "<p>The bridge will cost 40 million euros, paid by the state and the city, the mayor said on Monday evening.</p></div></div></main>");

        Assert.Equal(["What the bridge will cost", "The bridge will cost 40 million euros, paid by the state and the city, the mayor said on Monday evening."], Lines(article)[^2..]);
    }

    [Fact]
    public void KeepsTheLeadInTheStorysHeaderNamedAsOneInsideTheContainer()
    {
        // "div.newsHeader" (a weak furniture name) holds the date, the headline and the lead, inside the container the
        // story's components share: the lead is the story's first paragraph.
        const string Component = "<div class='textimage parbase section'><div class='textimage-text'><p>{0}</p></div></div>";
        var article = Extract("<main id='content'><div class='contentContainer'><div class='newsHeader'><p class='newsDate'>03.07.2024</p>" +
            "<h1>Glaciers lose more ice than ever</h1><p class='lead'>The country's glaciers lost four per cent of their volume last year, new measurements show.</p></div>" +
            string.Format(Component, "The measurements on 180 glaciers gave the second-largest loss on record, after a dry winter and a hot summer.") +
            string.Format(Component, "Glaciers in the south were hit hardest, where ice melted even at heights above 3000 metres, the team said.") +
            "</div></main>", head: "<title>Glaciers lose more ice than ever</title>");

        Assert.Equal(["The country's glaciers lost four per cent of their volume last year, new measurements show.",
            "The measurements on 180 glaciers gave the second-largest loss on record, after a dry winter and a hot summer.",
            "Glaciers in the south were hit hardest, where ice melted even at heights above 3000 metres, the team said."], Lines(article));
    }

    [Fact]
    public void DropsAPressContactElementWhoseTitleSitsInAHeader()
    {
        // The box's title in "<header class="frame-header">" names the whole content element a press contact.
        var article = Extract("<main><h1>Council approves bridge</h1><div class='frame frame-type-text'>" + Story + "</div>" +
            "<div class='frame frame-type-text'><header class='frame-header'><h3>Pressekontakt</h3></header>" +
            "<p>Pressestelle der Stadt<br>Telefon: 0331 8683-123<br>presse@stadt.example.de</p></div></main>");

        Assert.Equal(3, Lines(article).Length);
    }

    [Fact]
    public void TakesTheLeadFromTheFirstContentElementUnderTheHeadline()
    {
        // TYPO3: the headline in its own header element, the lead a "p.teaser" alone in the next one, which the assembler
        // leaves out for its name; the body's other elements follow.
        var article = Extract("<main><div class='frame frame-type-header'><header><h1>Council approves bridge</h1></header></div>" +
            "<div class='frame frame-type-text'><p class='teaser'>The council approved the new bridge on Monday after ten years of debate.</p></div>" +
            "<div class='frame frame-type-text'>" + Story + "</div></main>");

        Assert.Equal("The council approved the new bridge on Monday after ten years of debate.", Lines(article)[0]);
        Assert.Equal(4, Lines(article).Length);
    }

    [Fact]
    public void LeavesOutAnInstitutionsOtherNewsUnderItsRelease()
    {
        var article = Extract("<section id='content'><div class='portlet'><div class='journal-content-article'><h1>Council approves bridge</h1>" + Story +
            "</div></div><div class='portlet'><h2 class='portlet-title'>Weitere Meldungen</h2><div class='asset-abstract'><h3><a href='/m1'>Klimaticket wird günstiger</a></h3>" +
            "<p>Ab Juli sinkt der Preis für Jugendliche und Senioren deutlich, teilte das Ministerium mit.</p></div></div></section>");

        Assert.Equal(3, Lines(article).Length);
    }
}
