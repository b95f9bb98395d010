using System.Text.Json;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Finds the article's authors: JSON-LD <c>author</c>, author meta tags, <c>itemprop=author</c>,
/// <c>rel=author</c> links and byline elements near the headline, in that order of trust. The first
/// source that names a person wins; organisations are used only when no source names a person.
/// Names are never taken from running text, so a quoted speaker is never an author.
/// </summary>
internal static class AuthorFinder
{
    private static readonly string[] MetaKeys =
    [
        "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
        "byl", "citation_author", "cxenseparse:author", "dc.contributor",
    ];

    /// <summary>Bylines are short; a longer element is a bio box or a list of the author's other articles.</summary>
    private const int MaxBylineChars = 200;

    public static IReadOnlyList<string> Find(PageIndex index, MetaTags meta, JsonElement? main, IElement? scope, string? siteName)
    {
        var found = FindNames(index, meta, main, scope);
        // A "name" that is the publication's own is the organisation, credited where no person is.
        if (siteName is not null && found.Count > 1)
            found = found.Where(name => !name.Equals(siteName, StringComparison.OrdinalIgnoreCase)).ToList();
        return found;
    }

    private static IReadOnlyList<string> FindNames(PageIndex index, MetaTags meta, JsonElement? main, IElement? scope)
    {
        var organisations = new List<string>();
        var persons = new List<string>();

        if (main is { } article)
        {
            foreach (var author in JsonLdValues.All(article, "author"))
                AddJsonLdAuthor(author, persons, organisations);
            if (persons.Count == 0 && organisations.Count == 0)
                foreach (var creator in JsonLdValues.All(article, "creator"))
                    AddJsonLdAuthor(creator, persons, organisations);
        }
        if (persons.Count > 0)
            return persons;

        foreach (var key in MetaKeys)
            foreach (var value in meta.All(key))
                AuthorNames.Parse(value, persons, organisations);
        if (persons.Count > 0)
            return persons;

        foreach (var element in index.AuthorMarkup)
        {
            if (PageRegions.IsForeign(element))
                continue;
            var name = element.QuerySelector("[itemprop~=name]");
            var text = name is not null
                ? name.GetAttribute("content") ?? TextCleaning.ShortText(name, MaxBylineChars)
                : element.GetAttribute("content") ?? TextCleaning.ShortText(element, MaxBylineChars);
            if (text is not null && text.Length <= MaxBylineChars)
                AuthorNames.Parse(text, persons, organisations);
        }
        if (persons.Count > 0)
            return persons;

        // Bylines near the headline first; some layouts put the byline beside the article container rather than in it.
        FindBylines(index, scope, inScope: true, persons, organisations);
        if (persons.Count == 0)
            FindBylines(index, scope, inScope: false, persons, organisations);
        if (persons.Count > 0)
            return persons;
        return organisations.Count > 0 ? [organisations[0]] : [];
    }

    private static void AddJsonLdAuthor(JsonElement author, List<string> persons, List<string> organisations)
    {
        if (author.ValueKind == JsonValueKind.String)
        {
            AuthorNames.Parse(author.GetString(), persons, organisations);
            return;
        }
        if (author.ValueKind != JsonValueKind.Object)
            return;
        var name = JsonLdValues.Text(author, "name");
        if (name is null)
            return;
        if (JsonLdValues.IsType(author, "Organization") || JsonLdValues.IsType(author, "NewsMediaOrganization") || JsonLdValues.IsType(author, "Corporation"))
        {
            var trimmed = TextCleaning.OneLine(name);
            if (trimmed is not null && !organisations.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
                organisations.Add(trimmed);
            return;
        }
        AuthorNames.Parse(name, persons, organisations);
    }

    private static void FindBylines(PageIndex index, IElement? scope, bool inScope, List<string> persons, List<string> organisations)
    {
        if (inScope && scope is null)
            return;
        foreach (var element in index.BylineMarked)
        {
            if (scope is not null && PageRegions.IsInside(element, scope) != inScope)
                continue;
            var text = TextCleaning.ShortText(element, MaxBylineChars);
            if (string.IsNullOrWhiteSpace(text) || PageRegions.IsForeign(element))
                continue;
            AuthorNames.Parse(text, persons, organisations);
            if (persons.Count > 0)
                return;
        }
    }
}
