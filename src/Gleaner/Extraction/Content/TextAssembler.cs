using System.Text;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Content;

internal enum BlockKind : byte
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
    TableRow,
    Preformatted,
}

/// <summary>One line of the article: its plain text and, when asked for, its Markdown.</summary>
internal sealed record TextBlock(BlockKind Kind, string Text, string? Markdown, int LinkChars);

/// <summary>
/// Phase 4: walks the selected containers and writes their text as lines. Block elements end lines,
/// inline elements never split or glue words, whitespace is normalized, and containers inside the
/// article that look like furniture (link lists, weak boilerplate classes) are left out.
/// </summary>
internal sealed class TextAssembler
{
    /// <summary>A container with this many commas is prose, whatever its links or class say.</summary>
    private const int ProseCommas = 10;

    /// <summary>Above this link density a container inside the article is a link list or teaser box.</summary>
    private const double MaxContainerLinkDensity = 0.5;

    /// <summary>Prose, in paragraphs, that a link-heavy container must hold to be walked rather than dropped whole.</summary>
    private const int MinNestedProseChars = 300;

    /// <summary>Above this link density a single paragraph is a "read more" teaser rather than a sentence with a link.</summary>
    private const double MaxParagraphLinkDensity = 0.8;

    private readonly PageAnalysis _analysis;
    private readonly WorkBudget.Walk _steps;
    private readonly Uri? _pageUri;
    /// <summary>The page's address, or its canonical one when it was read from a file: whose links lead elsewhere.</summary>
    private readonly Uri? _siteUri;
    private readonly bool _markdown;
    private readonly List<TextBlock> _blocks = [];
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _md = new();

    private bool _pendingSpace;
    /// <summary>An inline element follows another with no text between: a layout's label and value, set apart by styles.</summary>
    private bool _elementBoundary;
    private int _lineLinkChars;
    private int _lineSerial;
    private int _mdTextStart;
    private BlockKind _lineKind;

    // Context of the element being walked.
    private int _headingLevel;
    private int _quoteDepth;
    private int _preDepth;
    private int _tableRowDepth;
    private int _linkDepth;
    private int _cellIndex;
    private readonly List<ListState> _lists = [];

    /// <summary>Prose, in paragraphs, of the selected container being walked.</summary>
    private int _containerParagraphChars;

    /// <summary>Prose, in paragraphs, of all the selected containers.</summary>
    private int _selectionParagraphChars;

    private sealed class ListState(bool ordered)
    {
        public bool Ordered { get; } = ordered;
        public int ItemNumber { get; set; }
        public bool ItemLineStarted { get; set; } = true;
    }

    private TextAssembler(PageAnalysis analysis, Uri? pageUri, Uri? siteUri, bool markdown)
    {
        _siteUri = siteUri;
        _analysis = analysis;
        _steps = analysis.Budget.StartWalk();
        _pageUri = pageUri;
        _markdown = markdown;
    }

    public static List<TextBlock> Assemble(PageAnalysis analysis, IReadOnlyList<NodeInfo> selection, Uri? pageUri, bool markdown, Uri? siteUri = null)
    {
        var assembler = new TextAssembler(analysis, pageUri, siteUri ?? pageUri, markdown);
        foreach (var node in selection)
            assembler._selectionParagraphChars += node.ParagraphChars;
        foreach (var node in selection)
        {
            assembler._containerParagraphChars = node.ParagraphChars;
            assembler.WalkElement(node);
            assembler.EndLine();
        }
        return assembler._blocks;
    }

    private void WalkChildren(IElement element)
    {
        var children = element.ChildNodes;
        bool afterInline = false;
        for (int i = 0; i < children.Length && _steps.Spend(); i++)
        {
            var child = children[i];
            if (child.NodeType == NodeType.Text)
            {
                AppendText(((ICharacterData)child).Data);
                afterInline = false;
            }
            else if (child is IElement childElement && _analysis.Get(childElement) is { } info && !IsFurniture(info))
            {
                bool inline = info.Role is TagRole.Inline or TagRole.Link;
                _elementBoundary |= afterInline && inline;
                WalkElement(info);
                afterInline = inline;
            }
        }
    }

    private void WalkElement(NodeInfo info)
    {
        var element = info.Element;
        switch (info.Role)
        {
            case TagRole.Inline:
                WalkChildren(element);
                break;
            case TagRole.Link:
                WalkLink(element);
                break;
            case TagRole.LineBreak:
                if (_tableRowDepth > 0)
                    _pendingSpace = true;
                else
                    EndLine();
                break;
            case TagRole.Heading:
                EndLine();
                _headingLevel = element.LocalName[1] - '0';
                WalkChildren(element);
                EndLine();
                _headingLevel = 0;
                break;
            case TagRole.List:
                EndLine();
                _lists.Add(new ListState(element.LocalName == "ol"));
                WalkChildren(element);
                EndLine();
                _lists.RemoveAt(_lists.Count - 1);
                break;
            case TagRole.ListItem:
                EndLine();
                if (_lists.Count > 0)
                {
                    var list = _lists[^1];
                    list.ItemNumber++;
                    list.ItemLineStarted = false;
                }
                WalkChildren(element);
                EndLine();
                break;
            case TagRole.Quote:
                EndLine();
                _quoteDepth++;
                WalkChildren(element);
                EndLine();
                _quoteDepth--;
                break;
            case TagRole.Preformatted:
                EndLine();
                _preDepth++;
                WalkChildren(element);
                EndLine();
                _preDepth--;
                break;
            case TagRole.TableRow when IsDataRow(element):
                EndLine();
                _tableRowDepth++;
                _cellIndex = 0;
                WalkChildren(element);
                _tableRowDepth--;
                EndLine();
                break;
            case TagRole.TableCell when _tableRowDepth > 0:
                if (_cellIndex++ > 0 && _line.Length > 0)
                {
                    _line.Append(" | ");
                    _md.Append(" | ");
                    _pendingSpace = false;
                }
                WalkChildren(element);
                break;
            default:
                if (_tableRowDepth > 0)
                {
                    _pendingSpace = true;
                    WalkChildren(element);
                    _pendingSpace = true;
                    break;
                }
                EndLine();
                WalkChildren(element);
                EndLine();
                break;
        }
    }

    private void WalkLink(IElement element)
    {
        _linkDepth++;
        int serial = _lineSerial;
        int mdOpen = _md.Length;
        int textBefore = _line.Length;
        WalkChildren(element);
        _linkDepth--;

        if (!_markdown || _linkDepth > 0 || serial != _lineSerial || _line.Length == textBefore)
            return;
        var href = ResolveLink(element.Attr("href"));
        if (href is null)
            return;
        int open = Math.Max(mdOpen, _mdTextStart);
        if (open < _md.Length && _md[open] == ' ')
            open++;
        _md.Insert(open, '[');
        _md.Append("](").Append(href).Append(')');
    }

    private string? ResolveLink(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
            return null;
        href = href.Trim();
        if (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            return null;
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto")
            return absolute.AbsoluteUri;
        if (_pageUri is not null && Uri.TryCreate(_pageUri, href, out var resolved))
            return resolved.AbsoluteUri;
        return null;
    }

    /// <summary>
    /// Conditional cleaning (after Readability): a container inside the article that has little prose
    /// and is mostly links, or whose class says furniture, is not part of the story.
    /// </summary>
    private bool IsFurniture(NodeInfo info)
    {
        if (info.Role is not (TagRole.Block or TagRole.List or TagRole.Table or TagRole.Quote))
            return false;
        if (info.TextChars == 0)
            return false;
        if (info.IsPopUpBeside(_containerParagraphChars) || info.InFurnitureSection || IsFactList(info) || IsCallToAction(info)
            || IsAuthorCard(info))
            return true;
        if (info.Commas >= ProseCommas)
            return false;
        double linkDensity = info.LinkDensity;
        // A sentence may link most of its words; only a paragraph that is nearly all link is a teaser.
        bool isParagraph = info.Role == TagRole.Block && info.InlineChars == info.TextChars;
        // A container whose links come from a module nested in it (a jobs box at the end of a text block) keeps
        // its paragraphs: it is walked, and the module is judged on its own.
        // An item's paragraph ("<li><p><a>…</a></p></li>", as Substack writes lists) goes with its list, judged as a whole.
        if (linkDensity > (isParagraph ? MaxParagraphLinkDensity : MaxContainerLinkDensity))
            return info.Role != TagRole.Block ? !IsReferenceList(info)
                : isParagraph && info.Element.ParentElement is { LocalName: "li" } ? false
                : info.ParagraphChars < MinNestedProseChars && !(isParagraph && (IsLinkedSentence(info) || IsDocumentLink(info)));
        // A furniture name on the block that holds most of the selection's prose does not make it furniture: it is the story
        // under a misleading name (live-blog entries in a "social-feed", in the retry with relaxed rules). In the first pass
        // only a block of several paragraphs is so believed (a town's live updates in a "widget"): a box of a paragraph or
        // two beside a short post (a picture's long description, a licence) stays out.
        return info.ClassWeight < 0 && (info.ParagraphChars * 2 <= _selectionParagraphChars
            || _analysis.DropsStrongBoilerplate && info.Paragraphs < MinParagraphsOfNamedStory)
            && !IsTwinOfTheStory(info) && !IsStorysHeader(info.Element);
    }

    /// <summary>
    /// A block named as a header that titles a part of the story: a content management system's <c>header</c> around a
    /// subheading ("<c>&lt;header class="frame-header"&gt;&lt;h3&gt;</c>"), or the story's own header holding its headline and
    /// lead ("<c>div.newsHeader</c>": date, <c>h1</c>, lead), whose headline and date lines the line filter drops.
    /// </summary>
    private static bool IsStorysHeader(IElement element)
        => element.LocalName == "header" ? BoilerplateSignals.IsSectionHeader(element)
            : element.GetAttribute("class") is { } name && name.Contains("header", StringComparison.OrdinalIgnoreCase) && element.QuerySelector("h1") is not null;

    /// <summary>Siblings looked at for a named block's twins.</summary>
    private const int MaxTwinSiblingsLooked = 40;

    /// <summary>
    /// The block and its twins beside it (the same tag and class) hold most of the selection's prose: the story's sections,
    /// each in a wrapper a layout names as furniture ("sidebar-grid__container", "widget-text"), not a box beside the story.
    /// </summary>
    private bool IsTwinOfTheStory(NodeInfo info)
    {
        if (info.ParagraphChars == 0 || info.Element.ParentElement is not { } parent || info.Element.GetAttribute("class") is not { Length: > 0 } className)
            return false;
        int prose = 0, twins = 0, looked = 0;
        foreach (var sibling in parent.Children)
        {
            // A bounded look: a page of a thousand named boxes side by side stays linear.
            if (++looked > MaxTwinSiblingsLooked)
                return false;
            if (sibling.LocalName != info.Element.LocalName || sibling.GetAttribute("class") != className || _analysis.Get(sibling) is not { } twin)
                continue;
            twins++;
            prose += twin.ParagraphChars;
        }
        return twins > 1 && prose * 2 > _selectionParagraphChars;
    }

    /// <summary>Items a list of references holds at least.</summary>
    private const int MinReferenceItems = 2;

    /// <summary>Words of an item that says what it links to ("Bug 1677080 – Fullscreen PiP window…"), not a name ("Spotify").</summary>
    private const int MinReferenceItemWords = 3;

    /// <summary>Characters of such an item in a script written without spaces.</summary>
    private const int MinReferenceItemChars = 15;

    /// <summary>
    /// A list of links the post itself gives, in its text: the decrees a release announces, a podcast's show notes, a blog's
    /// weekly reading list, the bugs a status report names. It is introduced as the text goes on (under a subheading or a
    /// paragraph, or nested in an item with words of its own), its items say what they link to, and its links lead to
    /// other sites. A box of the site's own stories ("Auch interessant", "Related") links within the site, and a row of
    /// services (subscribe, share) names them in a word, draws them as buttons or hands them the page's address; a
    /// shopping list's links are marked unvouched.
    /// </summary>
    private bool IsReferenceList(NodeInfo info)
    {
        var list = info.Element;
        if (info.Role != TagRole.List || info.ClassWeight < 0 || !IsIntroduced(list))
            return false;
        int items = 0, described = 0, links = 0, elsewhere = 0;
        foreach (var item in list.Children)
        {
            if (item.LocalName != "li")
                continue;
            items++;
            var text = item.TextContent.AsSpan().Trim();
            if (LineFilter.CountWords(text) >= MinReferenceItemWords || text.Length >= MinReferenceItemChars && text.IndexOf(' ') < 0)
                described++;
            foreach (var link in item.GetElementsByTagName("a"))
            {
                if (link.Attr("href") is not { } href)
                    continue;
                if (BoilerplateSignals.IsButtonLink(link))
                    return false;
                links++;
                if (LeadsElsewhere(href) && !IsUnvouched(link) && !CarriesAnAddress(href))
                    elsewhere++;
            }
        }
        return items >= MinReferenceItems && described * 2 >= items && links > 0 && elsewhere * 3 >= links * 2;
    }

    /// <summary>The list goes on from the text before it: a subheading or a paragraph just above it, or the item holding it.</summary>
    private bool IsIntroduced(IElement list)
    {
        if (list.ParentElement is { LocalName: "li" })
            return true;
        return list.PreviousElementSibling is { } previous && _analysis.Get(previous) is { TextChars: > 0 } before
            && (before.Role == TagRole.Heading || previous.LocalName == "p" && !IsFurniture(before));
    }

    /// <summary>Host of the page, from its address or the canonical one ("" when neither is known).</summary>
    private string? _ownHost;

    /// <summary>
    /// A link to another site: an absolute address on a host other than the page's (a leading "www." aside). When the
    /// page's address is unknown every absolute address counts, since a site links its own pages by path more often.
    /// </summary>
    private bool LeadsElsewhere(string href)
    {
        var target = href.AsSpan().Trim();
        int scheme = target.IndexOf("//");
        if (scheme < 0 || scheme > 6 || scheme > 0 && !target.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return false;
        var host = target[(scheme + 2)..];
        int end = host.IndexOfAny('/', '?', '#');
        if (end >= 0)
            host = host[..end];
        _ownHost ??= _siteUri?.Host ?? "";
        return _ownHost.Length == 0 || !LineFilter.HostsMatch(host, _ownHost);
    }

    /// <summary>
    /// A link the site marks as one it does not vouch for (<c>rel="nofollow"</c>, <c>"sponsored"</c>): a shop's offer, an
    /// affiliate's buying guide ("Robert Dyas heated clothes airers"), not a source the text cites.
    /// </summary>
    private static bool IsUnvouched(IElement link)
        => link.Attr("rel") is { } rel && (rel.Contains("nofollow", StringComparison.OrdinalIgnoreCase) || rel.Contains("sponsored", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A link whose query carries an address ("sharer.php?u=https%3A%2F%2F…", "intent/tweet?url=http…"): a button sharing this
    /// page on a network, not a page the text cites.
    /// </summary>
    private static bool CarriesAnAddress(string href)
    {
        int query = href.IndexOf('?');
        if (query < 0)
            return false;
        var rest = href.AsSpan(query);
        return rest.Contains("=http", StringComparison.OrdinalIgnoreCase) || rest.Contains("%3A%2F%2F", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Paragraphs a block with a weak furniture name must hold for the first pass to read it as the story it mostly is.</summary>
    private const int MinParagraphsOfNamedStory = 3;

    /// <summary>Longest call to action: a title, a sentence and its button.</summary>
    private const int MaxCallToActionChars = 300;

    /// <summary>
    /// A short box inside the article that ends in a link drawn as a button ("Quer ser voluntário? … [Quero participar]",
    /// "[Tickets kaufen]"): an appeal to act, not the story, unless it holds most of the container's prose.
    /// </summary>
    private bool IsCallToAction(NodeInfo info)
        => (info.ButtonLinks > 0 || IsNamedCallToAction(info.Element)) && info.Role == TagRole.Block && info.TextChars <= MaxCallToActionChars
           && info.ParagraphChars * 2 < _containerParagraphChars
           // The post's header: its headline and deck over a row of counters drawn as buttons (likes, comments, share).
           && info.Element.QuerySelector("h1") is null;

    /// <summary>
    /// A box its theme names a call to action ("wprm-call-to-action", "callToAction"): a recipe card's "Made this recipe?
    /// Tag us on Instagram", a sign-up appeal. Only blocks are asked: a shop card's "call-to-action__link" is its button.
    /// </summary>
    private static bool IsNamedCallToAction(IElement element)
        => element.Attr("class") is { } name && (name.Contains("call-to-action", StringComparison.OrdinalIgnoreCase)
            || name.Contains("calltoaction", StringComparison.OrdinalIgnoreCase));

    /// <summary>Longest author card: a name, a job and a bio of a few sentences.</summary>
    private const int MaxAuthorCardChars = 1000;

    /// <summary>
    /// A box about the writer however its plugin names it ("abh_box", "saboxplugin-wrap"): a box (not a paragraph) whose
    /// writer's name, on a line of its own, links to their page on the site, short, without the headline and holding less
    /// prose than the rest of the container. Beside a short post its bio would otherwise join the story.
    /// </summary>
    private bool IsAuthorCard(NodeInfo info)
        => info.NameLinksToAuthorPage > 0 && info.Role == TagRole.Block && info.InlineChars < info.TextChars
           && info.TextChars <= MaxAuthorCardChars && info.ParagraphChars * 2 < _containerParagraphChars
           && info.Element.QuerySelector("h1") is null && OpensWithTheName(info.Element);

    /// <summary>Most text before the writer's name in an author card: a title ("Über die Autorin", "About") or its tabs.</summary>
    private const int MaxTextBeforeAuthorName = 40;

    /// <summary>
    /// The box opens with the writer's linked name, after a short title at most: a card about them. A story's header box has
    /// its headline and lead before the byline's linked name.
    /// </summary>
    private static bool OpensWithTheName(IElement box)
    {
        foreach (var link in box.GetElementsByTagName("a"))
        {
            if (!BoilerplateSignals.IsAuthorPageLink(link))
                continue;
            var name = link.TextContent.AsSpan().Trim();
            if (name.Length == 0)
                continue;
            var text = box.TextContent;
            var at = text.AsSpan().IndexOf(name, StringComparison.Ordinal);
            return at >= 0 && LineFilter.CountNonSpace(text.AsSpan(0, at)) <= MaxTextBeforeAuthorName;
        }
        return false;
    }

    /// <summary>Longest fact box: a handful of short label and value pairs.</summary>
    private const int MaxFactListChars = 600;

    /// <summary>Labelled items of a fact box that must name practical facts.</summary>
    private const int MinFactLabels = 2;

    /// <summary>
    /// An event's or a place's fact box written as a list of labelled values (<c>&lt;dl&gt;&lt;dt&gt;Datum&lt;/dt&gt;&lt;dd&gt;…</c>,
    /// <c>&lt;li&gt;&lt;strong&gt;Ort:&lt;/strong&gt; …</c>), alone or under its own title ("Auf einen Blick"): every item labelled,
    /// two or more labels and at least half of them of date, time, place, price, duration or organiser. The announcement's
    /// text says what happens; the box repeats where and when. A list set between two paragraphs is read with them ("Die
    /// Veranstaltung im Überblick:" over it, the story going on under it), and so is one under a subheading of the text with
    /// the story going on under it ("開催概要" over the list, a paragraph after it): part of the text.
    /// </summary>
    private static bool IsFactList(NodeInfo info)
    {
        if (info.TextChars > MaxFactListChars)
            return false;
        var element = info.Element;
        if (element.LocalName is "dl" or "ul" or "ol")
            return !(element.PreviousElementSibling is { } before && (before.LocalName == "p" || BoilerplateSignals.RoleOf(before.LocalName) == TagRole.Heading)
                     && element.NextElementSibling is { LocalName: "p" })
                && IsLabelledFactList(element);
        // A box holding only a title and the list.
        return element.LocalName is "div" or "section" or "aside" && element.ChildElementCount == 2
            && BoilerplateSignals.RoleOf(element.FirstElementChild!.LocalName) == TagRole.Heading
            && element.LastElementChild is { LocalName: "dl" or "ul" } list && IsLabelledFactList(list);
    }

    private static bool IsLabelledFactList(IElement list)
    {
        bool definitions = list.LocalName == "dl";
        int labels = 0, facts = 0;
        foreach (var item in list.Children)
        {
            if (definitions ? item.LocalName != "dt" : item.LocalName != "li")
                continue;
            var label = definitions ? item.TextContent : LabelOf(item);
            if (label.AsSpan().Trim().Length is 0 or > LineFilter.MaxFactLabelChars)
                return false;
            labels++;
            if (LineFilter.IsFactLabel(label))
                facts++;
        }
        return facts >= MinFactLabels && facts * 2 >= labels;
    }

    /// <summary>The label opening a list item: its first inline element ("<c>&lt;strong&gt;Ort:&lt;/strong&gt;</c>") or its text before a colon.</summary>
    private static string LabelOf(IElement item)
    {
        for (var node = item.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IElement element)
                return element.LocalName is "strong" or "b" or "span" or "em" or "label" ? element.TextContent : "";
            if (node.NodeType != NodeType.Text)
                continue;
            var text = ((ICharacterData)node).Data;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            int colon = text.IndexOfAny([':', '：']);
            return colon > 0 ? text[..colon] : "";
        }
        return "";
    }

    /// <summary>Shortest linked paragraph, in visible characters, that may be a sentence of the story.</summary>
    private const int MinLinkedSentenceChars = 60;

    /// <summary>Words a linked paragraph needs to read as a sentence rather than a headline.</summary>
    private const int MinLinkedSentenceWords = 8;

    /// <summary>
    /// A <c>p</c> whose text is all one link but reads as a sentence of the story (long, many words, ending as a
    /// sentence ends): the writer linked a whole sentence. Teasers are headlines, and headlines do not end with a period.
    /// </summary>
    private static bool IsLinkedSentence(NodeInfo info)
    {
        if (info.Element.LocalName != "p" || info.InlineChars < MinLinkedSentenceChars)
            return false;
        var text = info.Element.TextContent.AsSpan().Trim();
        if (text.Length == 0 || !EndsSentence(text))
            return false;
        int words = LineFilter.CountWords(text);
        // Scripts written without spaces (Japanese, Chinese) count as long enough by their characters alone.
        return words >= MinLinkedSentenceWords || words == 1 && info.InlineChars >= MinLinkedSentenceChars;
    }

    /// <summary>Files a page offers for download: a form, a programme, a report.</summary>
    private static readonly string[] DocumentExtensions = [".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx"];

    /// <summary>Fewest words of a document link's text ("Anmeldeformular (PDF)" is one word and a mark: a label, too).</summary>
    private const int MinDocumentLinkWords = 2;

    /// <summary>
    /// A <c>p</c> that is one link to a document ("Scarica il modulo di iscrizione (PDF)", "Programm als PDF herunterladen"):
    /// the form or programme the announcement speaks of, part of its text, where a link to another page is a teaser.
    /// </summary>
    private static bool IsDocumentLink(NodeInfo info)
    {
        if (info.Element.LocalName != "p" || info.Element.ChildElementCount != 1 || info.Element.FirstElementChild is not { LocalName: "a" } link)
            return false;
        if (link.Attr("href") is not { } href || LineFilter.CountWords(link.TextContent) < MinDocumentLinkWords)
            return false;
        var path = href.AsSpan();
        int end = path.IndexOfAny('?', '#');
        if (end >= 0)
            path = path[..end];
        foreach (var extension in DocumentExtensions)
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>The text ends with a sentence mark, perhaps followed by closing quotes or brackets.</summary>
    private static bool EndsSentence(ReadOnlySpan<char> text)
    {
        var end = text.TrimEnd("\"'”’»)]」』");
        return end.Length > 0 && (end[^1] == '…' || LineFilter.IsSentenceMark(end[^1]));
    }

    /// <summary>
    /// A row of a data table, as opposed to a layout table whose cells hold paragraphs, or whose row is one cell spanning
    /// nothing: an old CMS's post in a table ("td.eMessage", then "td.eDetails" with the post's category and view count).
    /// </summary>
    private bool IsDataRow(IElement row)
    {
        if (row.ChildElementCount == 1 && row.FirstElementChild is { } only && !only.HasAttribute("colspan"))
            return false;
        // Enumerated, never indexed: AngleSharp's Children counts and indexes by scanning (quadratic in cells).
        foreach (var cell in row.Children)
        {
            foreach (var content in cell.Children)
            {
                var role = BoilerplateSignals.RoleOf(content.LocalName);
                if (role is TagRole.Block or TagRole.List or TagRole.Table or TagRole.Heading or TagRole.Quote)
                    return false;
            }
            // Paragraphs parted by blank lines ("<br><br>"): a layout table's cell holding the story, not a datum.
            if (HasBlankLine(cell))
                return false;
        }
        return true;
    }

    /// <summary>Two line breaks with only whitespace between them among the cell's own children.</summary>
    private static bool HasBlankLine(IElement cell)
    {
        bool afterBreak = false;
        foreach (var node in cell.ChildNodes)
        {
            if (node is IElement element)
            {
                bool isBreak = element.LocalName == "br";
                if (isBreak && afterBreak)
                    return true;
                afterBreak = isBreak;
            }
            else if (node.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(((ICharacterData)node).Data))
                afterBreak = false;
        }
        return false;
    }

    private void AppendText(string data)
    {
        foreach (var c in data)
        {
            if (c == '\n' && _preDepth > 0)
            {
                EndLine();
                continue;
            }
            if (c <= ' ' || char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            if (IsInvisible(c))
                continue;
            // "<span>Læs også</span><a>Nyt busnet</a>", "<span>Ausgabe 12/2024</span><span>Mittwoch</span>": a word or number
            // glued to a capital is two words.
            if (_elementBoundary)
            {
                _elementBoundary = false;
                _pendingSpace |= _line.Length > 0 && char.IsUpper(c) && (char.IsLower(_line[^1]) || char.IsAsciiDigit(_line[^1]));
            }
            if (_line.Length == 0)
            {
                StartLine();
            }
            else if (_pendingSpace)
            {
                _line.Append(' ');
                if (_markdown)
                    _md.Append(' ');
            }
            _pendingSpace = false;
            _line.Append(c);
            if (_markdown)
                _md.Append(c);
            if (_linkDepth > 0)
                _lineLinkChars++;
        }
    }

    /// <summary>Zero-width and soft-hyphen characters: invisible, and they split words for search.</summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD';

    private void StartLine()
    {
        _lineKind = _headingLevel > 0 ? BlockKind.Heading
            : _preDepth > 0 ? BlockKind.Preformatted
            : _tableRowDepth > 0 ? BlockKind.TableRow
            : _lists.Count > 0 ? BlockKind.ListItem
            : _quoteDepth > 0 ? BlockKind.Quote
            : BlockKind.Paragraph;
        if (!_markdown)
            return;
        _md.Clear();
        for (int i = 0; i < _quoteDepth; i++)
            _md.Append("> ");
        if (_headingLevel > 0)
        {
            _md.Append('#', _headingLevel).Append(' ');
        }
        else if (_lists.Count > 0 && _preDepth == 0)
        {
            var list = _lists[^1];
            _md.Append(' ', 2 * (_lists.Count - 1));
            if (!list.ItemLineStarted)
            {
                if (list.Ordered)
                    _md.Append(list.ItemNumber).Append(". ");
                else
                    _md.Append("- ");
                list.ItemLineStarted = true;
            }
            else
            {
                _md.Append("  ");
            }
        }
        else if (_preDepth > 0)
        {
            _md.Append("    ");
        }
        _mdTextStart = _md.Length;
    }

    private void EndLine()
    {
        _pendingSpace = false;
        _elementBoundary = false;
        if (_line.Length == 0)
            return;
        _blocks.Add(new TextBlock(_lineKind, _line.ToString(), _markdown ? _md.ToString() : null, _lineLinkChars));
        _line.Clear();
        _md.Clear();
        _lineLinkChars = 0;
        _lineSerial++;
    }
}
