using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Finds the article's authors: JSON-LD <c>author</c>, author meta tags, <c>itemprop=author</c>,
/// <c>rel=author</c> links, byline elements near the headline, links to author pages, unmarked lines
/// that start with "By"/"Von"/"Par", and the page's analytics data, in that order of trust. The first
/// source that names a person wins; organisations are used only when no source names a person.
/// Names are never taken from running text, so a quoted speaker is never an author.
/// </summary>
internal static partial class AuthorFinder
{
    private static readonly string[] MetaKeys =
    [
        "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
        "byl", "citation_author", "cxenseparse:author", "dc.contributor",
    ];

    /// <summary>Class fragments of pictures, videos and their captions, whose bylines credit who made them.</summary>
    private static readonly SearchValues<string> MediaMarkers = SearchValues.Create(
        ["media", "caption", "photo", "image", "video", "audio", "player", "gallery", "figure"], StringComparison.OrdinalIgnoreCase);

    /// <summary>How far up a byline's ancestors may show that it belongs to a picture or a player.</summary>
    private const int MediaCreditDepth = 3;

    /// <summary>Class fragments of quotations and of the claims a fact-check reviews (<c>statement-author</c>,
    /// <c>claim__source</c>, <c>pullquote</c>), whose "author" is who said it.</summary>
    private static readonly SearchValues<string> QuoteMarkers = SearchValues.Create(["quote", "statement", "claim", "testimonial"], StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the byline of a picture, video or audio box (the photographer or producer) or of a quotation or
    /// reviewed claim (the speaker), not of the article.</summary>
    private static bool CreditsPictureOrQuote(IElement byline)
    {
        var node = byline;
        for (var depth = 0; node is not null && depth <= MediaCreditDepth; depth++, node = node.ParentElement)
        {
            if (node.LocalName is "figure" or "figcaption" or "picture" or "video" or "audio" or "blockquote" or "q")
                return true;
            var classes = node.Attr("class");
            if (!string.IsNullOrEmpty(classes) && (classes.AsSpan().IndexOfAny(MediaMarkers) >= 0 || classes.AsSpan().IndexOfAny(QuoteMarkers) >= 0))
                return true;
        }
        return false;
    }

    /// <summary>Dublin Core and citation tags write names as libraries do: "Last, First".</summary>
    private static readonly HashSet<string> LibraryOrderKeys = new(StringComparer.Ordinal) { "dc.creator", "dcterms.creator", "citation_author", "dc.contributor" };

    /// <summary>"Jong, Michiel de" as "Michiel de Jong"; any other shape as written.</summary>
    private static string InvertLibraryOrder(string value)
    {
        var match = LibraryOrderName().Match(value);
        return match.Success ? match.Groups["given"].Value + " " + match.Groups["family"].Value : value;
    }

    [GeneratedRegex(@"^\s*(?<family>\p{Lu}[\p{L}'’\-]+),\s*(?<given>\p{Lu}[\p{L}.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*){0,2})\s*$")]
    private static partial Regex LibraryOrderName();

    /// <summary>Bylines are short; a longer element is a bio box or a list of the author's other articles.</summary>
    private const int MaxBylineChars = 200;

    public static IReadOnlyList<string> Find(IDocument document, PageIndex index, MetaTags meta, JsonElement? main, IElement? headline, IElement? scope, string? siteName,
        string? domain)
    {
        // A "name" that is the publication's own is the organisation, credited where no person is.
        var names = FindNames(document, index, meta, main, headline, scope, new OutletNames(siteName, domain));
        // Names that are only the content system's administrator account (its profile at "/author/admin/", whatever display
        // name it was given) yield to a writer credited elsewhere (a name opening the text, a "Text:" line); kept when
        // nothing else credits anyone, as the account is often the blog's one writer.
        if (names.Count == 0 || AccountNames(main, scope ?? document.Body) is not { Count: > 0 } accounts || !AllIn(names, accounts))
            return names;
        var outlet = new OutletNames(siteName, domain);
        outlet.AddAccounts(accounts);
        var others = FindNames(document, index, meta, main, headline, scope, outlet);
        return others.Count > 0 && !outlet.CreditsOrganisation ? others : names;
    }

    private static bool AllIn(IReadOnlyList<string> names, List<string> set)
    {
        foreach (var name in names)
            if (!set.Contains(name, StringComparer.OrdinalIgnoreCase))
                return false;
        return true;
    }

    /// <summary>Most links read for an administrator account's name.</summary>
    private const int MaxAccountLinks = 400;

    /// <summary>
    /// The display names of the content system's administrator account: JSON-LD authors whose <c>@id</c> or <c>url</c> is its
    /// profile, and the text of links to it in the article's scope. Null when there are none.
    /// </summary>
    private static List<string>? AccountNames(JsonElement? main, IElement? scope)
    {
        List<string>? accounts = null;
        if (main is { } article)
        {
            foreach (var author in JsonLdValues.All(article, "author"))
            {
                if (author.ValueKind != JsonValueKind.Object || JsonLdValues.Text(author, "name") is not { } name)
                    continue;
                if (IsAccountPage(JsonLdValues.Text(author, "@id")) || IsAccountPage(JsonLdValues.Text(author, "url")))
                    AddAccount(ref accounts, name);
            }
        }
        if (scope is null)
            return accounts;
        int read = 0;
        foreach (var link in scope.GetElementsByTagName("a"))
        {
            if (++read > MaxAccountLinks)
                break;
            if (IsAccountPage(link.Attr("href")) && TextCleaning.OneLine(link.TextContent) is { Length: > 0 and <= MaxNameChars } text)
                AddAccount(ref accounts, text);
        }
        return accounts;
    }

    private static void AddAccount(ref List<string>? accounts, string name)
    {
        accounts ??= [];
        var trimmed = name.Trim();
        if (!accounts.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            accounts.Add(trimmed);
    }

    private static bool IsAccountPage(string? url) => url is not null && url.Contains("admin", StringComparison.OrdinalIgnoreCase) && AccountPage().IsMatch(url);

    /// <summary>An author or user profile of the site's administrator account ("/author/admin/", "/user/administrator").</summary>
    [GeneratedRegex(@"/(?:authors?|users?|profiles?|members?|autor|auteur)/(?:site-?)?admin(?:istrator)?/?(?:[?#]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountPage();

    private static IReadOnlyList<string> FindNames(IDocument document, PageIndex index, MetaTags meta, JsonElement? main, IElement? headline, IElement? scope,
        OutletNames outlet)
    {
        var organisations = new List<string>();
        var persons = new List<string>();

        // A WebPage whose mainEntity is the article: the authors are the article's.
        if (main is { } page && !page.TryGetProperty("author", out _) && page.TryGetProperty("mainEntity", out var entity) && entity.ValueKind == JsonValueKind.Object)
            main = entity;
        if (main is { } article)
        {
            foreach (var author in JsonLdValues.All(article, "author"))
                AddJsonLdAuthor(author, persons, organisations, outlet.Others);
            if (persons.Count == 0 && organisations.Count == 0)
                foreach (var creator in JsonLdValues.All(article, "creator"))
                    AddJsonLdAuthor(creator, persons, organisations, outlet.Others);
        }
        if (outlet.SetAside(persons, organisations))
            return WithBylineCoauthors(index, headline, scope, persons);

        foreach (var key in MetaKeys)
            foreach (var value in meta.All(key))
                AuthorNames.Parse(LibraryOrderKeys.Contains(key) ? InvertLibraryOrder(value) : value, persons, organisations, outlet.Others);
        if (outlet.SetAside(persons, organisations))
            return WithBylineCoauthors(index, headline, scope, persons);

        foreach (var element in index.AuthorMarkup)
        {
            if (PageRegions.IsForeign(element))
                continue;
            var name = element.QuerySelector("[itemprop~=name]");
            var text = name is not null
                ? name.Attr("content") ?? TextCleaning.ShortText(name, MaxBylineChars, separateGluedElements: true)
                : element.Attr("content") ?? TextCleaning.ShortText(element, MaxBylineChars, separateGluedElements: true);
            if (text is not null && text.Length <= MaxBylineChars)
                AuthorNames.Parse(text, persons, organisations, outlet.Others);
        }
        if (outlet.SetAside(persons, organisations))
            return persons;

        // Bylines near the headline first; some layouts put the byline beside the article container rather than in it.
        FindBylines(index, headline, scope, inScope: true, persons, organisations, outlet.Others, outlet.SingleNames);
        if (!outlet.SetAside(persons, organisations))
            FindBylines(index, headline, scope, inScope: false, persons, organisations, outlet.Others, outlet.SingleNames);
        if (outlet.SetAside(persons, organisations))
            return persons;

        if (scope is not null)
        {
            FindAuthorLinks(scope, persons, organisations);
            if (!outlet.SetAside(persons, organisations))
                FindLabelledLines(headline, scope, persons, organisations, outlet.Others, outlet.SingleNames);
            if (!outlet.SetAside(persons, organisations))
                FindDatedNameLines(scope, persons);
            // A header band apart from the text's container ("div.spot" with the headline, standfirst and byline over "div.detail").
            if (!outlet.SetAside(persons, organisations) && HeaderBand(headline, scope) is { } band)
                FindDatedNameLines(band, persons);
            if (!outlet.SetAside(persons, organisations))
                FindNameLines(headline, scope, persons, organisations);
            if (outlet.SetAside(persons, organisations))
                return persons;
        }
        FindAnalyticsAuthors(index.HtmlScripts(document), persons, organisations);
        if (outlet.SetAside(persons, organisations))
            return persons;
        // The least marked byline of all, read only where nothing else credits anyone.
        if (organisations.Count == 0 && NameBesideDateUnderHeadline(headline) is { } beside)
            return [beside];
        // A byline's one-word name ("Text: Clara") credits a person, who wins over any organisation.
        if (outlet.FirstSingleName() is { } single)
            return [single];
        outlet.CreditsOrganisation = organisations.Count > 0;
        return organisations.Count > 0 ? [outlet.FirstOther(organisations) ?? organisations[0]] : [];
    }

    /// <summary>
    /// The declared authors, or the article's byline where it names each of them and more: Ghost's JSON-LD names a post's first
    /// author only, and many CMSs fill the author meta tag with the first of a byline's names ("Von Anna Lang und Peter Roth"
    /// under <c>&lt;meta name=author content="Anna Lang"&gt;</c>). Only the first byline in the article's scope that names a
    /// person is read, only one holding every declared name extends them (so a related story's byline never does), and only
    /// with names that are its links to author pages or that are all its text but a label and conjunctions (a byline box's
    /// buttons and widgets, "Comments", "AA+ Text Size", would read as names).
    /// </summary>
    private static IReadOnlyList<string> WithBylineCoauthors(PageIndex index, IElement? headline, IElement? scope, List<string> persons)
    {
        if (scope is null || persons.Count > MaxDeclaredForCoauthors)
            return persons;
        foreach (var element in index.BylineMarked)
        {
            if (!PageRegions.IsInside(element, scope) || PageRegions.IsForeign(element, headline) || CreditsPictureOrQuote(element)
                || TextCleaning.ShortText(element, MaxBylineChars, separateGluedElements: true) is not { } text || string.IsNullOrWhiteSpace(text))
                continue;
            var shown = new List<string>();
            // One card per writer ("div.byline" twice in "div.bylines"): a box of cards, or a card with others of its class
            // beside it, is one byline read card by card.
            var onlyNames = HoldsCards(element)
                ? CardNames(element.FirstElementChild!, shown)
                : BylineNames(element, text, shown) && CardNames(element.NextElementSibling, shown, element.ClassName);
            if (!onlyNames)
                return persons;
            if (shown.Count == 0)
                continue;
            if (shown.Count <= persons.Count)
                return persons;
            foreach (var person in persons)
                if (!shown.Contains(person, StringComparer.OrdinalIgnoreCase))
                    return persons;
            return shown;
        }
        return persons;
    }

    /// <summary>A box whose children, two or more, all carry one class: writers' cards.</summary>
    private static bool HoldsCards(IElement byline)
    {
        if (byline.ChildElementCount < 2 || byline.FirstElementChild!.ClassName is not { Length: > 0 } name)
            return false;
        foreach (var child in byline.Children)
            if (child.ClassName != name)
                return false;
        return true;
    }

    /// <summary>Reads the cards from <paramref name="card"/> on while they carry its class (or <paramref name="className"/>);
    /// false when one shows more than names.</summary>
    private static bool CardNames(IElement? card, List<string> shown, string? className = null)
    {
        className ??= card?.ClassName;
        for (var cards = 0; card is not null && cards < MaxBylineCards && className is { Length: > 0 } && card.ClassName == className; card = card.NextElementSibling, cards++)
        {
            if (TextCleaning.ShortText(card, MaxBylineChars, separateGluedElements: true) is not { } text || !BylineNames(card, text, shown))
                return false;
        }
        return true;
    }

    /// <summary>Writers' cards read as one byline.</summary>
    private const int MaxBylineCards = 6;

    /// <summary>
    /// Adds the names a byline shows: its links to author pages, or its text when that is only names (false when it is more:
    /// a byline box's buttons and widgets would read as names).
    /// </summary>
    private static bool BylineNames(IElement byline, string text, List<string> shown)
    {
        if (AuthorLinkNames(byline, shown))
            return true;
        var found = new List<string>();
        AuthorNames.Parse(text, found, [], []);
        if (found.Count > 0 && !IsOnlyNames(text, found))
            return false;
        foreach (var name in found)
            if (!shown.Contains(name, StringComparer.OrdinalIgnoreCase))
                shown.Add(name);
        return true;
    }

    /// <summary>True when the byline's text is the names, a label before them, and separators or conjunctions between.</summary>
    private static bool IsOnlyNames(string byline, List<string> names)
    {
        var rest = byline;
        if (BylineLabel().Match(rest) is { Success: true } label)
            rest = rest[label.Length..];
        foreach (var name in names)
        {
            var at = rest.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
                return false;
            rest = rest[..at] + " " + rest[(at + name.Length)..];
        }
        foreach (var word in rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = word.Trim(',', ';', '&', '·', '|', '/', '•', '.');
            if (bare.Length > 0 && !AuthorNames.IsConjunction(bare))
                return false;
        }
        return true;
    }

    /// <summary>Declared authors a byline may add to: metadata that names several names them all.</summary>
    private const int MaxDeclaredForCoauthors = 1;

    private static void AddJsonLdAuthor(JsonElement author, List<string> persons, List<string> organisations, List<string>? others = null)
    {
        if (author.ValueKind == JsonValueKind.String)
        {
            AuthorNames.Parse(author.GetString(), persons, organisations, others);
            return;
        }
        if (author.ValueKind != JsonValueKind.Object)
            return;
        // One author object naming several people ("name": ["Jane Doe", "John Roe"], as NPR writes it): each is an author.
        if (author.TryGetProperty("name", out var names) && names.ValueKind == JsonValueKind.Array && !JsonLdValues.IsType(author, "Organization"))
        {
            foreach (var each in names.EnumerateArray())
                AuthorNames.Parse(JsonLdValues.AsText(each), persons, organisations, others);
            return;
        }
        // A person may be named in parts only ("givenName": "Jane", "familyName": "Doe").
        var name = JsonLdValues.Text(author, "name")
            ?? (JsonLdValues.Text(author, "givenName") is { } given && JsonLdValues.Text(author, "familyName") is { } family ? given + " " + family : null);
        if (name is null)
            return;
        if (JsonLdValues.IsType(author, "Organization") || JsonLdValues.IsType(author, "NewsMediaOrganization") || JsonLdValues.IsType(author, "Corporation"))
        {
            var trimmed = TextCleaning.OneLine(name);
            if (trimmed is not null && !organisations.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
                organisations.Add(trimmed);
            return;
        }
        AuthorNames.Parse(name, persons, organisations, others);
    }

    private static void FindBylines(PageIndex index, IElement? headline, IElement? scope, bool inScope, List<string> persons, List<string> organisations, List<string> others,
        List<string>? singleNames = null)
    {
        if (inScope && scope is null)
            return;
        IElement? line = null;
        foreach (var element in index.BylineMarked)
        {
            // After the first byline that names a person, only others in the same short line: one line may mark each of
            // several names ("Par <span class=author>A</span> et <span class=author>B</span>"); a page of several stories
            // has a byline per story.
            if (line is not null && element.ParentElement != line)
                continue;
            if (scope is not null && PageRegions.IsInside(element, scope) != inScope)
                continue;
            var text = TextCleaning.ShortText(element, MaxBylineChars, separateGluedElements: true);
            if (string.IsNullOrWhiteSpace(text) || PageRegions.IsForeign(element, headline) || CreditsPictureOrQuote(element))
                continue;
            // Beyond the article, a byline beside a link to another story is that story's teaser card ("Top stories").
            if (!inScope && InTeaserCard(element, headline))
                continue;
            // Links to the authors' pages bound each name exactly: "<a href=/autor/laura-gil>Laura Gil</a> <span>Valencia</span>"
            // is not "Laura Gil Valencia".
            if (!AuthorLinkNames(element, persons))
                AuthorNames.Parse(WithoutCatalanLabel(text, element), persons, organisations, others, singleNames);
            if (persons.Count > 0)
            {
                if (line is not null)
                    continue;
                if (element.ParentElement is not { } parent || TextCleaning.ShortText(parent, MaxBylineChars) is null)
                    return;
                line = parent;
            }
        }
    }

    /// <summary>
    /// True when a byline shares a small box with a link to another story, a teaser card's shape: a link of a headline's few words
    /// that is no author page, within <see cref="TeaserCardDepth"/> levels up, below any box that holds the headline.
    /// </summary>
    private static bool InTeaserCard(IElement byline, IElement? headline)
    {
        var box = byline.ParentElement;
        for (var depth = 0; box is not null && depth < TeaserCardDepth && box.LocalName is not ("body" or "main" or "article"); depth++, box = box.ParentElement)
        {
            if (headline is not null && PageRegions.IsInside(headline, box))
                return false;
            foreach (var link in box.QuerySelectorAll("a[href]"))
            {
                if (PageRegions.IsInside(link, byline) || link.Attr("href") is not { } href || IsAuthorPageUrl(href))
                    continue;
                if (TextCleaning.OneLine(link.TextContent) is { } text && text.Split(' ').Length >= MinTeaserWords)
                    return true;
            }
        }
        return false;
    }

    /// <summary>Levels above a byline that a teaser card's box spans (the card, its text column).</summary>
    private const int TeaserCardDepth = 2;

    /// <summary>Words of the shortest teaser headline.</summary>
    private const int MinTeaserWords = 3;

    /// <summary>Reads the names of a byline's links to author pages; false (and nothing added) when it has none that names a person.</summary>
    private static bool AuthorLinkNames(IElement byline, List<string> persons)
    {
        List<string>? found = null;
        foreach (var link in byline.QuerySelectorAll("a[href]"))
        {
            if (link.Attr("href") is not { } href || !IsAuthorPageUrl(href) || TextCleaning.OneLine(link.TextContent) is not { Length: <= MaxNameChars } name
                || CreditedForOtherWork(link))
                continue;
            found ??= [];
            AuthorNames.Parse(name, found, []);
        }
        if (found is null || found.Count == 0)
            return false;
        foreach (var name in found)
            if (!persons.Contains(name, StringComparer.OrdinalIgnoreCase))
                persons.Add(name);
        return true;
    }

    /// <summary>Links to an author's page ("/author/jane-doe", "/autoren/name/max-kolter") in the article's header and byline.</summary>
    private static void FindAuthorLinks(IElement scope, List<string> persons, List<string> organisations)
    {
        foreach (var link in scope.QuerySelectorAll("a[href]"))
        {
            var href = link.Attr("href");
            if (href is null || !IsAuthorPageUrl(href))
                continue;
            var text = link.TextContent;
            if (text.Length > MaxNameChars || string.IsNullOrWhiteSpace(text) || PageRegions.IsForeign(link) || CreditedForOtherWork(link))
                continue;
            AuthorNames.Parse(text, persons, organisations);
        }
    }

    /// <summary>
    /// True for a link to an author's page that a label before it credits with other work than the writing ("Edited by",
    /// "Photographs by"): the text of the link's preceding siblings, a few words at most, is read.
    /// </summary>
    private static bool CreditedForOtherWork(IElement link)
    {
        var before = "";
        for (var node = link.PreviousSibling; node is not null && before.Length < MaxLabelChars; node = node.PreviousSibling)
            before = node.TextContent + before;
        return before.Length > 0 && AuthorNames.EndsWithOtherWorkLabel(before);
    }

    /// <summary>The text before an author link that <see cref="CreditedForOtherWork"/> reads at most (about).</summary>
    private const int MaxLabelChars = 40;

    /// <summary>A name is shorter than this; a longer link text is a headline.</summary>
    private const int MaxNameChars = 80;

    /// <summary>Unmarked lines of the article that start with a byline label: "By Jane Doe", "Von Hans Müller", "Autorin/Autor Roman Goncharenko".</summary>
    private static void FindLabelledLines(IElement? headline, IElement scope, List<string> persons, List<string> organisations, List<string> others,
        List<string>? singleNames = null)
    {
        // Wrappers nest with the same text ("<div><p><span>Von Anna Lang</span></p></div>"): the byline read from a text is
        // the same each time, so it is read once for a run of equal texts.
        string? previousText = null, previousByline = null;
        foreach (var element in scope.QuerySelectorAll("p, span, div, li, address, small, strong, b, em, dd"))
        {
            // Read no further than a labelled line's length: TextContent would copy each enclosing div's whole text. A template's
            // indentation ("Von:", then hundreds of tabs before the name) counts as the one space it shows.
            var text = TextCleaning.ShortText(element, MaxLabelledLineChars, maxNodes: int.MaxValue, separateGluedElements: true, collapseWhitespace: true);
            if (text is null)
                continue;
            var byline = text == previousText ? previousByline : LabelledByline(text, element);
            (previousText, previousByline) = (text, byline);
            if (byline is null && singleNames is not null && UserHandleLine().Match(text) is { Success: true } handle
                && !PageRegions.IsForeign(element, headline) && AuthorNames.IsUserHandle(handle.Groups["handle"].Value))
            {
                // "Submitted by jdoe on Fri, 05/03/2024": the account that posted, credited as its handle is written.
                if (!singleNames.Contains(handle.Groups["handle"].Value, StringComparer.Ordinal))
                    singleNames.Add(handle.Groups["handle"].Value);
                continue;
            }
            if (byline is null || PageRegions.IsForeign(element, headline))
                continue;
            AuthorNames.Parse(byline, persons, organisations, others, singleNames, labelled: true);
            if (persons.Count > 0)
                return;
        }
    }

    /// <summary>
    /// The names a labelled line credits ("Von Anna Lang", "Reporter: Jane Doe", "Jane Doe, Staff Writer", a meta line
    /// ending in a byline), or null. It depends on the text alone (the element only gives the page's language).
    /// </summary>
    private static string? LabelledByline(string text, IElement element)
    {
        if (BylineLabel().Match(text) is { Success: true } label)
            return text[(label.Index + label.Length)..]; // the label leads the line (the pattern is anchored)
        if (ReporterLine().Match(text) is { Success: true } reporter)
            return reporter.Groups["name"].Value;
        if (WriterRoleLine().IsMatch(text))
            return text;
        if (WithoutCatalanLabel(text, element) is var unlabelled && unlabelled.Length < text.Length)
            return unlabelled;
        if (ChineseReporterCredit().Match(text) is { Success: true } chinese)
            return ChineseNameSeparator().Replace(chinese.Groups["names"].Value, "、"); // one run of names, as "王芳、张伟" is written
        return BylineAfterMetaItems(text);
    }

    /// <summary>
    /// "本报记者 李明", "（记者 王芳 张伟）" anywhere in a meta line ("2026-03-04 来源：滨江日报 本报记者 李明"): Chinese papers credit
    /// their reporters so, set off by a space; "记者从…获悉" in running text ("the reporter learned from …") has none. A
    /// correspondent or an editor named after the reporters ("通讯员 王芳") is not one of them.
    /// </summary>
    [GeneratedRegex(@"(?:^|[\s（(【\[])(?:本报|本刊|本台|本网|本報|本網)?(?:特约|特約|见习|見習)?(?:记者|記者)(?:\s*[:：]\s*|\s+)(?<names>\p{IsCJKUnifiedIdeographs}{2,4}(?:[\s、，,]+(?!通讯员|通訊員|编辑|編輯|摄影|攝影|实习生|實習生)\p{IsCJKUnifiedIdeographs}{2,4})*)(?=$|[\s）)】\]，,。|])")]
    private static partial Regex ChineseReporterCredit();

    [GeneratedRegex(@"[\s、，,]+")]
    private static partial Regex ChineseNameSeparator();

    /// <summary>
    /// The byline that follows other items of a meta line: a publication label and date ("Geplaatst op 3 mei 2024 door Pieter
    /// de Vries", "Publié le 3 mai 2024 par Claire Martin", "2024年5月3日 10:21 ／ 文：山田花子", "03.05.2024 | Von Stefan Richter")
    /// or a picture credit ("Fotos: Anton Maier / Text: Sophie Wagner"). Only those items, the prepositions of a date's label
    /// and separators may stand before the byline's label; null for any other line.
    /// </summary>
    private static string? BylineAfterMetaItems(string text)
    {
        var rest = text;
        if (LeadingPictureCredit().Match(rest) is { Success: true } pictures)
            rest = rest[pictures.Length..];
        else if (!DateParser.MayHoldDateOrTime(text) || !DateParser.ContainsDate(text))
            return null;
        if (DateParser.MayHoldDateOrTime(rest))
            rest = DateLabels.RemoveLabels(DateParser.RemoveDates(rest));
        rest = rest[LeftOfDatedByline().Match(rest).Length..];
        // Other items may come first, each after a separator: "03.05.2024 · Lesezeit 3 Min. · von Nora Fischer".
        for (var item = 0; item < MaxMetaItems && rest.Length > 0; item++)
        {
            if (BylineLabel().Match(rest) is { Success: true, Length: > 0 } label)
            {
                var byline = rest[label.Length..];
                return IsNameRun(byline) ? byline : null;
            }
            var next = rest.AsSpan().IndexOfAny(MetaItemSeparators);
            if (next < 0)
                return null;
            rest = rest[(next + 1)..].TrimStart();
        }
        return null;
    }

    /// <summary>How many items of a meta line may stand before its byline.</summary>
    private const int MaxMetaItems = 4;

    private static readonly SearchValues<char> MetaItemSeparators = SearchValues.Create("|·•／");

    /// <summary>A picture credit that opens a line and ends at a separator: "Fotos: Anton Maier / ", "Beeld: Joris Bakker | ".</summary>
    [GeneratedRegex(@"^\s*(?:" + AuthorNames.CreditWords + @"|beeld|foto's|kuvat|kuva)\s*[:：][^|/／·•]{1,60}[|/／·•]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPictureCredit();

    /// <summary>
    /// True when a byline's first part (up to a separator or a number) is names only: capitalised words, or words of a script
    /// without case, with short particles between ("Pieter de Vries", "山田花子"). A list of meta items read as one line runs
    /// on into lower-case words ("Vortex Leave a comment") and is no byline.
    /// </summary>
    private static bool IsNameRun(string byline)
    {
        var end = byline.AsSpan().IndexOfAny(NameRunEnds);
        var part = end < 0 ? byline.AsSpan() : byline.AsSpan(0, end);
        foreach (var range in part.Split(' '))
        {
            var word = part[range].Trim(".:'’\"");
            if (word.Length > MaxParticleChars && char.IsLower(word[0]))
                return false;
        }
        return true;
    }

    private static readonly SearchValues<char> NameRunEnds = SearchValues.Create("|·•;,/()0123456789");

    /// <summary>Letters of the longest lower-case particle a name may hold ("de", "van", "von", "dos").</summary>
    private const int MaxParticleChars = 3;

    /// <summary>What a dated meta line leaves before its byline once its date and date labels are out: separators and the
    /// prepositions that join a label to its date ("op", "le", "am", "on", "kl.").</summary>
    [GeneratedRegex(@"^(?:[\s\p{P}\p{S}]|(?<!\p{L})(?:on|at|op|om|le|à|am|um|el|il|em|den|dne|kl|klo|o|w|в|у|alle|às|the)(?!\p{L}))*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeftOfDatedByline();

    /// <summary>A CMS's "Submitted by jdoe on …", "Posted by jdoe" or "Posted on March 2, 2024 by jdoe": a user account's
    /// handle in lower case, which the byline label's capital letter would miss.</summary>
    [GeneratedRegex(@"^\s*(?i:submitted|posted|written|eingestellt|geschrieben|publié|publicado|pubblicato|geplaatst)\s+(?:(?i:on|am|le|el|il|em|op)\s+[^|·•]{4,40}?\s+)?(?i:by|von|par|por|da|door)\s+(?<handle>[\p{Ll}\d][\p{Ll}\d_.\-]{1,29})(?=\s*$|\s+(?:on|am|le|el|il|em|op|in|at)\b|\s*[|·•])", RegexOptions.CultureInvariant)]
    private static partial Regex UserHandleLine();

    /// <summary>Catalan "Per Marta Puig" without its label, read so only on a page declared Catalan: elsewhere "Per" is a
    /// Scandinavian first name ("Per Olsen").</summary>
    private static string WithoutCatalanLabel(string text, IElement element)
    {
        var line = text.AsSpan().TrimStart();
        if (line.Length <= CatalanLabel.Length || !line.StartsWith(CatalanLabel, StringComparison.OrdinalIgnoreCase) || !char.IsUpper(line[CatalanLabel.Length])
            || element.Owner?.DocumentElement?.Attr("lang") is not { } language
            || !(language.Equals("ca", StringComparison.OrdinalIgnoreCase) || language.StartsWith("ca-", StringComparison.OrdinalIgnoreCase)))
            return text;
        return line[CatalanLabel.Length..].ToString();
    }

    private const string CatalanLabel = "Per ";

    /// <summary>
    /// A name alone in bold as the first or last paragraph of the article ("<c>&lt;p&gt;&lt;strong&gt;Jane Doe&lt;/strong&gt;&lt;/p&gt;</c>"),
    /// as small sites and many Asian and African papers credit the author.
    /// </summary>
    private static void FindNameLines(IElement? headline, IElement scope, List<string> persons, List<string> organisations)
    {
        // The first few paragraphs (a standfirst may come before the name) and the last.
        var candidates = new List<IElement>(NameLineParagraphs + 1);
        IElement? last = null;
        foreach (var paragraph in scope.QuerySelectorAll("p"))
        {
            if (string.IsNullOrWhiteSpace(paragraph.TextContent))
                continue;
            if (candidates.Count < NameLineParagraphs)
                candidates.Add(paragraph);
            last = paragraph;
        }
        if (last is not null && !candidates.Contains(last))
            candidates.Add(last);
        foreach (var paragraph in candidates)
        {
            // A region that holds the headline is the article's whatever its class says ("sidebar-1" layouts).
            var closing = paragraph == last ? ClosingCredit(paragraph) : null;
            // An agency is the credit only where no person or organisation is (not even the outlet): kept as written, since
            // Parse would split "dpa/lby".
            if (paragraph == last && organisations.Count == 0 && ClosingAgency(paragraph) is { } agency && !PageRegions.IsForeign(paragraph, headline))
                organisations.Add(agency);
            if ((BoldText(paragraph) ?? ReporterDateline(paragraph) ?? ItalicBio(paragraph) ?? closing) is not { } text || PageRegions.IsForeign(paragraph, headline))
                continue;
            AuthorNames.Parse(text, persons, organisations);
            if (persons.Count > 0)
                return;
        }
    }

    /// <summary>
    /// The name in an author's note in italics, as op-eds close or open ("<c>&lt;p&gt;&lt;em&gt;Laura Chen is a senior fellow at …&lt;/em&gt;&lt;/p&gt;</c>"):
    /// a paragraph all in one italic element that reads as a bio line.
    /// </summary>
    private static string? ItalicBio(IElement paragraph)
    {
        var italic = SoleChild(paragraph, "em", "i");
        return italic is not null && TextCleaning.ShortText(italic, MaxBylineChars) is { } text && TextCleaning.OneLine(text) is { } line ? AuthorNames.BioName(line) : null;
    }

    /// <summary>The name in a Korean or Japanese wire dateline that opens a paragraph: "[서울=뉴시스]김민수 기자 = 정부가 …".</summary>
    private static string? ReporterDateline(IElement paragraph)
    {
        if (paragraph.FirstChild is not IText first)
            return null;
        var start = first.Data.AsSpan().TrimStart();
        var opening = start[..Math.Min(start.Length, MaxLabelledLineChars)].ToString();
        return ReporterLine().Match(opening) is { Success: true } match && match.Groups["dateline"].Success ? match.Groups["name"].Value : null;
    }

    /// <summary>
    /// Unmarked meta lines of the article's header that give a name and a date apart by a separator: "Thomas Berger | 03.05.2022",
    /// "Daniel Kerr • 5 March 2024 • 3 min read", "Marie Lefèvre - 05/03/2024". The name comes first; a line whose first part is
    /// no person's name (a place, a section) credits nobody.
    /// </summary>
    private static void FindDatedNameLines(IElement scope, List<string> persons)
    {
        var longParagraphs = 0;
        var storyBegun = false;
        foreach (var element in scope.QuerySelectorAll("p, div, span, li, small, address"))
        {
            var raw = TextCleaning.ShortText(element, MaxDatedLineRawChars, maxNodes: MaxDatedLineNodes, separateGluedElements: true);
            var text = TextCleaning.OneLine(raw);
            storyBegun |= element.LocalName == "p" && (raw is null || text is { Length: > MaxNameChars });
            if (raw is null || text is { Length: > MaxLabelledLineChars })
            {
                // The story has begun: header lines come before its first paragraphs.
                if (element.LocalName == "p" && ++longParagraphs > NameLineParagraphs)
                    return;
                continue;
            }
            if (text is null)
                continue;
            if (DatedNameLine().Match(text) is not { Success: true } line || !DateParser.ContainsDate(line.Groups["rest"].Value) || PageRegions.IsForeign(element) || CreditsPictureOrQuote(element))
                continue;
            // A comma is the weaker separator: such a line is a byline only above the story, in the story it dates a step of a timeline.
            if (line.Groups["comma"].Success && storyBegun)
                continue;
            var name = line.Groups["name"].Value;
            // A line all in capitals is a dateline's place ("NEW YORK | May 5"), not a name.
            if (name.ToUpperInvariant() == name)
                continue;
            // Only a person's name counts: an outlet first on such a line ("Los Angeles Times | May 5") is the masthead's.
            var found = new List<string>(1);
            AuthorNames.Parse(name, found, []);
            if (found.Count == 1)
            {
                persons.Add(found[0]);
                return;
            }
        }
    }

    /// <summary>
    /// A name and a date with no separator or markup between them on the line right under the headline: "Piotr Zieliński 08.03.2024",
    /// "Robert Kühn 7. Dezember 2023" (a post-info list of two items). The line must be only two or three capitalised words and a date.
    /// </summary>
    private static string? NameBesideDateUnderHeadline(IElement? headline)
    {
        if (LineUnderHeadline(headline) is not { } line || PageRegions.IsForeign(line, headline) || CreditsPictureOrQuote(line))
            return null;
        // Bounded first: the element under the headline may be the whole story.
        var raw = TextCleaning.ShortText(line, MaxDatedLineRawChars, maxNodes: MaxDatedLineNodes, separateGluedElements: true);
        var text = raw is null ? null : TextCleaning.OneLine(ListItemsText(line) ?? raw);
        if (text is null || text.Length > MaxLabelledLineChars || NameBesideDate().Match(text) is not { Success: true } match
            || !DateParser.ContainsDate(match.Groups["date"].Value))
            return null;
        var name = match.Groups["name"].Value;
        if (name.ToUpperInvariant() == name)
            return null;
        var found = new List<string>(1);
        AuthorNames.Parse(name, found, []);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>
    /// The items of a list that is the line (or its wrappers' only content) joined by " · ": "<c>&lt;li&gt;Robert Kühn&lt;/li&gt;&lt;li&gt;7. Dezember 2023&lt;/li&gt;</c>"
    /// shows as two items, and glued a name's last letter would touch the date's first digit. Null for a line that is no list.
    /// The line is short (its caller has read it), so reading its text whole costs little.
    /// </summary>
    private static string? ListItemsText(IElement line)
    {
        var list = line;
        while (list.LocalName is not ("ul" or "ol") && list.ChildElementCount == 1 && list.FirstElementChild is { } only
            && only.TextContent.Length == list.TextContent.Trim().Length)
            list = only;
        if (list.LocalName is not ("ul" or "ol") || list.ChildElementCount > MaxDatedLineNodes)
            return null;
        var items = new List<string>(list.ChildElementCount);
        foreach (var item in list.Children)
        {
            if (TextCleaning.OneLine(TextCleaning.ShortText(item, MaxLabelledLineChars, maxNodes: MaxDatedLineNodes, separateGluedElements: true)) is not { } text)
                return null;
            items.Add(text);
        }
        return string.Join(" · ", items);
    }

    /// <summary>The element that follows the headline, or follows the wrappers that hold nothing but the headline.</summary>
    private static IElement? LineUnderHeadline(IElement? headline)
    {
        var node = headline;
        for (var depth = 0; node is not null && depth <= HeadlineWrapperDepth; depth++)
        {
            if (node.NextElementSibling is { } next)
                return next;
            node = node.ParentElement;
            if (node is null || node.LocalName is "body" or "html" || node.ChildElementCount != 1)
                return null;
        }
        return null;
    }

    /// <summary>How many wrappers that hold only the headline (a page builder's widget boxes) may lie between it and the line under it.</summary>
    private const int HeadlineWrapperDepth = 2;

    /// <summary>Two or three capitalised words, then a date that starts with its day or year and runs to the line's end (a time may follow).</summary>
    [GeneratedRegex(@"^\s*(?<name>\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){1,2})\s+(?:[|•·]\s*|[-–—]\s+)?(?<date>\d[\d\p{L}.,:/\s\-]{5,40})$", RegexOptions.CultureInvariant)]
    private static partial Regex NameBesideDate();

    /// <summary>The headline's parent when it lies outside the article's scope and is no page-wide container.</summary>
    private static IElement? HeaderBand(IElement? headline, IElement scope)
    {
        var parent = headline?.ParentElement;
        return parent is null || parent.LocalName is "body" or "html" || PageRegions.IsInside(parent, scope) || PageRegions.IsInside(scope, parent) ? null : parent;
    }

    /// <summary>Characters read of a dated name line before its white space is collapsed: templates indent its spans with long runs.</summary>
    private const int MaxDatedLineRawChars = 400;

    /// <summary>Elements a dated name line may hold: a few spans for the name, the separator and the date.</summary>
    private const int MaxDatedLineNodes = 16;

    /// <summary>A name of two to four words, a separator (bar, bullet, middle dot or a spaced dash) and the rest, which must hold a
    /// date; or a name of two or three capitalised words and a comma before a date that opens with its number ("Jan Novák, 3. 5. 2024",
    /// "Anna Kowalska, 3 maja 2024"), only above the story's text — a place's two words before its first ("Bad Homburg", "New York")
    /// are not read so.</summary>
    [GeneratedRegex(@"^\s*(?:(?<name>\p{Lu}[\p{L}.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*){1,3})\s*(?:[|•·]|\s[-–—]\s)|(?!(?:Bad|Sankt|St|San|Santa|Santo|São|Los|Las|New|Nové|Nowy|Nowa|Novo|Nova|Hong|Kuala|Tel|Den|Buenos|Rio|Porto|Puerto|Port|Mount|Fort|Saint|Sainte|Villa|Ciudad|Le|La|El|Al)\b)(?<name>\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){1,2})(?<comma>,)(?=\s*\d))\s*(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatedNameLine();

    /// <summary>A name before the reporter's title, as Korean bylines write it ("김민수 기자"), after a wire dateline
    /// ("[서울=뉴시스]김민수 기자 = ") before an e-mail address or a separator and the date ("홍길동 기자 · 2024.05.03"); alone on its line otherwise. Chinese writes the title
    /// before the name ("新华社记者 王芳": the agency's reporter), so its 记者 is not read here.</summary>
    [GeneratedRegex(@"^\s*(?<dateline>[\[［【(（][^\]］】)）]{1,30}[\]］】)）]\s*)?(?<name>\p{L}{2,5}(?:\s\p{L}{1,5})?)\s?(?:기자|특파원)(?=\s*(?:[=＝]|[\w.+\-]+@[\w.\-]+|[·|•/]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex ReporterLine();

    /// <summary>A credit line that opens with a name and the writer's role in brackets: "Sam Hill (text) and Rae Ko (photos)",
    /// "Anna Meier (Text), Jan Roth (Fotos)".</summary>
    [GeneratedRegex(@"^\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*){1,3}\s*\((?:text|texte|texto|testo|tekst|teksti|words|story|textes|текст)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriterRoleLine();

    /// <summary>How many paragraphs from the article's start may hold its author's name in bold.</summary>
    private const int NameLineParagraphs = 3;

    /// <summary>The text of a short paragraph that is all in one bold element, or null.</summary>
    private static string? BoldText(IElement paragraph)
    {
        var bold = SoleChild(paragraph, "strong", "b");
        var text = bold is null ? null : TextCleaning.OneLine(bold.TextContent);
        return text is { Length: <= MaxNameChars } ? text : null;
    }

    /// <summary>The credit in full-width brackets that closes a Japanese or Chinese story: the writer ("（鈴木一郎）") or the
    /// agency ("（共同）").</summary>
    private static string? ClosingCredit(IElement paragraph)
    {
        if (paragraph.LastChild is not IText last)
            return null;
        var match = ClosingBracketCredit().Match(last.Data);
        return match.Success ? match.Groups["credit"].Value : null;
    }

    /// <summary>The agency's credit in brackets that closes a story, with its desk's initials as written: "(dpa/lby)", "(AFP)".</summary>
    private static string? ClosingAgency(IElement paragraph)
    {
        if (paragraph.LastChild is not IText last)
            return null;
        var match = ClosingAgencyCredit().Match(last.Data);
        return match.Success && AuthorNames.IsAgency(match.Groups["agency"].Value) ? match.Groups["credit"].Value : null;
    }

    [GeneratedRegex(@"\((?<credit>(?<agency>\p{L}{2,8})(?:\s*/\s*\p{L}{2,8}){0,3})\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingAgencyCredit();

    [GeneratedRegex(@"（(?<credit>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー・]{2,8})）\s*$")]
    private static partial Regex ClosingBracketCredit();

    /// <summary>The paragraph's one element child when it is named <paramref name="name"/> or <paramref name="alternative"/> and
    /// no text stands beside it (a paragraph all in bold, all in italics), else null.</summary>
    private static IElement? SoleChild(IElement paragraph, string name, string alternative)
    {
        IElement? sole = null;
        foreach (var node in paragraph.ChildNodes)
        {
            if (node is IElement element)
            {
                if (sole is not null || (element.LocalName != name && element.LocalName != alternative))
                    return null;
                sole = element;
            }
            else if (node.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(node.TextContent))
                return null;
        }
        return sole;
    }

    /// <summary>
    /// The publication's own names (its site name, its domain's label, and that label as initials: "Deutsche Welle" on dw.com).
    /// A byline that names the publication credits the outlet, not a person, and must not end the search for one.
    /// </summary>
    private sealed class OutletNames(string? siteName, string? domain)
    {
        private readonly string _site = siteName is null ? "" : MetadataExtractor.Letters(siteName);
        private readonly string _label = domain is null ? "" : MetadataExtractor.Letters(domain.Split('.')[0]);
        private readonly string _siteInitials = siteName is null ? "" : Initials(siteName);

        /// <summary>Credits that are neither a person nor a known organisation ("Euronews", "MND Staff"), as the byline parser
        /// left them: those that name the outlet are its credit.</summary>
        public List<string> Others { get; } = [];

        /// <summary>One-word names right after a byline's label ("Von Jens", "Texte : Sandrine"), in the order read: the credit
        /// where no source names a person by a full name.</summary>
        public List<string> SingleNames { get; } = [];

        /// <summary>The first one-word name that is not the outlet's own, or null. A word inside the site's or the domain's name
        /// ("Posted by Vortex" on vortexcannon.org) is the brand's account, not a person's first name.</summary>
        public string? FirstSingleName()
        {
            foreach (var name in SingleNames)
            {
                var key = MetadataExtractor.Letters(name);
                if (!Names(name) && !_label.Contains(key, StringComparison.Ordinal) && !_site.Contains(key, StringComparison.Ordinal))
                    return name;
            }
            return null;
        }

        /// <summary>Display names of the site's administrator account: set aside like the outlet's own names.</summary>
        private List<string>? _accounts;

        public void AddAccounts(List<string> accounts) => _accounts = accounts;

        /// <summary>True when the search ended on an organisation's credit, no person being named.</summary>
        public bool CreditsOrganisation { get; set; }

        public bool IsAccount(string name) => _accounts is not null && _accounts.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);

        /// <summary>Moves names of the outlet from the persons to the organisations, with the other credits that name it
        /// ("Euronews", "Guardian staff reporter"); true when a person is left.</summary>
        public bool SetAside(List<string> persons, List<string> organisations)
        {
            foreach (var credit in Others)
                if (CreditsOutlet(credit) && !organisations.Contains(credit, StringComparer.OrdinalIgnoreCase))
                    organisations.Add(credit);
            Others.Clear();
            for (var i = persons.Count - 1; i >= 0; i--)
            {
                persons[i] = WithoutOutletPrefix(persons[i]);
                if (!Names(persons[i]) && !IsAccount(persons[i]))
                    continue;
                if (!organisations.Contains(persons[i], StringComparer.OrdinalIgnoreCase))
                    organisations.Add(persons[i]);
                persons.RemoveAt(i);
            }
            return persons.Count > 0;
        }

        /// <summary>"Ouest-France Thomas Le Goff" as "Thomas Le Goff": the outlet's name set before a byline's name, where a layout's
        /// signature line runs them together. The name left must have two words or more.</summary>
        private string WithoutOutletPrefix(string name)
        {
            if (_site.Length == 0 && _label.Length == 0)
                return name;
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var count = 1; count <= MaxOutletPrefixWords && words.Length - count >= 2; count++)
            {
                var key = MetadataExtractor.Letters(string.Join(' ', words, 0, count));
                if (key.Length >= MinOutletPrefixChars && (key == _site || key == _label))
                    return string.Join(' ', words, count, words.Length - count);
            }
            return name;
        }

        /// <summary>Words of an outlet's name that may stand before a byline's name.</summary>
        private const int MaxOutletPrefixWords = 3;

        /// <summary>Letters of an outlet's name at least, for it to be told from a first name at a name's start.</summary>
        private const int MinOutletPrefixChars = 5;

        /// <summary>The first organisation that is not the outlet's bare name: an agency's byline ("By Reuters") wins over the
        /// publisher that JSON-LD names as the author of every page, while a desk credit ("Guardian staff reporter") is deliberate.</summary>
        public string? FirstOther(List<string> organisations)
        {
            foreach (var organisation in organisations)
                if (!Names(organisation))
                    return organisation;
            return null;
        }

        /// <summary>True when the credit is the outlet's name, alone or with desk words: "Euronews", "MND Staff", "Guardian staff reporter".</summary>
        private bool CreditsOutlet(string credit)
        {
            var words = credit.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kept = new List<string>(words.Length);
            foreach (var word in words)
                if (!StaffWords.Contains(word))
                    kept.Add(word);
            if (kept.Count == 0 || kept.Count > 3)
                return false;
            var name = string.Join(' ', kept);
            var key = MetadataExtractor.Letters(name);
            // "Guardian" for "The Guardian"; "MND" for "Mexico News Daily".
            return Names(name) || (_site.Length > 3 && _site == "the" + key) || (kept.Count == 1 && _siteInitials.Length >= 2 && key == _siteInitials);
        }

        private static string Initials(string name)
        {
            var initials = new System.Text.StringBuilder();
            foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (char.IsLetter(word[0]))
                    initials.Append(char.ToLowerInvariant(word[0]));
            return initials.Length >= 2 ? initials.ToString() : "";
        }

        /// <summary>Words a publication's desk credit puts beside its name.</summary>
        private static readonly HashSet<string> StaffWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "staff", "reporter", "reporters", "writer", "writers", "team", "desk", "editors", "newsroom", "redaktion", "rédaction", "redacción", "redazione",
        };

        /// <summary>Letters of a site name long enough that a credit opening with it is the outlet's (not a first name's).</summary>
        private const int MinEditionSiteChars = 6;

        /// <summary>Letters of a regional edition's code after the outlet's name ("SP", "NRW").</summary>
        private const int MaxEditionCodeChars = 3;

        private bool Names(string name)
        {
            var key = MetadataExtractor.Letters(name);
            if (key.Length == 0)
                return false;
            if (key == _site || key == _label)
                return true;
            // "Portal Notícia SP", "Example News NRW": the outlet's name with a regional edition's short code.
            if (_site.Length >= MinEditionSiteChars && key.Length - _site.Length is > 0 and <= MaxEditionCodeChars && key.StartsWith(_site, StringComparison.Ordinal)
                && name.TrimEnd() is var trimmed && MetadataExtractor.Letters(trimmed[(trimmed.LastIndexOf(' ') + 1)..]) == key[_site.Length..])
                return true;
            if (_label.Length < 2)
                return false;
            // Initials: the first letter of each word.
            var initials = 0;
            var atWordStart = true;
            foreach (var c in name)
            {
                if (char.IsLetter(c))
                {
                    if (atWordStart && (initials >= _label.Length || char.ToLowerInvariant(c) != _label[initials++]))
                        return false;
                    atWordStart = false;
                }
                else
                    atWordStart = true;
            }
            return initials == _label.Length && initials >= 2;
        }
    }

    /// <summary>A labelled byline is short; a longer element with such a start is a paragraph of prose.</summary>
    private const int MaxLabelledLineChars = 120;

    /// <summary>
    /// Authors in the page's analytics data (<c>dataLayer</c> pushes, page state): an
    /// <c>author</c>/<c>authors</c>/<c>contentAuthors</c>/<c>byline</c>/<c>autor</c> key, quoted or not, with a string,
    /// a list of strings or an object with the name (<c>{"name": "Jane Doe"}</c>).
    /// The last resort, since such data also lists the authors of recommended articles.
    /// </summary>
    private static void FindAnalyticsAuthors(IEnumerable<IHtmlScriptElement> scripts, List<string> persons, List<string> organisations)
    {
        foreach (var script in scripts)
        {
            if (script.Source is { Length: > 0 } || script.Type is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                continue;
            var text = ElementText.Of(script);
            // Most scripts name no author key at all: one vectorized search rules them out before the pattern's scan.
            if (text.AsSpan(0, Math.Min(text.Length, MaxScriptChars)).IndexOfAny(AnalyticsAuthorWords) < 0)
                continue;
            if (text.Length > MaxScriptChars)
                text = text[..MaxScriptChars];
            // The first few keys of a script: a later one that names nobody ("author": "admin") does not hide an earlier one.
            var match = AnalyticsAuthor().Match(text);
            for (var tried = 0; match.Success && tried < MaxAnalyticsKeys; tried++, match = match.NextMatch())
            {
                if (InPictureOrList(text, match.Index))
                    continue;
                var value = match.Groups["value"].Value;
                // Objects: their name only; their other strings are labels ("authors": {"title": "All authors"}).
                var names = value.Contains('{') ? NameField().Matches(value) : QuotedString().Matches(value);
                foreach (Match name in names)
                    AuthorNames.Parse(Unescape(name.Groups["text"].Value), persons, organisations);
                if (persons.Count > 0)
                    return;
            }
        }
    }

    /// <summary>How far back the object around an analytics key is looked for; page state puts a picture's few fields
    /// before its credit.</summary>
    private const int MaxEnclosingObjectChars = 2_000;

    /// <summary>
    /// True when the key at <paramref name="keyAt"/> sits in a picture's object (<c>{"url": …, "encodingFormat":
    /// "image/jpeg", "height": 1643, "authors": [{"name": "Photographer"}]}</c>: who took it) or in a list the site
    /// configures (<c>"blacklist": {"byline": ["AP FILE", "Getty"]}</c>: credits it hides or allows), not in the article's data.
    /// The enclosing object is found by counting braces back from the key (strings holding braces are rare in such data).
    /// </summary>
    private static bool InPictureOrList(string text, int keyAt)
    {
        var depth = 0;
        var floor = Math.Max(0, keyAt - MaxEnclosingObjectChars);
        for (var i = keyAt - 1; i >= floor; i--)
        {
            var c = text[i];
            if (c == '}')
                depth++;
            else if (c == '{' && depth-- == 0)
            {
                var before = text.AsSpan(Math.Max(0, i - 40), i - Math.Max(0, i - 40)).TrimEnd();
                return before.EndsWith(':') && ConfiguredListKey().IsMatch(before);
            }
            // A field of the enclosing object itself, not of an object nested in it.
            else if (c == '"' && depth == 0 && IsPictureField(text.AsSpan(floor, i + 1 - floor)))
                return true;
        }
        return false;
    }

    private static bool IsPictureField(ReadOnlySpan<char> upToQuote) =>
        upToQuote.EndsWith("\"encodingFormat\"", StringComparison.Ordinal) || upToQuote.EndsWith("\"contentUrl\"", StringComparison.Ordinal)
        || upToQuote.EndsWith("\"ImageObject\"", StringComparison.Ordinal);

    [GeneratedRegex(@"[""']?(?:black|block|deny|white|allow|exclu(?:de|ded|sion)|ignored?|hidden|suppress(?:ed)?)(?:list|s)?[""']?\s*:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConfiguredListKey();

    /// <summary>JSON and JavaScript escapes ("\u00fc") decoded; a malformed escape leaves the text as written.</summary>
    private static string Unescape(string value)
    {
        if (!value.Contains('\\'))
            return value;
        try
        {
            return Regex.Unescape(value);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }

    /// <summary>Author keys read per script; the data of recommended articles follows the page's own.</summary>
    private const int MaxAnalyticsKeys = 4;

    /// <summary>Analytics data sits near the top of its script; past this a script is an application bundle.</summary>
    private const int MaxScriptChars = 200_000;

    [GeneratedRegex(@"/(?:authors?|autor|autoren|autorin|auteurs?|autore|autori|autores|journalist|journalisten|journalistes|redakteur|redakteure|columnists?|writers?|reporters?)/[^/?#\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorPage();

    /// <summary>The path words <see cref="AuthorPage"/> opens with: most links hold none, and one vectorized search says so
    /// before the pattern runs (the body's walk asks this of every link outside a paragraph).</summary>
    private static readonly SearchValues<string> AuthorPageStarts = SearchValues.Create(
        ["/author", "/autor", "/auteur", "/journalist", "/redakteur", "/columnist", "/writer", "/reporter"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a URL is one writer's page of the site ("/author/jane-doe", "/autor/…", "/journalist/…"): the byline
    /// reader's links and the body's author cards are read by it.</summary>
    internal static bool IsAuthorPageUrl(string url) => url.AsSpan().ContainsAny(AuthorPageStarts) && AuthorPage().IsMatch(url);

    [GeneratedRegex(@"^\s*(?:(?:by|von|par|por|di|door|av|af|przez|od|(?:(?:diposting|ditulis|dipublikasikan|dikirim)\s+)?oleh|autor(?:in(?:nen)?|[:*_]in(?:nen)?)?(?:/autor(?:in)?)?|autoren|autorzy|authors?|auteurs?|autore|autorka|text|texte|teksti|texto|testo|tekst|yazar|yazan|haber|muhabir|piše|avtor|autors|autorius|аутор|пише|reporter|oprac\.|kirjoittaja|szerző|írta|γράφει\s+(?:ο|η)|laporan\s+wartawan\s+[^,]{1,40},|forfatter|författare|napisał[a]?|penulis|tác giả|текст|автор|(?:written|words|story|reporting|reported|posted|submitted|interview|interviewed|news provided) by|das interview führten?|die fragen stellten?|propos recueillis par|(?:entretien|interview) réalisée? par|entrevista (?:realizada |hecha |feita )?por|rozmawia(?:ł|ła|li|ły)|(?:(?:ein|eine|a|an|une?|una?)\s+)?(?:text|texte|texto|testo|tekst|kommentar|gastbeitrag|gastkommentar|beitrag|artikel|bericht|kolumne|analyse|glosse|reportage|rezension|kritik|satire|essay|recherche|column|commentary|analysis|review|feature|(?:guest\s+)?post|article|chronique|commentaire|tribune|enquête|columna|artículo|análisis|reportaje|crónica|commento|articolo|rubrica|artigo)\s+(?:von|by|de|di|par|d[ei]l)|geschrieben von|verfasst von|a cura di|escrit[oa] por|scritto da|écrit par|skrevet a[fv]|skrivet av|(?:text|texte|texto|testo|tekst|teksti|words)\s*(?:und|and|&|et|en|y|e|i|ja|och|og|\+)\s*(?:fotos?|foto's|bilder|bild|photos?|pictures|images|zdjęcia|kuvat|kuva)|(?-i:de|da))(?:\s*[:：]\s*|\s+)(?:(?:our|onze|unser(?:em|er|e)|notre|nuestr[oa]|nostr[oa]|vår|vores|naszego|naszej)\s+(?:\p{L}+\s+){1,2}?)?(?=(?-i:\p{Lu}))|words\s*[:：]\s*(?=(?-i:\p{Lu}))|(?:dal|dalla|dai|dalle)\s+(?:nostr[oa]|nostri|nostre)\s+(?:\p{L}+\s+){1,2}?(?=(?-i:\p{Lu}))|(?:作者|撰文|文|書いた人|執筆者|筆者|著者|記者|记者)\s*[:：・]\s*(?=\p{Lo})|(?:نویسنده|نگارنده|خبرنگار|گزارشگر|مراسل|مراسلة|الكاتب|الكاتبة|بقلم|كتبت?|כתב|כתבה|מאת|लेखक|लेखिका|संवाददाता|रिपोर्टर|रिपोर्ट|ผู้เขียน|เขียนโดย|โดย)(?:\s*[:：]\s*|\s+)(?=\p{Lo}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex BylineLabel();

    /// <summary>Words every key of <see cref="AnalyticsAuthor"/> holds (case as the pattern reads it): "author" and "Author"
    /// by "uthor", "autor" (also "autore", "autoren", "autorin"), "auteur", "byline", "writer" (also "writers").</summary>
    private static readonly SearchValues<string> AnalyticsAuthorWords = SearchValues.Create(["uthor", "autor", "auteur", "byline", "writer"], StringComparison.Ordinal);

    [GeneratedRegex(@"(?<=[{,]\s*)(?<quote>[""']?)(?:author|authors|authorName|author_name|authorNames|contentAuthors?|articleAuthors?|article_author|pageAuthor|page_author|byline|writer|writers|autor|autoren|autorin|auteur|autore)\k<quote>\s*:\s*(?<value>\[[^\]]{1,500}\]|\{[^{}]{1,300}\}|""[^""]{2,200}""|'[^']{2,200}')", RegexOptions.CultureInvariant)]
    private static partial Regex AnalyticsAuthor();

    /// <summary>A quoted string, closed by the quote that opened it: "Daniel O'Connor" holds an apostrophe.</summary>
    [GeneratedRegex(@"(?<q>[""'])(?<text>(?:(?!\k<q>)[^\\]|\\.){2,100})\k<q>")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"[""'](?:name|fullName|full_name|displayName|display_name)[""']\s*:\s*(?<q>[""'])(?<text>(?:(?!\k<q>)[^\\]|\\.){2,100})\k<q>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameField();
}
