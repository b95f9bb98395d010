using System.Text;
using AngleSharp.Dom;
using Gleaner.Extraction.Explain;

namespace Gleaner.Extraction.Content;

/// <summary>
/// Finds the article body and writes it as text, one paragraph per line (and as Markdown when asked).
/// Phases, each in its own class:
/// 1. <see cref="BoilerplateSignals"/>: tags, class/id words and visibility that mark furniture;
/// 2. <see cref="PageAnalysis"/>: one walk that drops furniture, measures text and links, scores paragraph containers;
/// 3. <see cref="CandidateSelector"/>: the best container, plus the siblings that continue it;
/// 4. <see cref="TextAssembler"/>: the selected containers as lines, link lists inside them left out,
///    and <see cref="LeadFinder"/>: the lead between the headline and those containers;
/// 5. <see cref="LineFilter"/>: headline, byline, dateline, credit and prompt lines dropped;
/// then the result is compared with the JSON-LD <c>articleBody</c> (<see cref="JsonLdBody"/>) and the better kept.
/// </summary>
internal static class ContentExtractor
{
    /// <summary>A body shorter than this may mean the article was dropped with a wrapper that has a furniture name.</summary>
    private const int SuspiciouslyShortChars = 300;

    /// <summary>
    /// A body shorter than this, without a sentence, may be a story written only as lists (a recipe's or a how-to's steps),
    /// which no paragraph scored: it is read again with list items scored as paragraphs.
    /// </summary>
    private const int MaxBodyCharsForListRetry = 150;

    /// <summary>The retry without class-name dropping must find this many times more text to be believed.</summary>
    private const int RetryGainRatio = 3;

    /// <summary>The JSON-LD body wins when it holds this much more text than the page's article container.</summary>
    private const double JsonLdLongerRatio = 1.3;

    /// <summary>...or when the page's container shares less than this share of its words (the wrong container was picked).</summary>
    private const double MinSharedWords = 0.5;

    /// <summary>A dropped region holding the headline is read again when its paragraphs have this much text.</summary>
    private const int MinRegionParagraphChars = 300;

    /// <summary>...and its body is kept when it has this much text, and at least half as much as the first pass found elsewhere.</summary>
    private const int MinRegionBodyChars = 150;

    /// <summary>A body shorter than this may be all a script-rendered page shows of a story its scripts hold whole.</summary>
    private const int MaxScriptStateTrialChars = 1000;

    /// <summary>The story in the page's script state replaces the page's body when it is this many times longer.</summary>
    private const int ScriptStateGainRatio = 3;

    /// <summary>Headings looked at for the article's headline.</summary>
    private const int MaxHeadlinesChecked = 5;

    public static void Extract(PageContext page, Article article)
    {
        var root = page.Document.Body ?? page.Document.DocumentElement;
        bool markdown = page.Options.IncludeMarkdown;
        var pass = ExtractBody(page, root, article, dropStrongBoilerplate: true);
        if (CharCount(pass.Blocks) < SuspiciouslyShortChars)
        {
            var retry = ExtractBody(page, root, article, dropStrongBoilerplate: false);
            int passChars = CharCount(pass.Blocks), retryChars = CharCount(retry.Blocks);
            // When the first pass found prose, the retry is believed for what the first pass dropped by name or region; text
            // the first pass saw and left out (a long box beside a short post) does not make it a better body.
            if (retryChars > Math.Max(passChars, 1) * RetryGainRatio
                && (!HasProse(pass.Blocks) || RescuedParagraphChars(retry, pass.Analysis) * 2 >= retryChars - passChars))
                pass = retry;
            passChars = CharCount(pass.Blocks);
            // Only where no sentence was found: a short post's one sentence beside a list of long items (unnamed comments) stays.
            if (passChars < MaxBodyCharsForListRetry && !HasSentence(pass.Blocks))
            {
                var lists = ExtractBody(page, root, article, pass.Analysis.DropsStrongBoilerplate, scoreListSentences: true);
                if (CharCount(lists.Blocks) > Math.Max(passChars, 1) * RetryGainRatio)
                    pass = lists;
            }
        }
        else if (DroppedHeadlineRegion(page.Headlines, pass.Analysis, page.StatedTitle) is { } region)
        {
            // The headline and its story sit in a region dropped for its name (a post in "widget social-box", a
            // forum thread in an aside): read that region alone, its furniture names weighed instead of dropped.
            var retry = ExtractBody(page, region, article, dropStrongBoilerplate: false);
            if (CharCount(retry.Blocks) >= Math.Max(MinRegionBodyChars, CharCount(pass.Blocks) / 2))
                pass = retry;
        }
        if (HeadlineStory(page.Headlines, pass.Analysis, pass.Selection, page.StatedTitle) is { } story)
        {
            // The container chosen holds this story and the next ones the page appends as the reader scrolls.
            var retry = ExtractBody(page, story, article, dropStrongBoilerplate: true);
            if (CharCount(retry.Blocks) >= MinRegionBodyChars)
                pass = retry;
        }
        var blocks = pass.Blocks;
        var lead = LineFilter.Filter(LeadFinder.Find(page.VisibleHeadline, page.Headlines, pass.Analysis, pass.Selection, blocks, page.StatedTitle), article, page.PageUri, pass.Dropped);
        // The headline opening the container goes before the lead is put in front of it (a lead the assembler left out for
        // its "teaser" name would otherwise hide the headline under it).
        DropLeadingHeadline(blocks, page.Headlines, pass.Dropped);
        blocks.InsertRange(0, lead);
        DropRepeatedHeadline(blocks, page.Headlines, pass.Dropped);
        DropTrailingHeadings(blocks, pass.Dropped);
        if (CharCount(blocks) < MaxScriptStateTrialChars && ScriptStateBlocks(page, article, blocks) is { } scripted)
        {
            page.Trace?.Body("script state", pass.Selection, null);
            blocks = scripted;
        }

        var jsonLdLines = JsonLdBody.Find(page, out bool liveBlog);
        page.Trace?.Body("page", pass.Selection, pass.Dropped);
        if (jsonLdLines is not null && PrefersJsonLd(blocks, jsonLdLines, liveBlog))
        {
            page.Trace?.Body("json-ld:articleBody", pass.Selection, null);
            blocks = new List<TextBlock>(jsonLdLines.Count);
            foreach (var line in jsonLdLines)
                blocks.Add(new TextBlock(BlockKind.Paragraph, line, markdown ? line : null, 0));
            blocks = LineFilter.Filter(blocks, article, page.PageUri, page.Trace?.Explanation.Body.Dropped);
        }

        article.Text = Join(blocks, markdown: false);
        if (markdown)
            article.Markdown = Join(blocks, markdown: true);
    }

    private readonly record struct BodyPass(PageAnalysis Analysis, List<NodeInfo> Selection, List<TextBlock> Blocks, List<DroppedBlock>? Dropped);

    private static BodyPass ExtractBody(PageContext page, IElement root, Article article, bool dropStrongBoilerplate, bool scoreListSentences = false)
    {
        var dropped = page.Trace is null ? null : new List<DroppedBlock>();
        var analysis = PageAnalysis.Analyze(root, page.Budget, dropStrongBoilerplate, dropped, scoreListSentences);
        var selection = CandidateSelector.Select(analysis);
        var siteUri = page.PageUri ?? (Uri.TryCreate(article.Url, UriKind.Absolute, out var recorded) ? recorded : null);
        var blocks = TextAssembler.Assemble(analysis, selection, page.PageUri, page.Options.IncludeMarkdown, siteUri);
        return new BodyPass(analysis, selection, LineFilter.Filter(blocks, article, page.PageUri, dropped), dropped);
    }

    /// <summary>
    /// The story held in the page's inline scripts (<see cref="ScriptStateBody"/>), read like a page when it is HTML,
    /// when it is several times longer than the body the markup gave and holds most of that body's words (a teaser
    /// shown, the story in the state); null otherwise.
    /// </summary>
    private static List<TextBlock>? ScriptStateBlocks(PageContext page, Article article, List<TextBlock> domBlocks)
    {
        if (ScriptStateBody.Find(page.Index?.HtmlScripts(page.Document) ?? page.Document.Scripts) is not { } story)
            return null;
        List<TextBlock> blocks;
        if (story.IsHtml)
        {
            using var fragment = ArticleExtractor.ParseFragment(story.Text, page.Options);
            blocks = ExtractBody(page, fragment.Body ?? fragment.DocumentElement, article, dropStrongBoilerplate: true).Blocks;
        }
        else
        {
            var lines = JsonLdBody.ToLines(story.Text);
            blocks = new List<TextBlock>(lines.Count);
            foreach (var line in lines)
                blocks.Add(new TextBlock(BlockKind.Paragraph, line, page.Options.IncludeMarkdown ? line : null, 0));
            blocks = LineFilter.Filter(blocks, article, page.PageUri, null);
        }
        int domChars = CharCount(domBlocks);
        if (CharCount(blocks) < Math.Max(domChars * ScriptStateGainRatio, SuspiciouslyShortChars))
            return null;
        if (domChars >= SuspiciouslyShortChars && !SharesMostWords(domBlocks, blocks))
            return null;
        return blocks;
    }

    /// <summary>Most words of <paramref name="part"/> occur in <paramref name="whole"/>.</summary>
    private static bool SharesMostWords(List<TextBlock> part, List<TextBlock> whole)
    {
        var wholeWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in whole)
            AddWords(block.Text, wholeWords);
        int shared = 0, total = 0;
        foreach (var block in part)
        {
            foreach (var word in Words(block.Text))
            {
                total++;
                if (wholeWords.Contains(word))
                    shared++;
            }
        }
        return shared >= total * MinSharedWords;
    }

    /// <summary>
    /// Prose the retry's containers hold in elements the first pass dropped (by their name or their page region): what
    /// the retry rescued. Each dropped element is counted whole, once, at its outermost.
    /// </summary>
    private static int RescuedParagraphChars(BodyPass retry, PageAnalysis first)
    {
        int chars = 0;
        var pending = new Stack<NodeInfo>();
        foreach (var node in retry.Selection)
        {
            if (first.Get(node.Element) is null)
                chars += node.ParagraphChars;
            else
                pending.Push(node);
        }
        while (pending.Count > 0)
        {
            var children = pending.Pop().Element.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is not IElement child || retry.Analysis.Get(child) is not { } info || info.TextChars == 0)
                    continue;
                if (first.Get(child) is null)
                    chars += info.ParagraphChars;
                else
                    pending.Push(info);
            }
        }
        return chars;
    }

    /// <summary>
    /// The outermost element dropped with the headline (the <c>h1</c> naming the title) for its name or its page
    /// region, when it also holds paragraphs of prose; null when the headline was kept or sits alone in a header.
    /// </summary>
    private static IElement? DroppedHeadlineRegion(IReadOnlyList<IElement> headlines, PageAnalysis analysis, string? title)
    {
        if (string.IsNullOrEmpty(title))
            return null;
        HashSet<string>? titleWords = null;
        int checkedHeadlines = 0;
        foreach (var h1 in headlines)
        {
            if (++checkedHeadlines > MaxHeadlinesChecked)
                break;
            if (analysis.Get(h1) is not null)
                continue;
            titleWords ??= LeadFinder.WordsOf(title);
            if (!LeadFinder.NamesTitle(h1, titleWords))
                continue;
            IElement region = h1;
            var keptAncestor = h1.ParentElement;
            for (; keptAncestor is not null && analysis.Get(keptAncestor) is null; keptAncestor = keptAncestor.ParentElement)
                region = keptAncestor;
            if (keptAncestor is null || BoilerplateSignals.IsHidden(region)
                || BoilerplateSignals.RoleOf(region.LocalName) == TagRole.Skip && !BoilerplateSignals.IsPageRegion(region.LocalName))
                continue;
            int paragraphChars = 0;
            foreach (var paragraph in region.GetElementsByTagName("p"))
                if ((paragraphChars += paragraph.TextContent.Length) >= MinRegionParagraphChars)
                    return region;
        }
        return null;
    }

    /// <summary>
    /// The <c>article</c> holding the headline (the kept <c>h1</c> naming the title) when the selected container also
    /// holds another <c>article</c> with an <c>h1</c> of its own after it: stories appended to the page one after another.
    /// Null otherwise.
    /// </summary>
    private static IElement? HeadlineStory(IReadOnlyList<IElement> headlines, PageAnalysis analysis, List<NodeInfo> selection, string? title)
    {
        if (string.IsNullOrEmpty(title) || headlines.Count < 2)
            return null;
        var titleWords = LeadFinder.WordsOf(title);
        IElement? headline = null;
        int index = 0;
        for (; index < headlines.Count && index < MaxHeadlinesChecked; index++)
        {
            if (analysis.Get(headlines[index]) is not null && LeadFinder.NamesTitle(headlines[index], titleWords))
            {
                headline = headlines[index];
                break;
            }
        }
        if (headline is null || ClosestArticle(headline) is not { } story || !IsSelected(story, selection))
            return null;
        for (int next = index + 1; next < headlines.Count && next <= index + MaxHeadlinesChecked; next++)
        {
            var other = headlines[next];
            if (analysis.Get(other) is not null && !IsAncestor(story, other) && ClosestArticle(other) is not null
                && IsSelected(other, selection) && !LeadFinder.NamesTitle(other, titleWords))
                return story;
        }
        return null;
    }

    /// <summary>The element is one of the selected containers or inside one.</summary>
    private static bool IsSelected(IElement element, List<NodeInfo> selection)
    {
        foreach (var node in selection)
            if (node.Element == element || IsAncestor(node.Element, element))
                return true;
        return false;
    }

    private static IElement? ClosestArticle(IElement element)
    {
        for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
            if (ancestor.LocalName == "article")
                return ancestor;
        return null;
    }

    private static bool IsAncestor(IElement ancestor, IElement element)
    {
        for (var current = element.ParentElement; current is not null; current = current.ParentElement)
            if (current == ancestor)
                return true;
        return false;
    }

    /// <summary>
    /// The page's headline (one of its first <c>h1</c>s) as the body's first line, left by the line filter because the
    /// record's title is another text (a <c>&lt;title&gt;</c> naming only a kicker or a section): the headline all the same.
    /// </summary>
    /// <summary>Short lines (a kicker, a dateline) looked past for the headline opening the text.</summary>
    private const int MaxLinesAboveHeadline = 2;

    private static void DropLeadingHeadline(List<TextBlock> blocks, IReadOnlyList<IElement> headlines, List<DroppedBlock>? dropped)
    {
        // The headline opens the text, or follows its kicker or a dateline ("Energie" over "Das Netz der Zukunft").
        int at = 0;
        while (at < MaxLinesAboveHeadline && at + 2 < blocks.Count && blocks[at].Kind != BlockKind.Heading && LineFilter.IsAboveHeadline(blocks[at]))
            at++;
        if (blocks.Count < at + 2 || blocks[at].Kind != BlockKind.Heading)
            return;
        int checkedHeadlines = 0;
        foreach (var h1 in headlines)
        {
            if (++checkedHeadlines > MaxHeadlinesChecked)
                break;
            if (LineFilter.SameWords(h1.TextContent, blocks[at].Text))
            {
                if (dropped is not null)
                    for (int i = 0; i <= at; i++)
                        ExtractionTrace.Drop(dropped, i == at ? "the page's headline" : "over the headline", blocks[i].Text);
                blocks.RemoveRange(0, at + 1);
                return;
            }
        }
    }

    /// <summary>
    /// Headings further down that say the page's only headline again: the title of a recipe card or a product box set under
    /// the story it closes. Pages of several headlines (a blog's front page) title each post with its own.
    /// </summary>
    private static void DropRepeatedHeadline(List<TextBlock> blocks, IReadOnlyList<IElement> headlines, List<DroppedBlock>? dropped)
    {
        if (headlines.Count != 1)
            return;
        var headline = headlines[0].TextContent;
        for (int i = blocks.Count - 1; i >= 0; i--)
        {
            if (blocks[i].Kind != BlockKind.Heading || !LineFilter.SameWords(headline, blocks[i].Text))
                continue;
            if (dropped is not null)
                ExtractionTrace.Drop(dropped, "the page's headline", blocks[i].Text);
            blocks.RemoveAt(i);
        }
    }

    /// <summary>
    /// Headings left at the end of the body with nothing under them: the title of a box whose content was dropped (a
    /// link-only list, related stories, a form). Not the only line. A last line ending in a colon stays: it introduces
    /// an embedded post or a gallery ("Twitter seemed confused by the campaign:").
    /// </summary>
    private static void DropTrailingHeadings(List<TextBlock> blocks, List<DroppedBlock>? dropped)
    {
        while (blocks.Count > 1 && blocks[^1].Kind == BlockKind.Heading)
        {
            if (dropped is not null)
                ExtractionTrace.Drop(dropped, "heading over nothing", blocks[^1].Text);
            blocks.RemoveAt(blocks.Count - 1);
        }
    }

    /// <summary>Some line that is not a heading: a headline the line filter did not know is not a post.</summary>
    private static bool HasProse(List<TextBlock> blocks)
    {
        foreach (var block in blocks)
            if (block.Kind != BlockKind.Heading)
                return true;
        return false;
    }

    /// <summary>A line other than a heading that ends as a sentence does.</summary>
    private static bool HasSentence(List<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            var text = block.Text.AsSpan().TrimEnd(" \"'»”’)");
            if (block.Kind != BlockKind.Heading && text.Length > 0 && LineFilter.IsSentenceMark(text[^1]))
                return true;
        }
        return false;
    }

    private static int CharCount(List<TextBlock> blocks)
    {
        int chars = 0;
        foreach (var block in blocks)
            chars += block.Text.Length;
        return chars;
    }

    /// <summary>
    /// The JSON-LD body is longer than the page's, or shares few of its words (the page's container is the wrong one).
    /// A live blog's summary shares few words with the updates by nature: only its length counts.
    /// </summary>
    private static bool PrefersJsonLd(List<TextBlock> blocks, List<string> jsonLdLines, bool liveBlog)
    {
        var domWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int domChars = 0;
        foreach (var block in blocks)
            domChars += AddWords(block.Text, domWords);
        int jsonLdChars = 0, shared = 0, total = 0;
        foreach (var line in jsonLdLines)
        {
            jsonLdChars += line.Length;
            foreach (var word in Words(line))
            {
                total++;
                if (domWords.Contains(word))
                    shared++;
            }
        }
        if (jsonLdChars > domChars * JsonLdLongerRatio)
            return true;
        return !liveBlog && total > 0 && shared < total * MinSharedWords;
    }

    private static int AddWords(string text, HashSet<string> into)
    {
        foreach (var word in Words(text))
            into.Add(word);
        return text.Length;
    }

    /// <summary>The runs of letters and digits in <paramref name="text"/>.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool wordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (wordChar && start < 0)
                start = i;
            else if (!wordChar && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static string Join(List<TextBlock> blocks, bool markdown)
    {
        var text = new StringBuilder();
        BlockKind? previous = null;
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
                // Markdown needs a blank line between paragraphs; list items, rows and quote lines stay together.
                if (markdown && !(block.Kind == previous && block.Kind is BlockKind.ListItem or BlockKind.TableRow or BlockKind.Quote or BlockKind.Preformatted))
                    text.Append('\n');
            }
            text.Append(markdown ? block.Markdown : block.Text);
            previous = block.Kind;
        }
        return text.ToString();
    }
}
