using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Finds when the article was published and last modified. Every piece of evidence becomes a
/// candidate weighed by how deliberately it states the article's date: the article's own
/// metadata (JSON-LD, specific meta tags, microdata) first, then what readers see in the article's
/// header (<c>&lt;time&gt;</c>, datelines, labelled dates), then generic page dates
/// (<c>dc.date</c>, a video's upload date), then the URL and last-resort scans. Published dates come
/// only from published evidence and modified dates only from modified evidence, so they are never swapped.
/// </summary>
internal static partial class DateFinder
{
    /// <summary>A date element's text is read up to this length: a longer one wraps more than a date, and nested ones
    /// would each hand the date parser the whole subtree's text.</summary>
    private const int MaxDateElementChars = 1000;

    /// <summary>Meta tags that name the article's publication.</summary>
    private static readonly string[] PublishedMetaKeys =
    [
        "article:published_time", "og:article:published_time", "article:published:time", "article:published", "published_time", "og:published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "publication-date",
        "article.published", "article_date_original", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
        "citation_publication_date", "citation_date", "original-publish-date", "og:pubdate", "published-date",
        "cxenseparse:recs:publishtime", "displaydate", "og:regdate",
    ];

    /// <summary>Meta tags that date the page or anything on it: weaker than a visible dateline.</summary>
    private static readonly string[] GenericMetaKeys =
    [
        "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "date", "created", "datecreated", "release_date", "uploaddate",
    ];

    private static readonly string[] ModifiedMetaKeys =
    [
        "article:modified_time", "og:article:modified_time", "article:modified:time", "article:modified", "og:updated_time", "modified_time",
        "datemodified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified", "article.updated", "updated_time",
        "revised", "cxenseparse:recs:articlemodifiedtime",
    ];

    /// <summary>How much a candidate says about the article's own date, weakest first.</summary>
    private enum Weight
    {
        /// <summary>The URL, dates outside the article, scripts' data, the page's text.</summary>
        Fallback,
        /// <summary>An unlabelled date in the free text near the headline.</summary>
        HeaderText,
        /// <summary>Generic page dates: <c>dc.date</c>, <c>date</c>, an embedded video's upload date.</summary>
        Generic,
        /// <summary>An unlabelled date on its own line under the headline: what the reader sees as the article's date,
        /// though not marked as one (a generic page date may be the page's creation or its last edit).</summary>
        Dateline,
        /// <summary>What readers see in the article's header.</summary>
        Visible,
        /// <summary>The article's own metadata.</summary>
        Declared,
    }

    private readonly record struct Candidate(PageDate Date, Weight Weight, DateSource Source = default);

    /// <summary>Where the article stands on the page, and how its dates are written; <paramref name="Skipped"/> gathers the
    /// date elements that do not date the article's publication (in lists of other stories, update times), which the free
    /// text around the headline leaves out too; <paramref name="Listed"/> the rows of lists and tables of other pages, whose
    /// dates (marked or not) date those pages.</summary>
    private readonly record struct Context(IElement? Headline, IElement? Scope, DateOrder Order, HashSet<IElement> Skipped, ListedDates.OtherPagesRows Listed)
    {
        /// <summary>True when the date element is left out of the article's evidence: skipped, or in a row of a list of other pages.</summary>
        public bool IsLeftOut(IElement element) => Skipped.Contains(element) || Listed.InRow(element);
    }

    public static (PageDate? Published, PageDate? Modified) Find(PageContext page, PageIndex index, MetaTags meta, JsonElement? main, IElement? headline, IElement? scope, Uri? url, DateOrder order)
        => Find(page, index, meta, main, headline, scope, url, order, ZoneReach.For(order));

    /// <summary>The page's publication and last change; <paramref name="reach"/> bounds the zone its readers' clocks may be in.</summary>
    public static (PageDate? Published, PageDate? Modified) Find(PageContext page, PageIndex index, MetaTags meta, JsonElement? main, IElement? headline, IElement? scope, Uri? url, DateOrder order, ZoneReach reach)
    {
        var context = new Context(headline, scope, order, [], new ListedDates.OtherPagesRows(headline, url, order));
        var published = new List<Candidate>();
        var modified = new List<PageDate>();

        if (main is { } article)
        {
            // A video, recipe or event chosen for want of an article object dates itself, not necessarily the page; a
            // WebPage's dates are the page's (its first version, a redesign), not necessarily the article's.
            var weight = JsonLdValues.IsArticle(article) ? Weight.Declared : Weight.Generic;
            Add(published, JsonLdValues.Text(article, "datePublished"), weight, order, source: new("json-ld", "datePublished"));
            Add(published, JsonLdValues.Text(article, "dateCreated"), Weight.Generic, order, source: new("json-ld", "dateCreated"));
            Add(published, JsonLdValues.Text(article, "uploadDate"), Weight.Generic, order, source: new("json-ld", "uploadDate"));
            AddValue(modified, JsonLdValues.Text(article, "dateModified"), order);
            var dated = published.Count > 0;
            // A live blog that states no publication is dated by the start of its coverage.
            if (!dated && JsonLdValues.IsType(article, "LiveBlogPosting"))
                Add(published, JsonLdValues.Text(article, "coverageStartTime"), weight, order, source: new("json-ld", "coverageStartTime"));
            // An article object without dates leaves them to the web page object it is part of (one @graph, the
            // dates on the WebPage node): the page's dates, weaker than a visible dateline.
            if (!dated && published.Count == 0)
                foreach (var obj in page.JsonLd)
                    if (JsonLdValues.IsWebPage(obj))
                    {
                        Add(published, JsonLdValues.Text(obj, "datePublished"), Weight.Generic, order, source: new("json-ld", "datePublished", Other: true));
                        if (modified.Count == 0)
                            AddValue(modified, JsonLdValues.Text(obj, "dateModified"), order);
                    }
        }
        else
        {
            foreach (var obj in page.JsonLd)
            {
                Add(published, JsonLdValues.Text(obj, "datePublished"), Weight.Generic, order, source: new("json-ld", "datePublished", Other: true));
                AddValue(modified, JsonLdValues.Text(obj, "dateModified"), order);
            }
        }
        if (main is null)
            AddBrokenJsonLd(page.BrokenJsonLd, published, modified);
        foreach (var key in PublishedMetaKeys)
            Add(published, meta.First(key), Weight.Declared, order, source: new("meta", key));
        AddParselyPage(published, meta.First("parsely-page"));
        foreach (var key in GenericMetaKeys)
            Add(published, meta.First(key), Weight.Generic, order, source: new("meta", key));
        Add(published, meta.FirstEndingWith(":uploaded"), Weight.Generic, source: new("meta", "*:uploaded"));
        AddTrailingDate(published, meta.First("og:title") ?? page.Document.Title, order);
        foreach (var key in ModifiedMetaKeys)
            AddValue(modified, meta.First(key), order);

        foreach (var element in index.ItempropDates)
        {
            if (PageRegions.IsForeign(element, headline, scope) || IsOtherItemsDate(element, headline))
                continue;
            var value = element.Attr("datetime") ?? element.Attr("content") ?? TextCleaning.ShortText(element, MaxDateElementChars);
            if (PageIndex.DeclaresPublication(element))
                Add(published, value, Weight.Declared, order, new("itemprop", Element: element));
            else
            {
                AddValue(modified, value, order);
                context.Skipped.Add(element);
            }
        }

        // Update times first: the header's text, read when the first publication time asks for it, leaves them out
        // ("<time class=updated>May 5</time><time class=published>May 3</time>" is no dateline of May 5).
        var entryDatesPublish = EntryDatesArePublications(index.Times);
        foreach (var time in index.Times)
            if ((IsModifiedMarker(time) && !(entryDatesPublish && IsEntryDate(time))) || LabelBefore(time) == DateLabel.Modified || LabelsItselfAnUpdate(time))
                context.Skipped.Add(time);
        var updateTimes = context.Skipped.Count;
        // An event's day and hour ("<p class="event-date">Samstag, 14. Dezember 2024, 19:00 Uhr</p>" under the title of its
        // announcement) date the event: the header's text leaves them out too.
        foreach (var time in index.Times)
            if (InEventBlock(time, headline))
                context.Skipped.Add(time);
        foreach (var element in index.DateMarked)
            if (InEventBlock(element, headline))
                context.Skipped.Add(element);
        var header = new HeaderReading(context, index);
        for (var i = 0; i < index.Times.Count; i++)
        {
            var time = index.Times[i];
            if (PageRegions.IsForeign(time, headline, scope) || InEventBlock(time, headline))
                continue;
            var isUpdate = updateTimes > 0 && context.Skipped.Contains(time);
            if (ListedDates.IsListed(index.Times, i, headline) || context.Listed.InRow(time) || ListedDates.InStoryLink(time))
            {
                context.Skipped.Add(time);
                continue;
            }
            // <time> outside the article's scope is a last resort: it may date another story.
            var weight = scope is null || PageRegions.IsInside(time, scope) ? Weight.Visible : Weight.Fallback;
            // A <time> without datetime whose text reads "2 years ago" keeps the date in its title.
            var machine = time.Attr("datetime");
            var parsed = Parse(machine ?? TextCleaning.ShortText(time, MaxDateElementChars), order);
            if (parsed is null && time.Attr("title") is { } title)
                parsed = Parse(title, order);
            if (parsed is not { } date)
                continue;
            // <time datetime="2022-05-03">May 3, 2022 at 3:12 pm</time>: the day for machines, the clock for readers.
            if (machine is not null && !date.HasTime)
                date = WithShownClock(date, TextCleaning.ShortText(time, MaxDateElementChars), order);
            if (!date.HasTime)
                date = SiblingClock(time, date, order) ?? date;
            if (isUpdate)
                modified.Add(date);
            else
            {
                // A dateline right under the headline outweighs a <time> further down: a teaser's, a comment's.
                if (weight == Weight.Visible && header.HasDatelineAbove(time))
                    weight = Weight.Fallback;
                if (machine is not null && date is { HasTime: true, HasOffset: true } && date.Value.Offset == TimeSpan.Zero)
                    date = AsShown(date, TextCleaning.ShortText(time, MaxDateElementChars), order, reach);
                published.Add(new Candidate(date, weight, new("time", Element: time)));
                // "entry-date published updated": a post never edited since, dated once for both.
                if (UpdateMarking(time) == Marking.PublicationAndUpdate || (entryDatesPublish && IsEntryDate(time)))
                    modified.Add(date);
            }
        }

        var fromUrl = url is not null ? DateInUrl(url) : null;
        // The URL leads the last resorts: dates found outside the article may be another story's.
        if (fromUrl is { } urlDate)
            published.Insert(0, new Candidate(urlDate, Weight.Fallback, new("url path")));
        // Names made up by a CMS are read only when nothing better dates the page: some of them keep the
        // date a story was first written, before the edition shown.
        if (published.Count == 0)
            AddOtherPublicationMeta(published, meta, order);
        if (!Has(published, Weight.Visible))
            FindInVisibleText(index, context, header, published, modified);
        if (published.Count == 0)
            FindLastResort(page.Document, index, meta, context, header, url, published);

        var bestPublished = Choose(published, fromUrl);
        // A UTC instant may be meant as the next or previous local day: the dateline tells, when the URL does not; where the
        // URL does, a clock the dateline shows gives the exact offset ("5:50 PM" on the URL's day for 01:50 UTC the next).
        if (bestPublished is { HasTime: true, HasOffset: true } utc && utc.Value.Offset == TimeSpan.Zero
            && (fromUrl is null || Math.Abs(fromUrl.Value.Day.DayNumber - utc.Day.DayNumber) == 1)
            && (utc.Value.Hour >= 24 - reach.Ahead || utc.Value.Hour < reach.Behind)
            && !published.Exists(candidate => candidate.Weight is Weight.Visible or Weight.Dateline or Weight.HeaderText))
            FindInVisibleText(index, context, header, published, modified);
        // A declared time without an offset ("2022-05-03T14:10:00") takes the zone the dateline names ("14:10 Uhr MEZ").
        else if (bestPublished is { HasTime: true, HasOffset: false } && !HasOffsetDate(published, modified)
            && !published.Exists(candidate => candidate.Weight is Weight.Visible or Weight.Dateline or Weight.HeaderText))
            FindInVisibleText(index, context, header, published, modified);
        // Declared dates spare reading the visible ones, but an update note in the header ("Mis à jour le …" over the
        // headline) may be the only word on the last change.
        if (modified.Count == 0)
            header.Date(modified);
        // A build stamp: the same instant declared as publication and as modification (a deploy, an import, a theme that
        // writes the file time) later than the day the header labels as the publication ("Veröffentlicht am 14. März
        // 2024", "Posted on …"). The reader's label wins; an unlabelled older date may be an event's or a print date, and
        // a day apart may be one instant on two clocks (02:59 UTC, "published November 19 at 8:59 pm" in Minnesota).
        if (bestPublished is { } declared && IsBuildStamp(declared, published, modified)
            && (LabelledVisibleDate(index, context, header, modified) ?? BylineTime(published) ?? header.BylineDateline()) is { } labelledDate
            && labelledDate.Date.Day.DayNumber < declared.Day.DayNumber - 1)
        {
            if (labelledDate.Source.Kind != "time")
                published.Add(labelledDate);
            bestPublished = labelledDate.Date;
        }
        var bestModified = modified.Count > 0 ? modified[0] : (PageDate?)null;
        // An update's clock shown without a zone ("Stand: 26.04.2024, 20:44 Uhr") that another date of the page states with one
        // (the publication declared at 20:44+02:00) is in that zone.
        if (bestModified is { HasTime: true, HasOffset: false } localUpdate && SameClockWithOffset(localUpdate, published, modified) is { } zoned)
            bestModified = localUpdate with { Value = new DateTimeOffset(localUpdate.Value.DateTime, zoned.Value.Offset), HasOffset = true };
        var chosenPublished = bestPublished;
        if (bestPublished is { } chosen)
            bestPublished = LocalReading(chosen, published, modified, fromUrl, reach, IsShownLocally(chosen, published));
        // The update shown beside it without a zone is on the same clock.
        if (bestModified is { HasTime: true, HasOffset: false } shownUpdate && bestPublished is { HasOffset: true }
            && chosenPublished is { HasOffset: false } && reach.Clock.OffsetAt(shownUpdate.Value.DateTime) is { } updateOffset)
            bestModified = shownUpdate with { Value = new DateTimeOffset(shownUpdate.Value.DateTime, updateOffset), HasOffset = true };
        // A modification before publication is a page error (or swapped fields); it is not evidence of either.
        if (bestPublished is { } p && bestModified is { } m && m.Value < p.Value && m.Day < p.Day)
            bestModified = null;
        if (page.Trace is { } trace)
            Explain(trace, published, chosenPublished, bestPublished, modified, bestModified, main, meta);
        return (bestPublished, bestModified);
    }

    /// <summary>The source key of a date its visible label calls the publication's.</summary>
    private const string Labelled = "labelled";

    /// <summary>True when the chosen publication is declared metadata with a time that a declared modification repeats to the second.</summary>
    private static bool IsBuildStamp(PageDate chosen, List<Candidate> published, List<PageDate> modified)
    {
        if (!chosen.HasTime || !published.Exists(candidate => candidate.Weight == Weight.Declared && candidate.Date == chosen))
            return false;
        foreach (var date in modified)
            if (date.HasTime && date.Value == chosen.Value)
                return true;
        return false;
    }

    /// <summary>The publication date the article's visible text labels as such ("Veröffentlicht am …", "Publié le …"), if any.</summary>
    private static Candidate? LabelledVisibleDate(PageIndex index, Context context, HeaderReading header, List<PageDate> modified)
    {
        var visible = new List<Candidate>(1);
        FindInVisibleText(index, context, header, visible, modified);
        foreach (var candidate in visible)
            if (candidate.Weight >= Weight.Dateline && IsLabelled(candidate))
                return candidate;
        return null;
    }

    /// <summary>Levels climbed from a date element to find an event's block around it (a <c>&lt;time&gt;</c> in a schedule's line).</summary>
    private const int MaxEventBlockLevels = 3;

    /// <summary>True when the date element, or a block just around it that does not hold the headline, is named for an event
    /// (<c>event-date</c>, <c>tribe-events-schedule</c>): its date is the event's day.</summary>
    private static bool InEventBlock(IElement element, IElement? headline)
    {
        var node = element;
        for (var level = 0; level <= MaxEventBlockLevels && node is not null; level++, node = node.ParentElement)
        {
            if (headline is not null && PageRegions.IsInside(headline, node))
                return false;
            if (PageRegions.NamesEvent(node))
                return true;
        }
        return false;
    }

    /// <summary>True when an element ends before the headline starts.</summary>
    private static bool StandsAbove(IElement element, IElement? headline) =>
        headline is not null && !PageRegions.IsInside(headline, element) && (element.CompareDocumentPosition(headline) & DocumentPositions.Following) != 0;

    /// <summary>The first <c>&lt;time&gt;</c> in the article, above any dateline, that stands in a short line of its own (a
    /// byline's <c>&lt;time datetime="2024-02-12"&gt;</c>): the publication as the theme writes it for machines. A
    /// <c>&lt;time&gt;</c> in a sentence dates what the sentence tells ("the fair on <c>&lt;time&gt;</c>20 April<c>&lt;/time&gt;</c>").</summary>
    private static Candidate? BylineTime(List<Candidate> published)
    {
        foreach (var candidate in published)
            if (candidate is { Weight: Weight.Visible, Source: { Kind: "time", Element: { } time } } && IsInShortLine(time))
                return candidate;
        return null;
    }

    /// <summary>A byline with its date, reading time and author is shorter than this; a sentence of the text is longer.</summary>
    private const int MaxBylineChars = 120;

    /// <summary>True when the element's nearest block (paragraph, list item, cell, division) holds a short line that is no
    /// sentence: a byline closes with no full stop, question or exclamation mark.</summary>
    private static bool IsInShortLine(IElement element)
    {
        for (var node = element.ParentElement; node is not null; node = node.ParentElement)
            if (node.LocalName is "p" or "div" or "li" or "td" or "dd" or "header" or "section" or "article")
                return TextCleaning.ShortText(node, MaxBylineChars, collapseWhitespace: true)?.TrimEnd() is { Length: > 0 } line
                    && line[^1] is not ('.' or '!' or '?');
        return false;
    }

    private static bool IsLabelled(Candidate candidate) => candidate.Source.Key?.StartsWith(Labelled, StringComparison.Ordinal) == true;

    /// <summary>True when a date of the page gives its offset.</summary>
    private static bool HasOffsetDate(List<Candidate> published, List<PageDate> modified)
    {
        foreach (var date in AllDates(published, modified))
            if (date is { HasTime: true, HasOffset: true })
                return true;
        return false;
    }

    /// <summary>The farthest offset from UTC of any time zone.</summary>
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// A UTC instant as the element's text shows it to readers: <c>&lt;time datetime="2022-05-02T22:30:00Z"&gt;03.05.2022, 00:30
    /// Uhr&lt;/time&gt;</c> is the story of May 3 at 00:30 local time (+02:00). A shown clock gives the offset; a shown day alone the
    /// neighbouring day the instant is meant as, when it is near midnight.
    /// </summary>
    private static PageDate AsShown(PageDate utc, string? text, DateOrder order, ZoneReach reach)
    {
        if (text is null || !DateParser.TryFind(TextCleaning.OneLine(text) ?? text, order, out var shown))
            return utc;
        // "9:24 pm ET": the same instant in the zone the page names.
        if (shown.HasOffset)
            return shown.Value == utc.Value ? utc with { Value = utc.Value.ToOffset(shown.Value.Offset) } : utc;
        if (shown.HasTime)
        {
            var offset = ClockDifference(shown, utc);
            return IsZoneOffset(offset) ? utc with { Value = utc.Value.ToOffset(offset) } : utc;
        }
        return Math.Abs(shown.Day.DayNumber - utc.Day.DayNumber) == 1 && OnDay(utc, shown.Day, reach) is { } local ? local : utc;
    }

    /// <summary>The element's shown date when it names the same day as <paramref name="day"/> and gives the time of day too.</summary>
    private static PageDate WithShownClock(PageDate day, string? text, DateOrder order) =>
        text is not null && DateParser.TryFind(TextCleaning.OneLine(text) ?? text, order, out var shown) && shown.HasTime && shown.Day == day.Day
            ? shown
            : day;

    /// <summary>A UTC instant read with the nearest whole-hour offset that puts it on <paramref name="day"/>, the day before
    /// or after its own, when that offset is at most what the page's region allows (<see cref="ZoneReach"/>).</summary>
    private static PageDate? OnDay(PageDate date, DateOnly day, ZoneReach reach)
    {
        var minutes = date.Value.Hour * 60 + date.Value.Minute;
        var hours = day > date.Day ? (24 * 60 - minutes) / 60 + 1 : -(minutes / 60 + 1);
        return (hours > 0 ? hours <= reach.Ahead : -hours <= reach.Behind)
            ? date with { Value = date.Value.ToOffset(TimeSpan.FromHours(hours)) } : null;
    }

    /// <summary>
    /// True when a microdata date belongs to another item than the article (a teaser of another story marked up as its
    /// own NewsArticle, a reader's comment): its item does not hold the headline and ends before it, or stands after it
    /// and is a comment or names a headline of its own. An item holding nothing but the article's dates is the article's.
    /// </summary>
    private static bool IsOtherItemsDate(IElement element, IElement? headline)
    {
        if (headline is null)
            return false;
        for (var node = element.ParentElement; node is not null; node = node.ParentElement)
        {
            if (!node.HasAttribute("itemscope"))
                continue;
            if (PageRegions.IsInside(headline, node))
                return false;
            return (node.CompareDocumentPosition(headline) & DocumentPositions.Following) != 0
                || IsOtherKindOfItem(node.Attr("itemtype"))
                || NamesOtherHeadline(node, headline);
        }
        return false;
    }

    /// <summary>True when a microdata item is a comment or a piece of media embedded in the story (<c>VideoObject</c>'s
    /// <c>datePublished</c> is the video's day, often older than the story around it). An author's or publisher's item is
    /// not: themes put the article's dates inside its <c>Person</c> by mistake.</summary>
    private static bool IsOtherKindOfItem(string? itemType)
    {
        if (string.IsNullOrEmpty(itemType))
            return false;
        foreach (var kind in (ReadOnlySpan<string>)["Comment", "VideoObject", "AudioObject", "ImageObject", "MediaObject", "Clip", "Event"])
            if (itemType.EndsWith(kind, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>True when a microdata item names a headline (<c>itemprop="headline"</c>) that is not the article's.</summary>
    private static bool NamesOtherHeadline(IElement item, IElement headline)
    {
        if (item.QuerySelector("[itemprop~=headline]") is not { } named)
            return false;
        var text = TextCleaning.OneLine(named.Attr("content") ?? TextCleaning.ShortText(named, MaxDateElementChars));
        var own = TextCleaning.OneLine(TextCleaning.ShortText(headline, MaxDateElementChars));
        return text is not null && own is not null && !own.Contains(text, StringComparison.OrdinalIgnoreCase) && !text.Contains(own, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Has(List<Candidate> candidates, Weight atLeast)
    {
        foreach (var candidate in candidates)
            if (candidate.Weight >= atLeast)
                return true;
        return false;
    }

    /// <summary>Text read before a date element for its label.</summary>
    private const int MaxLabelChars = 40;

    /// <summary>Wrappers a date may stand first in and still take the label before them.</summary>
    private const int MaxLabelLevels = 2;

    /// <summary>The label written just before an element ("Updated <c>&lt;time&gt;</c>", "<c>&lt;b&gt;</c>Aktualisiert:<c>&lt;/b&gt;</c> <c>&lt;time&gt;</c>").</summary>
    private static DateLabel LabelBefore(IElement element)
    {
        // A date first in its wrapper takes the label before the wrapper ("<dt>Updated</dt><dd><time>", a field's label
        // and value in two divs), up to a few levels.
        INode? node = null;
        IElement? at = element;
        for (var level = 0; at is not null && level <= MaxLabelLevels; at = at.ParentElement, level++)
        {
            node = at.PreviousSibling;
            while (node is IText blank && string.IsNullOrWhiteSpace(blank.Data))
                node = node.PreviousSibling;
            if (node is not null)
                break;
        }
        var text = node switch
        {
            IText piece => piece.Data,
            IElement previous => TextCleaning.ShortText(previous, MaxLabelChars),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text))
            return DateLabel.None;
        if (text.Length > MaxLabelChars)
            text = text[^MaxLabelChars..];
        // A label before a date in that text is its date's ("<dd>Zuletzt aktualisiert: 20. März 2024</dd><dd><time>"): only
        // words after the text's last digit label this element.
        var from = text.AsSpan().LastIndexOfAnyInRange('0', '9') + 1;
        return DateLabels.LabelBefore(text, from, text.Length);
    }

    /// <summary>
    /// True when a <c>&lt;time&gt;</c>'s own text labels it an update's: Joomla 4 writes the label inside it
    /// (<c>&lt;time datetime="…"&gt;Zuletzt aktualisiert: 20. März 2024&lt;/time&gt;</c>), which its <c>datetime</c> would
    /// otherwise shed. (A wrapper's class is not read: themes put hAtom's <c>updated</c> on the publication's wrapper.)
    /// </summary>
    private static bool LabelsItselfAnUpdate(IElement time)
    {
        if (TextCleaning.ShortText(time, MaxLabelChars * 2) is not { } text)
            return false;
        var digit = text.AsSpan().IndexOfAnyInRange('0', '9');
        return digit > 0 && DateLabels.LastLabel(text.AsSpan(0, digit)) == DateLabel.Modified;
    }

    /// <summary>
    /// True when the page's times mark no publication, so that a <c>&lt;time class="entry-date updated"&gt;</c> is a post's
    /// date: WordPress themes (tagDiv's Newspaper and Newsmag among them) show it so, with hAtom's required <c>updated</c>
    /// beside WordPress's <c>entry-date</c>; a theme that shows an edit too marks the other time published.
    /// </summary>
    private static bool EntryDatesArePublications(List<IElement> times)
    {
        foreach (var time in times)
            if (UpdateMarking(time) == Marking.PublicationAndUpdate
                || ((time.Attr("class") ?? "") + " " + (time.Attr("itemprop") ?? "")).Contains("publish", StringComparison.OrdinalIgnoreCase))
                return false;
        return true;
    }

    private static bool IsEntryDate(IElement time) => time.ClassList.Contains("entry-date");

    /// <summary>True when an element is marked as an update's date and not also as the publication's: WordPress marks a post
    /// never edited <c>&lt;time class="entry-date published updated"&gt;</c>, one date for both.</summary>
    private static bool IsModifiedMarker(IElement element) => UpdateMarking(element) == Marking.Update;

    private enum Marking { None, Update, PublicationAndUpdate }

    /// <summary>Whether an element's class, id or itemprop marks an update's date, and whether it marks the publication's too.</summary>
    private static Marking UpdateMarking(IElement element)
    {
        var marker = ((element.Attr("class") ?? "") + " " + (element.Attr("id") ?? "") + " " + (element.Attr("itemprop") ?? "")).ToLowerInvariant();
        if (!marker.Contains("updat", StringComparison.Ordinal) && !marker.Contains("modif", StringComparison.Ordinal))
            return Marking.None;
        return marker.Contains("publish", StringComparison.Ordinal) ? Marking.PublicationAndUpdate : Marking.Update;
    }

    /// <summary>
    /// The first candidate of the strongest weight present. A generic page date does not beat the
    /// visible dateline unless the URL's day sides with it. A date without a time takes the time of
    /// another candidate for the same day: a meta tag saying <c>2021-09-27</c> and a
    /// <c>&lt;time&gt;</c> saying 19:51 agree.
    /// </summary>
    private static PageDate? Choose(List<Candidate> candidates, PageDate? fromUrl)
    {
        Candidate? best = null;
        foreach (var candidate in candidates)
            if (best is null || candidate.Weight > best.Value.Weight)
                best = candidate;
        if (best is not { } chosen)
            return null;
        if (chosen.Weight is Weight.Visible or Weight.Dateline && fromUrl is { } url && chosen.Date.Day != url.Day)
            foreach (var candidate in candidates)
                if (candidate.Weight == Weight.Generic && candidate.Date.Day == url.Day)
                {
                    chosen = candidate;
                    break;
                }
        // An unlabelled date of the free text more than a day after the URL's day is a day the story announces (a meeting,
        // a deadline: "Zur Versammlung am 23.03.2024 laden wir ein"): the permalink's day is the publication's.
        if (chosen.Weight is Weight.Dateline or Weight.HeaderText && !IsLabelled(chosen) && chosen.Source.Kind == "header text"
            && fromUrl is { } permalink && chosen.Date.Day.DayNumber > permalink.Day.DayNumber + 1)
            foreach (var candidate in candidates)
                if (candidate.Source.Kind == "url path")
                {
                    chosen = candidate;
                    break;
                }
        var date = chosen.Date;
        if (!date.HasTime)
            foreach (var candidate in candidates)
                if (candidate.Date.HasTime && candidate.Date.Day == date.Day)
                    return candidate.Date;
        return date;
    }

    /// <summary>A UTC instant this close to midnight may be meant as the neighbouring local day when no
    /// date on the page gives the offset (Europe's zones; further away, pages that say UTC mean it).</summary>
    private const int MaxGuessedOffsetHours = ZoneReach.Near;

    /// <summary>
    /// The chosen instant as the page's own clock reads it. A time written without an offset takes
    /// the offset of another date on the page for the same wall-clock time, else of any date on the
    /// page. A UTC instant that the URL or a dateline puts on the next or previous day is read with
    /// the page's local offset for the same instant, else the nearest whole-hour offset that makes it
    /// that day when it is at most <see cref="MaxGuessedOffsetHours"/> (a story put online at 00:30 local
    /// time is that day's story, though 22:30 UTC the day before).
    /// </summary>
    private static PageDate LocalReading(PageDate date, List<Candidate> candidates, List<PageDate> modified, PageDate? fromUrl, ZoneReach reach, bool shownLocally)
    {
        if (!date.HasTime)
            return date;
        if (!date.HasOffset)
        {
            PageDate? sameClock = null, sameUtcClock = null, anyOffset = null;
            foreach (var other in AllDates(candidates, modified))
            {
                if (!other.HasTime || !other.HasOffset)
                    continue;
                anyOffset ??= other;
                if (sameClock is null && Math.Abs((other.Value.DateTime - date.Value.DateTime).TotalSeconds) < 60)
                    sameClock = other;
                if (sameUtcClock is null && Math.Abs((other.Value.UtcDateTime - date.Value.DateTime).TotalSeconds) < 60)
                    sameUtcClock = other;
            }
            // "2019-11-19 02:24:00" beside a <time> of 02:24 UTC shown as 21:24 ET: the offset-less time was UTC.
            if (sameClock is null && sameUtcClock is { } instant)
                return date with { Value = new DateTimeOffset(date.Value.DateTime, TimeSpan.Zero).ToOffset(instant.Value.Offset), HasOffset = true };
            if ((sameClock ?? anyOffset) is not { } source)
                return shownLocally && reach.Clock.OffsetAt(date.Value.DateTime) is { } regional
                    ? date with { Value = new DateTimeOffset(date.Value.DateTime, regional), HasOffset = true } : date;
            var offset = source.Value.Offset;
            return date with { Value = new DateTimeOffset(date.Value.DateTime, offset), HasOffset = true };
        }
        if (date.Value.Offset != TimeSpan.Zero)
            return date;
        if (IntendedDay(date, candidates, fromUrl) is not { } day)
            return ShownInZone(date, candidates, modified) ?? (fromUrl is null ? InPageOffset(date, candidates, modified) : date);
        foreach (var other in AllDates(candidates, modified))
            if (other.HasTime && other.HasOffset && Math.Abs((other.Value - date.Value).TotalSeconds) < 60
                && DateOnly.FromDateTime(other.Value.DateTime) == day)
                return date with { Value = date.Value.ToOffset(other.Value.Offset) };
        // A shown clock for that day without a zone ("Nov. 19, 2019" "5:50 PM" beside 01:50 UTC on the 20th; "Thu 14 Mar 2024
        // at 10:32am" for 23:32 UTC on the 13th) is the same instant on the readers' clock: its difference from UTC is the
        // page's offset, before the zone of the page's other dates or a guess.
        if (ShownClockOffset(date, candidates, day) is { } shownOffset)
            return date with { Value = date.Value.ToOffset(shownOffset) };
        // The zone the page writes its other dates in, when it puts the instant on that day (an update at 22:15-05:00).
        foreach (var other in AllDates(candidates, modified))
            if (other is { HasTime: true, HasOffset: true } && other.Value.Offset != TimeSpan.Zero
                && DateOnly.FromDateTime(date.Value.ToOffset(other.Value.Offset).DateTime) == day)
                return date with { Value = date.Value.ToOffset(other.Value.Offset) };
        // Far zones are guessed from a dateline's day only: a URL's folder may be the day the story was filed, not shown.
        return OnDay(date, day, fromUrl is null ? reach : new ZoneReach(ZoneReach.Near, ZoneReach.Near)) ?? date;
    }

    /// <summary>
    /// True when the chosen date was read from what the page shows its readers (a dateline, a <c>&lt;time&gt;</c>, a byline,
    /// a tooltip), whose clock without a zone is the readers' local one; metadata and scripts' data written without an
    /// offset may be UTC.
    /// </summary>
    private static bool IsShownLocally(PageDate chosen, List<Candidate> candidates)
    {
        foreach (var candidate in candidates)
            if (candidate.Date == chosen)
                return candidate.Source.Kind is not ("json-ld" or "meta" or "itemprop" or "script data" or "data attribute" or null);
        return false;
    }

    /// <summary>
    /// The UTC instant in the zone another date of the page writes the same instant in: a Sydney page declares
    /// 20:12 UTC on the 11th and shows "Tue 12 Mar 2024 at 7:12am" (+11:00); its readers' day is the 12th.
    /// </summary>
    private static PageDate? ShownInZone(PageDate date, List<Candidate> candidates, List<PageDate> modified)
    {
        foreach (var other in AllDates(candidates, modified))
            if (other is { HasTime: true, HasOffset: true } && other.Value.Offset != TimeSpan.Zero && Math.Abs((other.Value - date.Value).TotalSeconds) < 60)
                return date with { Value = date.Value.ToOffset(other.Value.Offset) };
        return null;
    }

    /// <summary>Another date of the page with an offset whose clock reads as <paramref name="date"/>'s to the minute.</summary>
    private static PageDate? SameClockWithOffset(PageDate date, List<Candidate> candidates, List<PageDate> modified)
    {
        foreach (var other in AllDates(candidates, modified))
            if (other is { HasTime: true, HasOffset: true } && Math.Abs((other.Value.DateTime - date.Value.DateTime).TotalSeconds) < 60)
                return other;
        return null;
    }

    /// <summary>
    /// A UTC instant near midnight read with the offset the page writes its other dates in (its modification time in
    /// local time, another copy of the publication time): the same instant on the day the page's readers saw.
    /// </summary>
    private static PageDate InPageOffset(PageDate date, List<Candidate> candidates, List<PageDate> modified)
    {
        if (date.Value.Hour is < 24 - MaxGuessedOffsetHours and >= MaxGuessedOffsetHours)
            return date;
        foreach (var other in AllDates(candidates, modified))
        {
            if (!other.HasTime || !other.HasOffset || other.Value.Offset == TimeSpan.Zero || Math.Abs(other.Value.Offset.TotalHours) > MaxGuessedOffsetHours)
                continue;
            return date with { Value = date.Value.ToOffset(other.Value.Offset) };
        }
        return date;
    }

    /// <summary>The day a UTC instant is meant to be read as, when other evidence says the next or previous
    /// day: the URL's day, else a dateline's.</summary>
    private static DateOnly? IntendedDay(PageDate date, List<Candidate> candidates, PageDate? fromUrl)
    {
        if (fromUrl is { } url)
            return Math.Abs(url.Day.DayNumber - date.Day.DayNumber) == 1 ? url.Day : null;
        foreach (var candidate in candidates)
        {
            if (candidate.Weight is not (Weight.Visible or Weight.Dateline or Weight.HeaderText))
                continue;
            // A shown clock without an offset counts when it is the same instant on a local clock ("3 nov. 2023 om 00:40"
            // for 23:40 UTC); another clock time there is another event's.
            if (candidate.Date.HasTime && (candidate.Date.HasOffset || !IsZoneOffset(ClockDifference(candidate.Date, date))))
                continue;
            return Math.Abs(candidate.Date.Day.DayNumber - date.Day.DayNumber) == 1 ? candidate.Date.Day : null;
        }
        return null;
    }

    /// <summary>The offset a visible clock without a zone gives a UTC instant: the shown time on <paramref name="day"/> minus the
    /// instant, when that is a zone's offset.</summary>
    private static TimeSpan? ShownClockOffset(PageDate utc, List<Candidate> candidates, DateOnly day)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Weight is not (Weight.Visible or Weight.Dateline or Weight.HeaderText) || candidate.Date is not { HasTime: true, HasOffset: false } shown
                || shown.Day != day)
                continue;
            var offset = ClockDifference(shown, utc);
            if (IsZoneOffset(offset))
                return offset;
        }
        return null;
    }

    /// <summary>A shown clock's time less an instant's, to the minute when the shown clock gives none of the instant's
    /// seconds ("5:50 PM" for 01:50:59 UTC).</summary>
    private static TimeSpan ClockDifference(PageDate shown, PageDate instant)
    {
        var clock = instant.Value.DateTime;
        if (shown.Value.Second == 0)
            clock = new DateTime(clock.Ticks - clock.Ticks % TimeSpan.TicksPerMinute);
        return shown.Value.DateTime - clock;
    }

    /// <summary>True when a difference of clock times is a time zone's offset: at most fourteen hours, in quarter hours.</summary>
    private static bool IsZoneOffset(TimeSpan difference) =>
        difference != TimeSpan.Zero && difference.Duration() <= MaxOffset && difference.Ticks % TimeSpan.FromMinutes(15).Ticks == 0;

    private static IEnumerable<PageDate> AllDates(List<Candidate> candidates, List<PageDate> modified)
    {
        foreach (var candidate in candidates)
            yield return candidate.Date;
        foreach (var date in modified)
            yield return date;
    }

    private static void Add(List<Candidate> into, string? value, Weight weight, DateOrder order = DateOrder.MonthFirst, DateSource source = default)
    {
        if (Parse(value, order) is { } date)
            into.Add(new Candidate(date, weight, source));
    }

    private static void AddValue(List<PageDate> into, string? value, DateOrder order = DateOrder.MonthFirst)
    {
        if (Parse(value, order) is { } date)
            into.Add(date);
    }

    private static PageDate? Parse(string? value, DateOrder order)
    {
        if (value is null)
            return null;
        // A JSON-LD number or a meta value may be a Unix time ("datePublished": 1651583520).
        return DateParser.TryParseValue(value, order, out var date) ? date : UnixTime(value.Trim());
    }

    /// <summary>
    /// Meta names that CMSs make up for the publication date beyond the known ones
    /// (<c>OriginalPublicationDate</c>, <c>prism.publicationDate</c>, <c>article:post_date</c>): a name that
    /// speaks of publishing and not of updates, expiry or the publisher.
    /// </summary>
    private static void AddOtherPublicationMeta(List<Candidate> into, MetaTags meta, DateOrder order)
    {
        foreach (var (key, values) in meta.Entries)
        {
            if (Array.IndexOf(PublishedMetaKeys, key) >= 0)
                continue;
            if (IsPublicationKey(key))
                Add(into, values[0], Weight.Declared, order, source: new("meta", key));
            // "article:create_at" (Chinese portals' share tags), "regdate": when the item was made, weaker than a dateline.
            else if (IsCreationKey(key))
                Add(into, values[0], Weight.Generic, order, source: new("meta", key));
        }
    }

    /// <summary>Fragments of made-up meta names for an item's creation or registration.</summary>
    private static readonly string[] CreationKeyFragments = ["create_at", "created_at", "createdate", "create_date", "creation_date", "creationdate", "regdate", "reg_date"];

    private static bool IsCreationKey(string key)
    {
        foreach (var fragment in CreationKeyFragments)
            if (key.Contains(fragment, StringComparison.Ordinal))
                return !key.Contains("modif", StringComparison.Ordinal) && !key.Contains("updat", StringComparison.Ordinal);
        return false;
    }

    private static bool IsPublicationKey(string key)
    {
        var publication = key.Contains("publish", StringComparison.Ordinal) || key.Contains("publication", StringComparison.Ordinal)
            || key.Contains("pubdate", StringComparison.Ordinal) || key.Contains("pub_date", StringComparison.Ordinal)
            || key.Contains("pub-date", StringComparison.Ordinal) || key.Contains("post_date", StringComparison.Ordinal);
        if (!publication)
            return false;
        foreach (var other in (ReadOnlySpan<string>)["publisher", "modif", "updat", "expir", "edit", "revis", "end", "unpublish", "online_date"])
            if (key.Contains(other, StringComparison.Ordinal))
                return false;
        return true;
    }

    /// <summary>A date closing the page's title ("… | DW | 28.04.2023"), or closing its headline before the site's name
    /// as a part of its own ("Ortsbeirat tagt - 12.01.2023 | Stadt"), dates the page, as generic evidence.</summary>
    private static void AddTrailingDate(List<Candidate> into, string? title, DateOrder order)
    {
        if (title is null || title.Length > MaxTitleChars)
            return;
        var trimmed = title.TrimEnd();
        if (trimmed.Length == 0 || !DateParser.TryFindFrom(trimmed, 0, order, out var date, out var index, out var length))
            return;
        var end = index + length;
        if ((end == trimmed.Length && char.IsDigit(trimmed[^1]))
            || (IsTitlePartBoundary(trimmed.AsSpan(0, index).TrimEnd(), atEnd: true) && trimmed.AsSpan(end).TrimStart() is { Length: > 1 } rest
                && IsTitlePartBoundary(rest, atEnd: false) && !HasSpacedSeparator(rest[1..])))
            into.Add(new Candidate(date, Weight.Generic, new("title", "trailing date")));
    }

    /// <summary>Characters that part a page title's headline, date and site name.</summary>
    private const string TitleSeparators = "|-–—·:»";

    /// <summary>True when a separator after a space parts <paramref name="text"/> further ("Stadt | Aktuelles", not "Baden-Baden").</summary>
    private static bool HasSpacedSeparator(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < text.Length; i++)
            if (TitleSeparators.Contains(text[i]) && char.IsWhiteSpace(text[i - 1]))
                return true;
        return false;
    }

    /// <summary>True when <paramref name="text"/> ends (or starts) with a title separator.</summary>
    private static bool IsTitlePartBoundary(ReadOnlySpan<char> text, bool atEnd) =>
        text.Length > 0 && TitleSeparators.Contains(atEnd ? text[^1] : text[0]);

    private const int MaxTitleChars = 400;

    private static void AddParselyPage(List<Candidate> into, string? json)
    {
        if (json is null || !json.Contains("pub_date", StringComparison.Ordinal))
            return;
        try
        {
            using var parsed = JsonDocument.Parse(json);
            if (parsed.RootElement.ValueKind == JsonValueKind.Object && parsed.RootElement.TryGetProperty("pub_date", out var pub))
                Add(into, JsonLdValues.AsText(pub), Weight.Declared, source: new("meta", "parsely-page"));
        }
        catch (JsonException)
        {
            // A broken parsely-page tag is no evidence.
        }
    }

    /// <summary>Text read from one date-marked element: datelines are short, and a long element's date leads it.</summary>
    private const int MarkedElementChars = 300;

    /// <summary>
    /// Dates written for readers: short elements marked as date, time or byline (their <c>title</c>
    /// first, where <c>abbr</c> and <c>span</c> keep the full date), then the free text around the
    /// headline (a dateline glued to the lead, "Name · 3. Mai 2022", "Veröffentlicht am …").
    /// In the article's scope these are visible evidence; elsewhere on the page, a last resort.
    /// </summary>
    private static void FindInVisibleText(PageIndex index, Context context, HeaderReading header, List<Candidate> into, List<PageDate> modified)
    {
        var text = new StringBuilder(MarkedElementChars);
        PageDate? modifiedOnly = null;
        header.ListMarkedDates();
        foreach (var inScope in (ReadOnlySpan<bool>)[true, false])
        {
            if (inScope && context.Scope is null)
                continue;
            var weight = inScope ? Weight.Visible : Weight.Fallback;
            for (var i = 0; i < index.DateMarked.Count; i++)
            {
                var element = index.DateMarked[i];
                if (context.Scope is not null && PageRegions.IsInside(element, context.Scope) != inScope)
                    continue;
                if (PageRegions.IsForeign(element, context.Headline, context.Scope) || InEventBlock(element, context.Headline) || HoldsHeadline(element, context.Headline))
                    continue;
                if (inScope ? context.IsLeftOut(element) : ListedDates.IsListed(index.DateMarked, i, context.Headline) || context.Listed.InRow(element))
                    continue;
                if (ListedDates.InStoryLink(element))
                    continue;
                if (!IsModifiedMarker(element) && AttributeDate(element, context.Order) is var (titled, attribute) && LabelBefore(element) != DateLabel.Modified)
                {
                    if (!titled.HasTime)
                        titled = SiblingClock(element, titled, context.Order) ?? titled;
                    into.Add(inScope && header.HasDatelineAbove(element) && header.Date(modified) is { } dateline ? dateline : new Candidate(titled, weight, new($"visible {attribute}", Element: element)));
                    return;
                }
                if (ReadMarkedText(element, text, context.Order, modified) is not var (published, unlabelled, update, value))
                    continue;
                // "Termin: 12.06.2022, 19 Uhr" in an info box dates an event, not the article.
                if (published is null && unlabelled is not null && IsEventDate(value, context.Order))
                    continue;
                if ((published ?? (IsModifiedMarker(element) ? null : unlabelled)) is { } shown)
                {
                    // An unlabelled marked date over the headline (an event's day badge) gives way to the day the header's
                    // text labels as the publication ("Pubblicato il 28/10/2024" under it).
                    if (inScope && published is null && StandsAbove(element, context.Headline) && header.Date(modified) is { } labelledInHeader
                        && IsLabelled(labelledInHeader) && labelledInHeader.Date.Day != shown.Day)
                    {
                        into.Add(labelledInHeader);
                        return;
                    }
                    var date = shown.HasTime ? shown
                        : InnerAttributeTime(index, i, shown, context.Order) ?? SiblingClock(element, shown, context.Order) ?? LaterMarkedTime(index, i, shown, context) ?? shown;
                    into.Add(inScope && header.HasDatelineAbove(element) && header.Date(modified) is { } dateline ? dateline
                        : new Candidate(date, weight, new("visible", published is null ? null : Labelled, Element: element)));
                    return;
                }
                modifiedOnly ??= update ?? unlabelled;
            }
            if (TitledDate(index, context, inScope) is { } titledDate)
            {
                into.Add(titledDate with { Weight = weight });
                return;
            }
            if (inScope)
            {
                var modifiedBefore = modified.Count;
                if (header.Date(modified) is { } headerDate)
                {
                    into.Add(headerDate);
                    return;
                }
                if (DataAttributeDate(index, context) is { } fromData)
                {
                    into.Add(fromData);
                    return;
                }
                if (BylineDate(index, context, modified) is { } fromByline)
                {
                    into.Add(fromByline);
                    return;
                }
                if (modified.Count > modifiedBefore)
                    modifiedOnly ??= modified[^1];
            }
        }
        // A page that shows only "Updated …" was published that day or shortly before.
        if (modifiedOnly is { } fallback)
            into.Add(new Candidate(fallback, Weight.Fallback, new("visible update date")));
    }

    /// <summary>
    /// True when a date-marked element holds the headline: the article's container or header block (WordPress marks every
    /// post <c>&lt;article class="post status-publish"&gt;</c>), whose first date may be any sentence's ("Am 22. März treffen
    /// sich …"). Its dates are the header text's, read there by the dateline rules.
    /// </summary>
    private static bool HoldsHeadline(IElement element, IElement? headline) =>
        headline is not null && element != headline && PageRegions.IsInside(headline, element);

    /// <summary>
    /// The same day with its time from an element nested in the date-marked element number <paramref name="at"/> of
    /// <paramref name="index"/> that keeps the date in an attribute: <c>&lt;p class="meta"&gt;&lt;abbr class="published" title="2022-05-03T15:12:00+02:00"&gt;May 3,
    /// 2022&lt;/abbr&gt;&lt;/p&gt;</c> shows the day in the outer element's text and the time in the inner one's title.
    /// </summary>
    private static PageDate? InnerAttributeTime(PageIndex index, int at, PageDate shown, DateOrder order)
    {
        var marked = index.DateMarked;
        var outer = marked[at];
        for (var i = at + 1; i < marked.Count && PageRegions.IsInside(marked[i], outer); i++)
            if (!IsModifiedMarker(marked[i]) && AttributeDate(marked[i], order) is ({ HasTime: true } date, _) && date.Day == shown.Day)
                return date;
        // An unmarked span's tooltip: Hugo's <span title='2022-05-03 15:12:00 +0200 CEST'>May 3, 2022</span>.
        foreach (var titled in index.TitledDates)
            if (PageRegions.IsInside(titled, outer) && !IsModifiedMarker(titled) && PageIndex.TitledDateValue(titled) is { } value
                && Parse(value, order) is { HasTime: true } date && date.Day == shown.Day)
                return date;
        return null;
    }

    /// <summary>Marked date elements read after a day-only one for its clock.</summary>
    private const int MaxLaterMarkedDates = 8;

    /// <summary>
    /// The same day with its time from a later marked element of the article that keeps it in an attribute: Blogger shows the
    /// day in a date header over the post and its instant in the footer's <c>&lt;abbr class="published" title="2024-03-14T10:32:00+02:00"&gt;10:32&lt;/abbr&gt;</c>.
    /// Only the same day's: another day is another item's date.
    /// </summary>
    private static PageDate? LaterMarkedTime(PageIndex index, int at, PageDate shown, Context context)
    {
        var marked = index.DateMarked;
        for (var i = at + 1; i < marked.Count && i <= at + MaxLaterMarkedDates; i++)
        {
            var element = marked[i];
            if (IsModifiedMarker(element) || context.IsLeftOut(element) || PageRegions.IsForeign(element, context.Headline, context.Scope)
                || (context.Scope is not null && !PageRegions.IsInside(element, context.Scope)))
                continue;
            if (AttributeDate(element, context.Order) is ({ HasTime: true } date, _) && date.Day == shown.Day)
                return date;
        }
        return null;
    }

    /// <summary>Characters of a sibling that shows the clock alone: "14:02", "10.32 Uhr", "2:02 pm GMT+3".</summary>
    private const int MaxSiblingClockChars = 16;

    /// <summary>
    /// <paramref name="shown"/>'s day at the clock the element's next sibling shows alone, with nothing but punctuation
    /// between them: agencies' <c>&lt;span class="tarih"&gt;14.03.2024&lt;/span&gt; &lt;span class="saat"&gt;14:02&lt;/span&gt;</c>, a
    /// <c>&lt;time datetime="14-03-2024"&gt;</c> beside a <c>&lt;span&gt;10:32&lt;/span&gt;</c>. A sibling holding a date of its own is no clock.
    /// </summary>
    private static PageDate? SiblingClock(IElement element, PageDate shown, DateOrder order)
    {
        // A date alone in its list item looks to the next item: Elementor's post info, <li><time>February 14, 2024</time></li>
        // <li><time>9:30 am</time></li>.
        for (var up = 0; up < MaxClockItemDepth && element.NextElementSibling is null && element.PreviousElementSibling is null
            && element.ParentElement is { } parent && parent.ChildElementCount == 1 && !HasOwnText(parent); up++)
            element = parent;
        for (var between = element.NextSibling; between is not null and not IElement; between = between.NextSibling)
            foreach (var c in between.TextContent)
                if (char.IsLetterOrDigit(c))
                    return null;
        if (element.NextElementSibling is not { } next || TextCleaning.ShortText(next, MaxSiblingClockChars) is not { Length: >= 4 } clock
            || !char.IsAsciiDigit(clock[0]) || DateParser.TryFind(clock, order, out _))
            return null;
        var day = shown.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return DateParser.TryFind(day + " " + clock, order, out var joined) && joined.HasTime && joined.Day == shown.Day ? joined : null;
    }

    /// <summary>Levels a date alone in its wrappers climbs to find the clock beside them.</summary>
    private const int MaxClockItemDepth = 3;

    /// <summary>True when an element holds letters or digits outside its child elements.</summary>
    private static bool HasOwnText(IElement element)
    {
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
            if (node is not IElement)
                foreach (var c in node.TextContent)
                    if (char.IsLetterOrDigit(c))
                        return true;
        return false;
    }

    /// <summary>
    /// The date a marked element keeps in an attribute for machines or on hover: <c>datetime</c> or <c>content</c> (a
    /// <c>&lt;span class="date" content="2022-05-03"&gt;</c> showing "3 days ago", RDFa), else its <c>title</c>.
    /// </summary>
    private static (PageDate Date, string Attribute)? AttributeDate(IElement element, DateOrder order)
    {
        foreach (var name in (ReadOnlySpan<string>)["datetime", "content", "title"])
            if (element.GetAttribute(name) is { Length: >= 6 } value && Parse(value, order) is { } date)
                return (date, name);
        return null;
    }

    /// <summary>True when the first date of a short text follows a deadline's or an event's label, or comes before a place's field.</summary>
    private static bool IsEventDate(string text, DateOrder order)
    {
        return DateParser.TryFindFrom(text, 0, order, out _, out var at, out var length)
            && (HasEventLabelBefore(text, 0, at) || IsFollowedByPlaceField(text, at + length) || OpensSpan(text, at + length, order));
    }

    /// <summary>True when a deadline's or an event's label stands in the <see cref="MaxEventLabelChars"/> before
    /// <paramref name="at"/>, from <paramref name="lineStart"/> on.</summary>
    private static bool HasEventLabelBefore(string text, int lineStart, int at)
    {
        var start = Math.Max(lineStart, at - MaxEventLabelChars);
        return EventLabel().IsMatch(text.AsSpan(start, at - start));
    }

    /// <summary>Text of an element whose title is read as its date: "3 years ago", "09:15", an icon's label.</summary>
    private const int MaxTitledTextChars = 40;

    /// <summary>
    /// The full date an element keeps in its <c>title</c> while its text says "3 years ago" or only the time
    /// (<c>&lt;abbr title="2022-05-03T10:00"&gt;</c>, a byline's <c>&lt;a title="Tuesday, May 3, 2022"&gt;</c>).
    /// </summary>
    private static Candidate? TitledDate(PageIndex index, Context context, bool inScope)
    {
        foreach (var element in index.TitledDates)
        {
            if (context.Scope is not null && PageRegions.IsInside(element, context.Scope) != inScope)
                continue;
            if (IsModifiedMarker(element) || LabelBefore(element) == DateLabel.Modified || TextCleaning.ShortText(element, MaxTitledTextChars) is null
                || PageRegions.IsForeign(element, context.Headline, context.Scope) || context.Listed.InRow(element))
                continue;
            // A tooltip may carry its label ("Published 3 May 2022"); one naming only an update dates no publication.
            if (PageIndex.TitledDateValue(element) is not { } value
                || DateLabels.Read(value, context.Order) is { Published: null, Unlabelled: null, Modified: not null })
                continue;
            if (Parse(value, context.Order) is { } date)
                return new Candidate(date, Weight.Visible, new("visible title", Element: element));
        }
        return null;
    }

    /// <summary>
    /// The date a script-rendered byline keeps in a data attribute (<c>data-date="2022-05-03T14:30:00+02:00"</c>,
    /// <c>data-timestamp="1651588200"</c>) in the article's scope: its own markup, unless it stands in a list of other stories.
    /// </summary>
    private static Candidate? DataAttributeDate(PageIndex index, Context context)
    {
        for (var i = 0; i < index.DataDates.Count; i++)
        {
            var element = index.DataDates[i];
            if (!PageRegions.IsInside(element, context.Scope!) || PageRegions.IsForeign(element, context.Headline, context.Scope)
                || ListedDates.IsListed(index.DataDates, i, context.Headline) || ListedDates.IsTeaser(element) || context.Listed.InRow(element))
                continue;
            var value = PageIndex.DataDateValue(element);
            if ((UnixTime(value) ?? Parse(value, context.Order)) is { } date)
                return new Candidate(date, Weight.Dateline, new("data attribute", Element: element));
        }
        return null;
    }

    /// <summary>
    /// The date of a byline in the article's scope that the header's text does not reach ("Von Max Muster, 03.05.2022"
    /// under a long standfirst and a picture, "Written 18 February 2020" in the author's box under the text): the author's
    /// line dates what they wrote, unless it stands in a list of other stories or names an event's date.
    /// </summary>
    private static Candidate? BylineDate(PageIndex index, Context context, List<PageDate> modified)
    {
        var text = new StringBuilder(MarkedElementChars);
        for (var i = 0; i < index.BylineMarked.Count; i++)
        {
            var element = index.BylineMarked[i];
            if (!PageRegions.IsInside(element, context.Scope!) || context.IsLeftOut(element) || PageRegions.IsForeign(element, context.Headline, context.Scope)
                || ListedDates.IsListed(index.BylineMarked, i, context.Headline))
                continue;
            if (ReadMarkedText(element, text, context.Order, modified) is not var (published, unlabelled, _, value))
                continue;
            if (published is { } labelled)
                return new Candidate(labelled, Weight.Dateline, new("byline", Labelled, Element: element));
            if (unlabelled is { } date && !IsEventDate(value, context.Order))
                return new Candidate(date, Weight.Dateline, new("byline", Element: element));
        }
        return null;
    }

    /// <summary>
    /// The dates a date- or byline-marked element's own text states, read into <paramref name="text"/>; none when the text
    /// is too short or a copyright line. An update the text names also joins <paramref name="modified"/>.
    /// </summary>
    private static (PageDate? Published, PageDate? Unlabelled, PageDate? Modified, string Text)? ReadMarkedText(IElement element, StringBuilder text, DateOrder order, List<PageDate> modified)
    {
        text.Clear();
        PageText.Append(element, text, MarkedElementChars);
        if (text.Length < 6)
            return null;
        var value = text.ToString();
        if (value.Contains('©') || value.Contains("opyright", StringComparison.Ordinal))
            return null;
        var (published, unlabelled, update) = DateLabels.Read(value, order);
        if (update is { } u)
            modified.Add(u);
        return (published, unlabelled, update, value);
    }

    /// <summary>A Unix time in seconds or milliseconds within the years news pages date.</summary>
    private static PageDate? UnixTime(string? value)
    {
        if (value is not { Length: 10 or 13 } || !long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return null;
        var instant = DateTimeOffset.FromUnixTimeSeconds(value.Length == 13 ? number / 1000 : number);
        return instant.Year >= 1995 && instant <= DateTimeOffset.UtcNow.AddYears(1) ? new PageDate(instant, HasTime: true, HasOffset: true) : null;
    }

    /// <summary>Text read before and after the headline for its dateline.</summary>
    private const int HeaderCharsBefore = 200, HeaderCharsAfter = 600;

    /// <summary>Text under the headline (a standfirst, a lead) that a date may follow and still be the article's when a
    /// dateline stands above the headline; a date further down may be a listed story's or a note's.</summary>
    private const int LeadChars = 200;

    /// <summary>An unlabelled date this far after the headline still belongs to its header.</summary>
    private const int UnlabelledCharsAfter = 400;

    /// <summary>A press release's kind alone before its date on the line ("Communiqué de presse | 14 mars 2024", "Press
    /// release – March 14, 2024"): the release's date, as a label would say.</summary>
    [GeneratedRegex(@"^\s*(?:press\s+release|news\s+release|media\s+release|pressemitteilung|pressemeldung|presseinformation|medienmitteilung|communiqu(?:é|e)\s+de\s+presse|comunicado\s+de\s+prensa|nota\s+de\s+prensa|comunicato\s+stampa|persbericht|tiskov(?:á|a)\s+zpr(?:á|a)va|informacja\s+prasowa|komunikat\s+prasowy|pressmeddelande|pressemeddelelse|pressemelding|tiedote)\s*[|·•–—:,/-]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseKindBefore();

    /// <summary>The header's date read once, when first asked for: a marked date further down asks whether a dateline stands above it.</summary>
    private sealed class HeaderReading(Context context, PageIndex index)
    {
        private bool _read, _marksSkipped;
        private Candidate? _date;
        private PageDate? _update;
        private INode? _windowEnd;
        private int _datelineAt = -1, _headlineEnd;
        private string _text = "";
        private bool _updateGiven;
        private readonly List<(IElement Element, int At)> _entered = [];

        /// <summary>The date in the free text around the headline; its update note goes to <paramref name="modified"/>.</summary>
        public Candidate? Date(List<PageDate> modified)
        {
            Read();
            if (_update is { } update && !_updateGiven)
                modified.Add(update);
            _updateGiven = true;
            return _date;
        }

        /// <summary>
        /// The dateline under the headline, when <paramref name="element"/> (a marked date) stands below it: past the header's
        /// text, or after the unlabelled dateline's date. A date right under the headline is the article's; one further down
        /// may be a teaser's or a comment's.
        /// </summary>
        public bool HasDatelineAbove(IElement element)
        {
            if (context.Headline is null)
                return false;
            Read();
            if (_date is not { Weight: >= Weight.Dateline })
                return false;
            // A dateline above the headline outweighs marked dates below the lead, not one right under the headline.
            var below = _datelineAt < _headlineEnd ? _headlineEnd + LeadChars : _datelineAt;
            foreach (var (entered, at) in _entered)
                if (entered == element)
                    return _datelineAt >= 0 && at > below;
            return _windowEnd is not null && (element == _windowEnd || (_windowEnd.CompareDocumentPosition(element) & DocumentPositions.Following) != 0);
        }

        /// <summary>The unlabelled dateline under the headline when its line opens with a byline ("Von Anna Schmidt | 12. Januar
        /// 2023") or a press release's kind: the author's line dates the post as a label would; a bare date there may be an
        /// event's or the print edition's.</summary>
        public Candidate? BylineDateline()
        {
            Read();
            if (_date is not { Weight: Weight.Dateline } date || _datelineAt < _headlineEnd)
                return null;
            var lineStart = _text.LastIndexOf('\n', _datelineAt) + 1;
            var before = _text.AsSpan(lineStart, _datelineAt - lineStart);
            if (AuthorFinder.BylineLabel().IsMatch(before) || ReleaseKindBefore().IsMatch(before))
                return date;
            // The date first, the author after a separator ("12. Januar 2023 | Von Anna Schmidt").
            var lineEnd = _text.IndexOf('\n', _datelineAt);
            var rest = _text.AsSpan(_datelineAt, (lineEnd < 0 ? _text.Length : lineEnd) - _datelineAt);
            for (var at = rest.IndexOfAny(BylineSeparators); at >= 0; at = rest.IndexOfAny(BylineSeparators))
            {
                rest = rest[(at + 1)..];
                if (AuthorFinder.BylineLabel().IsMatch(rest))
                    return date;
            }
            return null;
        }

        private static readonly System.Buffers.SearchValues<char> BylineSeparators = System.Buffers.SearchValues.Create("|·•–—");

        /// <summary>
        /// A day and month without a year on a short line next to the headline ("20.02. | 14:30 Uhr", a "20 Feb" badge over
        /// it), read in <paramref name="year"/>; with <paramref name="month"/> (not 0) only a day of that month. A date with
        /// its year was read before; an event's line is left out.
        /// </summary>
        public PageDate? YearlessDateline(int year, int month)
        {
            Read();
            if (context.Headline is null || _text.Length == 0)
                return null;
            var headlineStart = _headlineEnd >= 2 ? _text.LastIndexOf('\n', _headlineEnd - 2) + 1 : 0;
            // The line above the headline, then the first lines under it.
            var lines = 0;
            for (var start = headlineStart >= 2 ? _text.LastIndexOf('\n', headlineStart - 2) + 1 : headlineStart; start < _text.Length && lines < MaxYearlessLines;)
            {
                var end = _text.IndexOf('\n', start);
                if (end < 0)
                    end = _text.Length;
                var line = _text.AsSpan(start, end - start).Trim();
                if (!line.IsEmpty && start != headlineStart)
                {
                    lines++;
                    if (line.Length <= MaxDatelineChars && CountLetters(line) <= MaxYearlessLineLetters && !EventLabel().IsMatch(line) && YearlessDate(line.ToString(), year) is { } date
                        && (month == 0 || date.Value.Month == month))
                        return date;
                }
                start = end + 1;
            }
            return null;
        }

        /// <summary>Puts the marked date elements in the scope (whose text the header reads) that stand in lists of other
        /// stories, or in a link to another story, into the context's <c>Skipped</c>, once.</summary>
        public void ListMarkedDates()
        {
            if (_marksSkipped || context.Scope is not { } scope)
                return;
            _marksSkipped = true;
            for (var i = 0; i < index.DateMarked.Count; i++)
                if (PageRegions.IsInside(index.DateMarked[i], scope)
                    && (ListedDates.IsListed(index.DateMarked, i, context.Headline) || ListedDates.InStoryLink(index.DateMarked[i])))
                    context.Skipped.Add(index.DateMarked[i]);
        }

        private void Read()
        {
            if (_read)
                return;
            _read = true;
            ListMarkedDates();
            if (context.Scope is not { } scope)
                return;
            var found = new List<PageDate>(1);
            var (text, headlineEnd, windowEnd) = PageText.AroundHeadline(scope, context.Headline, HeaderCharsBefore, HeaderCharsAfter, context.Skipped, _entered,
                // The walk enters no row it leaves out: an element inside one is never reached, so only the element itself is asked about.
                context.Listed.IsRow,
                // Above the headline, a block named for events (a club's "Termine" box) lists days that are not a dateline.
                element => PageRegions.NamesEvent(element) && (context.Headline is null || !PageRegions.IsInside(context.Headline, element)));
            _windowEnd = windowEnd;
            _headlineEnd = headlineEnd;
            _text = text;
            _date = HeaderDate(context, found, text, headlineEnd, out _datelineAt);
            _update = found.Count > 0 ? found[0] : null;
        }
    }

    /// <summary>The date in the free text around the headline: a labelled one first, then the first after the headline (a
    /// dateline on the line above the headline before one below the lead), then the first before it; <paramref name="datelineAt"/>
    /// is where an unlabelled dateline's date starts in the text.</summary>
    private static Candidate? HeaderDate(Context context, List<PageDate> modified, string text, int headlineEnd, out int datelineAt)
    {
        datelineAt = -1;
        var after = DateLabels.Read(text, context.Order, headlineEnd);
        if (after.Modified is { } update)
            modified.Add(update);
        if (after.Published is { } labelled && !IsEventDetail(text, headlineEnd, labelled, context.Order))
        {
            // An update note over the headline ("Mis à jour le …" above it, "Publié le …" under it) is the page's too.
            if (after.Modified is null && DateLabels.Read(text, context.Order, 0, headlineEnd).Modified is { } updateAbove)
                modified.Add(updateAbove);
            return new Candidate(labelled, Weight.Visible, new("header text", Labelled + ", after the headline"));
        }
        // The read before the headline ends on a search that found the first date after it: kept, the search for that date
        // below reuses it instead of running the patterns again.
        var scan = new DateParser.Scan();
        var before = DateLabels.Read(text, context.Order, 0, headlineEnd, scan);
        if (after.Modified is null && before.Modified is { } updateBefore)
            modified.Add(updateBefore);
        var afterAt = -1;
        var unlabelledAfter = after.Unlabelled;
        for (var from = headlineEnd; unlabelledAfter is { } candidate && UnlabelledAt(text, from, context.Order, candidate, scan, out var at, out var length)
            && at - headlineEnd <= UnlabelledCharsAfter;)
        {
            if (IsDateline(text, at, length))
            {
                afterAt = at;
                break;
            }
            // A forum member's registration day in the profile beside the first post ("Registriert: Mi 14. Mär 2012"): the
            // post's own date follows.
            var lineStart = Math.Max(text.LastIndexOf('\n', at) + 1, at - MaxEventLabelChars);
            if (!MemberSinceLabel().IsMatch(text.AsSpan(lineStart, at - lineStart)))
                break;
            from = at + length;
            unlabelledAfter = DateLabels.Read(text, context.Order, from).Unlabelled;
        }
        // The line just above the headline outweighs a date below the lead (a list's, a note's), not one right under the headline.
        if (before.Unlabelled is not null && (afterAt < 0 || afterAt - headlineEnd > LeadChars)
            && DatelineAbove(text, headlineEnd, context.Order, out var aboveAt) is { } above)
        {
            datelineAt = aboveAt;
            return new Candidate(above, Weight.Dateline, new("header text", "dateline above the headline"));
        }
        // "Publié le 12/06/2023" over the headline outweighs an unlabelled date under it, which may be the lead's
        // ("… ouvert jusqu'au 15 septembre 2023").
        if (before.Published is { } labelledBefore)
            return new Candidate(labelledBefore, Weight.Visible, new("header text", Labelled + ", before the headline"));
        if (afterAt >= 0)
        {
            datelineAt = afterAt;
            return new Candidate(unlabelledAfter!.Value, Weight.Dateline, new("header text", "after the headline"));
        }
        return before.Unlabelled is { } unlabelled ? new Candidate(unlabelled, Weight.HeaderText, new("header text", "before the headline")) : null;
    }

    /// <summary>
    /// Where the first unlabelled date from <paramref name="from"/> on stands: the one <see cref="DateLabels.Read"/> returned
    /// as unlabelled. A labelled date before it ("Ažurirano: 15.03.2024" under the headline) is passed over, so that the
    /// unlabelled date's own distance from the headline and its own line are judged, not the update note's.
    /// </summary>
    private static bool UnlabelledAt(string text, int from, DateOrder order, PageDate unlabelled, DateParser.Scan scan, out int at, out int length)
    {
        var previousEnd = from;
        for (var start = from; DateParser.TryFindFrom(text, start, order, out var date, out at, out length, scan); start = previousEnd = at + length)
            if (date == unlabelled && DateLabels.LabelBefore(text, previousEnd, at) == DateLabel.None
                && (DateLabels.LabelAfter(text, at + length) is DateLabel.None))
                return true;
        at = length = -1;
        return false;
    }

    /// <summary>
    /// The date of the line just above the headline when that line is a dateline ("Politik · 03.05.2022", a date over a
    /// press release's title): the article's date as the reader sees it, though unmarked. Only the last date before the
    /// headline, on the headline's previous line, with no label (a labelled one is read as such).
    /// </summary>
    private static PageDate? DatelineAbove(string text, int headlineEnd, DateOrder order, out int at)
    {
        at = -1;
        var headlineStart = headlineEnd >= 2 ? text.LastIndexOf('\n', headlineEnd - 2) : -1;
        if (headlineStart <= 0)
            return null;
        PageDate? last = null;
        var lastEnd = 0;
        var scan = new DateParser.Scan();
        for (var start = 0; DateParser.TryFindFrom(text, start, order, out var date, out var index, out var length, scan) && index + length <= headlineStart; start = index + length)
        {
            (last, at, lastEnd) = (date, index, index + length);
        }
        if (last is null || DateLabels.LabelBefore(text, 0, at) != DateLabel.None || !IsDateline(text, at, lastEnd - at))
            return null;
        // Only the line before the headline: what stands higher is the page's (a breadcrumb, a masthead's "today").
        var between = text.AsSpan(lastEnd, headlineStart - lastEnd);
        var lineEnd = between.IndexOf('\n');
        return lineEnd < 0 || between[lineEnd..].IsWhiteSpace() ? last : null;
    }

    /// <summary>Lines next to the headline read for a day and month without a year: the one above it and two under it.</summary>
    private const int MaxYearlessLines = 3;

    /// <summary>Letters on such a line: a month's name and a short label or weekday ("Di, 20.02. | 14:30 Uhr", "20 Feb").
    /// A line of words that holds a number after a word like a month's short name ("Wissen Sie 12 Tipps") is no dateline.</summary>
    private const int MaxYearlessLineLetters = 24;

    private static int CountLetters(ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
            if (char.IsLetter(c))
                letters++;
        return letters;
    }

    /// <summary>A day and month with no year ("20 Feb", "20.02."), read in <paramref name="year"/>.</summary>
    private static PageDate? YearlessDate(string line, int year)
    {
        if (DateParser.TryFindDayMonth(line, year, out var named))
            return named;
        var numeric = NumericDayMonth().Match(line);
        if (!numeric.Success)
            return null;
        var day = int.Parse(numeric.Groups["d"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(numeric.Groups["m"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        // The line with the year written in, so that its time is read as a dated line's is ("20.02.2024 | 14:30 Uhr").
        var dated = line.Insert(numeric.Index + numeric.Length, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return DateParser.TryFind(dated, DateOrder.DayFirst, out var withTime) && withTime.Value.Month == month && withTime.Value.Day == day
            ? withTime
            : new PageDate(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), HasTime: false);
    }

    /// <summary>"20.02." standing alone: a day and month with no year after them.</summary>
    [GeneratedRegex(@"(?<![\d.])(?<d>[0-3]?\d)\.(?<m>[01]?\d)\.(?![\d.]|\s*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDayMonth();

    /// <summary>A line this short that holds a date is a dateline ("3. Mai 2022 | Lesezeit: 2 Minuten").</summary>
    private const int MaxDatelineChars = 100;

    /// <summary>Words that may stand before a dateline's date on a longer line ("BERLIN, 3. Mai 2022 – Die …").</summary>
    private const int MaxWordsBeforeDate = 3;

    /// <summary>
    /// True when the unlabelled date at <paramref name="at"/> dates its line rather than standing in its prose: a
    /// publication label leads the line, or no deadline or event label stands before the date, no sentence goes on
    /// after it, and the line is short or the date leads it. "The festival takes place on June 12, 2022 and …",
    /// "Der Verein wurde am 3. Mai 1998 gegründet", "Bewerbungsschluss: 30.06.2025" date other things.
    /// </summary>
    private static bool IsDateline(string text, int at, int length)
    {
        var start = text.LastIndexOf('\n', at) + 1;
        // "Posted by Anna, Ben and Carla on 2019-02-15, all posts": the label is further from the date than a label's reach.
        if (DateLabels.LastLabel(text.AsSpan(start, at - start)) == DateLabel.Published)
            return true;
        if (HasEventLabelBefore(text, start, at) || IsEventFieldValue(text, start, at) || ContinuesAsProse(text.AsSpan(at + length))
            || IsFollowedByPlaceField(text, at + length) || OpensSpan(text, at + length, DateOrder.DayFirst) || ReadAlsoLabel().IsMatch(text.AsSpan(start, at - start)))
            return false;
        var end = text.IndexOf('\n', at);
        if (IsSentence(text.AsSpan(start, (end < 0 ? text.Length : end) - start), at - start))
            return false;
        if ((end < 0 ? text.Length : end) - start <= MaxDatelineChars)
            return true;
        var words = 0;
        foreach (var range in text.AsSpan(start, at - start).SplitAny(' ', '\u00a0'))
            if (range.End.Value > range.Start.Value && ++words > MaxWordsBeforeDate)
                return false;
        return true;
    }

    /// <summary>Lower-case words before a date that make its line a sentence ("The orchestra will play on …").</summary>
    private const int MinSentenceWords = 2;

    /// <summary>
    /// True when a line holding a date at <paramref name="at"/> is a sentence of the text, however short: more than
    /// <see cref="MinSentenceWords"/> words before the date, that many of them lower-case, and a full stop, a
    /// question or exclamation mark closing the line ("Das Orchester spielt am Samstag, 18. Juni 2022, im Stadtpark.",
    /// "The festival runs on June 18, 2022."), unless a publication label follows the date. A byline's "By Jane Doe and John
    /// Smith, May 3, 2022" closes with no stop.
    /// </summary>
    private static bool IsSentence(ReadOnlySpan<char> line, int at)
    {
        var trimmed = line.TrimEnd();
        // "Der Beitrag wurde am 03.05.2022 veröffentlicht." names the article's date after it.
        if (trimmed.IsEmpty || trimmed[^1] is not ('.' or '!' or '?') || DateLabels.LastLabel(trimmed[at..]) == DateLabel.Published)
            return false;
        int words = 0, lower = 0;
        foreach (var range in line[..at].SplitAny(' ', '\u00a0'))
        {
            var word = line[range];
            if (word.IsEmpty)
                continue;
            words++;
            if (char.IsLower(word[0]) && !DatelineFollowerLookup.Contains(word))
                lower++;
        }
        // Three words, two of them lower-case, already make a clause ("Festival sa uskutoční 23. marca 2024 na nábreží."); a
        // dateline's place, weekday or byline has capitals or fewer words ("Zagreb, četvrtak, 14. ožujka 2024.").
        return words > MinSentenceWords && lower >= MinSentenceWords;
    }

    /// <summary>A line opening with a pointer to another story ("Lesen Sie auch:", "Read more:", "Lire aussi :"): its date is
    /// the linked story's.</summary>
    [GeneratedRegex(@"^\W{0,3}(?:lesen\s+sie\s+auch|lies\s+auch|mehr\s+zum\s+thema|auch\s+interessant|siehe\s+auch|read\s+(?:also|more)|see\s+also|related|(?:(?:à|a)\s+)?lire\s+aussi|voir\s+aussi|leggi\s+anche|vedi\s+anche|lee\s+tambi(?:é|e)n|ver\s+tambi(?:é|e)n|leia\s+tamb(?:é|e)m|veja\s+tamb(?:é|e)m|lees\s+ook|zie\s+ook|czytaj\s+(?:te(?:ż|z)|tak(?:ż|z)e)|zobacz\s+te(?:ż|z))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadAlsoLabel();

    /// <summary>Characters after a date read for a place's or a time's field.</summary>
    private const int MaxPlaceFieldDistance = 40;

    /// <summary>
    /// True when a place's or a time's field follows the date that ends at <paramref name="dateEnd"/>, with nothing but a time
    /// between them ("Date: June 18, 2022 / Venue: City Park", "Le 18 juin 2022 / Lieu : parc municipal", "18.06.2022, 19 Uhr
    /// Ort: Rathaus"): the date is an event's, in its details box, not the article's.
    /// </summary>
    private static bool IsFollowedByPlaceField(string text, int dateEnd)
    {
        var length = Math.Min(MaxPlaceFieldDistance, text.Length - dateEnd);
        return length > 0 && PlaceField().IsMatch(text.AsSpan(dateEnd, length));
    }

    /// <summary>Characters after a span's connector read for the date that ends the span.</summary>
    private const int MaxSpanEndChars = 40;

    /// <summary>
    /// True when the date ending at <paramref name="dateEnd"/> opens a span to another date ("Du 14 décembre 2019 au 15 décembre
    /// 2019", "12.06.2024 – 14.06.2024", "from June 12, 2024 to June 14, 2024"): an event's period or a validity, not a
    /// publication. A clock after a dash ("03.06.2019 - 14:32", Drupal's format) is no date.
    /// </summary>
    private static bool OpensSpan(string text, int dateEnd, DateOrder order)
    {
        var connector = SpanConnector().Match(text, dateEnd);
        if (!connector.Success)
            return false;
        var endStart = connector.Index + connector.Length;
        var end = text.Substring(endStart, Math.Min(MaxSpanEndChars, text.Length - endStart));
        return DateParser.TryFindFrom(end, 0, order, out _, out var at, out _) && at == 0;
    }

    /// <summary>The word or dash between the two dates of a span, in the languages of the held-out pages.</summary>
    [GeneratedRegex(@"\G[ \u00a0]*(?:[-–—]|bis(?:\s+zum)?|au|to|until|through|al|hasta(?:\s+el)?|tot|do|till|fino\s+al|a)[ \u00a0]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpanConnector();

    /// <summary>True when the first date labelled as published from <paramref name="from"/> on is an event's (<see cref="IsFollowedByPlaceField"/>):
    /// "Date:" labels an event's day as readily as a page's.</summary>
    private static bool IsEventDetail(string text, int from, PageDate labelled, DateOrder order)
    {
        var previousEnd = from;
        for (var start = from; DateParser.TryFindFrom(text, start, order, out var date, out var at, out var length); start = previousEnd = at + length)
            if (date == labelled && DateLabels.LabelBefore(text, previousEnd, at) == DateLabel.Published)
                return IsFollowedByPlaceField(text, at + length);
        return false;
    }

    /// <summary>A place's or a time's label and a colon, after at most a time and separators ("19 Uhr", "at 7 pm").</summary>
    [GeneratedRegex(@"^[\W\d]*(?:(?:at|um|uhr|à|h|alle|ore|a\s+las|às|om|pm|am|o|godz\.?)[\W\d]*)*(?:venue|location|where|place|address|ort|veranstaltungsort|treffpunkt|adresse|uhrzeit|lieu|horaires?|heure|luogo|dove|indirizzo|orario|lugar|d(?:ó|o)nde|direcci(?:ó|o)n|horario|hora|local|onde|locatie|plaats|waar|adres|tijd|miejsce|gdzie|godzina)\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceField();

    /// <summary>At most this much (a weekday: "Mittwoch, ") stands before the date of a field's value.</summary>
    private const int MaxFieldPrefixChars = 12;

    /// <summary>
    /// True when the date at <paramref name="at"/> is the value of a field whose label, a deadline's or an event's, is the
    /// whole line above (<c>&lt;dt&gt;Termin&lt;/dt&gt;&lt;dd&gt;Mittwoch, 18.05.2022&lt;/dd&gt;</c>): the date starts its line
    /// but for a weekday, and the line above ends in the label.
    /// </summary>
    private static bool IsEventFieldValue(string text, int lineStart, int at)
    {
        if (lineStart < 2 || at - lineStart > MaxFieldPrefixChars || DateParser.HasDigits(text.AsSpan(lineStart, at - lineStart), 1))
            return false;
        // Nested blocks leave empty lines between the label and its value.
        var aboveEnd = text.AsSpan(0, lineStart).TrimEnd().Length;
        var aboveStart = aboveEnd > 0 ? text.LastIndexOf('\n', aboveEnd - 1) + 1 : 0;
        var above = text.AsSpan(aboveStart, aboveEnd - aboveStart).TrimEnd(" \t:\u00a0");
        if (above.IsEmpty || above.Length > MaxEventLabelChars)
            return false;
        foreach (var match in EventLabel().EnumerateMatches(above))
            if (match.Index + match.Length == above.Length)
                return true;
        return false;
    }

    /// <summary>How far before a date a deadline's or an event's label is looked for.</summary>
    private const int MaxEventLabelChars = 40;

    /// <summary>Labels of dates that are not the article's: deadlines, events, funerals, validity ("Bewerbungsschluss: 30.06.2025"), the day
    /// the page was printed or retrieved ("Gedruckt am", "Abgerufen am").</summary>
    [GeneratedRegex(@"(?<!\p{L})(?:deadline|closing\s+date|event\s+date|date\s+of\s+(?:the\s+)?event|when|starts?|ends?|bewerbungsschluss|anmeldeschluss|einsendeschluss|" +
        @"bewerbungsfrist|anmeldefrist|frist|termine?|veranstaltungsdatum|wann|zeitraum|laufzeit|beginn|ende|g(?:ü|ue)ltig\s+bis|date\s+limite|quand|" +
        @"fecha\s+l(?:í|i)mite|plazo|cu(?:á|a)ndo|scadenza|quando|until|jusqu['’](?:au|à)|hasta\s+el|fino\s+al|uz(?:á|a)v(?:ě|e)rka|sista\s+(?:ans(?:ö|o)kningsdag|dag)|termin\s+zg(?:ł|l)osze(?:ń|n)|" +
        // An obituary's services: the funeral, not the notice.
        @"funeral|visitation|memorial\s+service|burial|interment|trauerfeier|beerdigung|beisetzung|obs(?:è|e)ques|fun(?:é|e)railles|velorio|sepelio|funerale|" +
        @"gedruckt\s+am|druckdatum|abgerufen\s+am|aufgerufen\s+am|printed\s+on|date\s+printed|retrieved\s+on|accessed\s+on|imprim(?:é|e)\s+le|" +
        // A print version's stamp in the languages of central and eastern Europe ("Ispisano: 16.03.2024.", "Spausdinta 2024-03-16").
        @"ispisano|natisnjeno|vytla(?:č|c)en(?:o|é|e)|vyti(?:š|s)t(?:ě|e)no|wydrukowano|spausdinta|izdruk(?:ā|a)ts|prinditud|nyomtatva|" +
        @"напечатано|надруковано|отпечатано|одштампано|od(?:š|s)tampano|" +
        // A forum member's profile beside a post: the day they joined.
        MemberSinceLabels + @")(?!\p{L})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventLabel();

    /// <summary>Labels of the day a forum member joined, in the profile beside each post.</summary>
    private const string MemberSinceLabels =
        @"registriert(?:\s+seit)?|mitglied\s+seit|dabei\s+seit|registered|joined|member\s+since|inscrit(?:e|\s+le)?|membre\s+depuis|registrad[oa]|miembro\s+desde|" +
        @"iscritt[oa]|membro\s+dal|geregistreerd|lid\s+sinds|zarejestrowany|do(?:ł|l)(?:ą|a)czy(?:ł|l)a?|registrov(?:á|a)n|registrerad|medlem\s+(?:sedan|siden)|" +
        @"rekister(?:ö|o)itynyt|liittynyt|зарегистрирован|регистрация|kay(?:ı|i)t\s+tarihi|(?:ü|u)yelik\s+tarihi";

    [GeneratedRegex(@"(?<!\p{L})(?:" + MemberSinceLabels + @")(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemberSinceLabel();

    /// <summary>Lower-case words that may follow a dateline's date: a byline ("by Jane Doe") or a time ("um 14:10 Uhr").</summary>
    private static readonly HashSet<string> DatelineFollowers = new(StringComparer.Ordinal)
    {
        "by", "von", "par", "por", "di", "da", "door", "av", "af", "przez", "od", "от", "від", "at", "um", "à", "a", "às", "alle", "ore", "om",
        "kl", "klo", "o", "в", "о", "saat", "г", "r", "року", "года", "h", "uhr", "updated", "aktualisiert", "ora", "u", "ob", "kello",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DatelineFollowerLookup = DatelineFollowers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when the text after a date goes on as a sentence: a lower-case word that is no byline or time word
    /// ("Der Verein wurde am 3. Mai 1998 gegründet", "On May 3, 2022, the court ruled"); a dateline's date ends its
    /// line or is followed by a separator, a time, a byline or the lead's first capitalised word.
    /// </summary>
    private static bool ContinuesAsProse(ReadOnlySpan<char> after)
    {
        var i = 0;
        while (i < after.Length && (after[i] is ' ' or ',' or '\u00a0' || (after[i] == '.' && i == 0)))
            i++;
        var start = i;
        while (i < after.Length && char.IsLetter(after[i]))
            i++;
        if (i == start || !char.IsLower(after[start]) || DatelineFollowerLookup.Contains(after[start..i]))
            return false;
        // A second lower-case word: a sentence goes on ("gegründet und", "the court"); a weekday alone ends a dateline.
        while (i < after.Length && after[i] is ' ' or '\u00a0')
            i++;
        return i < after.Length && char.IsLower(after[i]);
    }

    /// <summary>Characters of page text read by the last-resort scan for a labelled date.</summary>
    private const int PageTextChars = 20_000;

    /// <summary>
    /// When nothing else dates the page: a full date in the image's path, the page data that scripts
    /// carry (<c>"published_at": "…"</c>), a labelled date anywhere in the page's text.
    /// </summary>
    private static void FindLastResort(IDocument document, PageIndex index, MetaTags meta, Context context, HeaderReading header, Uri? url, List<Candidate> into)
    {
        if (Uri.TryCreate(meta.First("og:image", "twitter:image"), UriKind.Absolute, out var image) && DateInUrl(image) is { } fromImage)
        {
            into.Add(new Candidate(fromImage, Weight.Fallback, new("image path")));
            return;
        }
        if (ScriptDate(index, context.Order) is { } fromScript)
        {
            into.Add(new Candidate(fromScript, Weight.Fallback, new("script data")));
            return;
        }
        if (document.Body is not { } body)
            return;
        var text = new StringBuilder();
        PageText.Append(body, text, PageTextChars);
        var pageText = text.ToString();
        var (published, _, _) = DateLabels.Read(pageText, context.Order);
        if (published is { } labelled && !IsEventDetail(pageText, 0, labelled, context.Order))
        {
            into.Add(new Candidate(labelled, Weight.Fallback, new("page text", "labelled")));
            return;
        }
        if (CreditLineDate(body, context) is { } credited)
        {
            into.Add(new Candidate(credited, Weight.Fallback, new("page text", "credit line")));
            return;
        }
        if (StandaloneDate(body, context) is { } alone)
        {
            into.Add(new Candidate(alone, Weight.Fallback, new("page text", "a date standing alone")));
            return;
        }
        if (BadgeDate(context) is { } badged)
        {
            into.Add(new Candidate(badged, Weight.Fallback, new("header", "day badge with the block's year")));
            return;
        }
        if (BreadcrumbDate(body, context.Order) is var (fromTrail, how))
        {
            into.Add(new Candidate(fromTrail, Weight.Fallback, new("breadcrumb", how)));
            return;
        }
        if (PermalinkDate(context.Headline) is { } fromPermalink)
        {
            into.Add(new Candidate(fromPermalink, Weight.Fallback, new("headline link", "permalink")));
            return;
        }
        if (ArticleImageDate(context) is { } fromArticleImage)
        {
            into.Add(new Candidate(fromArticleImage, Weight.Fallback, new("image path", "in the article")));
            return;
        }
        if (url is not null && YearInUrl(url) is var (year, month) && header.YearlessDateline(year, month) is { } completed)
            into.Add(new Candidate(completed, Weight.Fallback, new("header text", "day and month in the URL's year")));
    }

    /// <summary>The year a path files the page under (<c>/2024/</c>, <c>/2024/02/slug</c>), with its month when one follows.</summary>
    private static (int Year, int Month)? YearInUrl(Uri url)
    {
        var match = UrlYearFolder().Match(url.AbsolutePath);
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["y"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return year >= 1995 && year <= DateTime.UtcNow.Year + 1 && month <= 12 ? (year, month) : null;
    }

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/(?:(?<m>0?[1-9]|1[0-2])/)?", RegexOptions.CultureInvariant)]
    private static partial Regex UrlYearFolder();

    /// <summary>Elements read for breadcrumb trails; a trail stands near the page's top.</summary>
    private const int MaxBreadcrumbElements = 3000;

    /// <summary>
    /// The day of a breadcrumb trail's link to a day archive (Home › 2022 › May › 3 › the title, linking
    /// <c>/2022/05/03/</c>): a blog theme files the post under its day. Only a link whose path ends with a full date counts:
    /// a link to another story merely holds one. Else the trail's last item when it is a date (Home › News › 12 January
    /// 2023): the page the trail ends at is that day's.
    /// </summary>
    private static (PageDate Date, string How)? BreadcrumbDate(IElement body, DateOrder order)
    {
        var seen = 0;
        foreach (var element in body.Descendants<IElement>())
        {
            if (++seen > MaxBreadcrumbElements)
                break;
            if (!IsBreadcrumbTrail(element))
                continue;
            foreach (var link in element.GetElementsByTagName("a"))
                if (ReferencedPath(link.Attr("href")) is { } address && DayArchivePath().IsMatch(address.AbsolutePath)
                    && DateInUrl(address) is { } day)
                    return (day, "day archive link");
            if (TrailEndDate(element, order) is { } last)
                return (last, "last item");
        }
        return null;
    }

    /// <summary>Text read from a breadcrumb trail.</summary>
    private const int MaxBreadcrumbChars = 300;

    /// <summary>Characters that part a breadcrumb trail's items.</summary>
    private const string BreadcrumbSeparators = "›>»/|-–—·→\\";

    /// <summary>The date that ends a breadcrumb trail's text as an item of its own: after a separator, or as the whole text
    /// of the trail's last list item, or after words naming the page's kind.</summary>
    private static PageDate? TrailEndDate(IElement trail, DateOrder order)
    {
        if (TextCleaning.ShortText(trail, MaxBreadcrumbChars) is not { } text || EndingDate(text, order) is not var (date, index))
            return null;
        var before = text.AsSpan(0, index).TrimEnd();
        if (before.Length > 0 && BreadcrumbSeparators.Contains(before[^1]))
            return date;
        // The last item names the page by its kind and day ("Startseite › Aktuelles › Nachricht vom 19.03.2025"); a meeting's
        // or an event's day ("Sitzung vom 3. Mai 2022") dates what the page reports on.
        var lastSeparator = before.LastIndexOfAny(BreadcrumbSeparators);
        if (lastSeparator >= 0 && PageKindOfDay().IsMatch(before[(lastSeparator + 1)..]))
            return date;
        var item = trail.LastElementChild;
        while (item is { LocalName: "ol" or "ul" } && item.LastElementChild is { } inner)
            item = inner;
        return item is { LocalName: "li" } && TextCleaning.ShortText(item, MaxBreadcrumbChars) is { } itemText
            && EndingDate(itemText, order) is (_, var at) && (at == 0 || PageKindOfDay().IsMatch(itemText.AsSpan(0, at))) ? date : null;
    }

    /// <summary>The date that ends <paramref name="text"/>, and where it starts.</summary>
    private static (PageDate Date, int Index)? EndingDate(string text, DateOrder order)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.Length > 0 && char.IsDigit(trimmed[^1]) && DateParser.TryFindFrom(text, 0, order, out var date, out var index, out var length)
            && index + length == trimmed.Length ? (date, index) : null;
    }

    /// <summary>A trail item's words before its day that name the page's kind: a news item, a press release, a post of that day.</summary>
    [GeneratedRegex(@"^\s*(?:\p{L}+\s+)?(?:(?:presse)?mitteilung|pressemeldung|meldung|nachricht|beitrag|artikel|news|post|article|press\s+release|" +
        @"communiqu(?:é|e)(?:\s+de\s+presse)?|comunicado(?:\s+de\s+prensa)?|comunicato(?:\s+stampa)?|persbericht|nieuwsbericht|bericht)\s+(?:vom|from|of|du|del|de|dal|van)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageKindOfDay();

    private static bool IsBreadcrumbTrail(IElement element)
    {
        foreach (var name in (ReadOnlySpan<string>)["class", "id", "aria-label"])
            if (element.GetAttribute(name) is { } value && value.Contains("breadcrumb", StringComparison.OrdinalIgnoreCase))
                return true;
        return element.Attr("itemtype") is { } type && type.EndsWith("BreadcrumbList", StringComparison.Ordinal);
    }

    /// <summary>A path that ends with a full date (<c>/2022/05/03/</c>, <c>/archiv/2022-05-03</c>).</summary>
    [GeneratedRegex(@"(?:19|20)\d{2}[/\-_.]?\d{1,2}[/\-_.]?\d{1,2}/?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayArchivePath();

    /// <summary>
    /// The day in the path of the link the headline makes to its own page (<c>&lt;h2&gt;&lt;a href="/2020/11/05/title/"
    /// rel="bookmark"&gt;</c>): blog themes link a post's title to its permalink, which files it under its day.
    /// </summary>
    private static PageDate? PermalinkDate(IElement? headline)
    {
        if (headline is null)
            return null;
        var link = PageRegions.Ancestor(headline, "a");
        if (link is null)
        {
            var links = headline.GetElementsByTagName("a");
            if (links.Length != 1)
                return null;
            link = links[0];
        }
        return ReferencedPath(link.Attr("href")) is { } address ? DateInUrl(address) : null;
    }

    /// <summary>Nodes the late scans read after the headline: an article ends within a few thousand.</summary>
    private const int MaxNodesAfterHeadline = 5000;

    /// <summary>A credit line is short: the date, a time, the agency and its item number.</summary>
    private const int MaxCreditChars = 200;

    /// <summary>
    /// The date of the agency's credit line that closes a wire story ("03.05.2022 14:30 © dpa-infocom, dpa:…",
    /// "Quelle: dpa | 03.05.2022"), or of the writer's credit that closes a club's or a parish's report ("Bericht: Max Muster,
    /// 12.03.2024", "Text und Fotos: …"): a short line after the headline that credits a source and holds a date not labelled as
    /// an update. A page footer's copyright notice dates the site, even with a full date; a photo's credit in a figure dates the
    /// photo; a writer's credit in a comment or a sidebar dates another text.
    /// </summary>
    private static PageDate? CreditLineDate(IElement body, Context context)
    {
        foreach (var text in TextAfterHeadline(body, context.Headline))
        {
            if (text.ParentElement is not { } parent)
                continue;
            var writer = false;
            if (!CreditMark().IsMatch(text.Data) && !(writer = WriterCredit().IsMatch(text.Data)))
                continue;
            // The parent's text only when short: a credit mark in a large container's own text would copy all of it per match.
            var line = TextCleaning.ShortText(parent, MaxCreditChars) ?? text.Data;
            // A label set in bold or italics ("<b>Bericht:</b> Max Muster, 12.03.2024") leaves the date to the line around it.
            if (!DateParser.HasDigits(line, 4) && parent.LocalName is "b" or "strong" or "i" or "em" or "span" && parent.ParentElement is { } around)
            {
                parent = around;
                line = TextCleaning.ShortText(parent, MaxCreditChars) ?? text.Data;
            }
            if (line.Length > MaxCreditChars || InFigure(parent) || InPageFooter(parent, context)
                || (writer && PageRegions.IsForeign(parent, context.Headline, context.Scope)))
                continue;
            var (published, unlabelled, _) = DateLabels.Read(line, context.Order);
            if ((published ?? unlabelled) is { } date)
                return date;
        }
        return null;
    }

    /// <summary>True when the element stands in the page's footer (a <c>&lt;footer&gt;</c> outside the article's scope, holding no
    /// headline): its "© 03.01.2024 Example" dates the site's notice, not the article.</summary>
    private static bool InPageFooter(IElement element, Context context)
    {
        for (var at = element; at is not null; at = at.ParentElement)
            if (at.LocalName == "footer" || at.Attr("role") == "contentinfo")
                return (context.Scope is null || !PageRegions.IsInside(at, context.Scope))
                    && (context.Headline is null || !PageRegions.IsInside(context.Headline, at));
        return false;
    }

    /// <summary>
    /// The text nodes after the headline (from the page's start when there is none), among the first
    /// <see cref="MaxNodesAfterHeadline"/> nodes after it: where the late scans look for a line that dates the page.
    /// </summary>
    private static IEnumerable<IText> TextAfterHeadline(IElement body, IElement? headline)
    {
        var seen = 0;
        var afterHeadline = headline is null;
        foreach (var node in body.Descendants())
        {
            if (!afterHeadline)
            {
                afterHeadline = node == headline;
                continue;
            }
            if (++seen > MaxNodesAfterHeadline)
                yield break;
            if (node is IText text)
                yield return text;
        }
    }

    /// <summary>An element this short that holds a date holds little else: "Artikel vom 03.05.2022", "12 August 2021".</summary>
    private const int MaxStandaloneChars = 40;

    /// <summary>Characters beside the date in such an element: a word or two ("Artikel vom", "Stand").</summary>
    private const int MaxBesideDateChars = 16;

    /// <summary>Nodes of such an element: a line, not a region.</summary>
    private const int MaxStandaloneNodes = 20;

    /// <summary>
    /// The one date after the headline that stands alone in its element (<c>&lt;p class="small"&gt;Artikel vom 03.05.2022&lt;/p&gt;</c>,
    /// <c>&lt;h6&gt;12 August 2021&lt;/h6&gt;</c> under the text): an institution's page dates itself so, where nothing else does. A second
    /// such date makes a list (events, comments, other stories' cards), which dates nothing. Dates in list items, table cells,
    /// links and <c>&lt;time&gt;</c>, figures, regions about other things and after an event's label are left out; a date inside a
    /// sentence does not stand alone.
    /// </summary>
    private static PageDate? StandaloneDate(IElement body, Context context)
    {
        if (context.Headline is null)
            return null;
        PageDate? found = null;
        foreach (var piece in TextAfterHeadline(body, context.Headline))
        {
            if (!DateParser.HasDigits(piece.Data, 4) || piece.ParentElement is not { } parent || InListOrLink(parent))
                continue;
            // Read no further than a short element's text: a text node of a large container would copy all of it.
            var line = TextCleaning.OneLine(TextCleaning.ShortText(parent, MaxStandaloneChars * 4, MaxStandaloneNodes));
            if (line is not { Length: <= MaxStandaloneChars } || line.Contains('©') || !DateParser.TryFindFrom(line, 0, context.Order, out var date, out _, out var length)
                || CharsBesideDate(line, length) > MaxBesideDateChars || IsEventDate(line, context.Order) || InFigure(parent) || IsBeforePlaceField(parent)
                || PageRegions.IsForeign(parent, context.Headline, context.Scope))
                continue;
            if (found is not null)
                return null;
            found = date;
        }
        return found;
    }

    /// <summary>Levels above the headline looked at for its header block.</summary>
    private const int MaxBadgeLevels = 3;

    /// <summary>A header block's text is this short at most: the headline, a badge, a byline; more holds the story's text.</summary>
    private const int MaxBadgeBlockChars = 300;

    /// <summary>Nodes of such a block.</summary>
    private const int MaxBadgeBlockNodes = 60;

    /// <summary>
    /// A day badge that shows no year (<c>&lt;div class=day&gt;12&lt;/div&gt;&lt;div class=month&gt;Mai&lt;/div&gt;</c>, "12 MAY") read in the
    /// one year written elsewhere in the headline's small header block ("2024 · Ortsverein", "By Anna Lee · 2023"). The
    /// headline's own words are left out (a year in "Bilanz 2023" names what it is about); a copyright line's year is the
    /// site's, and a year from the URL or the page's footer is no part of the block: without the block's year, no date.
    /// </summary>
    private static PageDate? BadgeDate(Context context)
    {
        if (context.Headline is not { } headline)
            return null;
        IElement? block = null;
        var at = headline.ParentElement;
        for (var level = 0; level < MaxBadgeLevels && at is not null && at.LocalName is not ("body" or "html"); level++, at = at.ParentElement)
        {
            if (TextCleaning.ShortText(at, MaxBadgeBlockChars, MaxBadgeBlockNodes) is null)
                break;
            block = at;
        }
        if (block is null)
            return null;
        var text = new StringBuilder(MaxBadgeBlockChars);
        foreach (var node in block.Descendants())
        {
            if (node is not IText piece || PageRegions.IsInside(piece.ParentElement!, headline))
                continue;
            // A whole date written in one piece ("Deadline: June 30, 2022") was read by the steps before, which left it out.
            if (DateParser.HasDigits(piece.Data, 4) && DateParser.ContainsDate(piece.Data))
                return null;
            text.Append(piece.Data).Append(' ');
        }
        var line = text.ToString();
        if (CreditMark().IsMatch(line) || line.Contains("copyright", StringComparison.OrdinalIgnoreCase))
            return null;
        string? year = null;
        for (var found = BlockYear().Match(line); found.Success; found = found.NextMatch())
        {
            if (year is not null && year != found.Value)
                return null;
            year = found.Value;
        }
        return year is not null && DateParser.TryFindDayMonth(line.Replace(year, " | ", StringComparison.Ordinal), int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), out var date)
            ? date
            : null;
    }

    /// <summary>A year standing alone: not part of a number, a time, a range or a numeric date.</summary>
    [GeneratedRegex(@"(?<![\d.,:/\-–])(?:19|20)\d{2}(?![\d.,:/\-–]|\s*[-–]\s*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex BlockYear();

    /// <summary>True when the element after a line that holds a date is a place's or a time's field ("&lt;p&gt;Le 18 juin 2022&lt;/p&gt;
    /// &lt;p&gt;Lieu : parc municipal&lt;/p&gt;"): the line dates an event.</summary>
    private static bool IsBeforePlaceField(IElement line) =>
        line.NextElementSibling is { } next && TextCleaning.ShortText(next, MaxFieldChars, MaxStandaloneNodes) is { } field && PlaceField().IsMatch(field);

    /// <summary>A field's line is short: a label and a place, an address.</summary>
    private const int MaxFieldChars = 200;

    /// <summary>Characters beside the date in a short line, its time not counted: "Artikel vom 03.05.2022, 15:12 Uhr" holds
    /// as few words beside its date as "Artikel vom 03.05.2022".</summary>
    private static int CharsBesideDate(string line, int dateLength)
    {
        var beside = line.Length - dateLength;
        return beside <= MaxBesideDateChars ? beside : TextCleaning.OneLine(DateParser.RemoveDates(line))?.Trim(' ', ',', '-', '|').Length ?? 0;
    }

    /// <summary>Levels above a date's text looked at for a list item, a table cell or a link around it.</summary>
    private const int MaxListLevels = 3;

    private static bool InListOrLink(IElement element)
    {
        var at = element;
        for (var level = 0; level <= MaxListLevels && at is not null; level++, at = at.ParentElement)
            if (at.LocalName is "li" or "td" or "th" or "dd" or "option" or "a" or "button" or "label" or "time")
                return true;
        return false;
    }

    private static bool InFigure(IElement element)
    {
        for (var at = element; at is not null; at = at.ParentElement)
            if (at.LocalName is "figure" or "figcaption")
                return true;
        return false;
    }

    /// <summary>A copyright sign or a source label ("Quelle:", "Source:", "来源").</summary>
    [GeneratedRegex(@"©|\(c\)|(?<!\p{L})(?:quelle|source|fuente|fonte|źródło|zdroj|forrás|kaynak|kilde|källa|lähde|bron|fonti|источник|джерело|πηγή|المصدر)\s*:|来源|來源|出典|출처",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditMark();

    /// <summary>A label crediting the text's writer at the start of a line ("Bericht:", "Text und Fotos:", "Autorin:", "Tekst:").</summary>
    [GeneratedRegex(@"^\s*(?:bericht|text|texte|tekst|texto|testo|autor|autorin|auteur|author|verfasser|verfasserin)(?:\s*(?:und|&|/|\+|e|y|i|et|and)\s*(?:fotos?|bilder?|bild|photos?|foto|zdjęcia))?\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriterCredit();

    /// <summary>Images of the article read for a date in their path: the first few, where the story's own pictures stand.</summary>
    private const int MaxArticleImages = 8;

    /// <summary>
    /// The day in the path of one of the article's first images (<c>/images/2022/05/03/harbour.jpg</c>): a picture is
    /// uploaded with its story. Only a full day counts; a year and month (<c>/wp-content/uploads/2022/05/</c>) is not a date.
    /// Images outside the article's scope may be other stories'.
    /// </summary>
    private static PageDate? ArticleImageDate(Context context)
    {
        if (context.Scope is not { } scope)
            return null;
        var seen = 0;
        foreach (var image in scope.GetElementsByTagName("img"))
        {
            if (++seen > MaxArticleImages)
                break;
            if (PageRegions.IsForeign(image, context.Headline, scope))
                continue;
            if (ReferencedPath(image.Attr("src") ?? image.Attr("data-src")) is not { } address)
                continue;
            // WordPress keeps uploads by year and month: a file name after them may begin with digits ("/2022/05/10-tips.jpg").
            if (!address.AbsolutePath.Contains("/uploads/", StringComparison.OrdinalIgnoreCase) && DateInUrl(address) is { } date)
                return date;
        }
        return null;
    }

    /// <summary>An image's or a link's address, relative ones resolved against a placeholder: only the path is read for a date.</summary>
    private static Uri? ReferencedPath(string? reference) =>
        !string.IsNullOrEmpty(reference) && Uri.TryCreate(PathBase, reference, out var address) ? address : null;

    private static readonly Uri PathBase = new("https://image.invalid/");

    /// <summary>
    /// The dates of JSON-LD that does not parse (a headline with unescaped quotes), read as text: an article's own
    /// when the script speaks of an article or a post, else generic.
    /// </summary>
    private static void AddBrokenJsonLd(IReadOnlyList<string> scripts, List<Candidate> published, List<PageDate> modified)
    {
        foreach (var json in scripts)
        {
            var article = json.Contains("Article", StringComparison.Ordinal) || json.Contains("Posting", StringComparison.Ordinal);
            for (var found = JsonLdDateValue().Match(json); found.Success; found = found.NextMatch())
            {
                var value = found.Groups["v"].Value;
                switch (found.Groups["k"].Value)
                {
                    case "datePublished":
                        Add(published, value, article ? Weight.Declared : Weight.Generic, source: new("json-ld", "datePublished (unparsed script)"));
                        break;
                    case "dateModified":
                        AddValue(modified, value);
                        break;
                }
            }
        }
    }

    [GeneratedRegex("""
        "(?<k>datePublished|dateModified)"\s*:\s*"(?<v>[^"]{8,40})"
        """, RegexOptions.CultureInvariant)]
    private static partial Regex JsonLdDateValue();

    /// <summary>Script data is read only this far: the page's own record comes before lists of others.</summary>
    private const int MaxScriptChars = 500_000;

    /// <summary>A publication date in the JSON that scripts carry (Next.js and Nuxt state, analytics
    /// layers), escaped or not, or in a feed item kept in a script (<c>&lt;pubDate&gt;</c>): the publication keys first,
    /// creation keys after.</summary>
    private static PageDate? ScriptDate(PageIndex index, DateOrder order)
    {
        PageDate? created = null;
        var read = 0;
        foreach (var script in index.Scripts)
        {
            if (read > MaxScriptChars)
                break;
            var type = script.Attr("type");
            if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                continue;
            var text = ElementText.Of(script);
            read += text.Length;
            for (var found = ScriptDateValue().Match(text); found.Success; found = found.NextMatch())
            {
                if (Parse(found.Groups["v"].Value, order) is not { } date)
                    continue;
                if (!found.Groups["k"].Value.StartsWith("creat", StringComparison.OrdinalIgnoreCase))
                    return date;
                created ??= date;
            }
        }
        return created;
    }

    /// <remarks>Publication keys as analytics layers and app states name them: a subject before the word (<c>contentPublished</c>,
    /// <c>article_publish_date</c>, <c>postPublishedAt</c>), a kind of value after it (<c>publishTime</c>, <c>published_on</c>),
    /// or the subject's date alone (<c>post_date</c>, <c>articleDate</c>); quoted as JSON or bare as a script's object literal
    /// writes them (Nuxt's <c>window.__NUXT__={…publishedAt:"2024-03-14T09:32:00.000Z"…}</c>).</remarks>
    [GeneratedRegex("""(?<![\w$])\\?"?(?<k>(?:(?:article|content|page|post|story|item|doc(?:ument)?)_?)?(?:date_?published|date_?publication|published|publish|publication|pub)(?:_?(?:at|date|time|datetime|on))?|(?:article|post|story)_?date|first_?published(?:_?at)?|uploadDate|created_?at|createdDate)\\?"?\s*:\s*\\?"(?<v>[^"\\]{8,40})|<(?<k>pubDate|dc:date)>\s*(?<v>[^<]{8,40}?)\s*</""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptDateValue();

    /// <summary><c>/2021/09/27/</c>, <c>/2021-09-27-</c>, <c>/2021.09.27/</c>, <c>/20210927/</c>, <c>/27-09-2021/</c>, <c>/2021/9/7/</c>, <c>/2021/sep/27/</c>,
    /// and the month's folder holding the day's as Chinese portals file them (<c>/2021-09/27/</c>, <c>/2021/0927/</c>) in the path.</summary>
    public static PageDate? DateInUrl(Uri url)
    {
        var path = url.AbsolutePath;
        if (UrlMonthNameDate().Match(path) is { Success: true } named && int.TryParse(named.Groups["y"].ValueSpan, out var namedYear)
            && int.TryParse(named.Groups["d"].ValueSpan, out var namedDay) && Array.IndexOf(UrlMonths, named.Groups["mon"].Value.ToLowerInvariant()) + 1 is var namedMonth
            && namedYear >= 1995 && namedYear <= DateTime.UtcNow.Year + 1 && namedDay >= 1 && namedDay <= DateTime.DaysInMonth(namedYear, namedMonth))
            return new PageDate(new DateTimeOffset(namedYear, namedMonth, namedDay, 0, 0, 0, TimeSpan.Zero), HasTime: false);
        var match = UrlDate().Match(path);
        while (match.Success)
        {
            if (int.TryParse(match.Groups["y"].ValueSpan, out var year) && int.TryParse(match.Groups["m"].ValueSpan, out var month)
                && int.TryParse(match.Groups["d"].ValueSpan, out var day)
                && year >= 1995 && year <= DateTime.UtcNow.Year + 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                return new PageDate(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), HasTime: false);
            match = match.NextMatch();
        }
        return null;
    }

    private static readonly string[] UrlMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary><c>/2021/sep/27/</c>: the Guardian's and its imitators' paths.</summary>
    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(?<d>\d{1,2})/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlMonthNameDate();

    [GeneratedRegex(@"(?<!\d)(?:(?<y>(?:19|20)\d{2})(?<sep>[/\-_.]?)(?<m>[01]\d)\k<sep>(?<d>[0-3]\d)|(?<y>(?:19|20)\d{2})/(?<m>\d{1,2})/(?<d>\d{1,2})(?=/)|(?<y>(?:19|20)\d{2})(?:-(?<m>[01]\d)/|/(?<m>[01]\d))(?<d>[0-3]\d)(?=/)|(?<d>[0-3]\d)(?<sep>[\-_.])(?<m>[01]\d)\k<sep>(?<y>(?:19|20)\d{2}))(?!\d)")]
    private static partial Regex UrlDate();
}
