using Gleaner.Extraction;
using Gleaner.Rendering;

namespace Gleaner.Tests.Rendering;

public class RenderTriggerTests
{
    private const string Story =
        "<p>The harbour ferry carried its first passengers of the year on Saturday morning after a winter of repairs to its hull and engines.</p>"
        + "<p>Crowds gathered on the quay to watch it leave, and the harbour master rang the old bell that marks each first sailing of the year.</p>"
        + "<p>The timetable returns to normal next week, with sailings every half hour from seven in the morning until eight at night.</p>";

    private static readonly ArticleExtractor Extractor = new();

    private static string? AutoReason(string html)
    {
        using var document = Extractor.Parse(html);
        return RenderTrigger.Reason(RenderMode.Auto, document, Extractor.Extract(document, "https://courier.example/news/story"));
    }

    private static string Page(string head, string body) =>
        $"<!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour ferry returns</title>{head}</head><body>{body}</body></html>";

    [Fact]
    public void AStaticArticleIsNotRenderedWhateverScriptsItCarries()
    {
        var html = Page("<meta property=og:type content=article>",
            $"<noscript>Please enable JavaScript to see the comments.</noscript><div id=root><article><h1>Harbour ferry returns</h1>{Story}</article></div><script src=/app.js></script>");
        Assert.Null(AutoReason(html));
    }

    [Fact]
    public void AnEmptyAppRootIsASign()
    {
        Assert.Equal("empty app root <div id=root>", AutoReason(Page("", "<div id=root></div><script src=/static/app.js></script>")));
        Assert.Equal("empty app root <div id=__next>", AutoReason(Page("", "<div id=__next><div class=spinner>Loading…</div></div>")));
    }

    [Fact]
    public void ANoscriptNoticeAskingForJavaScriptIsASign() =>
        Assert.Equal("<noscript> notice asks for JavaScript",
            AutoReason(Page("", "<noscript>Bitte aktivieren Sie JavaScript, um diese Seite zu sehen.</noscript><main class=content></main>")));

    [Fact]
    public void ArticleTextInAScriptsStateIsASign()
    {
        var text = "The harbour ferry carried its first passengers of the year on Saturday morning after a winter of repairs to its hull and engines, "
            + "and crowds gathered on the quay to watch it leave while the harbour master rang the old bell.";
        var nextData = $"<script id=__NEXT_DATA__ type=application/json>{{\"props\":{{\"article\":{{\"body\":\"{text}\"}}}}}}</script>";
        Assert.Equal("article text in a script's state (#__NEXT_DATA__)", AutoReason(Page("", $"<main></main>{nextData}")));
        var initialState = $"<script>window.__INITIAL_STATE__ = JSON.parse(\"{{\\\"body\\\":\\\"{text}\\\"}}\");</script>";
        Assert.Equal("article text in a script's state", AutoReason(Page("", $"<main></main>{initialState}")));
    }

    [Fact]
    public void ArticleMarkupWithoutABodyIsASign() =>
        Assert.Equal("article markup (og:type, JSON-LD, published time) without a body",
            AutoReason(Page("<meta property=article:published_time content=2026-03-14T08:30:00Z>", "<main></main>")));

    [Fact]
    public void APageWithoutBodyOrSignsIsNotRendered()
    {
        // An error page or a short notice: nothing says a script would build an article.
        Assert.Null(AutoReason(Page("", "<h1>Not found</h1><p>The page you asked for is not here.</p><script>var analytics = 'UA-1';</script>")));
    }

    [Fact]
    public void APageNotTakenForAnArticleIsRenderedOnlyWhenItIsAnEmptyShell()
    {
        var teaser = "<li><a href=/news/1>Harbour ferry returns after a winter of repairs to its hull and engines</a></li>";
        var state = "<script id=__NEXT_DATA__ type=application/json>{\"teasers\":[\"The harbour ferry carried its first passengers of the year on "
            + "Saturday morning after a winter of repairs to its hull and engines, and crowds gathered on the quay to watch it leave while the harbour master rang the bell.\"]}</script>";
        using var rendered = Extractor.Parse(Page("", $"<div id=__next><ul>{string.Concat(Enumerable.Repeat(teaser, 12))}</ul></div>{state}"));
        Assert.Null(RenderTrigger.Reason(RenderMode.Auto, rendered, null));
        using var shell = Extractor.Parse(Page("", $"<div id=__next><div>Loading…</div></div>{state}"));
        Assert.Equal("empty app root <div id=__next>", RenderTrigger.Reason(RenderMode.Auto, shell, null));
    }

    [Fact]
    public void ModesAlwaysAndNeverDoNotLookAtThePage()
    {
        using var document = Extractor.Parse(Page("", $"<article>{Story}</article>"));
        var article = Extractor.Extract(document);
        Assert.Equal(RenderTrigger.AlwaysReason, RenderTrigger.Reason(RenderMode.Always, document, article));
        using var shell = Extractor.Parse(Page("", "<div id=root></div>"));
        Assert.Null(RenderTrigger.Reason(RenderMode.Never, shell, null));
    }

    [Theory]
    [InlineData("var config = {\"id\": \"a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6\"};", false)]
    [InlineData("a = 'one two three'; b = 'four five six'; c = 'seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen'", false)]
    [InlineData("s = \"He said \\\"the ferry is back\\\" and the harbour master rang the bell, as the crowd on the quay cheered and the boat left for the island at nine with its first passengers of the year, after a long winter of repairs to its hull.\"", true)]
    public void ProseInScriptsIsALongStringOfWords(string script, bool prose) => Assert.Equal(prose, RenderTrigger.HoldsProse(script));
}
