using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Dates that stand in a list of other stories or events: each item of the list links to its own page and
/// carries its own date ("More stories", "Termine", a section front's cards). Such a date dates the item's
/// page, not the page it is listed on, wherever the list stands and whatever it is named.
/// </summary>
internal static class ListedDates
{
    /// <summary>Levels climbed from a date to the parent of its list item: a list item wraps its date in a few elements.</summary>
    private const int MaxItemDepth = 4;

    /// <summary>Dates on either side looked at for one in another item of the same list (the article's own
    /// marked date elements nest: a meta line, its date span).</summary>
    private const int MaxNeighbours = 3;

    /// <summary>Nodes of an item read for a link of its own: an item is a teaser, not a page region.</summary>
    private const int MaxItemNodes = 200;

    /// <summary>
    /// True when <paramref name="dates"/>[<paramref name="at"/>] stands in an item of a list whose other item holds a
    /// neighbouring date of the same list: two sibling elements of the same kind, each holding its own date and a link or
    /// heading of its own, neither holding the headline. An article's "Published … · Updated …" line is not a list: its
    /// items hold no link beside their dates.
    /// </summary>
    public static bool IsListed(List<IElement> dates, int at, IElement? headline)
    {
        var element = dates[at];
        for (var offset = 1; offset <= MaxNeighbours; offset++)
        {
            foreach (var other in (ReadOnlySpan<int>)[at - offset, at + offset])
            {
                if (other < 0 || other >= dates.Count)
                    continue;
                if (SiblingItems(element, dates[other]) is not var (item, otherItem))
                    continue;
                // The article's own item (an infinite scroll's first story) is no teaser; a neighbour holding the headline tells nothing.
                if (headline is not null && PageRegions.IsInside(headline, item))
                    return false;
                if (headline is not null && PageRegions.IsInside(headline, otherItem))
                    continue;
                if (HasOwnLink(item, element) && HasOwnLink(otherItem, dates[other]))
                    return true;
                if (IsResponse(item, headline))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Characters of text between the headline and a list that put the list below the article's start.</summary>
    private const int MinTextAbove = 300;

    /// <summary>Nodes walked from the headline towards a list item: beyond them, the item is far below the article's start.</summary>
    private const int MaxNodesWalked = 2000;

    /// <summary>Characters of an item read for a publication or update label.</summary>
    private const int MaxItemChars = 300;

    /// <summary>
    /// True when an item of a dated list without links stands below the article's text: readers' responses (comments in
    /// a region not named so), not the article's own meta line, which stands under the headline and names its dates
    /// ("Published: … · Updated: …"), nor a forum thread's first post, whose date leads it.
    /// </summary>
    private static bool IsResponse(IElement item, IElement? headline)
    {
        if (headline is null || (headline.CompareDocumentPosition(item) & DocumentPositions.Following) == 0 || PageRegions.IsInside(item, headline))
            return false;
        var text = 0;
        var walked = 0;
        for (var node = PageRegions.NextAfter(headline); node is not null && node != item; node = node is IElement { LocalName: "script" or "style" or "template" } ? PageRegions.NextAfter(node) : node.FirstChild ?? PageRegions.NextAfter(node))
        {
            if (++walked > MaxNodesWalked)
                break;
            if (node is IText piece && (text += piece.Data.AsSpan().Trim().Length) >= MinTextAbove)
                break;
        }
        if (text < MinTextAbove && walked <= MaxNodesWalked)
            return false;
        var itemText = new System.Text.StringBuilder(MaxItemChars);
        PageText.Append(item, itemText, MaxItemChars);
        var (published, _, modified) = DateLabels.Read(itemText.ToString(), DateOrder.MonthFirst);
        return published is null && modified is null;
    }

    /// <summary>The two children of the nearest common ancestor that hold <paramref name="a"/> and <paramref name="b"/>,
    /// when both are a few levels up, distinct from the dates themselves and of the same kind.</summary>
    private static (IElement, IElement)? SiblingItems(IElement a, IElement b)
    {
        var below = a;
        for (var up = 0; up < MaxItemDepth && below.ParentElement is { } parent; up++, below = parent)
        {
            var otherBelow = ChildHolding(parent, b);
            if (otherBelow is null)
                continue;
            if (otherBelow == below || below == a || otherBelow == b || below.LocalName != otherBelow.LocalName)
                return null;
            return (below, otherBelow);
        }
        return null;
    }

    /// <summary>The child of <paramref name="parent"/> that holds <paramref name="element"/>, when that is at most a few levels down.</summary>
    private static IElement? ChildHolding(IElement parent, IElement element)
    {
        var node = element;
        for (var up = 0; up <= MaxItemDepth && node.ParentElement is { } above; up++, node = above)
            if (above == parent)
                return node;
        return null;
    }

    /// <summary>True when the item holds a heading, or a link titled like a story (not a user's or author's name), that is
    /// not the date's own (a permalink around the date). A forum thread's posts link their authors: its first post dates it.</summary>
    private static bool HasOwnLink(IElement item, IElement date)
    {
        var seen = 0;
        foreach (var descendant in item.Descendants<IElement>())
        {
            if (++seen > MaxItemNodes)
                return false;
            var kind = descendant.LocalName;
            var heading = kind is "h2" or "h3" or "h4" or "h5" or "h6";
            if ((heading || (kind == "a" && descendant.HasAttribute("href") && IsStoryTitle(descendant.TextContent)))
                && !PageRegions.IsInside(date, descendant) && !PageRegions.IsInside(descendant, date))
                return true;
        }
        return false;
    }

    /// <summary>Levels above a date element looked at for a link around it.</summary>
    private const int MaxLinkLevels = 3;

    /// <summary>
    /// True when the date element stands in a link whose text, besides the date, is titled like a story: a teaser of another
    /// page (<c>&lt;a href="/wirtschaft/streik-101.html"&gt;&lt;span class="date"&gt;12.03.2024&lt;/span&gt; &lt;span&gt;Streik
    /// angekündigt&lt;/span&gt;&lt;/a&gt;</c>) inside the article. A permalink around the date alone (WordPress's
    /// <c>&lt;a rel="bookmark"&gt;&lt;time&gt;</c>) holds no title.
    /// </summary>
    public static bool InStoryLink(IElement date)
    {
        var at = date.ParentElement;
        for (var level = 0; level < MaxLinkLevels && at is not null; level++, at = at.ParentElement)
        {
            if (at.LocalName != "a")
                continue;
            if (at.GetAttribute("href") is not { Length: > 1 } href || href[0] == '#')
                return false;
            // A title in an element of its own beside the date (a card's headline span) may be two words ("Streik angekündigt").
            var seen = 0;
            foreach (var part in at.Descendants<IElement>())
            {
                if (++seen > MaxItemNodes)
                    break;
                if (part != date && !PageRegions.IsInside(part, date) && !PageRegions.IsInside(date, part)
                    && IsTitleBesideDate(part.TextContent, MinTitleWords - 1))
                    return true;
            }
            var text = at.TextContent;
            var own = date.TextContent;
            var start = own.Length > 0 ? text.IndexOf(own, StringComparison.Ordinal) : -1;
            return IsTitleBesideDate(start < 0 ? text : string.Concat(text.AsSpan(0, start), " ", text.AsSpan(start + own.Length)), MinTitleWords);
        }
        return false;
    }

    /// <summary>True when a text beside a date in a link is a title: words enough, not only another date (the update's
    /// <c>&lt;time&gt;</c> in the same permalink) or a date's label ("Posted on").</summary>
    private static bool IsTitleBesideDate(string text, int words) =>
        CountWords(text, words) >= words && HasWordsBesideDate(text) && DateLabels.LastLabel(text) == DateLabel.None;

    /// <summary>True when the element is itself a teaser of another story: it holds a heading or a link titled like a story
    /// (a card that keeps its date in its own attribute, <c>&lt;div class="card" data-date="…"&gt;</c>).</summary>
    public static bool IsTeaser(IElement element)
    {
        var seen = 0;
        foreach (var descendant in element.Descendants<IElement>())
        {
            if (++seen > MaxItemNodes)
                return false;
            if (descendant.LocalName is "h2" or "h3" or "h4" or "h5" or "h6"
                || (descendant.LocalName == "a" && descendant.HasAttribute("href") && IsStoryTitle(descendant.TextContent)))
                return true;
        }
        return false;
    }

    /// <summary>Items of one list read at most: a long archive's first rows tell what it is.</summary>
    private const int MaxItemsRead = 60;

    /// <summary>Characters of a row read for its date: a longer row is no teaser.</summary>
    private const int MaxRowChars = 400;

    /// <summary>Nodes read for rows on one page: the dates asked about stand in a few lists.</summary>
    private const int MaxNodesRead = 40_000;

    /// <summary>Digits a row's text holds at least to hold a date ("3 May '22", "令和4年5月3日" have three).</summary>
    private const int MinRowDigits = 3;

    /// <summary>Levels between a row and a date element inside it.</summary>
    private const int MaxRowDepth = 8;

    /// <summary>
    /// The rows of lists and tables that date other pages: rows (<c>li</c>, <c>tr</c>, a <c>dt</c> with its <c>dd</c>s, or
    /// sibling <c>div</c>s, <c>article</c>s, <c>p</c>s of one kind: a teaser list without list markup) that each hold a date
    /// and a link to another page, two of them in one parent at least ("Weitere Pressemitteilungen: 28.04.2022 Haushalt
    /// beschlossen …"). Unmarked, such a row's date reads like a dateline, and the first row's stood for a short release's
    /// own. A row that links to the page itself (<paramref name="pageUrl"/>) is the page's own entry, and so is one that holds
    /// the headline. A table or list of three dated short rows or more without such links is a schedule (a parish's services,
    /// a club's fixtures, "Sonntag, 17.03.2024 | 10:00 Uhr | Gottesdienst"): its days are the events', not the page's either.
    /// Each parent is read once, when a date in it is asked about.
    /// </summary>
    public sealed class OtherPagesRows(IElement? headline, Uri? pageUrl, DateOrder order)
    {
        private readonly Dictionary<IElement, HashSet<IElement>?> _rowsByParent = [];
        private readonly System.Text.StringBuilder _text = new(MaxRowChars);
        private readonly List<IElement> _links = [];
        private int _nodesRead;

        /// <summary>True when <paramref name="element"/> is such a row, or a definition of one.</summary>
        public bool IsRow(IElement element)
        {
            if (!IsRowKind(element.LocalName) || element.ParentElement is not { } parent)
                return false;
            if (!_rowsByParent.TryGetValue(parent, out var rows))
            {
                if (_nodesRead >= MaxNodesRead)
                    return false;
                rows = Read(parent);
                _rowsByParent[parent] = rows;
            }
            return rows is not null && rows.Contains(element);
        }

        /// <summary>True when <paramref name="element"/> is such a row or stands a few levels inside one.</summary>
        public bool InRow(IElement element)
        {
            var at = element;
            for (var level = 0; at is not null && level <= MaxRowDepth; level++, at = at.ParentElement)
                if (IsRow(at))
                    return true;
            return false;
        }

        private HashSet<IElement>? Read(IElement parent)
        {
            if (parent.ChildElementCount < 2)
                return null;
            var definitions = parent.LocalName == "dl";
            HashSet<IElement>? rows = null;
            List<IElement>? scheduled = null;
            IElement? first = null;
            var read = 0;
            for (var child = parent.FirstElementChild; child is not null && read < MaxItemsRead; child = child.NextElementSibling)
            {
                if (!IsRowKind(child.LocalName))
                    continue;
                read++;
                // A definition list's row is its term with the definitions after it: "<dt>28.04.2022</dt><dd><a>…</a></dd>".
                if (child.LocalName == "dd" || (first is not null && !IsSameKind(first, child)))
                    continue;
                var kind = ReadRow(child, definitions);
                if (kind == RowKind.Dated && child.LocalName is "tr" or "li")
                    (scheduled ??= []).Add(child);
                if (kind != RowKind.OtherPage)
                    continue;
                first ??= child;
                rows ??= [];
                rows.Add(child);
                if (definitions)
                    for (var definition = child.NextElementSibling; definition is { LocalName: "dd" }; definition = definition.NextElementSibling)
                        rows.Add(definition);
            }
            if (scheduled is { Count: >= MinScheduleRows })
                (rows ??= []).UnionWith(scheduled);
            return rows is not null && (scheduled is { Count: >= MinScheduleRows } || CountTerms(rows, definitions) >= 2) ? rows : null;
        }

        /// <summary>Dated rows without links a schedule holds at least: a layout table's dateline row and its "Stand:" row are two.</summary>
        private const int MinScheduleRows = 3;

        private enum RowKind { None, Dated, OtherPage }

        private static int CountTerms(HashSet<IElement> rows, bool definitions)
        {
            if (!definitions)
                return rows.Count;
            var terms = 0;
            foreach (var row in rows)
                if (row.LocalName != "dd")
                    terms++;
            return terms;
        }

        /// <summary>A row that holds a date and a link to another page whose text is more than a date (a row whose link
        /// is a date stands in a meta line: "&lt;a href=/2022/05/03/&gt;3 May 2022&lt;/a&gt;"), within a teaser's few nodes, is
        /// another page's; a short one that holds a date and no link at all is a dated row (a schedule's, if more follow).</summary>
        private RowKind ReadRow(IElement row, bool withDefinitions)
        {
            // Digits first: most rows (menu entries, paragraphs) hold too few for a date, and are done with cheaply.
            var digits = 0;
            _links.Clear();
            for (var part = row; part is not null; part = NextPart(part, withDefinitions))
            {
                var seen = 0;
                if (!ReadNodes(part, ref seen, ref digits))
                    return RowKind.None;
            }
            // The links are judged only in a row that may hold a date: resolving each one's address costs more than the walk.
            if (digits < MinRowDigits)
                return RowKind.None;
            var kind = _links.Count == 0 ? RowKind.Dated : LinksToAStory(row) ? RowKind.OtherPage : RowKind.None;
            if (kind == RowKind.None)
                return kind;
            _text.Clear();
            for (var part = row; part is not null; part = NextPart(part, withDefinitions))
                PageText.Append(part, _text, MaxRowChars);
            // A row is a teaser: a date, a title, a line of summary. A longer one is a part of the article (its text).
            if (_text.Length >= MaxRowChars)
                return RowKind.None;
            if (kind == RowKind.OtherPage)
                return DateParser.TryFind(_text.ToString(), order, out _) ? kind : RowKind.None;
            // A dated row of the page's own meta list ("<li>Erstellt: 12.03.2024</li><li>Geändert: …</li>") is labelled.
            return DateLabels.Read(_text.ToString(), order) is (null, { }, null) ? kind : RowKind.None;
        }

        /// <summary>Reads the nodes under <paramref name="parent"/> in document order (as <c>Descendants()</c> lists them, without
        /// its iterators): counts the text's digits up to <see cref="MinRowDigits"/> and lists the links; false past a teaser's
        /// <see cref="MaxItemNodes"/> nodes or at the headline.</summary>
        private bool ReadNodes(INode parent, ref int seen, ref int digits)
        {
            var children = parent.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                var node = children[i];
                _nodesRead++;
                if (++seen > MaxItemNodes || node == headline)
                    return false;
                // Elements first, as AngleSharp's Element class: a failed interface test on an element scans its dozens of interfaces.
                if (node is Element element)
                {
                    if (element.LocalName == "a")
                        _links.Add(element);
                    if (element.HasChildNodes && !ReadNodes(element, ref seen, ref digits))
                        return false;
                }
                else if (node is IText text && digits < MinRowDigits)
                {
                    foreach (var c in text.Data)
                        if (char.IsDigit(c) && ++digits >= MinRowDigits)
                            break;
                }
            }
            return true;
        }

        /// <summary>True when a row's links lead to another page (none to this one) with a title, not only a date or a person.</summary>
        private bool LinksToAStory(IElement row)
        {
            var toAStory = false;
            foreach (var link in _links)
            {
                if (link.Attr("href") is not { Length: > 0 } href || href.StartsWith('#'))
                    continue;
                if (IsPageItself(href, pageUrl) || IsAnchorInRow(link, href, row))
                    return false;
                toAStory = toAStory || !IsPersonLink(link, href) && HasWordsBesideDate(link.TextContent);
            }
            return toAStory;
        }
    }

    /// <summary>True when two rows are of one kind: list items, table rows and terms by their tag; blocks (a teaser list
    /// without list markup) by their tag and first class name too, since an article's meta line and its text are two divs.</summary>
    private static bool IsSameKind(IElement row, IElement other)
    {
        if (row.LocalName != other.LocalName)
            return false;
        if (row.LocalName is "li" or "tr" or "dt")
            return true;
        return FirstClass(row.Attr("class")).Equals(FirstClass(other.Attr("class")), StringComparison.Ordinal);
    }

    private static ReadOnlySpan<char> FirstClass(string? names)
    {
        var span = names.AsSpan().TrimStart();
        var end = span.IndexOfAny(' ', '\t', '\n');
        return end < 0 ? span : span[..end];
    }

    private static bool IsRowKind(string name) => name is "li" or "tr" or "dt" or "dd" or "div" or "article" or "section" or "p";

    /// <summary>The next element of a row: a definition list's term is followed by its definitions.</summary>
    private static IElement? NextPart(IElement part, bool withDefinitions) =>
        withDefinitions && part.NextElementSibling is { LocalName: "dd" } next ? next : null;

    /// <summary>Path segments of pages about a person: a forum's posts link their authors, a blog's meta line its writer.</summary>
    private static readonly HashSet<string> PersonSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "u", "user", "users", "author", "authors", "autor", "autoren", "profile", "profil", "profiles", "member", "members", "people",
        "benutzer", "mitglieder", "utilisateur", "auteur", "usuario", "autore", "utente", "gebruiker", "uzytkownik",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonSegmentLookup = PersonSegments.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when a link leads to a person's page (<c>rel=author</c>, <c>/u/anna</c>, <c>/@jane</c>, an e-mail address),
    /// not to another story.</summary>
    private static bool IsPersonLink(IElement link, string href)
    {
        if (link.Attr("rel") is { } rel && PageIndex.HasToken(rel, "author"))
            return true;
        var path = href.AsSpan();
        if (path.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            return true;
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment.StartsWith('@') || PersonSegmentLookup.Contains(segment))
                return true;
        }
        return false;
    }

    /// <summary>True when a link's fragment names the row or an element around the link inside it (a forum post's permalink
    /// <c>viewtopic.php?p=40211#p40211</c> in <c>&lt;div id="p40211"&gt;</c>): the row is a part of this page, linked to itself.</summary>
    private static bool IsAnchorInRow(IElement link, string href, IElement row)
    {
        var hash = href.IndexOf('#');
        if (hash < 0 || hash == href.Length - 1)
            return false;
        var fragment = href.AsSpan(hash + 1);
        for (var at = link.ParentElement; at is not null; at = at.ParentElement)
        {
            if (at.Id is { } id && fragment.Equals(id, StringComparison.Ordinal))
                return true;
            if (at == row)
                break;
        }
        return false;
    }

    private static bool IsPageItself(string href, Uri? pageUrl)
    {
        if (pageUrl is null || !Uri.TryCreate(pageUrl, href, out var target))
            return false;
        return string.Equals(target.Host, pageUrl.Host, StringComparison.OrdinalIgnoreCase)
            && target.AbsolutePath.AsSpan().TrimEnd('/').Equals(pageUrl.AbsolutePath.AsSpan().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a link's text holds letters outside its dates: a title, not "3 May 2022".</summary>
    private static bool HasWordsBesideDate(string linkText)
    {
        // Removing dates only takes letters away, and there are none to take from a text without digits: the date and
        // time patterns then need not run.
        if (!HasLetters(linkText, 3))
            return false;
        return !DateParser.MayHoldDateOrTime(linkText) || HasLetters(DateParser.RemoveDates(linkText), 3);
    }

    private static bool HasLetters(string text, int count)
    {
        var letters = 0;
        foreach (var c in text)
            if (char.IsLetter(c) && ++letters >= count)
                return true;
        return false;
    }


    /// <summary>Words (or CJK characters) in a link's text that make it a story's or event's title rather than a name.</summary>
    private const int MinTitleWords = 3;

    private static bool IsStoryTitle(string text) => CountWords(text, MinTitleWords) >= MinTitleWords;

    /// <summary>Words (or CJK characters) in <paramref name="text"/>, counted up to <paramref name="enough"/>.</summary>
    private static int CountWords(string text, int enough)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c >= '\u2e80' && char.IsLetter(c))
            {
                words++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                    words++;
                inWord = true;
            }
            else
                inWord = false;
            if (words >= enough)
                return words;
        }
        return words;
    }
}
