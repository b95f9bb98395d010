using AngleSharp.Html.Parser;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Tests.Extraction.Metadata;

public class PageRegionsTests
{
    private static bool IsForeign(string body)
    {
        using var document = new HtmlParser().ParseDocument($"<html><body>{body}</body></html>");
        return PageRegions.IsForeign(document.GetElementById("probe")!);
    }

    [Theory]
    [InlineData("<article><footer><time id=probe>x</time></footer></article>", false)]
    [InlineData("<footer><time id=probe>x</time></footer>", true)]
    [InlineData("<aside><div><time id=probe>x</time></div></aside>", true)]
    [InlineData("<article><aside><aside><time id=probe>x</time></aside></aside></article>", false)]
    [InlineData("<footer><article><footer><time id=probe>x</time></footer></article></footer>", true)]
    [InlineData("<aside><article><p><time id=probe>x</time></p></article></aside>", true)]
    [InlineData("<nav><article><time id=probe>x</time></article></nav>", true)]
    [InlineData("<article><div class=comments><time id=probe>x</time></div></article>", true)]
    [InlineData("<article><p><time id=probe>x</time></p></article>", false)]
    public void FootersAndAsidesAreForeignUnlessInsideAnArticle(string body, bool foreign) =>
        Assert.Equal(foreign, IsForeign(body));

    [Fact]
    public void DeeplyNestedAsidesInsideAnArticleAreNotForeign()
    {
        var body = "<article>" + string.Concat(Enumerable.Repeat("<aside>", 500)) + "<time id=probe>x</time></article>";

        Assert.False(IsForeign(body));
    }
}
