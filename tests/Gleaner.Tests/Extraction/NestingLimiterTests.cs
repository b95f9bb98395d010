using AngleSharp.Html.Parser;
using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

public class NestingLimiterTests
{
    private static string Nested(string tag, int depth, string inner) =>
        string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + inner + string.Concat(Enumerable.Repeat($"</{tag}>", depth));

    private static int MaxDepth(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var max = 0;
        var stack = new Stack<(AngleSharp.Dom.INode Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            foreach (var child in node.ChildNodes)
                stack.Push((child, depth + 1));
        }
        return max;
    }

    [Fact]
    public void PageUnderTheCapIsReturnedAsIs()
    {
        var html = "<html><body>" + Nested("div", 50, "<p>text</p>") + "</body></html>";

        Assert.Same(html, NestingLimiter.Limit(html, 100));
    }

    [Fact]
    public void DeepPageIsFlattenedToTheCapAndKeepsItsText()
    {
        var html = "<html><body>" + Nested("div", 1_000, "<p>the text at the bottom</p>") + "<p>after</p></body></html>";

        var limited = NestingLimiter.Limit(html, 100);

        Assert.InRange(MaxDepth(limited), 100, 110);
        Assert.Contains("<p>the text at the bottom</p>", limited);
        Assert.EndsWith("<p>after</p></body></html>", limited);
        Assert.Equal(100, limited.Split("<div>").Length - 1);
        Assert.Equal(100, limited.Split("</div>").Length - 1);
    }

    [Fact]
    public void ElementsWithImpliedEndTagsDoNotCount()
    {
        // Unclosed <p> and <li> are closed by the parser: the page is flat, nothing is dropped.
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>para<li>item<br><img src=x>", 5_000)) + "</body></html>";

        Assert.Same(html, NestingLimiter.Limit(html, 10));
    }

    [Fact]
    public void TagsInsideScriptsCommentsAndAttributesAreNotCounted()
    {
        var html = "<html><body><script>var s = '" + string.Concat(Enumerable.Repeat("<div>", 500)) + "';</script>"
            + "<!-- " + string.Concat(Enumerable.Repeat("<div>", 500)) + " -->"
            + "<a title=\"a > b <div><div><div>\">link</a></body></html>";

        Assert.Same(html, NestingLimiter.Limit(html, 10));
    }

    [Fact]
    public void VoidElementsAndSelfClosedForeignElementsDoNotCount()
    {
        var icon = "<svg viewBox=\"0 0 24 24\"><path d=\"M0 0h24\"/><circle r=\"2\" /><g><use href=\"#i\"/></g></svg>";
        var html = "<html><body>" + string.Concat(Enumerable.Repeat(icon + "<hr><input type=text><br/>", 1_000)) + "</body></html>";

        Assert.Same(html, NestingLimiter.Limit(html, 10));
    }

    [Fact]
    public void SelfClosingSlashOnAnHtmlElementIsIgnoredAsTheParserIgnoresIt()
    {
        // "<div/>" opens a div that stays open: 2,000 of them nest 2,000 deep (this page stalled the parser for minutes).
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div/>x", 2_000)) + "</body></html>";

        var limited = NestingLimiter.Limit(html, 100);

        Assert.InRange(MaxDepth(limited), 100, 110);
        Assert.Equal(2_000, limited.Split('x').Length - 1);
    }

    [Fact]
    public void RubyAnnotationsNestOutsideARubyAndNotInside()
    {
        var inRuby = "<html><body>" + string.Concat(Enumerable.Repeat("<ruby>漢<rp>(<rt>かん<rp>)</ruby>", 1_000)) + "</body></html>";
        var bare = "<html><body>" + string.Concat(Enumerable.Repeat("<rt>x", 2_000)) + "</body></html>";

        Assert.Same(inRuby, NestingLimiter.Limit(inRuby, 10));
        Assert.InRange(MaxDepth(NestingLimiter.Limit(bare, 100)), 100, 110);
    }

    [Fact]
    public void FormattingLeftOpenIsBoundedSinceEachParagraphOpensItAgain()
    {
        // Each <b> differs (an attribute), so the parser reopens all earlier ones in every paragraph: 3,000 paragraphs
        // made 4.5 million elements (30,000 stalled extraction for minutes).
        var html = "<html><body>" + string.Concat(Enumerable.Range(0, 3_000).Select(i => $"<p><b id=b{i}>x")) + "</body></html>";

        var limited = NestingLimiter.Limit(html, 512);

        using var document = new HtmlParser().ParseDocument(limited);
        Assert.InRange(document.All.Length, 3_000, 3_000 * (NestingLimiter.MaxOpenFormatting + 4));
        Assert.Equal(3_000, document.Body!.TextContent.Length);
    }

    [Fact]
    public void ClosedFormattingAndAFewOpenOnesAreLeftAlone()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p><b>bold</b> <i>it<u>alic</u></i> <font color=red>red</font>", 2_000))
            + "<p><b>never closed<p><i>nor this<p><strong>nor this</body></html>";

        Assert.Same(html, NestingLimiter.Limit(html, 512));
    }

    [Fact]
    public void PageInABufferComesBackAsTheSameBufferWhenUnderTheCap()
    {
        var buffer = ("<html><body>" + Nested("div", 20, "text") + "</body></html>").ToCharArray();

        var limited = NestingLimiter.Limit(buffer.AsMemory(), 100);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(limited, out var segment));
        Assert.Same(buffer, segment.Array);
        Assert.InRange(MaxDepth(new string(NestingLimiter.Limit(Nested("div", 300, "x").AsMemory(), 100).Span)), 100, 110);
    }

    [Fact]
    public void CutPageDoesNotThrow()
    {
        foreach (var html in new[] { "<", "<div", "<div class=\"x", "</", "<!--", "<script>", "<" + new string('a', 50) })
            Assert.NotNull(NestingLimiter.Limit(html, 1));
    }
}
