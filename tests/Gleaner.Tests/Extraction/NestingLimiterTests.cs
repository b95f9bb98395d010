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
    public void SelfClosingAndVoidElementsDoNotCount()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div/><span /><hr><input type=text>", 1_000)) + "</body></html>";

        Assert.Same(html, NestingLimiter.Limit(html, 10));
    }

    [Fact]
    public void CutPageDoesNotThrow()
    {
        foreach (var html in new[] { "<", "<div", "<div class=\"x", "</", "<!--", "<script>", "<" + new string('a', 50) })
            Assert.NotNull(NestingLimiter.Limit(html, 1));
    }
}
