using System.Text.Json;

namespace Gleaner.Extraction.Metadata;

/// <summary>Reads schema.org values from JSON-LD objects, which publishers write in many shapes
/// (a string, an object with <c>name</c> or <c>url</c>, an array of either).</summary>
internal static class JsonLdValues
{
    /// <summary>Types whose object describes the article itself.</summary>
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "TechArticle",
        "ScholarlyArticle", "Report", "SatiricalArticle", "AdvertiserContentArticle",
    };

    /// <summary>Types that are the page's subject on some pages but more often an item embedded in an article page.</summary>
    private static readonly HashSet<string> ContentTypes = new(StringComparer.OrdinalIgnoreCase) { "Review", "Recipe", "VideoObject", "Event" };

    /// <summary>
    /// The object that describes the article: an article type first (the one about this page's
    /// address when several are listed, as on pages that describe related stories too, else the one
    /// whose headline the page's title gives), else a video, recipe or review (the subject of pages that
    /// carry no article object), else a web page.
    /// </summary>
    public static JsonElement? MainObject(IReadOnlyList<JsonElement> objects, IReadOnlyList<Uri> pageAddresses, string? pageTitle = null)
    {
        JsonElement? article = null;
        JsonElement? content = null;
        JsonElement? page = null;
        var articles = 0;
        foreach (var obj in objects)
        {
            if (HasType(obj, ArticleTypes))
            {
                article ??= obj;
                articles++;
            }
            else if (content is null && HasType(obj, ContentTypes))
                content = obj;
            else if (page is null && HasType(obj, WebPageTypes))
                page = obj;
        }
        if (articles > 1)
        {
            foreach (var obj in objects)
                if (HasType(obj, ArticleTypes) && IsAbout(obj, pageAddresses))
                    return obj;
            // None names this page: the one whose headline is the page's title (related stories' objects may give no url).
            if (pageTitle is { Length: > 0 })
                foreach (var obj in objects)
                    if (HasType(obj, ArticleTypes) && Text(obj, "headline") is { Length: >= MinMatchedHeadlineChars } headline
                        && pageTitle.Contains(headline, StringComparison.OrdinalIgnoreCase))
                        return obj;
            // Else the first that names no other page (a related story's object gives its own url).
            if (pageAddresses.Count > 0)
                foreach (var obj in objects)
                    if (HasType(obj, ArticleTypes) && !NamesOtherPage(obj))
                        return obj;
        }
        return article ?? content ?? page;
    }

    /// <summary>A headline this short ("News") may stand in any title.</summary>
    private const int MinMatchedHeadlineChars = 12;

    /// <summary>True for an article object: one that states the article's own dates (a video, a recipe or a web page
    /// chosen for want of one dates itself or the page, not necessarily the article).</summary>
    public static bool IsArticle(JsonElement obj) => HasType(obj, ArticleTypes);

    /// <summary>True when the object's <c>url</c> is an absolute address (it is then not this page's: see <see cref="IsAbout"/>).</summary>
    private static bool NamesOtherPage(JsonElement obj) => Text(obj, "url") is { } value && Uri.TryCreate(value, UriKind.Absolute, out _);

    private static bool IsAbout(JsonElement obj, IReadOnlyList<Uri> pageAddresses)
    {
        foreach (var property in (ReadOnlySpan<string>)["url", "mainEntityOfPage", "@id"])
        {
            if (Text(obj, property) is not { } value || !Uri.TryCreate(value, UriKind.Absolute, out var address))
                continue;
            foreach (var pageAddress in pageAddresses)
                if (address.Host.Equals(pageAddress.Host, StringComparison.OrdinalIgnoreCase) &&
                    address.AbsolutePath.TrimEnd('/').Equals(pageAddress.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
                    return true;
        }
        return false;
    }

    /// <summary>True for a web page object (<c>WebPage</c>, <c>ItemPage</c>, <c>ProfilePage</c>).</summary>
    public static bool IsWebPage(JsonElement obj) => HasType(obj, WebPageTypes);

    private static readonly HashSet<string> WebPageTypes = new(StringComparer.OrdinalIgnoreCase) { "WebPage", "ItemPage", "ProfilePage" };

    public static bool HasType(JsonElement obj, HashSet<string> types)
    {
        if (!obj.TryGetProperty("@type", out var type))
            return false;
        if (type.ValueKind == JsonValueKind.String)
            return types.Contains(StripContext(type.GetString()!));
        if (type.ValueKind == JsonValueKind.Array)
            foreach (var item in type.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String && types.Contains(StripContext(item.GetString()!)))
                    return true;
        return false;
    }

    public static bool IsType(JsonElement obj, string type) =>
        obj.TryGetProperty("@type", out var t) && (t.ValueKind == JsonValueKind.String
            ? StripContext(t.GetString()!).Equals(type, StringComparison.OrdinalIgnoreCase)
            : t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(i => i.ValueKind == JsonValueKind.String && StripContext(i.GetString()!).Equals(type, StringComparison.OrdinalIgnoreCase)));

    private static string StripContext(string type)
    {
        var slash = type.LastIndexOf('/');
        return slash >= 0 ? type[(slash + 1)..] : type;
    }

    /// <summary>A property as one string: the string itself, an object's <c>name</c>/<c>@value</c>/<c>url</c>, or an array's first.</summary>
    public static string? Text(JsonElement obj, string property)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(property, out var value))
            return null;
        return AsText(value);
    }

    public static string? AsText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var s = value.GetString();
                return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Object:
                foreach (var key in (ReadOnlySpan<string>)["name", "@value", "url", "contentUrl", "@id"])
                    if (value.TryGetProperty(key, out var inner) && AsText(inner) is { } text)
                        return text;
                return null;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    if (AsText(item) is { } first)
                        return first;
                return null;
            default:
                return null;
        }
    }

    /// <summary>All values of a property, arrays flattened.</summary>
    public static List<JsonElement> All(JsonElement obj, string property)
    {
        var all = new List<JsonElement>();
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var value))
        {
            if (value.ValueKind == JsonValueKind.Array)
                all.AddRange(value.EnumerateArray());
            else
                all.Add(value);
        }
        return all;
    }
}
