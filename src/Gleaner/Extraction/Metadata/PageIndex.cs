using System.Buffers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// The elements metadata finders look at, gathered in one walk over the page in document order,
/// so that each finder reads short lists instead of querying the whole tree again.
/// </summary>
internal sealed class PageIndex
{
    /// <summary>Class or id fragments of elements that may show a date in visible text.</summary>
    private static readonly string[] DateFragments =
        ["date", "time", "publish", "posted", "dateline", "byline", "meta", "datum", "fecha", "data", "info", "stamp", "updated",
         "submitted", "created", "дата", "время", "tarih", "dato", "pvm"];

    /// <summary>Class or id fragments of byline elements.</summary>
    private static readonly string[] BylineFragments =
        ["byline", "by-line", "author", "writer", "autor", "auteur", "reporter", "firma", "signature", "creator", "muhabir", "yazar", "penulis", "forfatter", "forfattare", "toimittaja", "skribent"];

    private static readonly Markers DateMarkers = new(DateFragments), BylineMarkers = new(BylineFragments);

    /// <summary>Date and byline fragments in one set: most class and id values hold neither, which one search tells.</summary>
    private static readonly Markers AnyMarkers = new([.. DateFragments.Union(BylineFragments)]);

    /// <summary>
    /// Elements listed per kind (headings, dates, bylines): the finders climb from each to its ancestors and read its
    /// text, so a page of 100,000 dated elements under deep nesting would cost depth times that. Real pages list far
    /// fewer; the first thousand decide.
    /// </summary>
    private const int MaxListed = 1000;

    public List<IElement> Metas { get; } = [];
    public List<IElement> Headings1 { get; } = [];
    public List<IElement> Headings2 { get; } = [];
    public List<IElement> Headings3 { get; } = [];

    /// <summary>Elements (not meta) marked <c>itemprop="headline"</c>, and headings classed as hAtom's <c>entry-title</c>.</summary>
    public List<IElement> MarkedHeadlines { get; } = [];
    public List<IElement> Times { get; } = [];

    /// <summary>Inline scripts, where some pages keep their data (a last resort for dates).</summary>
    public List<IElement> Scripts { get; } = [];

    /// <summary>
    /// Every <c>script</c> element of the page in document order, those inside <c>noscript</c> and <c>svg</c> too: what
    /// JSON-LD, analytics and page-state readers would otherwise each find by another walk over the whole tree. Null when
    /// the walk stopped at the work budget, so that they walk the page themselves.
    /// </summary>
    public List<IElement>? AllScripts { get; private set; } = [];

    /// <summary>The page's HTML scripts as <see cref="IDocument.Scripts"/> lists them, without another walk when <see cref="AllScripts"/> has them.</summary>
    public IEnumerable<IHtmlScriptElement> HtmlScripts(IDocument document) =>
        AllScripts is { } scripts ? scripts.OfType<IHtmlScriptElement>() : document.Scripts;

    /// <summary>Elements with <c>itemprop</c> datePublished or dateModified (meta elements only in the body), and RDFa
    /// elements naming a date property and holding its value in <c>content</c> (Drupal 7's <c>&lt;span property="dc:date
    /// dc:created" content="2022-05-03T14:10:00+02:00"&gt;</c>, whose text a site's date format may make ambiguous).</summary>
    public List<IElement> ItempropDates { get; } = [];

    /// <summary>Elements (not meta) with <c>itemprop=author</c> or <c>rel=author</c>.</summary>
    public List<IElement> AuthorMarkup { get; } = [];

    /// <summary>Elements whose class or id suggests a visible date.</summary>
    public List<IElement> DateMarked { get; } = [];

    /// <summary>Short elements (<c>abbr</c>, <c>time</c>, <c>span</c>, <c>a</c>) whose <c>title</c> may hold the full date
    /// that their text gives as "3 years ago" or a bare time, and elements whose tooltip or spoken label does so
    /// (<c>data-tooltip</c>, Bootstrap's <c>data-original-title</c>, <c>aria-label</c>): a value with four digits or more.</summary>
    public List<IElement> TitledDates { get; } = [];

    /// <summary>Attributes that hold what a badge shows on hover or tells a screen reader ("2 years ago" showing
    /// "May 3, 2022 3:12 pm"), read after <c>title</c>.</summary>
    private static bool IsTooltipAttribute(string name) =>
        name is "data-tooltip" or "data-original-title" or "data-bs-original-title" or "data-title" or "data-tippy-content" or "aria-label";

    /// <summary>The attribute of an element of <see cref="TitledDates"/> that holds its date: its <c>title</c>, else a tooltip
    /// or spoken label. A link's spoken label names where it leads, not when.</summary>
    public static string? TitledDateValue(IElement element)
    {
        if (element.Attr("title") is { } title && IsTitledDate(title) && element.LocalName is "abbr" or "time" or "span" or "a")
            return title;
        foreach (var attribute in element.Attributes)
            if (IsTooltipAttribute(attribute.Name) && IsTitledDate(attribute.Value) && !(attribute.Name == "aria-label" && element.LocalName == "a"))
                return attribute.Value;
        return null;
    }

    private static bool IsTitledDate(string value) => value.Length is >= MinTitledDateChars and <= MaxTitledDateChars && DateParser.HasDigits(value, 4);

    /// <summary>Elements with a data attribute named for a date (<c>data-date</c>, <c>data-published</c>, <c>data-timestamp</c>),
    /// not an update's or an end's, whose value may be one: scripts render it as "3 hours ago", or not at all. A custom
    /// element's (a script framework's component left for the browser to render: <c>&lt;article-byline published-at=…&gt;</c>,
    /// <c>&lt;relative-time datetime=…&gt;</c>) own attributes so named count too.</summary>
    public List<IElement> DataDates { get; } = [];

    /// <summary>The data attribute of an element of <see cref="DataDates"/> that holds its date.</summary>
    public static string? DataDateValue(IElement element)
    {
        var custom = IsCustomElement(element);
        foreach (var attribute in element.Attributes)
            if (IsDateData(attribute, custom))
                return attribute.Value;
        return null;
    }

    /// <summary>A data attribute named for a date whose value is of a date's length: what puts an element in <see cref="DataDates"/>.</summary>
    private static bool IsDateData(IAttr attribute, bool customElement) =>
        attribute.Value.Length is >= MinDataDateChars and <= MaxDataDateChars
        && (attribute.Name.StartsWith("data-", StringComparison.Ordinal) ? IsDateDataName(attribute.Name.AsSpan(5)) : customElement && IsDateDataName(attribute.Name));

    /// <summary>A custom element's name holds a hyphen (HTML's rule for them); AMP's are the page's own markup, read as such.</summary>
    private static bool IsCustomElement(IElement element) => element.LocalName.Contains('-') && !element.LocalName.StartsWith("amp-", StringComparison.Ordinal);

    /// <summary>A data attribute's value holding a date is at least a Unix time ("1651588200") and at most an ISO instant with a zone.</summary>
    private const int MinDataDateChars = 10, MaxDataDateChars = 40;

    private static bool IsDateDataName(ReadOnlySpan<char> word)
    {
        return (word.Contains("date", StringComparison.Ordinal) || word.Contains("publish", StringComparison.Ordinal) || word.Contains("time", StringComparison.Ordinal)
                || word.Contains("created", StringComparison.Ordinal))
            && !word.Contains("updat", StringComparison.Ordinal) && !word.Contains("modif", StringComparison.Ordinal) && !word.Contains("end", StringComparison.Ordinal)
            && !word.Contains("expir", StringComparison.Ordinal) && !word.Contains("event", StringComparison.Ordinal) && !word.Contains("start", StringComparison.Ordinal);
    }

    /// <summary>Elements whose class or id suggests a byline.</summary>
    public List<IElement> BylineMarked { get; } = [];

    /// <summary>The first image before any <c>h1</c> and <c>article</c> that is all of a link to the front page (a masthead's
    /// logo), whose <c>alt</c> names the site.</summary>
    public IElement? HomeLogo { get; private set; }

    /// <summary>Links marked <c>rel="tag"</c> (the rel-tag microformat; blog engines mark categories <c>rel="category tag"</c>).</summary>
    public List<IElement> TagLinks { get; } = [];

    public IElement? Canonical { get; private set; }
    public IElement? ImageSource { get; private set; }
    public IElement? Base { get; private set; }
    public IElement? FirstArticle { get; private set; }

    public PageIndex(IDocument document, WorkBudget.Walk steps)
    {
        var root = document.DocumentElement;
        if (root is null || !Visit(root))
            return;
        // Document order through each parent's child list by index: AngleSharp finds a next sibling by
        // scanning the parent's children, so a walk by NextElementSibling is quadratic in the siblings.
        var parents = new Stack<(INodeList Children, int Next)>();
        var children = root.ChildNodes;
        var next = 0;
        while (true)
        {
            if (next < children.Length)
            {
                if (!steps.Spend())
                {
                    AllScripts = null;
                    break;
                }
                if (children[next++] is IElement element && Visit(element) && element.HasChildNodes)
                {
                    parents.Push((children, next));
                    children = element.ChildNodes;
                    next = 0;
                }
            }
            else if (parents.TryPop(out var parent))
                (children, next) = parent;
            else
                break;
        }
    }

    /// <summary>Records the element; false when its subtree holds nothing of interest (scripts, styles, SVG).</summary>
    private bool Visit(IElement element)
    {
        switch (element.LocalName)
        {
            case "script":
                AllScripts?.Add(element);
                if (!element.HasAttribute("src"))
                    Scripts.Add(element);
                return false;
            case "noscript" or "svg":
                ListScriptsWithin(element);
                return false;
            case "style" or "template" or "iframe":
                return false;
            case "meta":
                // Microdata in the body dates the item around it, which may be another story's teaser: weighed where it stands.
                if (element.Attr("itemprop") is { } property && IsDateProperty(property) && element.ParentElement?.LocalName is not ("head" or null))
                    List(ItempropDates, element);
                else
                    Metas.Add(element);
                return false;
            case "link":
                var rel = element.Attr("rel");
                if (rel is not null)
                {
                    if (Canonical is null && HasToken(rel, "canonical"))
                        Canonical = element;
                    else if (ImageSource is null && HasToken(rel, "image_src"))
                        ImageSource = element;
                }
                return false;
            case "base":
                Base ??= element.HasAttribute("href") ? element : null;
                return false;
            case "h1":
                List(Headings1, element);
                break;
            case "h2":
                List(Headings2, element);
                break;
            case "h3":
                List(Headings3, element);
                break;
            case "time":
            case "amp-timeago": // AMP's <time>: the datetime attribute, a relative "3 hours ago" as text
                List(Times, element);
                break;
            case "article":
                FirstArticle ??= element;
                break;
            // Only a masthead's: a footer's logo comes after the headline (and some themes fill its alt with the page's title).
            case "img" when HomeLogo is null && Headings1.Count == 0 && FirstArticle is null && PageRegions.IsHomeLogo(element):
                HomeLogo = element;
                break;
        }
        // One pass over the attributes: GetAttribute would scan them once per name.
        var attributes = element.Attributes;
        string? itemprop = null, relation = null, marker = null, id = null, title = null, rdfaProperty = null;
        var tooltip = false;
        var custom = IsCustomElement(element);
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "class":
                    marker = attribute.Value;
                    break;
                case "id":
                    id = attribute.Value;
                    break;
                case "itemprop":
                    itemprop = attribute.Value;
                    break;
                case "property":
                    rdfaProperty = attribute.Value;
                    break;
                case "rel":
                    relation = attribute.Value;
                    break;
                case "title":
                    title = attribute.Value;
                    break;
                case var name when IsTooltipAttribute(name):
                    tooltip = true;
                    break;
                case var _ when IsDateData(attribute, custom):
                    List(DataDates, element);
                    break;
            }
        }
        if (itemprop is not null)
        {
            if (IsDateProperty(itemprop))
                List(ItempropDates, element);
            if (HasToken(itemprop, "author"))
                List(AuthorMarkup, element);
            if (HasToken(itemprop, "headline"))
                List(MarkedHeadlines, element);
        }
        else if (relation is not null && HasToken(relation, "author"))
            List(AuthorMarkup, element);
        else if (rdfaProperty is not null && (IsDateProperty(rdfaProperty) || IsRdfaPublication(rdfaProperty) || IsRdfaModification(rdfaProperty))
            && element.HasAttribute("content"))
            List(ItempropDates, element);
        else if (marker is not null && element.LocalName is "h1" or "h2" or "h3" && HasToken(marker, "entry-title"))
            List(MarkedHeadlines, element);
        if (relation is not null && element.LocalName == "a" && HasToken(relation, "tag"))
            List(TagLinks, element);

        if ((title is not null && IsTitledDate(title) && element.LocalName is "abbr" or "time" or "span" or "a") || (tooltip && TitledDateValue(element) is not null))
            List(TitledDates, element);
        if (!AnyMarkers.In(marker) && !AnyMarkers.In(id))
            return true;
        if (DateMarkers.In(marker) || DateMarkers.In(id))
            List(DateMarked, element);
        if (BylineMarkers.In(marker) || BylineMarkers.In(id))
            List(BylineMarked, element);
        return true;
    }

    /// <summary>The scripts inside a subtree the index does not otherwise read (the parser keeps a template's content
    /// apart from its children, and style and iframe hold only text).</summary>
    private void ListScriptsWithin(IElement element) => AllScripts?.AddRange(element.GetElementsByTagName("script"));

    /// <summary>True when an element of <see cref="ItempropDates"/> declares the publication date, not the last change.</summary>
    public static bool DeclaresPublication(IElement element) =>
        element.Attr("itemprop") is { } itemprop
            ? itemprop.Contains("datePublished", StringComparison.Ordinal)
            : element.Attr("property") is { } property && (property.Contains("datePublished", StringComparison.Ordinal) || IsRdfaPublication(property));

    /// <summary>Dublin Core's RDFa names of a page's creation or issue.</summary>
    private static bool IsRdfaPublication(string property) =>
        HasToken(property, "dc:date") || HasToken(property, "dc:created") || HasToken(property, "dc:issued")
        || HasToken(property, "dcterms:created") || HasToken(property, "dcterms:issued") || HasToken(property, "dcterms:date");

    /// <summary>Dublin Core's RDFa names of a page's last change.</summary>
    private static bool IsRdfaModification(string property) => HasToken(property, "dc:modified") || HasToken(property, "dcterms:modified");

    private static bool IsDateProperty(string itemprop) =>
        itemprop.Contains("datePublished", StringComparison.Ordinal) || itemprop.Contains("dateModified", StringComparison.Ordinal);

    /// <summary>A title holding a date is at least "3.5.22" and at most a weekday, date, time and zone.</summary>
    private const int MinTitledDateChars = 6, MaxTitledDateChars = 80;

    private static void List(List<IElement> list, IElement element)
    {
        if (list.Count < MaxListed)
            list.Add(element);
    }

    /// <summary>
    /// Class or id fragments, found anywhere in a value ignoring case. A case-insensitive search for a set that holds
    /// non-ASCII fragments goes character by character (a tenth of the metadata walk's time), and class and id values are
    /// nearly always ASCII: those are lower-cased on the stack and searched for the ASCII fragments, ordinally (vectorized).
    /// Same answers: no non-ASCII fragment here folds to ASCII, so none can match an ASCII value.
    /// </summary>
    private sealed class Markers(string[] fragments)
    {
        private const int MaxStackChars = 256;
        private readonly SearchValues<string> _any = SearchValues.Create(fragments, StringComparison.OrdinalIgnoreCase);
        private readonly SearchValues<string> _asciiLower = SearchValues.Create(
            fragments.Where(fragment => Ascii.IsValid(fragment)).Select(fragment => fragment.ToLowerInvariant()).ToArray(), StringComparison.Ordinal);

        public bool In(string? value)
        {
            if (string.IsNullOrEmpty(value))
                return false;
            if (value.Length <= MaxStackChars && Ascii.IsValid(value))
            {
                Span<char> lower = stackalloc char[value.Length];
                Ascii.ToLower(value, lower, out _);
                return lower.IndexOfAny(_asciiLower) >= 0;
            }
            return value.AsSpan().IndexOfAny(_any) >= 0;
        }
    }

    internal static bool HasToken(string list, string token)
    {
        foreach (var range in list.AsSpan().Split(' '))
            if (list.AsSpan(range).Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
