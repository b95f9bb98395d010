using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Where on a page a piece of evidence stands. Dates and names inside comments, related-article
/// lists, sidebars, navigation and footers (where copyright lines live) belong to other things.
/// </summary>
internal static class PageRegions
{
    /// <summary>
    /// Words of class or id names that mark regions about other things than the article: comments,
    /// related and promoted stories, newsletters. Matched as whole tokens of a name split on
    /// <c>-</c>, <c>_</c>, spaces and camel case (<c>node-promoted</c> is not <c>promo</c>), a plural
    /// <c>s</c> allowed.
    /// </summary>
    private static readonly HashSet<string> ContentMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "comment", "related", "recommend", "recommended", "recommendation", "popular", "trending", "recent", "promo",
        "newsletter", "disqus", "reply", "replies", "respond", "outbrain", "taboola", "mostread", "readmore", "copyright",
        "kommentar", "kommentare", "commentaire", "comentario", "commento", "commenti", "комментарии", "комментарий",
    };

    /// <summary>Layout words: page regions beside or below the article. A footer, widget or teaser inside the
    /// article's own scope (TYPO3's <c>footer</c> under the headline, Elementor's widgets, a <c>teaser__meta</c>
    /// line under the headline where the CMS names the article's header after its listing teaser) is the article's.</summary>
    private static readonly HashSet<string> LayoutMarkers = new(StringComparer.OrdinalIgnoreCase) { "footer", "widget", "teaser" };

    /// <summary>Regions that are never the article's, wherever they stand (unless they hold the headline).</summary>
    private static readonly HashSet<string> SideMarkers = new(StringComparer.OrdinalIgnoreCase) { "sidebar", "breadcrumb", "menu", "rail" };

    /// <summary>Words before "sidebar" that make the name describe the layout around the content (<c>right-sidebar</c>,
    /// <c>has-sidebar</c>, <c>no-sidebar</c> on the wrapper of both columns) rather than name the sidebar itself, which a
    /// region holding the headline is not. ("with" is left out: Readability's expected titles keep a site suffix that a
    /// <c>contentWithSidebar</c> page's headline lacks, and the visible floors must hold.)</summary>
    private static readonly HashSet<string> SideModifiers = new(StringComparer.OrdinalIgnoreCase) { "right", "left", "no", "has", "without", "both", "two", "one" };

    /// <summary>Stems that publishers glue to other words (<c>commentlist</c>, <c>relatedposts</c>).</summary>
    private static readonly string[] GluedStems = ["comment", "related", "recommend", "sidebar", "newsletter", "breadcrumb", "kommentar", "коммент"];

    /// <summary>First words of names for links to other stories (<c>more-stories</c>, <c>next-article</c>).</summary>
    private static readonly HashSet<string> OtherStoryLeads = new(StringComparer.OrdinalIgnoreCase) { "more", "also", "next", "prev", "previous" };

    /// <summary>Words that make a footer the article's own (<c>article_footer</c>, <c>entry-footer</c>).</summary>
    private static readonly HashSet<string> OwnFooterWords = new(StringComparer.OrdinalIgnoreCase) { "article", "entry", "post", "story", "news", "content", "single" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContentWords = ContentMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LayoutWords = LayoutMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SideWords = SideMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SideModifierWords = SideModifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherStoryWords = OtherStoryLeads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OwnFooterLookup = OwnFooterWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What a class or id name says about its region.</summary>
    internal enum Marker
    {
        None,
        /// <summary>Beside the article when outside its scope (footer, widget).</summary>
        Layout,
        /// <summary>About something else (comments, related stories, sidebar).</summary>
        Foreign,
    }

    /// <summary>
    /// True when the element stands in a comment, related, sidebar, navigation or page footer
    /// region. A region that holds <paramref name="headline"/> is the article's, whatever its name
    /// (<c>widget Blog</c>, <c>right-sidebar</c> layouts); footers and widgets inside
    /// <paramref name="scope"/> are the article's own.
    /// </summary>
    public static bool IsForeign(IElement element, IElement? headline = null, IElement? scope = null) => IsForeign(element, headline, scope, layoutOutsideScope: true);

    /// <summary>
    /// True when a heading stands in a comment, related, sidebar or navigation region. Layout regions (footers,
    /// widgets, a <c>right-sidebar</c> wrapper) are not judged: without the article's scope, nothing tells whether
    /// they are beside the article or around it (Blogger's <c>widget Blog</c> holds the post).
    /// </summary>
    public static bool IsForeignHeading(IElement heading) => IsForeign(heading, null, null, layoutOutsideScope: false);

    /// <summary>
    /// A heading that is only a link to the site's front page (<c>&lt;h1&gt;&lt;a href="https://blog.example/"&gt;Blog name&lt;/a&gt;&lt;/h1&gt;</c>,
    /// <c>rel="home"</c>): the masthead's name, which a "Blog name: Post title" <c>&lt;title&gt;</c> names too, not the headline;
    /// the description under it is not the post's lead.
    /// </summary>
    public static bool IsSiteNameLink(IElement heading) =>
        heading.ChildElementCount == 1 && heading.FirstElementChild is { LocalName: "a" } link
        && link.TextContent.Length == heading.TextContent.Trim().Length && IsHomeLink(link);

    /// <summary>True for an image with an <c>alt</c> text that is the only content of a link to the front page, itself or
    /// one wrapper down (<c>&lt;a href="/"&gt;&lt;img alt="Gemeinde X"&gt;&lt;/a&gt;</c>): a masthead's logo, named by the site's name.</summary>
    public static bool IsHomeLogo(IElement image)
    {
        if (string.IsNullOrWhiteSpace(image.Attr("alt")))
            return false;
        var link = image.ParentElement;
        if (link is { LocalName: not "a", ChildElementCount: 1 })
            link = link.ParentElement;
        return link is { LocalName: "a", ChildElementCount: 1 } && string.IsNullOrWhiteSpace(link.TextContent) && IsHomeLink(link);
    }

    /// <summary>True for a link to the site's front page (<c>href="/"</c>, an absolute URL of the root, <c>rel="home"</c>).</summary>
    private static bool IsHomeLink(IElement link)
    {
        if (link.Attr("rel") is { } rel && rel.Contains("home", StringComparison.OrdinalIgnoreCase))
            return true;
        var href = link.Attr("href")?.Trim();
        if (string.IsNullOrEmpty(href))
            return false;
        if (href is "/" or "./")
            return true;
        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0;
    }

    private static bool IsForeign(IElement element, IElement? headline, IElement? scope, bool layoutOutsideScope)
    {
        // What stands above a node (an <article>, the scope) is read in a first climb: searching above each
        // footer or aside again would make a call quadratic in the page's depth.
        int topArticle = -1, scopeLevel = -1, level = 0;
        for (var node = element; node is not null; node = node.ParentElement, level++)
        {
            if (node.LocalName == "article")
                topArticle = level;
            if (node == scope)
                scopeLevel = level;
        }
        level = 0;
        for (var node = element; node is not null; node = node.ParentElement, level++)
        {
            var outsideScope = scopeLevel < level;
            bool? foreign = node.LocalName switch
            {
                "nav" => true,
                // HTML5 articles put their byline and date in their own <footer> or <aside>; the page's are foreign.
                "footer" or "aside" => topArticle <= level && outsideScope,
                // The site's masthead (its navigation, "today's" date) is not the article's header.
                "header" => topArticle <= level && outsideScope && IsMasthead(node),
                "body" or "html" => null,
                _ => false,
            };
            if (foreign is null)
                return false;
            if (foreign == false)
            {
                var marker = Max(MarkerOf(node.Attr("class")), MarkerOf(node.Attr("id")));
                foreign = marker == Marker.Foreign
                    || (marker == Marker.Layout && outsideScope && layoutOutsideScope && !FollowsHeadline(node, headline));
            }
            // Every ancestor of a region that holds the headline holds it too: none of them is foreign.
            if (foreign == true)
                return headline is null || !IsInside(headline, node);
        }
        return false;
    }

    private static Marker Max(Marker a, Marker b) => a > b ? a : b;

    /// <summary>
    /// The region comes right after the headline (or the header block holding it): the article's meta line, whatever its
    /// layout name says (<c>news-meta footer</c> under the headline, a CMS naming the header's byline row after a footer).
    /// </summary>
    private static bool FollowsHeadline(IElement region, IElement? headline)
        => headline is not null && region.PreviousElementSibling is { } previous && (previous == headline || IsInside(headline, previous));

    private static bool IsMasthead(IElement header) =>
        string.Equals(header.Attr("role"), "banner", StringComparison.OrdinalIgnoreCase) || header.QuerySelector("nav") is not null;

    /// <summary>The strongest marker among the names of a class or id attribute.</summary>
    internal static Marker MarkerOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return Marker.None;
        if (value.Length > MaxKnownMarkerChars)
            return ReadMarker(value);
        // The finders climb from each candidate through the same ancestors: their class and id values are read again and
        // again, so each value's marker is kept (per thread, bounded; the marker depends on the value alone).
        var known = s_knownMarkers ??= new Dictionary<string, Marker>(StringComparer.Ordinal);
        if (known.TryGetValue(value, out var marker))
            return marker;
        if (known.Count >= MaxKnownMarkers)
            known.Clear();
        return known[value] = ReadMarker(value);
    }

    /// <summary>Class and id values whose marker is kept per thread; a page's ancestors hold far fewer.</summary>
    private const int MaxKnownMarkers = 4096;

    /// <summary>Longer values are read each time, not kept: the cache holds no page's long strings.</summary>
    private const int MaxKnownMarkerChars = 200;

    [ThreadStatic]
    private static Dictionary<string, Marker>? s_knownMarkers;

    private static Marker ReadMarker(string value)
    {
        var result = Marker.None;
        foreach (var range in value.AsSpan().SplitAny(' ', '\t', '\n'))
        {
            var name = value.AsSpan(range);
            if (name.Length == 0)
                continue;
            result = Max(result, NameMarker(name));
            if (result == Marker.Foreign)
                break;
        }
        return result;
    }

    /// <summary>Commentary is an article genre, not a comment thread.</summary>
    private static bool IsGenre(ReadOnlySpan<char> token) =>
        token.StartsWith("commentar", StringComparison.OrdinalIgnoreCase) && !token.StartsWith("commentaire", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads one name token by token: runs of letters and digits, split where camel case turns upper.</summary>
    private static Marker NameMarker(ReadOnlySpan<char> name)
    {
        var result = Marker.None;
        var previous = ReadOnlySpan<char>.Empty;
        var i = 0;
        while (NextNameWord(name, ref i, out var token))
        {
            var marker = TokenMarker(token, previous, first: previous.IsEmpty, rest: name[i..]);
            if (marker == Marker.Foreign)
                return marker;
            result = Max(result, marker);
            previous = token;
        }
        return result;
    }

    /// <summary>The next word of a class or id name from <paramref name="i"/> on: a run of letters and digits, split where
    /// camel case turns upper; false at the name's end.</summary>
    private static bool NextNameWord(ReadOnlySpan<char> name, scoped ref int i, out ReadOnlySpan<char> word)
    {
        while (i < name.Length && !char.IsLetterOrDigit(name[i]))
            i++;
        if (i == name.Length)
        {
            word = default;
            return false;
        }
        var start = i++;
        while (i < name.Length && char.IsLetterOrDigit(name[i]) && !(char.IsUpper(name[i]) && char.IsLower(name[i - 1])))
            i++;
        word = name[start..i];
        return true;
    }

    private static Marker TokenMarker(ReadOnlySpan<char> token, ReadOnlySpan<char> previous, bool first, ReadOnlySpan<char> rest)
    {
        var singular = token.Length > 3 && token[^1] is 's' or 'S' ? token[..^1] : token;
        if (SideWords.Contains(token) || SideWords.Contains(singular))
            return singular.Equals("sidebar", StringComparison.OrdinalIgnoreCase) && SideModifierWords.Contains(previous) ? Marker.Layout : Marker.Foreign;
        if (ContentWords.Contains(token) || ContentWords.Contains(singular))
            return Marker.Foreign;
        if (first && OtherStoryWords.Contains(token) && rest.ContainsAnyExcept("-_ "))
            return Marker.Foreign;
        if ((token.Equals("read", StringComparison.OrdinalIgnoreCase) && previous.Equals("most", StringComparison.OrdinalIgnoreCase))
            || (token.Equals("more", StringComparison.OrdinalIgnoreCase) && previous.Equals("read", StringComparison.OrdinalIgnoreCase))
            || (token.Equals("next", StringComparison.OrdinalIgnoreCase) && (previous.Equals("read", StringComparison.OrdinalIgnoreCase) || previous.Equals("up", StringComparison.OrdinalIgnoreCase)))
            || (token.Equals("also", StringComparison.OrdinalIgnoreCase) && (previous.Equals("read", StringComparison.OrdinalIgnoreCase) || previous.Equals("see", StringComparison.OrdinalIgnoreCase))))
            return Marker.Foreign;
        foreach (var stem in GluedStems)
            if (token.Length > stem.Length && token.StartsWith(stem, StringComparison.OrdinalIgnoreCase) && !IsGenre(token))
                return Marker.Foreign;
        if (LayoutWords.Contains(token) || LayoutWords.Contains(singular))
        {
            if (singular.Equals("footer", StringComparison.OrdinalIgnoreCase) && OwnFooterLookup.Contains(previous))
                return Marker.None;
            // A page builder's name for every block (elementor-widget, et_pb_widget) is no sidebar widget (widget, widget_recent_entries).
            return singular.Equals("widget", StringComparison.OrdinalIgnoreCase) && !first ? Marker.None : Marker.Layout;
        }
        return Marker.None;
    }

    /// <summary>Words of class or id names that mark an event's details (its day, its place): a date shown there is the
    /// event's, not the page's publication (<c>event-date</c>, <c>tribe-event-date-start</c>, <c>termin-datum</c>).</summary>
    private static readonly HashSet<string> EventMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "event", "termin", "termine", "veranstaltung", "evento", "evenement", "événement", "evenemang", "wydarzenie", "agenda",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EventWords = EventMarkers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the element's own class or id names an event (its words split as <see cref="MarkerOf"/> splits them).</summary>
    public static bool NamesEvent(IElement element) => HasWord(element.GetAttribute("class"), EventWords) || HasWord(element.GetAttribute("id"), EventWords);

    /// <summary>True when one of a name's words (runs of letters and digits, split where camel case turns upper), or its
    /// singular, is in <paramref name="words"/>.</summary>
    private static bool HasWord(string? value, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words)
    {
        if (string.IsNullOrEmpty(value))
            return false;
        var name = value.AsSpan();
        var i = 0;
        while (NextNameWord(name, ref i, out var token))
            if (words.Contains(token) || (token.Length > 3 && token[^1] is 's' or 'S' && words.Contains(token[..^1])))
                return true;
        return false;
    }

    /// <summary>The node after <paramref name="node"/>'s subtree in document order, not leaving <paramref name="boundary"/>.</summary>
    public static INode? NextAfter(INode node, INode? boundary = null)
    {
        for (INode? at = node; at is not null && at != boundary; at = at.Parent)
            if (at.NextSibling is { } next)
                return next;
        return null;
    }

    /// <summary>The element after <paramref name="element"/>'s subtree in document order, not leaving <paramref name="boundary"/>.</summary>
    public static IElement? NextElementAfter(IElement element, IElement? boundary = null)
    {
        var node = NextAfter(element, boundary);
        while (node is not null and not IElement)
            node = NextAfter(node, boundary);
        return node as IElement;
    }

    /// <summary>True when <paramref name="element"/> is <paramref name="ancestor"/> or inside it.</summary>
    public static bool IsInside(IElement element, IElement ancestor)
    {
        for (var node = element; node is not null; node = node.ParentElement)
            if (node == ancestor)
                return true;
        return false;
    }

    /// <summary>
    /// The headline element: the <c>&lt;h1&gt;</c> (or else <c>&lt;h2&gt;</c>, an <c>itemprop="headline"</c> element,
    /// an <c>&lt;h3&gt;</c>: Blogger's and TYPO3's templates) that states the chosen title, else the only
    /// <c>&lt;h1&gt;</c>, else the first one inside an <c>&lt;article&gt;</c> or <c>&lt;main&gt;</c>, else the first
    /// one outside foreign regions. Matching the title skips logos and hidden show names that some pages mark up as <c>&lt;h1&gt;</c>.
    /// </summary>
    public static IElement? Headline(PageIndex index, string? title)
    {
        var all = index.Headings1;
        if (title is not null)
        {
            var key = Key(title);
            foreach (var headings in (ReadOnlySpan<List<IElement>>)[all, index.Headings2, index.MarkedHeadlines, index.Headings3])
            {
                foreach (var heading in headings)
                {
                    var text = heading.TextContent;
                    if (text.Length < MaxHeadingChars && Key(text) == key && !IsForeignHeading(heading))
                        return heading;
                }
            }
            // A title kept whole ("Headline - Site", no site name known to strip) leads with the heading shown above the
            // article, which a logo's <h1> does not repeat.
            var leadingParts = TitleFinder.LeadingPartKeys(title);
            if (leadingParts.Count > 0)
                foreach (var headings in (ReadOnlySpan<List<IElement>>)[all, index.Headings2, index.MarkedHeadlines, index.Headings3])
                {
                    foreach (var heading in headings)
                    {
                        var text = heading.TextContent;
                        if (text.Length < MaxHeadingChars && Key(text) is { Length: >= MinLeadingHeadingChars } headingKey
                            && leadingParts.Contains(headingKey) && !IsForeignHeading(heading))
                            return heading;
                    }
                }
        }
        if (all.Count == 0)
            return null;
        if (all.Count == 1)
            return all[0];
        foreach (var h1 in all)
            if (Ancestor(h1, "article", "main") is not null && !IsForeignHeading(h1))
                return h1;
        foreach (var h1 in all)
            if (!IsForeignHeading(h1))
                return h1;
        return null;
    }

    /// <summary>
    /// The heading an old table-layout page (an institution's, a club's, a small town's) sets its story under when it has no
    /// <c>&lt;h1&gt;</c> and its title names no heading: the first <c>&lt;h2&gt;</c>, else the first <c>&lt;h3&gt;</c>, that is not
    /// navigation, not all one link (a teaser of another page) and reads like a headline rather than a section's label
    /// ("Aktuelles", "Nachrichten"); without such an <c>&lt;h2&gt;</c>, a table cell that holds nothing but bold or large text
    /// that reads like a headline, when it stands above the <c>&lt;h3&gt;</c>. Only the date finder reads the header around it.
    /// </summary>
    public static IElement? MainHeading(PageIndex index, IElement? body)
    {
        foreach (var h1 in index.Headings1)
            if (!IsForeignHeading(h1))
                return null;
        if (FirstHeadlineLike(index.Headings2) is { } h2)
            return h2;
        var h3 = FirstHeadlineLike(index.Headings3);
        // A bold cell above an h3 heads the page ("Weitere Meldungen" below heads a list of other pages).
        if (body is not null && ProminentCell(body) is { } cell && (h3 is null || (cell.CompareDocumentPosition(h3) & DocumentPositions.Following) != 0))
            return cell;
        return h3;
    }

    private static IElement? FirstHeadlineLike(List<IElement> headings)
    {
        for (var i = 0; i < headings.Count && i < MaxMainHeadingCandidates; i++)
        {
            var heading = headings[i];
            if (!IsForeignHeading(heading) && !IsOneLink(heading) && ReadsLikeHeadline(heading.TextContent))
                return heading;
        }
        return null;
    }

    /// <summary>Table cells looked at for a headline set in bold: a layout's header cells come first.</summary>
    private const int MaxProminentCells = 200;

    /// <summary>A cell's text read for a headline: longer is a paragraph.</summary>
    private const int MaxProminentCellChars = 200;

    /// <summary>
    /// The first table cell alone in its row whose whole text is one bold or large element (<c>&lt;td&gt;&lt;b&gt;&lt;font size=4&gt;Title&lt;/font&gt;&lt;/b&gt;&lt;/td&gt;</c>) that reads
    /// like a headline and links nowhere: that element.
    /// </summary>
    private static IElement? ProminentCell(IElement body)
    {
        var seen = 0;
        foreach (var cell in body.GetElementsByTagName("td"))
        {
            if (++seen > MaxProminentCells)
                break;
            // Alone in its row: a bold cell beside others is a masthead's greeting or a table's label.
            if (cell.ChildElementCount != 1 || ProminentWithin(cell.FirstElementChild) is not { } emphasis || cell.ParentElement is not { ChildElementCount: 1 }
                || TextCleaning.ShortText(cell, MaxProminentCellChars) is not { } text || !ReadsLikeHeadline(text)
                || text.Trim().Length != emphasis.TextContent.Trim().Length || emphasis.GetElementsByTagName("a").Length > 0 || IsForeignHeading(cell))
                continue;
            return emphasis;
        }
        return null;
    }

    /// <summary>Wrappers a cell's bold text may sit in: <c>&lt;font face="Arial" size="3"&gt;&lt;b&gt;Title&lt;/b&gt;&lt;/font&gt;</c>.</summary>
    private const int MaxEmphasisWrappers = 2;

    /// <summary>The element itself when it is bold or large, else the bold or large element it alone wraps, a few levels down.</summary>
    private static IElement? ProminentWithin(IElement? element)
    {
        for (var level = 0; element is not null; level++, element = element.FirstElementChild)
        {
            if (IsProminent(element))
                return element;
            if (level == MaxEmphasisWrappers || element.ChildElementCount != 1)
                return null;
        }
        return null;
    }

    private static bool IsProminent(IElement element) => element.LocalName switch
    {
        "b" or "strong" => true,
        "font" => int.TryParse(element.Attr("size")?.TrimStart('+'), out var size) && size >= 4,
        _ => false,
    };

    /// <summary>Headings looked at for the main one: further down they head other things.</summary>
    private const int MaxMainHeadingCandidates = 3;

    /// <summary>Letters a headline has at least: fewer make a label ("Aktuelles", "News").</summary>
    private const int MinHeadlineLetters = 15;

    private static bool ReadsLikeHeadline(string text)
    {
        if (text.Length >= MaxHeadingChars)
            return false;
        int letters = 0, words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter)
                letters++;
            if (letter && !inWord)
                words++;
            inWord = letter;
        }
        return letters >= MinHeadlineLetters && words >= 2;
    }

    /// <summary>True when a link holds all of the heading's text.</summary>
    private static bool IsOneLink(IElement heading)
    {
        foreach (var link in heading.GetElementsByTagName("a"))
            if (link.HasAttribute("href") && link.TextContent.Trim().Length == heading.TextContent.Trim().Length)
                return true;
        return false;
    }

    private const int MaxHeadingChars = 1000;

    /// <summary>Letters and digits of a heading matched as the leading part of the title: a word or two is a site's name or a label.</summary>
    private const int MinLeadingHeadingChars = 12;

    private static string Key(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    /// <summary>
    /// The part of the page that holds the article's header: the <c>&lt;article&gt;</c> around the
    /// headline, else the headline's ancestor a few levels up, else the first <c>&lt;article&gt;</c>.
    /// Page builders wrap the headline alone in several levels of widgets and put the date in the next
    /// section: while the ancestor holds little text beside the headline, the climb goes on a few levels more.
    /// </summary>
    public static IElement? ArticleScope(PageIndex index, IElement? headline)
    {
        if (headline is not null)
        {
            if (Ancestor(headline, "article") is { } article)
                return article;
            var scope = headline;
            var headlineChars = -1;
            for (var i = 0; scope.ParentElement is { LocalName: not ("body" or "html") } parent && !HoldsSidebarBeside(parent, scope); i++)
            {
                if (i >= 3)
                {
                    if (i >= 3 + MaxExtraScopeLevels)
                        break;
                    if (headlineChars < 0)
                        headlineChars = TextChars(headline, MaxHeadingChars);
                    if (TextChars(scope, headlineChars + MinScopeChars) >= headlineChars + MinScopeChars)
                        break;
                }
                scope = parent;
            }
            return scope;
        }
        return index.FirstArticle;
    }

    /// <summary>Levels climbed beyond the first three while the scope holds only the headline.</summary>
    private const int MaxExtraScopeLevels = 5;

    /// <summary>Characters of text beside the headline that make a scope hold more than the headline.</summary>
    private const int MinScopeChars = 40;

    private static int TextChars(IElement element, int maxChars)
    {
        var text = new System.Text.StringBuilder();
        PageText.Append(element, text, maxChars);
        return text.Length;
    }

    /// <summary>True when <paramref name="parent"/> holds a sidebar beside <paramref name="child"/>: the two-column
    /// wrapper, above the article's own region (a sidebar's latest-posts dates are not the article's).</summary>
    private static bool HoldsSidebarBeside(IElement parent, IElement child)
    {
        foreach (var sibling in parent.Children)
            if (sibling != child && IsSidebar(sibling))
                return true;
        return false;
    }

    private static bool IsSidebar(IElement element) =>
        string.Equals(element.Attr("role"), "complementary", StringComparison.OrdinalIgnoreCase)
        || NamesSidebar(element.Attr("class")) || NamesSidebar(element.Attr("id"));

    private static bool NamesSidebar(string? name) => name is not null
        && (name.Contains("sidebar", StringComparison.OrdinalIgnoreCase) || name.Contains("widget-area", StringComparison.OrdinalIgnoreCase));

    /// <summary>The element itself or its nearest ancestor with one of the tag names.</summary>
    public static IElement? Ancestor(IElement element, string name, string? otherName = null)
    {
        for (var node = element; node is not null; node = node.ParentElement)
            if (node.LocalName == name || node.LocalName == otherName)
                return node;
        return null;
    }
}
