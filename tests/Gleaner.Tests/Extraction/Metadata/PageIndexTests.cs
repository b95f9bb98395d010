using AngleSharp.Html.Parser;
using Gleaner.Extraction;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Tests.Extraction.Metadata;

public class PageIndexTests
{
    /// <summary>Date and byline markers are found in class and id values whatever their case and script, in ASCII values
    /// (searched lower-cased) and in values with other letters (searched as they are).</summary>
    [Fact]
    public void ListsDateAndBylineMarkedElementsIgnoringCase()
    {
        using var document = new HtmlParser().ParseDocument("""
            <div class="Post-DATE">3 May 2022</div>
            <div id="ДАТА-публикации">3 мая 2022</div>
            <span class="entry-Auteur">Anne</span>
            <span class="höhe AUTHOR">Ben</span>
            <p class="intro">Text</p>
            <p class="Überschrift">Title</p>
            """);
        var index = new PageIndex(document, new WorkBudget(1_000_000).StartWalk());
        Assert.Equal(["3 May 2022", "3 мая 2022"], index.DateMarked.Select(element => element.TextContent));
        Assert.Equal(["Anne", "Ben"], index.BylineMarked.Select(element => element.TextContent));
    }

    /// <summary>An element is listed for the markers its class or id holds: date ones, byline ones, both, or neither
    /// (most elements, which one search of both sets tells).</summary>
    [Fact]
    public void ListsAnElementForEachKindOfMarkerItsClassOrIdHolds()
    {
        using var document = new HtmlParser().ParseDocument("""
            <div class="post-date">Date</div>
            <div class="post-writer">Writer</div>
            <div class="story-byline">Both</div>
            <div class="intro" id="published-at">Date by id</div>
            <div class="stamp" id="author-box">Date and writer</div>
            <div class="intro" id="main">Neither</div>
            """);
        var index = new PageIndex(document, new WorkBudget(1_000_000).StartWalk());
        Assert.Equal(["Date", "Both", "Date by id", "Date and writer"], index.DateMarked.Select(element => element.TextContent));
        Assert.Equal(["Writer", "Both", "Date and writer"], index.BylineMarked.Select(element => element.TextContent));
    }

    /// <summary>The index lists every script as the document's own queries find them, in the same order: in the head and
    /// body, inside noscript and inline SVG (the walk skips their other elements), not inside a template's content.</summary>
    [Fact]
    public void ListsEveryScriptInDocumentOrderAsTheDocumentQueriesDo()
    {
        using var document = new HtmlParser().ParseDocument("""
            <head><script type="application/ld+json">{"@type":"NewsArticle"}</script><script src="a.js"></script></head>
            <body><div><script>var state = 1;</script></div>
            <noscript><p><script type="application/ld+json">{"@type":"Person"}</script></p></noscript>
            <svg><g><script type="text/ecmascript">x()</script></g><foreignObject><div><script>y()</script></div></foreignObject></svg>
            <template><script type="application/ld+json">{"@type":"WebPage"}</script></template>
            <script type="text/plain">last</script></body>
            """);
        var index = new PageIndex(document, new WorkBudget(1_000_000).StartWalk());
        Assert.NotNull(index.AllScripts);
        Assert.Equal(7, index.AllScripts.Count);
        Assert.Equal(document.QuerySelectorAll("script"), index.AllScripts);
        Assert.Equal(document.Scripts, index.HtmlScripts(document));
        Assert.Equal(JsonLdReader.Read(document).Select(item => item.GetRawText()), JsonLdReader.Read(index.AllScripts).Select(item => item.GetRawText()));
    }

    /// <summary>A walk cut short by the work budget lists no scripts, so that readers find them in the document themselves.</summary>
    [Fact]
    public void ListsNoScriptsWhenTheWalkStopsAtTheBudget()
    {
        using var document = new HtmlParser().ParseDocument("<p>a</p><p>b</p><p>c</p><script>z()</script>");
        var index = new PageIndex(document, new WorkBudget(3).StartWalk());
        Assert.Null(index.AllScripts);
        Assert.Equal(document.Scripts, index.HtmlScripts(document));
    }
}
