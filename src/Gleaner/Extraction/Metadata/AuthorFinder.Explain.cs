using System.Text.Json;
using AngleSharp.Dom;
using Gleaner.Extraction.Explain;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// The explanation of the authors: each source the finder tries in turn is read on its own, so that the one
/// that gave the record's names is named and the others are shown agreeing or differing.
/// </summary>
internal static partial class AuthorFinder
{
    public static void Explain(ExtractionTrace trace, IDocument document, PageIndex index, MetaTags meta, JsonElement? main, IElement? headline, IElement? scope,
        string? siteName,
        string? domain, IReadOnlyList<string> chosen)
    {
        var outlet = new OutletNames(siteName, domain);
        var candidates = new List<Evidence>();
        var organisations = new List<string>();
        var alsoOrganisations = new HashSet<string>(StringComparer.Ordinal);
        void AddSource(string source, string family, double prior, Action<List<string>, List<string>> find)
        {
            var persons = new List<string>();
            var named = new List<string>();
            find(persons, named);
            outlet.SetAside(persons, named);
            organisations.AddRange(named);
            if (persons.Count == 0)
                return;
            candidates.Add(new Evidence(source, family, string.Join("; ", persons), prior));
            if (named.Count > 0)
                alsoOrganisations.Add(source);
        }

        if (main is { } page && !page.TryGetProperty("author", out _) && page.TryGetProperty("mainEntity", out var entity) && entity.ValueKind == JsonValueKind.Object)
            main = entity;
        if (main is { } article)
        {
            AddSource(trace.JsonLd("author"), "json-ld", 0.75, (persons, named) =>
            {
                foreach (var author in JsonLdValues.All(article, "author"))
                    AddJsonLdAuthor(author, persons, named, outlet.Others);
            });
            AddSource(trace.JsonLd("creator"), "json-ld", 0.7, (persons, named) =>
            {
                foreach (var creator in JsonLdValues.All(article, "creator"))
                    AddJsonLdAuthor(creator, persons, named, outlet.Others);
            });
        }
        foreach (var key in MetaKeys)
            AddSource($"meta[{key}]", "meta", 0.7, (persons, named) =>
            {
                foreach (var value in meta.All(key))
                    AuthorNames.Parse(LibraryOrderKeys.Contains(key) ? InvertLibraryOrder(value) : value, persons, named, outlet.Others);
            });
        foreach (var element in index.AuthorMarkup)
        {
            if (PageRegions.IsForeign(element))
                continue;
            AddSource($"author markup {ExtractionTrace.Visible(element)}", "visible", 0.7, (persons, named) =>
            {
                var name = element.QuerySelector("[itemprop~=name]");
                var text = name is not null
                    ? name.Attr("content") ?? TextCleaning.ShortText(name, MaxBylineChars, separateGluedElements: true)
                    : element.Attr("content") ?? TextCleaning.ShortText(element, MaxBylineChars, separateGluedElements: true);
                if (text is not null && text.Length <= MaxBylineChars)
                    AuthorNames.Parse(text, persons, named, outlet.Others);
            });
        }
        AddSource("a byline element in the article", "visible", 0.65, (persons, named) => FindBylines(index, headline, scope, inScope: true, persons, named, outlet.Others, outlet.SingleNames));
        AddSource("a byline element outside the article", "visible", 0.5, (persons, named) => FindBylines(index, headline, scope, inScope: false, persons, named, outlet.Others, outlet.SingleNames));
        if (scope is not null)
        {
            AddSource("links to author pages in the article", "visible", 0.55, (persons, named) => FindAuthorLinks(scope, persons, named));
            AddSource("a line starting \"By\" in the article", "visible", 0.55, (persons, named) => FindLabelledLines(headline, scope, persons, named, outlet.Others, outlet.SingleNames));
            AddSource("a name alone in bold at the start or end of the article", "visible", 0.45, (persons, named) => FindNameLines(headline, scope, persons, named));
        }
        AddSource("analytics data in a script", "script", 0.4, (persons, named) => FindAnalyticsAuthors(index.HtmlScripts(document), persons, named));
        if (outlet.FirstSingleName() is { } single)
            candidates.Add(new Evidence("a one-word name after a byline label (no full name credited)", "visible", single, 0.35));
        if (organisations.Count > 0)
            candidates.Add(new Evidence("an organisation credited (no person named)", "organisation", organisations[0], 0.3));

        var value = chosen.Count == 0 ? null : string.Join("; ", chosen);
        var plausible = true;
        foreach (var name in chosen)
            plausible &= name.Length <= MaxNameChars && !name.Any(char.IsDigit) && !name.Equals(siteName, StringComparison.OrdinalIgnoreCase);
        trace.Choice("authors", value, candidates, NameWords, lostReason: "a source tried later", plausible: plausible);
        // A source that credits an agency beside the persons leaves open whether the agency is an author too.
        if (trace.Explanation.Field("authors")?.Source is { } winner && alsoOrganisations.Contains(winner))
            trace.Cap("authors", MixedCreditCap, "it also credits an organisation");
    }

    /// <summary>Authors from a source that also credits an organisation are at most this sure.</summary>
    private const double MixedCreditCap = 0.7;

    /// <summary>The set of name words, sorted: "Doe, Jane; Max Mustermann" and "Max Mustermann; Jane Doe" compare alike.</summary>
    private static string NameWords(string names)
    {
        var words = names.Split([' ', ';', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Select(MetadataExtractor.Letters).Where(word => word.Length > 0).ToHashSet();
        return string.Join(' ', words.Order(StringComparer.Ordinal));
    }
}
