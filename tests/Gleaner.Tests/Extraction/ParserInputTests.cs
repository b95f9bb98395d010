using AngleSharp.Html.Parser;
using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

public class ParserInputTests
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

        Assert.Same(html, ParserInput.LimitNesting(html, 100));
    }

    [Fact]
    public void DeepPageIsFlattenedToTheCapAndKeepsItsText()
    {
        var html = "<html><body>" + Nested("div", 1_000, "<p>the text at the bottom</p>") + "<p>after</p></body></html>";

        var limited = ParserInput.LimitNesting(html, 100);

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

        Assert.Same(html, ParserInput.LimitNesting(html, 10));
    }

    [Fact]
    public void TagsInsideScriptsCommentsAndAttributesAreNotCounted()
    {
        var html = "<html><body><script>var s = '" + string.Concat(Enumerable.Repeat("<div>", 500)) + "';</script>"
            + "<!-- " + string.Concat(Enumerable.Repeat("<div>", 500)) + " -->"
            + "<a title=\"a > b <div><div><div>\">link</a></body></html>";

        Assert.Same(html, ParserInput.LimitNesting(html, 10));
    }

    [Fact]
    public void VoidElementsAndSelfClosedForeignElementsDoNotCount()
    {
        var icon = "<svg viewBox=\"0 0 24 24\"><path d=\"M0 0h24\"/><circle r=\"2\" /><g><use href=\"#i\"/></g></svg>";
        var html = "<html><body>" + string.Concat(Enumerable.Repeat(icon + "<hr><input type=text><br/>", 1_000)) + "</body></html>";

        Assert.Same(html, ParserInput.LimitNesting(html, 10));
    }

    [Fact]
    public void SelfClosingSlashOnAnHtmlElementIsIgnoredAsTheParserIgnoresIt()
    {
        // "<div/>" opens a div that stays open: 2,000 of them nest 2,000 deep (this page stalled the parser for minutes).
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div/>x", 2_000)) + "</body></html>";

        var limited = ParserInput.LimitNesting(html, 100);

        Assert.InRange(MaxDepth(limited), 100, 110);
        Assert.Equal(2_000, limited.Split('x').Length - 1);
    }

    [Fact]
    public void RubyAnnotationsNestOutsideARubyAndNotInside()
    {
        var inRuby = "<html><body>" + string.Concat(Enumerable.Repeat("<ruby>漢<rp>(<rt>かん<rp>)</ruby>", 1_000)) + "</body></html>";
        var bare = "<html><body>" + string.Concat(Enumerable.Repeat("<rt>x", 2_000)) + "</body></html>";

        Assert.Same(inRuby, ParserInput.LimitNesting(inRuby, 10));
        Assert.InRange(MaxDepth(ParserInput.LimitNesting(bare, 100)), 100, 110);
    }

    [Fact]
    public void FormattingLeftOpenIsBoundedSinceEachParagraphOpensItAgain()
    {
        // Each <b> differs (an attribute), so the parser reopens all earlier ones in every paragraph: 3,000 paragraphs
        // made 4.5 million elements (30,000 stalled extraction for minutes).
        var html = "<html><body>" + string.Concat(Enumerable.Range(0, 3_000).Select(i => $"<p><b id=b{i}>x")) + "</body></html>";

        var limited = ParserInput.LimitNesting(html, 512);

        using var document = new HtmlParser().ParseDocument(limited);
        Assert.InRange(document.All.Length, 3_000, 3_000 * (ParserInput.MaxOpenFormatting + 4));
        Assert.Equal(3_000, document.Body!.TextContent.Length);
    }

    [Theory]
    // The parser ignores an end tag that names nothing open, or whose element lies past a special element (a div, a
    // section) or a scope boundary (a table): 40,000 of these shapes stalled extraction for 17 s each.
    [InlineData("<div></span>x")]
    [InlineData("<span><div></span>x")]
    [InlineData("<section></b>x")]
    [InlineData("<div><table><tr><td></div>x")]
    public void StrayEndTagsDoNotHideDepth(string shape)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat(shape, 2_000)) + "</body></html>";

        var limited = ParserInput.LimitNesting(html, 100);

        Assert.InRange(MaxDepth(limited), 100, 520);
        Assert.Equal(2_000, limited.Split('x').Length - 1);
    }

    [Fact]
    public void ParserActsOnNoMetaElement()
    {
        // AngleSharp's encoding handler reads a <meta http-equiv=Content-Type> value in time quadratic in its length (a
        // 150,000-character value took 13 s); the page is decoded before the parse, so no handler is needed.
        var document = new ArticleExtractor().Parse("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; " + new string('x', 2_000) + "\"></head></html>");

        Assert.Empty(document.Context.GetServices<AngleSharp.Browser.IMetaHandler>());
        Assert.NotNull(document.QuerySelector("meta[http-equiv]"));
    }

    [Fact]
    public void InADrawingEveryElementCountsUntilAnHtmlElementBreaksOut()
    {
        // An svg <td> holds what follows until its end tag: 40,000 of them nested 40,000 deep (2.9 s, quadratic).
        var deep = "<html><body><svg>" + string.Concat(Enumerable.Repeat("<td>x", 2_000)) + "</svg></body></html>";
        // After a <div> breaks out of the drawing, unclosed paragraphs are HTML again and stay flat.
        var brokenOut = "<html><body><svg><g><div>out</div>" + string.Concat(Enumerable.Repeat("<p>para", 2_000)) + "</body></html>";

        Assert.InRange(MaxDepth(ParserInput.LimitNesting(deep, 100)), 100, 110);
        Assert.Same(brokenOut, ParserInput.LimitNesting(brokenOut, 100));
    }

    [Fact]
    public void EndTagsCloseWhatTheParserClosesWithThem()
    {
        // A div's end tag closes the spans left open in it; an inline end tag closes its element when only inline ones
        // stand above it: the page stays flat, nothing is dropped.
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span><em>x</div><span><b>y</span>", 3_000)) + "</body></html>";

        Assert.Same(html, ParserInput.LimitNesting(html, 100));
    }

    [Fact]
    public void ClosedFormattingAndAFewOpenOnesAreLeftAlone()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p><b>bold</b> <i>it<u>alic</u></i> <font color=red>red</font>", 2_000))
            + "<p><b>never closed<p><i>nor this<p><strong>nor this</body></html>";

        Assert.Same(html, ParserInput.LimitNesting(html, 512));
    }

    [Fact]
    public void PageInABufferComesBackAsTheSameBufferWhenUnderTheCap()
    {
        var buffer = ("<html><body>" + Nested("div", 20, "text") + "</body></html>").ToCharArray();

        var prepared = ParserInput.Prepare(buffer.AsMemory(), 100, null);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(prepared, out var segment));
        Assert.Same(buffer, segment.Array);
        Assert.InRange(MaxDepth(new string(ParserInput.Prepare(Nested("div", 300, "x").AsMemory(), 100, null).Span)), 100, 110);
    }

    [Fact]
    public void CutPageDoesNotThrow()
    {
        foreach (var html in new[] { "<", "<div", "<div class=\"x", "</", "<!--", "<script>", "<" + new string('a', 50) })
            Assert.NotNull(ParserInput.LimitNesting(html, 1));
    }

    private static void AssertSameTreeForReaders(string html)
    {
        var expected = ReadableTree.Of(ArticleExtractor.CreateParser().ParseDocument(html));
        Assert.Equal(expected, ReadableTree.Of(new ArticleExtractor().Parse(html)));
        Assert.Equal(expected, ReadableTree.Of(HoldingScripts(html), ElementText.Of));
    }

    /// <summary>Parsed as the extractor parses for itself: scripts' text held aside, read back through ElementText.</summary>
    private static AngleSharp.Dom.IDocument HoldingScripts(string html) => new ArticleExtractor().ParseHoldingScripts(html.AsMemory(), null);

    private static readonly string LongScript = "var state = {\"story\": \"" + new string('x', ParserInput.MinHeldScriptChars) + "\"};";

    [Fact]
    public void LongScriptsAreHeldAsideAndReadBackByTheirMarker()
    {
        var html = $"<html><head><script type=\"application/ld+json\">{{\"headline\":\"{new string('h', 300)}\"}}</script></head><body><p>a</p><script>{LongScript}</script><script>short</script></body></html>";

        var source = new string(ParserInput.Prepare(html.AsMemory(), 512, null, out var held).Span);

        Assert.NotNull(held);
        Assert.Equal(2, held.Length);
        Assert.DoesNotContain("xxxx", source);
        Assert.Contains("<script>short</script>", source);
        var document = HoldingScripts(html);
        Assert.StartsWith(ScriptTexts.Marker.ToString(), document.Scripts[1].Text);
        Assert.Equal(LongScript, ElementText.Of(document.Scripts[1]));
        Assert.Equal("short", ElementText.Of(document.Scripts[2]));
        // The public parse gives documents as AngleSharp builds them: scripts keep their text.
        Assert.Equal(LongScript, new ArticleExtractor().Parse(html).Scripts[1].Text);
        AssertSameTreeForReaders(html);
    }

    [Theory]
    // A page whose own script reads as a marker (or may, where the scan lost step with the tokenizer) has none held.
    [InlineData("<script>\uE0000</script>")]
    [InlineData("<select><option>a<script>\uE0000</script></select>")]
    public void APageWritingAMarkerHasNoScriptHeld(string shape)
    {
        var html = $"<html><body><script>{LongScript}</script>{shape}<p>text</p></body></html>";

        ParserInput.Prepare(html.AsMemory(), 512, null, out var held);

        Assert.Null(held);
        var document = HoldingScripts(html);
        Assert.Equal(LongScript, ElementText.Of(document.Scripts[0]));
        Assert.Equal("\uE0000", ElementText.Of(document.Scripts[1]));
    }

    [Fact]
    public void AScriptTheDepthCapDropsIsNotHeld()
    {
        var html = "<body>" + Nested("div", 20, $"<script>{LongScript}</script>") + "</body>";

        ParserInput.Prepare(html.AsMemory(), 10, null, out var held);

        Assert.Null(held);
    }

    [Fact]
    public void CommentsStyleSheetsAndDrawingsAreLeftOutAndScriptsKept()
    {
        var html = "<html><head><style>p { color: red }</style><script type=\"application/ld+json\">{\"headline\":\"H\"}</script></head><body>"
            + "<!-- a comment --><p>One <svg viewBox=\"0 0 2 2\"><title>Share</title><path d=\"M0\"/></svg> two</p>"
            + "<script>var a = 1;\r\nvar b = '\0';</script><script src=x.js></script></body></html>";

        var source = new string(ParserInput.Prepare(html.AsMemory(), 512, null).Span);

        Assert.DoesNotContain("a comment", source);
        Assert.DoesNotContain("color: red", source);
        Assert.DoesNotContain("Share", source);
        Assert.Contains("<svg viewBox=\"0 0 2 2\"></svg>", source);
        var document = new ArticleExtractor().Parse(html);
        Assert.Equal("{\"headline\":\"H\"}", document.Scripts[0].Text);
        Assert.Equal("var a = 1;\nvar b = '\uFFFD';", document.Scripts[1].Text);
        Assert.Equal("One  two", document.QuerySelector("p")!.TextContent);
        AssertSameTreeForReaders(html);
    }

    [Fact]
    public void WrittenOverItsOwnBufferThePageIsShorter()
    {
        var html = "<body>" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<!-- {i} --><style>.c{i} {{ }}</style><p>{i}</p><svg><path d=\"M{i}\"/></svg>")) + "</body>";
        var buffer = html.ToCharArray();

        var prepared = ParserInput.Prepare(buffer.AsMemory(), 512, buffer);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(prepared, out var segment));
        Assert.Same(buffer, segment.Array);
        var expected = "<body>" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<style></style><p>{i}</p><svg></svg>")) + "</body>";
        Assert.Equal(expected, new string(prepared.Span));
        Assert.Equal(ReadableTree.Of(ArticleExtractor.CreateParser().ParseDocument(html)), ReadableTree.Of(new ArticleExtractor().Parse(html)));
    }

    [Theory]
    // The scan must end what it leaves out where the tokenizer ends it, or text would be lost.
    [InlineData("<p>a<!-->b<!--->c<!-- x --!>d<!-- y ---->e</p>")]
    [InlineData("<p>a</ <script>shown</script> b</p>")]
    [InlineData("<p>a</>b<?php echo 1 ?>c<!DOCTYPE x>d</p>")]
    [InlineData("<svg><path =\">\"></svg><p>after the drawing</p><svg></svg>")]
    [InlineData("<div><svg><path d=1></div><p>outside again</p><svg><g></g></svg>")]
    [InlineData("<div><svg><path d=1></div>outside with no tag</svg>")]
    [InlineData("<svg><g><p>breaks out</p></g></svg><p>next</p>")]
    [InlineData("<svg><foreignObject><div>html in a drawing</div></foreignObject></svg>")]
    [InlineData("<svg><style><div>markup in a foreign style</div></style></svg>")]
    [InlineData("<svg_x>custom element text</svg_x><p>more</p></svg_x>")]
    [InlineData("<svg><![CDATA[ a > b </svg> c ]]></svg><p>after</p>")]
    [InlineData("<script>var s = '</scriptx>'; var t = '<!-- not a comment -->';</script><p>text</p>")]
    [InlineData("<script><!-- document.write('<script>x</script>'); --></script><p>a</p><!-- c --><script>y</script>")]
    [InlineData("<script><!-- old browsers //--></script><p>kept</p>")]
    [InlineData("<p title='<script>x</script>' data-a=\"<!--\">quoted</p><!-- c -->")]
    [InlineData("<p a=b\"c>d\" e='f'g>unquoted value with quotes</p>")]
    [InlineData("<div title=\"a\"b=\"<script>\">x</div><script>z</script>")]
    [InlineData("<plaintext><!-- shown --><script>shown too</script>")]
    [InlineData("<textarea><!-- text --></textarea><title><script>x</script></title><p>t</p>")]
    [InlineData("<table><tr><td>a<script>b</script><style>c</style></td></tr></table>")]
    [InlineData("<template><script>inside a template</script></template><p>x</p>")]
    [InlineData("<select><option>a<script>b</script></select>")]
    [InlineData("<math><mi>x</mi><svg><path/></svg></math><p>y</p>")]
    [InlineData("<p>unclosed <svg><path d=1>")]
    [InlineData("<p>unclosed <!-- comment")]
    [InlineData("<p>unclosed <script>var a")]
    public void TreeIsTheSameForReadersOnPagesThatTestTheScan(string body)
    {
        var html = "<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>";
        var expected = ReadableTree.Of(ArticleExtractor.CreateParser().ParseDocument(html));
        var prepared = new ArticleExtractor().Parse(html);

        Assert.Equal(expected, ReadableTree.Of(prepared));
        // And with scripts' text held aside: the shapes' scripts made long enough to be held.
        var longer = html.Replace("</script>", "/*" + new string('.', ParserInput.MinHeldScriptChars) + "*/</script>", StringComparison.Ordinal);
        Assert.Equal(ReadableTree.Of(ArticleExtractor.CreateParser().ParseDocument(longer)), ReadableTree.Of(HoldingScripts(longer), ElementText.Of));
    }

    [SharedDataFact("data/fundus-test-pages/pages")]
    public void TreeIsTheSameForReadersOnEveryBenchmarkPage()
    {
        var folders = new[] { "data/fundus-test-pages/pages", "data/article-extraction-benchmark/html", "data/readability-test-pages" }
            .Select(SharedData.PathOf).Where(Directory.Exists);
        var checkedPages = 0;
        foreach (var path in folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.gz", SearchOption.AllDirectories)))
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            var html = HtmlDecoder.Decode(bytes.ToArray(), null);
            if (!ReferenceEquals(html, ParserInput.LimitNesting(html, new ExtractionOptions().MaxNestingDepth)))
                continue;   // the nesting cap changes the tree on purpose
            var expected = ReadableTree.Of(ArticleExtractor.CreateParser().ParseDocument(html));
            Assert.True(expected == ReadableTree.Of(new ArticleExtractor().Parse(html)), path);
            Assert.True(expected == ReadableTree.Of(HoldingScripts(html), ElementText.Of), path + " (scripts held aside)");
            checkedPages++;
        }
        Assert.True(checkedPages > 500, $"only {checkedPages} pages checked");
    }
}
