using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Finds when the article was published and last modified. Evidence is read from the most
/// deliberate to the most incidental: JSON-LD, meta tags, microdata, <c>&lt;time&gt;</c> in the
/// article header, dates in visible text near the headline, the URL. Published dates come only
/// from published evidence and modified dates only from modified evidence, so they are never swapped.
/// </summary>
internal static partial class DateFinder
{
    private static readonly string[] PublishedMetaKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "publication-date",
        "article.published", "article_date_original", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
        "citation_publication_date", "citation_date", "original-publish-date", "og:pubdate", "published-date", "release_date",
        "cxenseparse:recs:publishtime", "displaydate", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
        "date", "created", "datecreated",
    ];

    private static readonly string[] ModifiedMetaKeys =
    [
        "article:modified_time", "og:article:modified_time", "article:modified", "og:updated_time", "modified_time",
        "datemodified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified", "article.updated", "updated_time",
        "revised", "cxenseparse:recs:articlemodifiedtime",
    ];

    /// <summary>A date element's text is read up to this length: a longer one wraps more than a date, and nested ones
    /// would each hand the date parser the whole subtree's text.</summary>
    private const int MaxDateElementChars = 1000;

    public static (PageDate? Published, PageDate? Modified) Find(PageContext page, PageIndex index, MetaTags meta, JsonElement? main, IElement? scope, Uri? url, bool monthFirst)
    {
        var published = new List<PageDate>();
        var modified = new List<PageDate>();

        if (main is { } article)
        {
            AddValue(published, JsonLdValues.Text(article, "datePublished") ?? JsonLdValues.Text(article, "dateCreated") ?? JsonLdValues.Text(article, "uploadDate"));
            AddValue(modified, JsonLdValues.Text(article, "dateModified"));
        }
        else
        {
            foreach (var obj in page.JsonLd)
            {
                AddValue(published, JsonLdValues.Text(obj, "datePublished"));
                AddValue(modified, JsonLdValues.Text(obj, "dateModified"));
            }
        }
        foreach (var key in PublishedMetaKeys)
            AddValue(published, meta.First(key));
        AddParselyPage(published, meta.First("parsely-page"));
        foreach (var key in ModifiedMetaKeys)
            AddValue(modified, meta.First(key));

        foreach (var element in index.ItempropDates)
        {
            if (PageRegions.IsForeign(element))
                continue;
            var target = element.GetAttribute("itemprop")!.Contains("datePublished", StringComparison.Ordinal) ? published : modified;
            AddValue(target, element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? TextCleaning.ShortText(element, MaxDateElementChars), monthFirst);
        }

        foreach (var time in index.Times)
        {
            if ((scope is not null && !PageRegions.IsInside(time, scope)) || PageRegions.IsForeign(time))
                continue;
            var marker = ((time.GetAttribute("class") ?? "") + " " + (time.GetAttribute("id") ?? "") + " " + (time.GetAttribute("itemprop") ?? "")).ToLowerInvariant();
            var isModified = marker.Contains("updat", StringComparison.Ordinal) || marker.Contains("modif", StringComparison.Ordinal);
            var target = isModified ? modified : published;
            AddValue(target, time.GetAttribute("datetime") ?? TextCleaning.ShortText(time, MaxDateElementChars), monthFirst);
        }

        if (published.Count == 0)
            FindInVisibleText(index, scope, published, monthFirst);
        if (published.Count == 0 && url is not null && DateInUrl(url) is { } fromUrl)
            published.Add(fromUrl);

        var bestPublished = Best(published);
        var bestModified = Best(modified);
        // A modification before publication is a page error (or swapped fields); it is not evidence of either.
        if (bestPublished is { } p && bestModified is { } m && m.Value < p.Value && m.Day < p.Day)
            bestModified = null;
        return (bestPublished, bestModified);
    }

    /// <summary>
    /// The first (most deliberate) date, upgraded to a later source's reading when that one gives a time
    /// for the same day: a meta tag saying <c>2021-09-27</c> and a <c>&lt;time&gt;</c> saying 19:51 agree.
    /// </summary>
    private static PageDate? Best(List<PageDate> dates)
    {
        if (dates.Count == 0)
            return null;
        var best = dates[0];
        if (!best.HasTime)
            foreach (var date in dates)
                if (date.HasTime && date.Day == best.Day)
                    return date;
        return best;
    }

    private static void AddValue(List<PageDate> into, string? value, bool monthFirst = true)
    {
        if (value is null)
            return;
        if (DateParser.TryParseValue(value, out var date) || DateParser.TryFind(value, monthFirst, out date))
            into.Add(date);
    }

    private static void AddParselyPage(List<PageDate> into, string? json)
    {
        if (json is null || !json.Contains("pub_date", StringComparison.Ordinal))
            return;
        try
        {
            using var parsed = JsonDocument.Parse(json);
            if (parsed.RootElement.ValueKind == JsonValueKind.Object && parsed.RootElement.TryGetProperty("pub_date", out var pub))
                AddValue(into, JsonLdValues.AsText(pub));
        }
        catch (JsonException)
        {
            // A broken parsely-page tag is no evidence.
        }
    }

    /// <summary>Dates written for readers: short elements marked as date, time or byline, those in the
    /// article's header region first, then the rest of the page.</summary>
    private static void FindInVisibleText(PageIndex index, IElement? scope, List<PageDate> into, bool monthFirst)
    {
        foreach (var inScope in (ReadOnlySpan<bool>)[true, false])
        {
            if (inScope && scope is null)
                continue;
            foreach (var element in index.DateMarked)
            {
                if (scope is not null && PageRegions.IsInside(element, scope) != inScope)
                    continue;
                var text = TextCleaning.ShortText(element, 200);
                if (text is null || text.Length < 6 || text.Contains('©') || text.Contains("opyright", StringComparison.Ordinal))
                    continue;
                if (PageRegions.IsForeign(element))
                    continue;
                if (DateParser.TryFind(TextCleaning.CollapseWhitespace(text), monthFirst, out var date))
                {
                    into.Add(date);
                    return;
                }
            }
        }
    }

    /// <summary><c>/2021/09/27/</c>, <c>/2021-09-27-</c>, <c>/20210927/</c> in the path.</summary>
    public static PageDate? DateInUrl(Uri url)
    {
        var match = UrlDate().Match(url.AbsolutePath);
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["y"].ValueSpan);
        var month = int.Parse(match.Groups["m"].ValueSpan);
        var day = int.Parse(match.Groups["d"].ValueSpan);
        if (year < 1995 || year > DateTime.UtcNow.Year + 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new PageDate(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), HasTime: false);
    }

    [GeneratedRegex(@"(?<![\d])(?<y>(?:19|20)\d{2})(?<sep>[/\-_]?)(?<m>[01]\d)\k<sep>(?<d>[0-3]\d)(?![\d])")]
    private static partial Regex UrlDate();
}
