using System.Buffers;
using AngleSharp.Dom;
using Gleaner.Extraction.Explain;

namespace Gleaner.Extraction.Content;

/// <summary>What one walk of the page learned about an element that may hold article text.</summary>
internal sealed class NodeInfo
{
    public NodeInfo(IElement element, NodeInfo? parent, TagRole role, int classWeight)
    {
        Element = element;
        Parent = parent;
        Role = role;
        ClassWeight = classWeight;
    }

    public IElement Element { get; }
    public NodeInfo? Parent { get; }
    public TagRole Role { get; }

    /// <summary>Class and id evidence: positive for article words, negative for furniture.</summary>
    public int ClassWeight { get; }

    /// <summary>Visible non-space characters in the subtree.</summary>
    public int TextChars { get; set; }

    /// <summary>Of <see cref="TextChars"/>, those inside links.</summary>
    public int LinkChars { get; set; }

    /// <summary>Commas (of any script) in the subtree: prose has them, menus do not.</summary>
    public int Commas { get; set; }

    /// <summary>Characters of this block's own line(s), not counting nested blocks.</summary>
    public int InlineChars { get; set; }

    public int InlineLinkChars { get; set; }

    public int InlineCommas { get; set; }

    /// <summary>
    /// The block's own text since its last blank line (two line breaks): a story written as one element's text split by
    /// "&lt;br&gt;&lt;br&gt;" shows each run as a paragraph, and each scores as one (<see cref="PageAnalysis"/>).
    /// </summary>
    public int RunChars { get; set; }

    public int RunLinkChars { get; set; }

    public int RunCommas { get; set; }

    /// <summary>Line breaks in the block's own text since its last text: two make a blank line that ends a run.</summary>
    public int BreaksSinceText { get; set; }

    /// <summary>Runs that ended, long enough and with few enough links to count as paragraphs.</summary>
    public int Runs { get; set; }

    /// <summary>What those runs score, each as a paragraph of its own text.</summary>
    public double RunsScore { get; set; }

    /// <summary>Paragraphs (scored text blocks) in the subtree.</summary>
    public int Paragraphs { get; set; }

    /// <summary>Characters of those paragraphs: the prose of the subtree, however deep it sits.</summary>
    public int ParagraphChars { get; set; }

    /// <summary>
    /// Under a heading that titles a box beside the story (readers' comments, reviews, the author's bio, the licence):
    /// its paragraphs score no container, and the text assembler leaves it out.
    /// </summary>
    public bool InFurnitureSection { get; set; }

    /// <summary>Buttons in the subtree that close something (<see cref="BoilerplateSignals.IsCloseButton"/>): a pop-up holds one.</summary>
    public int CloseButtons { get; set; }

    /// <summary>E-mail fields in the subtree: a newsletter's or a comment form's sign-up box holds one.</summary>
    public int EmailFields { get; set; }

    /// <summary>A pop-up says a few paragraphs at most.</summary>
    public const int MaxPopUpChars = 1500;

    /// <summary>
    /// A short block holding a close button (a notice, a paywall or newsletter layer the reader dismisses) or an e-mail
    /// field (a newsletter's sign-up box), beside a story of the given prose: not the story's unless it holds most of that
    /// prose (a short story beside a player's close button).
    /// </summary>
    public bool IsPopUpBeside(int storyParagraphChars)
        => (CloseButtons > 0 || EmailFields > 0) && TextChars <= MaxPopUpChars && ParagraphChars * 2 < storyParagraphChars;

    /// <summary>Links set as buttons in the subtree (<see cref="BoilerplateSignals.IsButtonLink"/>): a call to action ends with one.</summary>
    public int ButtonLinks { get; set; }

    /// <summary>
    /// Links to a writer's page of the site (<see cref="BoilerplateSignals.IsAuthorPageLink"/>) in the subtree set on a line of
    /// their own, not in a paragraph or list item: the name over an author card, or a byline.
    /// </summary>
    public int NameLinksToAuthorPage { get; set; }

    /// <summary>Content score gathered from the paragraphs below; meaningful when <see cref="IsCandidate"/>.</summary>
    public double Score { get; set; }

    public bool IsCandidate { get; set; }

    public double LinkDensity => TextChars == 0 ? 0 : (double)LinkChars / TextChars;

    /// <summary>The score a candidate competes with: links count against it.</summary>
    public double FinalScore => (Score - UnearnedClassWeight) * (1 - LinkDensity);

    /// <summary>Prose a candidate must hold to earn its article name's whole weight.</summary>
    private const int MinNamedStoryProse = 400;

    /// <summary>
    /// The part of an article name's weight a candidate holding little prose does not earn: a theme names its boxes
    /// "box-content", "item-content" as it names the story, and a sidebar box of two short paragraphs would otherwise
    /// outweigh a story of several in a container without a name.
    /// </summary>
    private double UnearnedClassWeight
        => ClassWeight > 0 && ParagraphChars < MinNamedStoryProse ? ClassWeight * (1 - (double)ParagraphChars / MinNamedStoryProse) : 0;
}

/// <summary>
/// Phase 2: one walk over the page that drops furniture (by tag, class/id and visibility), measures
/// text and link lengths for every kept element and scores the containers of paragraphs.
/// An element absent from <see cref="Nodes"/> was dropped, with its subtree.
/// </summary>
internal sealed class PageAnalysis
{
    /// <summary>Shortest text block that counts as a paragraph (Readability's figure).</summary>
    private const int MinParagraphChars = 25;

    /// <summary>
    /// Shortest list item that counts as a paragraph when list sentences are scored: a sentence, as a recipe's or a how-to's
    /// steps are written. Shorter items (ingredients, menu entries, keywords) score nothing.
    /// </summary>
    private const int MinListSentenceChars = 80;

    /// <summary>A block whose text is mostly link text is a menu or a teaser, not a paragraph.</summary>
    private const double MaxParagraphLinkDensity = 0.5;

    /// <summary>Paragraph length, in characters, that earns one point, up to <see cref="MaxLengthPoints"/>.</summary>
    private const int CharsPerPoint = 100;

    private const int MaxLengthPoints = 3;

    /// <summary>How many ancestors a paragraph's score reaches (the article container is rarely further away).</summary>
    private const int ScoredAncestorLevels = 5;

    /// <summary>Subtrees nested deeper than this are ignored: bounds recursion on hostile pages.</summary>
    private const int MaxDepth = 256;

    private readonly bool _dropStrongBoilerplate;
    private readonly bool _scoreListSentences;
    private readonly WorkBudget.Walk _steps;
    private readonly List<DroppedBlock>? _dropped;

    private PageAnalysis(NodeInfo root, WorkBudget budget, bool dropStrongBoilerplate, bool scoreListSentences, List<DroppedBlock>? dropped)
    {
        _scoreListSentences = scoreListSentences;
        _dropped = dropped;
        Root = root;
        Budget = budget;
        _steps = budget.StartWalk();
        _dropStrongBoilerplate = dropStrongBoilerplate;
    }

    public Dictionary<IElement, NodeInfo> Nodes { get; } = new(ReferenceEqualityComparer.Instance);

    public List<NodeInfo> Candidates { get; } = [];

    public NodeInfo Root { get; }

    /// <summary>Elements with a furniture class or id, and page regions, were dropped (the first pass, not the retry).</summary>
    public bool DropsStrongBoilerplate => _dropStrongBoilerplate;

    /// <summary>The page's work budget, for the walks that follow this one.</summary>
    public WorkBudget Budget { get; }

    public NodeInfo? Get(IElement element) => Nodes.GetValueOrDefault(element);

    /// <param name="root">The page's body.</param>
    /// <param name="budget">The page's work budget: this walk, and the text assembly over it, stop where their steps run out.</param>
    /// <param name="dropStrongBoilerplate">Drop elements whose class or id surely marks furniture, and the page
    /// regions (aside, header, footer) whole. A retry without it rescues pages whose whole layout hangs under a
    /// misleading name ("advertisement-off-canvas-pusher") and posts that sit in an aside (forums, live tickers).</param>
    /// <param name="dropped">Where dropped elements are recorded with their rule, when the extraction is explained.</param>
    /// <param name="scoreListSentences">Score a list item holding a sentence as a paragraph of its list: the retry for a story
    /// written only as lists (a recipe's or a how-to's steps). Not in the first pass, where a list of long items beside a
    /// story is more often its comments, an agenda or teasers.</param>
    public static PageAnalysis Analyze(IElement root, WorkBudget budget, bool dropStrongBoilerplate = true, List<DroppedBlock>? dropped = null,
        bool scoreListSentences = false)
    {
        var rootInfo = new NodeInfo(root, null, TagRole.Block, 0);
        var analysis = new PageAnalysis(rootInfo, budget, dropStrongBoilerplate, scoreListSentences, dropped);
        analysis.Nodes[root] = rootInfo;
        analysis.Walk(rootInfo, rootInfo, inLink: false, depth: 0);
        return analysis;
    }

    private void Walk(NodeInfo info, NodeInfo block, bool inLink, int depth)
    {
        var children = info.Element.ChildNodes;
        for (int i = 0; i < children.Length && _steps.Spend(); i++)
        {
            var child = children[i];
            // AngleSharp's Element class: the element's name is then a plain call, not an interface dispatch through a stub
            // that misses on each of the dozens of element classes.
            if (child is not Element element)
            {
                if (child.NodeType == NodeType.Text)
                    CountText(((ICharacterData)child).Data, info, block, inLink);
                continue;
            }
            if (depth >= MaxDepth)
                continue;

            var role = BoilerplateSignals.RoleOf(element.LocalName);
            if (role == TagRole.Skip && (!_dropStrongBoilerplate && BoilerplateSignals.IsPageRegion(element.LocalName)
                                         || BoilerplateSignals.IsSectionHeader(element)))
                role = TagRole.Block;
            else if (role == TagRole.Skip && element.LocalName == "button" && BoilerplateSignals.IsDisclosureTitle(element))
                role = TagRole.Inline;
            if (role == TagRole.Skip || BoilerplateSignals.IsHidden(element))
            {
                if (element.LocalName == "button" && BoilerplateSignals.IsCloseButton(element))
                    info.CloseButtons++;
                else if (element.LocalName == "input" && BoilerplateSignals.IsEmailField(element))
                    info.EmailFields++;
                if (_dropped is not null)
                    ExtractionTrace.Drop(_dropped, role == TagRole.Skip ? "furniture tag" : "hidden", element);
                continue;
            }
            int weight = BoilerplateSignals.ClassWeight(element, out bool strongBoilerplate);
            // The title of a disclosure panel (a FAQ's question in "<summary class="accordion-header">"): its class names its
            // place in the widget, and it belongs to the text as its panel does.
            if (weight < 0 && !strongBoilerplate && element.LocalName == "summary")
                weight = 0;
            // A table, its body or a row named "main" or "content" is the page's layout grid: the story sits in one of its
            // cells, beside the cells of menus and boxes, so the name earns the grid nothing (it would draw the selection
            // up from the story's cell to the whole layout).
            if (weight > 0 && element.LocalName is "table" or "tbody" or "thead" or "tr")
                weight = 0;
            if (strongBoilerplate && (_dropStrongBoilerplate || BoilerplateSignals.IsAuthorBox(element)) && !IsInlineInSentence(element, role)
                && !BoilerplateSignals.IsFoldedContinuation(element))
            {
                if (_dropped is not null)
                    ExtractionTrace.Drop(_dropped, "furniture class or id", element);
                continue;
            }
            if (role == TagRole.Inline && IsLeadingDate(element, weight))
            {
                if (_dropped is not null)
                    ExtractionTrace.Drop(_dropped, "date before the text", element);
                continue;
            }
            if (role == TagRole.Inline && weight < 0 && HoldsPicture(element) && !IsInlineInSentence(element, role))
            {
                // A picture and its caption set in inline markup ("<span class="end_photo_org"><img><em>caption</em></span>"):
                // a figure without the figure tag.
                if (_dropped is not null)
                    ExtractionTrace.Drop(_dropped, "inline picture", element);
                continue;
            }
            if (role == TagRole.LineBreak)
                // A rule ends a paragraph as a blank line does.
                block.BreaksSinceText += element.LocalName == "hr" ? 2 : 1;
            var module = role == TagRole.Block ? ModuleOf(element) : Module.None;
            if (module == Module.Related)
            {
                if (_dropped is not null)
                    ExtractionTrace.Drop(_dropped, "related module", element);
                continue;
            }

            var childInfo = new NodeInfo(element, info, role, weight);
            // Also in the retry with relaxed rules: a heading, not a name, says what the box is, and a short post's retry
            // must not find the comments under it.
            childInfo.InFurnitureSection = info.InFurnitureSection || module == Module.FurnitureSection;
            if (childInfo.InFurnitureSection && !info.InFurnitureSection && _dropped is not null)
                ExtractionTrace.Drop(_dropped, "furniture section", element);
            Nodes[element] = childInfo;
            if (role == TagRole.Link && BoilerplateSignals.IsButtonLink(element))
                childInfo.ButtonLinks++;
            else if (role == TagRole.Link && block.Element.LocalName is not ("p" or "li") && BoilerplateSignals.IsAuthorPageLink(element))
                childInfo.NameLinksToAuthorPage++;
            bool startsBlock = role is not (TagRole.Inline or TagRole.Link or TagRole.LineBreak);
            Walk(childInfo, startsBlock ? childInfo : block, inLink || role == TagRole.Link, depth + 1);
            if (startsBlock)
                ScoreParagraph(childInfo);

            info.TextChars += childInfo.TextChars;
            info.LinkChars += childInfo.LinkChars;
            info.Commas += childInfo.Commas;
            info.Paragraphs += childInfo.Paragraphs;
            info.ParagraphChars += childInfo.ParagraphChars;
            info.CloseButtons += childInfo.CloseButtons;
            info.EmailFields += childInfo.EmailFields;
            info.ButtonLinks += childInfo.ButtonLinks;
            info.NameLinksToAuthorPage += childInfo.NameLinksToAuthorPage;
        }
    }

    /// <summary>
    /// A link or inline span with words of the sentence right before or after it ("the council approved <c>&lt;a
    /// class="related-link"&gt;</c>the bridge<c>&lt;/a&gt;</c> on Monday", "costs <c>&lt;span class="promo-highlight"&gt;</c>40
    /// million<c>&lt;/span&gt;</c>"): its name says where it points or how it looks, not that it is furniture; dropping it would
    /// cut the sentence.
    /// </summary>
    private static bool IsInlineInSentence(IElement element, TagRole role)
        => role == TagRole.Link && (HasWords(element.PreviousSibling) || HasWords(element.NextSibling))
           // A span beside letters only: one beside a number alone is a widget's label ("<span class="sr-only">Duration:</span>0:00").
           || role == TagRole.Inline && (HasLetters(element.PreviousSibling) || HasLetters(element.NextSibling))
              && element.Attr("class")?.AsSpan().IndexOfAny(NotOfTheSentence) is null or < 0;

    /// <summary>
    /// Class fragments of an inline span that is not part of the sentence around it, even there: text for screen readers
    /// only ("opens in a new window"), and the dateline, byline or picture credit a paragraph starts or ends with.
    /// </summary>
    private static readonly SearchValues<string> NotOfTheSentence = SearchValues.Create(
        ["sr-only", "sr_only", "screen-reader", "screenreader", "visually-hidden", "visuallyhidden", "offscreen", "dateline", "byline", "credit", "caption"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>An <c>img</c> or <c>picture</c> among the element's children.</summary>
    private static bool HoldsPicture(IElement element)
    {
        foreach (var child in element.Children)
            if (child.LocalName is "img" or "picture")
                return true;
        return false;
    }

    /// <summary>Longest text read as a date standing before a paragraph's text.</summary>
    private const int MaxLeadingDateChars = 40;

    /// <summary>Text that must follow the date on its line for the line to be a paragraph rather than a dateline.</summary>
    private const int MinTextAfterLeadingDate = 60;

    /// <summary>Siblings looked at on either side of a date: enough for an image or a space, and the walk stays linear.</summary>
    private const int MaxSiblingsAroundDate = 8;

    /// <summary>
    /// A <c>time</c> or an inline element that holds only a date, starts its line and is followed there by the text
    /// ("<c>&lt;span class="news-date"&gt;12.03.2024&lt;/span&gt;&lt;img&gt;</c>The library…", "<c>&lt;span class="info"&gt;21. März
    /// 2024, 11:05 Uhr&lt;/span&gt;</c> In Leipzig…"): the post's date glued to its first paragraph. An element not named for a
    /// date must hold a full date, not a clock time alone (a live blog's entry time), and not label what follows as a
    /// timeline's entry does ("<c>&lt;b&gt;March 29, 2008:&lt;/b&gt;</c> The Dodgers…"). A date inside a sentence, or on a line
    /// of its own (a dateline the line filter judges whole, "Stand: 26.04.2024"), stays.
    /// </summary>
    internal static bool IsLeadingDate(IElement element, int classWeight)
    {
        if (!StartsLine(element) || !TextFollowsOnLine(element))
            return false;
        var text = element.TextContent;
        if (text.Length > MaxLeadingDateChars || !LineFilter.IsDateOnly(text))
            return false;
        return classWeight < 0 || element.LocalName == "time"
            || Metadata.DateParser.ContainsDate(text) && !text.AsSpan().TrimEnd().EndsWith(':');
    }

    /// <summary>Nothing but space, pictures or other skipped elements before the element on its line.</summary>
    private static bool StartsLine(IElement element)
    {
        int looked = 0;
        for (var node = element.PreviousSibling; node is not null; node = node.PreviousSibling)
        {
            if (++looked > MaxSiblingsAroundDate)
                return false;
            if (node is IElement sibling)
            {
                var role = BoilerplateSignals.RoleOf(sibling.LocalName);
                if (role is not (TagRole.Skip or TagRole.Inline or TagRole.Link))
                    return true;
                if (role != TagRole.Skip && sibling.TextContent.AsSpan().Trim().Length > 0)
                    return false;
            }
            else if (HasWords(node))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>At least <see cref="MinTextAfterLeadingDate"/> characters of text after the element before its line ends.</summary>
    private static bool TextFollowsOnLine(IElement element)
    {
        int chars = 0, looked = 0;
        for (var node = element.NextSibling; node is not null && chars < MinTextAfterLeadingDate; node = node.NextSibling)
        {
            if (++looked > MaxSiblingsAroundDate)
                return false;
            if (node is IElement sibling)
            {
                var role = BoilerplateSignals.RoleOf(sibling.LocalName);
                if (role is not (TagRole.Skip or TagRole.Inline or TagRole.Link))
                    return false;
                if (role != TagRole.Skip)
                    chars += sibling.TextContent.AsSpan().Trim().Length;
            }
            else if (node.NodeType == NodeType.Text)
            {
                chars += ((ICharacterData)node).Data.AsSpan().Trim().Length;
            }
        }
        return chars >= MinTextAfterLeadingDate;
    }

    private static bool HasWords(INode? node)
        => node is { NodeType: NodeType.Text } && !string.IsNullOrWhiteSpace(((ICharacterData)node).Data);

    private static bool HasLetters(INode? node)
    {
        if (node is not { NodeType: NodeType.Text })
            return false;
        foreach (var c in ((ICharacterData)node).Data)
            if (char.IsLetter(c))
                return true;
        return false;
    }

    private static void CountText(string data, NodeInfo owner, NodeInfo block, bool inLink)
    {
        int chars = 0, commas = 0;
        foreach (var c in data)
        {
            if (c <= ' ' || char.IsWhiteSpace(c))
                continue;
            chars++;
            if (c is ',' or '\uFF0C' or '\u3001' or '\u060C')
                commas++;
        }
        if (chars == 0)
            return;
        owner.TextChars += chars;
        owner.Commas += commas;
        block.InlineChars += chars;
        block.InlineCommas += commas;
        if (block.BreaksSinceText >= 2)
            EndRun(block);
        block.BreaksSinceText = 0;
        block.RunChars += chars;
        block.RunCommas += commas;
        if (inLink)
        {
            owner.LinkChars += chars;
            block.InlineLinkChars += chars;
            block.RunLinkChars += chars;
        }
    }

    /// <summary>Ends the block's current run of text at a blank line; a run that would be a paragraph as a <c>p</c> counts as one.</summary>
    private static void EndRun(NodeInfo block)
    {
        if (block.RunChars >= MinParagraphChars && block.RunLinkChars <= block.RunChars * MaxParagraphLinkDensity)
        {
            block.Runs++;
            block.RunsScore += ParagraphScore(block.RunChars, block.RunCommas);
        }
        block.RunChars = block.RunLinkChars = block.RunCommas = 0;
    }

    /// <summary>Readability's score of a paragraph: one point, one per comma, one per hundred characters up to three.</summary>
    private static double ParagraphScore(int chars, int commas) => 1 + commas + Math.Min(chars / CharsPerPoint, MaxLengthPoints);

    /// <summary>Longest text of a heading that may title a module.</summary>
    private const int MaxModuleHeadingChars = 80;

    private enum Module : byte { None, Related, FurnitureSection }

    /// <summary>
    /// What a container's opening heading makes it. <see cref="Module.Related"/>: a heading over links to other stories
    /// ("You may also like", a heading named "related"), a module of teasers however much prose they quote.
    /// <see cref="Module.FurnitureSection"/>: a heading over readers' comments, reviews or the author's bio ("12 Kommentare",
    /// "Recensioni", "Über mich"), which may outweigh a short post. Neither when the container holds an <c>h1</c> (the story
    /// under a page-wide heading). Each element is looked at as its parent's opening child once, so the cost stays linear.
    /// </summary>
    private static Module ModuleOf(IElement container)
    {
        if (IsTeaserList(container))
            return container.QuerySelector("h1") is null ? Module.Related : Module.None;
        IElement? heading = null;
        foreach (var child in container.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                if (!string.IsNullOrWhiteSpace(((ICharacterData)child).Data))
                    return Module.None;
                continue;
            }
            if (child is not IElement element)
                continue;
            // Anchors, scripts and icons before the heading do not count.
            if (BoilerplateSignals.RoleOf(element.LocalName) == TagRole.Skip && !(element.LocalName == "header" && BoilerplateSignals.IsSectionHeader(element))
                || element.LocalName == "a" && !element.HasChildNodes)
                continue;
            heading = element;
            break;
        }
        // A content management system's header around the box's title ("<header class="frame-header"><h3>Pressekontakt</h3>").
        if (heading is { LocalName: "header" } && BoilerplateSignals.IsSectionHeader(heading))
            heading = heading.FirstElementChild;
        if (heading is null || heading.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6"))
            return Module.None;
        var text = heading.TextContent;
        if (text.Length > MaxCommentsHeadingChars)
            return Module.None;
        var module = text.Length <= MaxModuleHeadingChars && (LineFilter.IsRelatedHeading(text)
            || heading.Attr("class") is { } className && (className.Contains("related", StringComparison.OrdinalIgnoreCase)
                || className.Contains("recommend", StringComparison.OrdinalIgnoreCase))) ? Module.Related
            : LineFilter.IsFurnitureSectionHeading(text) ? Module.FurnitureSection
            : Module.None;
        return module != Module.None && container.QuerySelector("h1") is null ? module : Module.None;
    }

    /// <summary>Teasers side by side that make their container a list of other stories.</summary>
    private const int MinTeaserArticles = 2;

    /// <summary>
    /// Other stories' teasers: <see cref="MinTeaserArticles"/> or more <c>article</c> children, all short and each titled
    /// by a link to its story ("<c>&lt;article&gt;&lt;h2&gt;&lt;a href="…"&gt;Title&lt;/a&gt;&lt;/h2&gt;&lt;p&gt;excerpt…&lt;/p&gt;&lt;/article&gt;</c>"), under a
    /// post or beside it, however much excerpt they quote. A live blog's or a forum's entries are not titled by links.
    /// Each article is looked at by its parent only, so the cost stays linear.
    /// </summary>
    private static bool IsTeaserList(IElement container)
    {
        int teasers = 0;
        foreach (var child in container.Children)
        {
            if (child.LocalName != "article")
                continue;
            // An article of several paragraphs or a long one among them is a story (a theme that links the post's own title),
            // and the container holds it.
            if (!HasLinkedHeading(child) || child.TextContent.Length > MaxTeaserChars || HasSeveralParagraphs(child))
                return false;
            teasers++;
        }
        return teasers >= MinTeaserArticles;
    }

    /// <summary>Longest text of a teaser: a title and an excerpt of a few sentences.</summary>
    private const int MaxTeaserChars = 600;

    /// <summary>Two or more <c>p</c> elements in the article: a teaser quotes one excerpt.</summary>
    private static bool HasSeveralParagraphs(IElement article) => article.QuerySelectorAll("p").Length > 1;

    /// <summary>Words of a story's title, at least; a forum post's heading links its writer's one- or two-word name.</summary>
    private const int MinTitleWords = 3;

    /// <summary>...or characters of a title written without spaces (Chinese, Japanese).</summary>
    private const int MinUnspacedTitleChars = 8;

    /// <summary>Where the scripts written without spaces between words start (CJK punctuation, kana, ideographs).</summary>
    internal const char UnspacedScriptStart = '\u3000';

    /// <summary>The article's first heading is a link to a story's title and nothing else.</summary>
    private static bool HasLinkedHeading(IElement article)
    {
        if (article.QuerySelector("h1, h2, h3, h4, h5, h6") is not { } heading || heading.QuerySelector("a") is not { } link)
            return false;
        var title = heading.TextContent.AsSpan().Trim();
        if (title.Length == 0 || link.TextContent.AsSpan().Trim().Length != title.Length)
            return false;
        int words = title.Count(' ') + 1;
        return words >= MinTitleWords || words == 1 && title[0] >= UnspacedScriptStart && title.Length >= MinUnspacedTitleChars;
    }

    /// <summary>Longest heading read as a comments title ("12 thoughts on “…”" repeats the post's title).</summary>
    private const int MaxCommentsHeadingChars = 240;

    /// <summary>A block with enough own prose is a paragraph: it scores its container and the few above it.</summary>
    private void ScoreParagraph(NodeInfo block)
    {
        bool listSentence = _scoreListSentences && block.Role == TagRole.ListItem;
        if (!listSentence && block.Role is not (TagRole.Block or TagRole.Preformatted or TagRole.Quote or TagRole.TableCell))
            return;
        if (block.InlineChars < (listSentence ? MinListSentenceChars : MinParagraphChars))
            return;
        if (block.InlineLinkChars > block.InlineChars * MaxParagraphLinkDensity || block.InFurnitureSection)
            return;

        block.Paragraphs++;
        block.ParagraphChars += block.InlineChars;
        double score = ParagraphScore(block.InlineChars, block.InlineCommas);
        // Text split by blank lines ("<br><br>") scores as the paragraphs it shows, as many p elements would: scored as one,
        // a whole story in one element lost to a box of a few short blocks.
        EndRun(block);
        if (block.Runs > 1)
        {
            block.Paragraphs += block.Runs - 1;
            score = Math.Max(score, block.RunsScore);
        }
        // A div or cell holding its own text (paragraphs split by <br>) is a container as well as a paragraph; a list item
        // is a paragraph of its list, as a p is of its div.
        bool selfContainer = !listSentence && (block.Role != TagRole.Block || block.Element.LocalName != "p");
        var ancestor = selfContainer ? block : block.Parent;
        for (int level = 0; ancestor is not null && level < ScoredAncestorLevels; level++, ancestor = ancestor.Parent)
        {
            if (!ancestor.IsCandidate)
            {
                ancestor.IsCandidate = true;
                ancestor.Score = TagBonus(ancestor.Element.LocalName) + ancestor.ClassWeight;
                Candidates.Add(ancestor);
            }
            ancestor.Score += level switch
            {
                0 => score,
                1 => score / 2,
                _ => score / (level * 3),
            };
        }
    }

    /// <summary>Readability's prior for a container by tag: divs usually wrap articles, lists and headings rarely do.</summary>
    private static int TagBonus(string localName) => localName switch
    {
        "div" or "article" or "main" => 5,
        "section" or "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };
}
