using AngleSharp.Dom;

namespace Gleaner.Extraction.Content;

/// <summary>How the extractor treats an element, judged from its tag name alone.</summary>
internal enum TagRole : byte
{
    /// <summary>Inline markup (span, em, b...): its text joins the surrounding line.</summary>
    Inline,
    /// <summary>A block: its text starts and ends a line.</summary>
    Block,
    /// <summary>Never article text (scripts, forms, media, navigation, captions).</summary>
    Skip,
    Heading,
    List,
    ListItem,
    Quote,
    Preformatted,
    Table,
    TableRow,
    TableCell,
    LineBreak,
    Link,
}

/// <summary>
/// Phase 1 evidence: what tag names, class and id words, and visibility say about an element,
/// before any text is measured. Word lists are multilingual where words (not markup) are matched.
/// </summary>
internal static class BoilerplateSignals
{
    /// <summary>Class/id weight of an element that looks like the article (Readability uses the same size).</summary>
    public const int PositiveClassWeight = 25;

    /// <summary>Class/id weight of an element that looks like page furniture.</summary>
    public const int NegativeClassWeight = -25;

    public static TagRole RoleOf(string localName) => localName switch
    {
        "p" or "div" or "section" or "article" or "main" or "center" or "address" or "dd" or "dt" or "dl"
            or "details" or "summary" or "fieldset" or "form" or "hgroup" or "body" or "tbody" or "thead"
            or "tfoot" or "caption" => TagRole.Block,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => TagRole.Heading,
        "ul" or "ol" or "menu" => TagRole.List,
        "li" => TagRole.ListItem,
        "blockquote" => TagRole.Quote,
        "pre" => TagRole.Preformatted,
        "table" => TagRole.Table,
        "tr" => TagRole.TableRow,
        "td" or "th" => TagRole.TableCell,
        "br" or "hr" => TagRole.LineBreak,
        "a" => TagRole.Link,
        // Not text a reader reads as the story: code, media, controls, page furniture and captions. A formula (MathML's
        // math) is read where it sits, as the text of its symbols; only its annotations (the TeX source a renderer keeps
        // beside them) are left out.
        "script" or "style" or "noscript" or "template" or "svg" or "annotation" or "annotation-xml" or "iframe" or "object" or "embed"
            or "canvas" or "video" or "audio" or "picture" or "img" or "map" or "button" or "select"
            or "input" or "textarea" or "option" or "label" or "nav" or "aside" or "footer" or "header"
            or "figure" or "figcaption" or "dialog" or "head" or "title" or "meta" or "link" or "source"
            or "track" or "frameset" or "frame" or "applet" or "output" or "progress" or "meter"
            // Ruby annotations (pronunciation over CJK text) and their fallback parentheses would split words.
            or "rt" or "rp" => TagRole.Skip,
        _ => TagRole.Inline,
    };

    /// <summary>Regions of the page layout that usually hold furniture but may hold the story on odd pages.</summary>
    public static bool IsPageRegion(string localName) => localName is "aside" or "header" or "footer";

    /// <summary>
    /// A <c>header</c> holding nothing but a subheading (h2 to h6) over content of its own: a section of the story
    /// titled, as content management systems write it. The article's header (its headline in an h2) and the
    /// heading of an empty module are not.
    /// </summary>
    public static bool IsSectionHeader(IElement element)
    {
        if (element.LocalName != "header" || element.ParentElement?.LocalName is null or "article" or "body"
            || element.NextElementSibling is not { HasChildNodes: true })
            return false;
        bool heading = false;
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement)
            {
                if (childElement.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6"))
                    return false;
                heading = true;
            }
            else if (child.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(((ICharacterData)child).Data))
            {
                return false;
            }
        }
        return heading;
    }

    /// <summary>
    /// The button that opens an accordion's panel, holding its title: a question of a FAQ ("Who can apply?") or the
    /// heading of a section folded away. It toggles a panel (<c>aria-expanded</c>, <c>aria-controls</c>) and sits in a
    /// heading, or asks a question: part of the text when its panel is. A menu or "show more" toggle is neither.
    /// </summary>
    public static bool IsDisclosureTitle(IElement button)
    {
        bool toggles = button.HasAttribute("aria-expanded") || button.HasAttribute("aria-controls");
        bool inHeading = button.ParentElement is { } parent && (RoleOf(parent.LocalName) == TagRole.Heading || parent.LocalName == "dt");
        if (!toggles && !inHeading)
            return false;
        if (toggles && inHeading)
            return true;
        var text = button.TextContent.AsSpan().TrimEnd();
        return text.Length > 0 && text[^1] is '?' or '\uFF1F' or '\u061F';
    }

    /// <summary>
    /// A link drawn as a button ("<c>&lt;a class="btn btn-primary"&gt;</c>", "wp-block-button__link", <c>role="button"</c>):
    /// the end of a call to action (donate, sign up, buy tickets), not a link of the story's sentences.
    /// </summary>
    public static bool IsButtonLink(IElement link)
    {
        if (link.Attr("role") is { } role && role.Equals("button", StringComparison.OrdinalIgnoreCase))
            return true;
        var className = link.Attr("class");
        return className is not null && (className.Contains("btn", StringComparison.OrdinalIgnoreCase)
            || className.Contains("button", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Hidden by the page itself: the reader never sees it.</summary>
    public static bool IsHidden(IElement element)
    {
        if (element.Attr("hidden") is { } hidden)
            return !IsStreamedSegment(element) && !IsCollapsedPanel(element, hidden);
        var ariaHidden = element.Attr("aria-hidden");
        if (ariaHidden is not null && ariaHidden.Equals("true", StringComparison.OrdinalIgnoreCase))
            return !IsCollapsedPanel(element, null);
        if (IsPopUp(element))
            return true;
        var style = element.Attr("style");
        if (style is null || style.Length < 12)
            return false;
        return (ContainsCompact(style, "display:none") || ContainsCompact(style, "visibility:hidden")) && !IsCollapsedPanel(element, null);
    }

    /// <summary>Words of a button that closes a pop-up, in several languages (in its class, label, title or text).</summary>
    private static readonly string[] CloseWords =
    [
        "close", "dismiss", "schließen", "schliessen", "fermer", "cerrar", "chiudi", "fechar", "sluiten", "zamknij", "lukk",
        "stäng", "luk", "sulje", "zavřít", "закрыть", "kapat", "tutup", "閉じる", "关闭", "關閉", "닫기",
    ];

    /// <summary>Longest button text read for a close word or mark: a close button says little.</summary>
    private const int MaxCloseButtonTextChars = 40;

    /// <summary>A button that closes what holds it: named or labelled "close" in some language, or marked ×.</summary>
    public static bool IsCloseButton(IElement button)
    {
        foreach (var attribute in (ReadOnlySpan<string>)["class", "aria-label", "title"])
            if (button.GetAttribute(attribute) is { Length: > 0 } value && HasCloseWord(value))
                return true;
        var text = button.TextContent.AsSpan().Trim();
        if (text.Length == 0 || text.Length > MaxCloseButtonTextChars)
            return false;
        return text is "×" or "✕" or "✖" or "╳" or "X" or "x" || HasCloseWord(text);
    }

    /// <summary>
    /// True when the value holds a close word as a word of its own ("btn-close", "modalClose", "Schließen"), not inside
    /// another ("enclosed" names a panel, "closed" a caption toggle, "Lukas" a person).
    /// </summary>
    private static bool HasCloseWord(ReadOnlySpan<char> value)
    {
        foreach (var word in CloseWords)
        {
            for (var start = 0; start <= value.Length - word.Length;)
            {
                var found = value[start..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (found < 0)
                    break;
                var at = start + found;
                if (StartsWord(value, at) && EndsWord(value, at + word.Length))
                    return true;
                start = at + 1;
            }
        }
        return false;
    }

    /// <summary>A word starts here: at the start, after a non-letter, at a capital after a small letter (camelCase), or in
    /// a script written without spaces.</summary>
    private static bool StartsWord(ReadOnlySpan<char> value, int at) =>
        at == 0 || !char.IsLetter(value[at - 1]) || char.IsUpper(value[at]) && char.IsLower(value[at - 1]) || !IsCased(value[at]);

    /// <summary>A word ends here: at the end, before a non-letter, before a capital (camelCase), or in a script written
    /// without spaces.</summary>
    private static bool EndsWord(ReadOnlySpan<char> value, int end) =>
        end == value.Length || !char.IsLetter(value[end]) || char.IsUpper(value[end]) || !IsCased(value[end - 1]);

    /// <summary>Letters of cased scripts (Latin, Cyrillic, Greek) have word boundaries; CJK letters do not.</summary>
    private static bool IsCased(char c) => char.ToUpperInvariant(c) != char.ToLowerInvariant(c);

    /// <summary>An input for an e-mail address: <c>type="email"</c>, or a text field named or labelled for one.</summary>
    public static bool IsEmailField(IElement input)
    {
        var type = input.Attr("type");
        if (type is not null && type.Equals("email", StringComparison.OrdinalIgnoreCase))
            return true;
        if (type is not (null or "" or "text"))
            return false;
        foreach (var attribute in (ReadOnlySpan<string>)["name", "placeholder", "autocomplete"])
            if (input.GetAttribute(attribute) is { } value && (value.Contains("email", StringComparison.OrdinalIgnoreCase)
                || value.Contains("e-mail", StringComparison.OrdinalIgnoreCase)))
                return true;
        return false;
    }

    /// <summary>
    /// A pop-up laid over the page (<c>role="dialog"</c>, <c>aria-modal="true"</c>): a newsletter, consent or paywall
    /// prompt the reader closes, never the lead or the body. Not when it holds the headline (a story opened over a list).
    /// </summary>
    private static bool IsPopUp(IElement element)
    {
        var role = element.Attr("role");
        bool dialog = role is not null && (role.Equals("dialog", StringComparison.OrdinalIgnoreCase) || role.Equals("alertdialog", StringComparison.OrdinalIgnoreCase))
            || element.Attr("aria-modal") is { } modal && modal.Equals("true", StringComparison.OrdinalIgnoreCase);
        return dialog && element.QuerySelector("h1") is null;
    }

    /// <summary>
    /// React's streamed server rendering sends late parts of the page (often the article itself) in a
    /// hidden <c>div id="S:n"</c> that a script moves into place: the reader sees it.
    /// </summary>
    private static bool IsStreamedSegment(IElement element)
    {
        var id = element.Id;
        return id is { Length: > 2 } && id[0] == 'S' && id[1] == ':' && element.LocalName == "div";
    }

    /// <summary>
    /// An accordion or "read more" panel, closed until the reader opens it (<c>hidden="until-found"</c>, or a
    /// class naming the panel): part of the text, unlike a hidden menu or a pop-up.
    /// </summary>
    private static bool IsCollapsedPanel(IElement element, string? hidden)
    {
        if (hidden is not null && hidden.Equals("until-found", StringComparison.OrdinalIgnoreCase))
            return true;
        // A tab or a disclosure's panel, shown when the reader picks its tab or heading.
        if (element.Attr("role") is { } role
            && (role.Equals("tabpanel", StringComparison.OrdinalIgnoreCase) || role.Equals("region", StringComparison.OrdinalIgnoreCase)))
            return true;
        var className = element.Attr("class");
        if (className is not null)
            foreach (var word in (ReadOnlySpan<string>)["accordion", "collaps", "expandable", "faq-answer", "panel-body", "spoiler", "tab-pane", "tab-content"])
                if (className.Contains(word, StringComparison.OrdinalIgnoreCase))
                    return true;
        return element.PreviousElementSibling is { } toggle && (Opens(toggle, element.Id) || AsksQuestion(toggle));
    }

    /// <summary>Longest question read over a hidden panel: a FAQ's question, not a paragraph.</summary>
    private const int MaxQuestionChars = 300;

    /// <summary>
    /// The element just before a hidden panel opens it: it (or a link or button in it) points at the panel's id
    /// (<c>href="#a1"</c>, <c>aria-controls="a1"</c>, <c>data-target="#a1"</c>, <c>data-bs-target="#a1"</c>), in whatever
    /// language the page names the panel's class ("faq-antwort", "reponse", "toggle_content").
    /// </summary>
    private static bool Opens(IElement toggle, string? id)
    {
        if (string.IsNullOrEmpty(id))
            return false;
        if (Targets(toggle, id))
            return true;
        foreach (var control in toggle.QuerySelectorAll("a, button"))
            if (Targets(control, id))
                return true;
        return false;
    }

    private static bool Targets(IElement control, string id)
    {
        foreach (var attribute in (ReadOnlySpan<string>)["href", "data-target", "data-bs-target"])
            if (control.GetAttribute(attribute) is { } target && target.Length == id.Length + 1 && target[0] == '#' && target.AsSpan(1).SequenceEqual(id))
                return true;
        return control.GetAttribute("aria-controls") is { } controls && controls.AsSpan().Trim().SequenceEqual(id);
    }

    /// <summary>
    /// The element just before a hidden panel is a question: a heading, link, button, term or short line ending in a
    /// question mark, over the answer the reader opens ("Kann ich Widerspruch einlegen?" over its answer).
    /// </summary>
    private static bool AsksQuestion(IElement toggle)
    {
        if (toggle.LocalName is not ("a" or "button" or "dt" or "p" or "span" or "strong" or "b" or "label" or "div")
            && RoleOf(toggle.LocalName) != TagRole.Heading)
            return false;
        var text = toggle.TextContent.AsSpan().TrimEnd();
        return text.Length is > 0 and <= MaxQuestionChars && text[^1] is '?' or '\uFF1F' or '\u061F';
    }

    /// <summary>
    /// A link to the page of one of the site's writers: <c>rel="author"</c>, a path to one writer's page as the byline reader
    /// knows them (<see cref="Metadata.AuthorFinder.IsAuthorPageUrl"/>: WordPress's "/author/name/", "/autor/", "/auteur/",
    /// "/journalist/" …) or a query naming the author ("?author=1", Squarespace, WordPress).
    /// </summary>
    public static bool IsAuthorPageLink(IElement link)
    {
        if (link.Attr("rel") is { } rel && rel.Contains("author", StringComparison.OrdinalIgnoreCase))
            return true;
        if (link.Attr("href") is not { Length: > 8 } href)
            return false;
        return Metadata.AuthorFinder.IsAuthorPageUrl(href)
            || href.Contains("?author=", StringComparison.OrdinalIgnoreCase) || href.Contains("&author=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Words beside "author" in the name of a box about the writer ("author-description", "post-author-box").</summary>
    private static readonly string[] AuthorBoxWords = ["bio", "box", "desc", "info", "about", "profile", "detail", "card"];

    /// <summary>
    /// A box about the writer (their bio, picture, other posts), named so: never the story, even in the retry that reads
    /// what the first pass dropped by name. Beside a short post it would otherwise outweigh it.
    /// </summary>
    public static bool IsAuthorBox(IElement element)
    {
        foreach (var value in (ReadOnlySpan<string?>)[element.Attr("class"), element.Id])
        {
            if (value is null || !value.Contains("author", StringComparison.OrdinalIgnoreCase))
                continue;
            foreach (var word in AuthorBoxWords)
                if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
                    return true;
        }
        return false;
    }

    /// <summary>Paragraphs of unlinked prose that make a "read more" box the story's own continuation, and how long each is.</summary>
    private const int MinContinuationParagraphs = 3, MinContinuationParagraphChars = 150;

    /// <summary>
    /// A "read more" expander: the story's second half folded under a "Read more" link (<c>div#read-more &gt;
    /// div#read-more-content</c> holding its paragraphs), named like a box of links to other stories but holding several
    /// paragraphs of unlinked prose and no linked heading (a teaser box's standfirsts sit under linked headlines).
    /// </summary>
    public static bool IsFoldedContinuation(IElement element)
    {
        if (!NamesReadMore(element.Attr("class")) && !NamesReadMore(element.Id))
            return false;
        if (element.QuerySelector("h2 a, h3 a, h4 a, h5 a") is not null)
            return false;
        var prose = 0;
        foreach (var paragraph in element.GetElementsByTagName("p"))
        {
            var text = paragraph.TextContent;
            if (text.Length < MinContinuationParagraphChars)
                continue;
            var linked = 0;
            foreach (var link in paragraph.GetElementsByTagName("a"))
                linked += link.TextContent.Length;
            if (linked * 5 <= text.Length && ++prose >= MinContinuationParagraphs)
                return true;
        }
        return false;
    }

    /// <summary>"read-more", "read_more", "readMore", "readmore" in a class or id value.</summary>
    private static bool NamesReadMore(string? value)
    {
        if (value is null || value.Length < 8)
            return false;
        var at = value.IndexOf("read", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var rest = value.AsSpan(at + 4);
            if (rest.Length > 0 && rest[0] is '-' or '_' or ' ')
                rest = rest[1..];
            if (rest.StartsWith("more", StringComparison.OrdinalIgnoreCase))
                return true;
            at = value.IndexOf("read", at + 4, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private enum WordSignal : byte { None, Content, WeakBoilerplate, StrongBoilerplate }

    /// <summary>
    /// Word starts that mark furniture so surely that the element is dropped, unless article words sit beside them.
    /// Matched against the start of each class/id word ("comments", "shareBar", "relatedPosts").
    /// </summary>
    private static readonly string[] StrongBoilerplateStarts =
    [
        "comment", "disqus", "share", "sharing", "social", "related", "recommend", "newsletter", "subscri",
        "signup", "cookie", "consent", "gdpr", "breadcrumb", "advert", "sponsor", "promo",
        "outbrain", "taboola", "caption", "credit", "byline", "dateline", "popup", "modal", "banner",
        "masthead", "navbar", "pagination", "pager", "skiplink", "offscreen", "toolbar", "trending",
        "login", "tagcloud", "taglist", "keywords", "infobox", "visuallyhidden", "readmore", "mostpopular",
        "mostread", "kommentar", "commentaire", "comentario", "commento", "werbung", "anzeige", "publicidad",
        "publicidade", "publicite", "reklam", "relacionad", "correlat", "abonn", "suscri", "iscriviti",
        "rollover", "tooltip", "popover", "hovercard", "flyout", "donat", "spende", "fakta", "signature", "copyright",
        // Captions and share rows named in the page's language.
        "didascal", "legend", "légende", "leyenda", "bildunterschrift", "bildtext", "bijschrift", "onderschrift", "popisek",
        "kuvateksti", "partilh", "compartilh", "condivi", "paylas", "udostep", "sdilet",
        // Related stories named in the page's language ("ilgili-haber", "powiazane-artykuly", "souvisejici-clanky").
        "ilgili", "powiazan", "souvisej", "gerelateerd",
        // A fact box beside the story, as Spanish papers name it.
        "despiece",
    ];

    /// <summary>Two-word furniture names, written joined: matched as one word or as two words in a row ("read-more", "leia-tambem").</summary>
    private static readonly string[] StrongBoilerplateCompounds =
    [
        "readmore", "readalso", "alsoread", "mostpopular", "mostread", "morestories", "sronly", "skiplink",
        "screenreader", "visuallyhidden", "printonly", "authorbio", "authorinfo", "taglist", "signup",
        "furtherreading", "seealso", "leiatambem", "vejatambem", "leggianche",
        "lireaussi", "leertambien", "читайтетакже", "factbox", "faktbox", "infokasten", "authorbox", "authorprofile",
        "writerprofile", "aboutauthor", "theauthor", "supportus", "appbanner", "appteaser", "appdownload", "downloadapp", "apppromo", "infobox", "authordescription",
        "authordetails", "authorcard", "authorabout",
        // The writer's box named in the page's language ("autor-box", "autoren-info", "auteur-bio").
        "autorbox", "autorinfo", "autorbio", "autorenbox", "autoreninfo", "autorprofil", "autoreinfo", "auteurbox", "auteurbio",
        // The date, author, category and hit counts of a post, as content management systems name their box.
        "articleinfo", "postinfo", "entryinfo", "postmeta", "entrymeta", "articlemeta",
        // A forum member's column beside each post (name, rank, post count) and the board's who-is-online box.
        "postprofile", "userinfo", "usertitle", "onlinelist", "whoisonline",
        // A wiki's "[edit]" links beside its headings and its "From <wiki name>" line under the title.
        "editsection", "sitesub",
    ];

    /// <summary>Word starts that make furniture likely; the element is then judged on its text too.</summary>
    private static readonly string[] WeakBoilerplateStarts =
    [
        "footer", "header", "menu", "sidebar", "widget", "meta", "media", "photo", "image", "gallery", "video",
        "teaser", "rail", "extra", "aside", "paywall", "author", "date", "timestamp", "contact", "shopping", "navi",
        "links", "tool", "button", "icon", "overlay", "supplement", "feedback", "rating",
        // Picture sliders: their captions and credits are not the story, but a page may wrap everything in one.
        "slider", "slideshow", "carousel", "swiper", "lightbox",
    ];

    /// <summary>Short furniture words matched whole, since as word starts they would match too much ("ad" in "add").</summary>
    private static readonly string[] WeakBoilerplateWords = ["ad", "ads", "adv", "nav", "tag", "tags"];

    /// <summary>Word starts that mark the article itself, in several languages.</summary>
    private static readonly string[] ContentStarts =
    [
        "article", "content", "entry", "hentry", "main", "post", "text", "story", "body", "blog", "prose",
        "paragraph", "artikel", "contenido", "contenu", "testo", "texto", "materia", "noticia", "nachricht",
    ];

    /// <summary>Length of the word start used to look a word up; every word start above is at least this long.</summary>
    private const int LookupPrefixLength = 4;

    /// <summary>Longer class words are compared by their start only.</summary>
    private const int MaxWordLength = 48;

    private static readonly Dictionary<string, (string Start, WordSignal Signal)[]> StartsByPrefix = BuildStarts();

    private static readonly Dictionary<string, (string Start, WordSignal Signal)[]>.AlternateLookup<ReadOnlySpan<char>> StartsLookup =
        StartsByPrefix.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> CompoundWords = new(StrongBoilerplateCompounds, StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompoundLookup =
        CompoundWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> ShortWords = new(WeakBoilerplateWords, StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortWordLookup =
        ShortWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, (string, WordSignal)[]> BuildStarts()
    {
        var lists = new Dictionary<string, List<(string, WordSignal)>>(StringComparer.Ordinal);
        void Add(string[] starts, WordSignal signal)
        {
            foreach (var start in starts)
            {
                var key = start[..LookupPrefixLength];
                if (!lists.TryGetValue(key, out var list))
                    lists[key] = list = [];
                list.Add((start, signal));
            }
        }
        Add(StrongBoilerplateStarts, WordSignal.StrongBoilerplate);
        Add(WeakBoilerplateStarts, WordSignal.WeakBoilerplate);
        Add(ContentStarts, WordSignal.Content);
        var result = new Dictionary<string, (string, WordSignal)[]>(StringComparer.Ordinal);
        foreach (var (key, list) in lists)
            result[key] = [.. list];
        return result;
    }

    /// <summary>
    /// Weight from the element's class and id: positive for article words, negative for furniture;
    /// <paramref name="isStrongBoilerplate"/> when the element should be dropped outright.
    /// </summary>
    public static int ClassWeight(IElement element, out bool isStrongBoilerplate)
    {
        isStrongBoilerplate = false;
        var className = element.Attr("class");
        var id = element.Id;
        if (string.IsNullOrEmpty(className) && string.IsNullOrEmpty(id))
            return 0;

        int weight = 0;
        if (!string.IsNullOrEmpty(className))
            weight += WeightOf(className, ref isStrongBoilerplate);
        if (!string.IsNullOrEmpty(id))
            weight += WeightOf(id, ref isStrongBoilerplate, readArticleWords: !IsGeneratedControlId(id));
        return weight;
    }

    /// <summary>
    /// An id ASP.NET Web Forms generated from the naming containers above the control: "ctl00_MainContent_pnlApp" (a
    /// container without an id of its own is "ctl00", "ctl01"...; SharePoint's "ctl00_PlaceHolderMain_…"), or, in its
    /// predictable mode, the page's placeholder first ("MainContent_lblTitle", "ContentPlaceHolder1_lblBody", the names
    /// Visual Studio gives them). Every control of the page then carries the placeholder's "Content" or "Main": an article
    /// word in such an id says nothing of the control, a furniture word still does.
    /// </summary>
    internal static bool IsGeneratedControlId(string id)
    {
        var rest = id.AsSpan();
        bool first = true;
        while (rest.Length > 0)
        {
            int cut = rest.IndexOfAny('_', '$');
            if (cut < 0)
                // The control's own name ends the id: it is never a naming container's.
                return false;
            var segment = rest[..cut];
            if (segment.Length > 3 && segment.StartsWith("ctl", StringComparison.OrdinalIgnoreCase) && IsDigits(segment[3..]))
                return true;
            if (first && (segment.Equals("MainContent", StringComparison.OrdinalIgnoreCase)
                          || segment.StartsWith("ContentPlaceHolder", StringComparison.OrdinalIgnoreCase)))
                return true;
            first = false;
            rest = rest[(cut + 1)..];
        }
        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9');

    // readArticleWords is false for a name whose article words are a framework's, not the page's (IsGeneratedControlId):
    // only its furniture words count.
    private static int WeightOf(string value, ref bool isStrongBoilerplate, bool readArticleWords = true)
    {
        // Each class name is judged whole: "relatedPosts" and "article-comments" are furniture although
        // they hold article words. Across names, article words win over furniture words elsewhere
        // ("hentry category-promotions", "box article modal-enabled" are the article).
        bool strongName = false, weakName = false, contentName = false;
        bool strong = false, positive = false;
        int weakWords = 0;
        Span<char> word = stackalloc char[MaxWordLength];
        Span<char> pair = stackalloc char[MaxWordLength * 2];
        int previousLength = 0;
        int i = 0;
        while (true)
        {
            bool endOfName = i >= value.Length || char.IsWhiteSpace(value[i]);
            if (endOfName)
            {
                if (strong)
                    strongName = true;
                // "post-footer", "entry-footer": the footer of the post (its labels, share row, comment link), not the post.
                else if (positive && !EndsWithFooter(pair[..previousLength]))
                    contentName = true;
                else if (weakWords > 0)
                    weakName = true;
                strong = positive = false;
                weakWords = 0;
                previousLength = 0;
                if (i >= value.Length)
                    break;
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(value[i]))
            {
                i++;
                continue;
            }
            // Words split at dashes, underscores and camelCase humps: "relatedPosts" is "related" and "posts".
            int length = 0;
            do
            {
                if (length < MaxWordLength)
                    word[length++] = char.ToLowerInvariant(value[i]);
                i++;
            }
            while (i < value.Length && char.IsLetterOrDigit(value[i])
                   && !(char.IsUpper(value[i]) && char.IsLower(value[i - 1])));

            var current = word[..length];
            switch (Classify(current))
            {
                case WordSignal.StrongBoilerplate: strong = true; break;
                case WordSignal.WeakBoilerplate: weakWords++; break;
                case WordSignal.Content: positive |= readArticleWords; break;
            }
            // "elementor-widget-container", "widget-wrap": the holder page builders put around every module, the story's too.
            if (IsWrapperWord(current) && pair[..previousLength].SequenceEqual("widget"))
                weakWords--;
            if (previousLength > 0 && previousLength + length <= pair.Length)
            {
                current.CopyTo(pair[previousLength..]);
                if (CompoundLookup.Contains(pair[..(previousLength + length)]))
                    strong = true;
            }
            current.CopyTo(pair);
            previousLength = length;
        }

        if (strongName)
        {
            if (contentName)
                return 0;
            isStrongBoilerplate = true;
            return NegativeClassWeight;
        }
        if (contentName)
            return PositiveClassWeight;
        return weakName ? NegativeClassWeight : 0;
    }

    private static bool EndsWithFooter(ReadOnlySpan<char> lastWord) => lastWord is "footer" or "foot";

    private static bool IsWrapperWord(ReadOnlySpan<char> word) => word is "container" or "wrap" or "wrapper" or "inner";

    private static WordSignal Classify(ReadOnlySpan<char> word)
    {
        if (word.Length < LookupPrefixLength)
            return ShortWordLookup.Contains(word) ? WordSignal.WeakBoilerplate : WordSignal.None;
        if (CompoundLookup.Contains(word))
            return WordSignal.StrongBoilerplate;
        if (!StartsLookup.TryGetValue(word[..LookupPrefixLength], out var starts))
            return WordSignal.None;
        var found = WordSignal.None;
        foreach (var (start, signal) in starts)
        {
            if (word.StartsWith(start, StringComparison.Ordinal) && signal > found)
                found = signal;
        }
        return found;
    }

    /// <summary>Substring test ignoring spaces in <paramref name="haystack"/> and ASCII case ("display: none").</summary>
    private static bool ContainsCompact(string haystack, string needle)
    {
        int matched = 0;
        for (int i = 0; i < haystack.Length; i++)
        {
            char c = haystack[i];
            if (c == ' ')
                continue;
            if (c is >= 'A' and <= 'Z')
                c = (char)(c + 32);
            if (c == needle[matched])
            {
                if (++matched == needle.Length)
                    return true;
            }
            else
            {
                matched = c == needle[0] ? 1 : 0;
            }
        }
        return false;
    }
}
