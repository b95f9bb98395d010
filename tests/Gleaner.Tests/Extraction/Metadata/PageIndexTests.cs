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
}
