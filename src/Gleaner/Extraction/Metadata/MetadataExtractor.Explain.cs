using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Gleaner.Extraction.Explain;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// The explanation of the fields <see cref="MetadataExtractor"/> fills itself: each field's sources are listed
/// in the order the extractor tries them, and the one whose value the record holds is named the winner. Runs
/// only when an explanation is asked for.
/// </summary>
internal static partial class MetadataExtractor
{
    /// <summary>Priors: how often a value from such a source alone is right (see <see cref="Confidence"/>).</summary>
    private const double DeclaredPrior = 0.7, WeakDeclaredPrior = 0.5, VisiblePrior = 0.6, GuessPrior = 0.3;

    private static void ExplainFields(ExtractionTrace trace, PageContext page, PageIndex index, MetaTags meta, JsonElement? main, Uri? baseUri,
        string? visibleHeadline, Article article)
    {
        var canonical = index.Canonical?.Attr("href");
        trace.Choice("url", article.Url,
        [
            new("link[rel=canonical]", "canonical", Resolve(baseUri, canonical)?.AbsoluteUri, 0.9),
            new("meta[og:url]", "meta", Resolve(baseUri, meta.First("og:url"))?.AbsoluteUri, 0.8),
            new("the address it was fetched from", "fetched", page.PageUri?.AbsoluteUri, 0.9),
        ], Exact, lostReason: "not the record's key (another site, or a weaker source)");
        if (article.CanonicalUrl is not null)
            trace.Field("canonical_url", article.CanonicalUrl, canonical is null ? "meta[og:url]" : "link[rel=canonical]", DeclaredPrior);

        var publisher = main is { } withPublisher && withPublisher.TryGetProperty("publisher", out var named) ? TextCleaning.OneLine(JsonLdValues.AsText(named)) : null;
        string? webSite = null;
        foreach (var obj in page.JsonLd)
            if (webSite is null && JsonLdValues.IsType(obj, "WebSite"))
                webSite = TextCleaning.OneLine(JsonLdValues.Text(obj, "name"));
        trace.Choice("site_name", article.SiteName,
        [
            new(trace.JsonLd("publisher.name"), "json-ld", publisher, DeclaredPrior),
            new("json-ld:WebSite.name", "json-ld", webSite, DeclaredPrior),
            new("meta[og:site_name]", "meta", TextCleaning.OneLine(meta.First("og:site_name")), DeclaredPrior),
            .. MetaEvidence(meta, "meta", WeakDeclaredPrior, "application-name", "apple-mobile-web-app-title"),
        ], Letters);

        var titleCandidates = new List<Evidence>();
        var siteNames = new List<string>(3);
        if (article.SiteName is not null)
            siteNames.Add(article.SiteName);
        if (article.SourceDomain is not null)
            siteNames.AddRange([article.SourceDomain, article.SourceDomain.Split('.')[0]]);
        string? AsHeadline(string? value) => value is null ? null : TitleFinder.StripSiteName(TitleFinder.StripLabel(TextCleaning.OneLine(value) ?? value)!, siteNames);
        titleCandidates.Add(new(trace.JsonLd("headline"), "json-ld", AsHeadline(main is { } m ? JsonLdValues.Text(m, "headline") : null), DeclaredPrior));
        titleCandidates.Add(new("meta[name=headline]", "meta", AsHeadline(NamedHeadline(index)), DeclaredPrior));
        foreach (var key in (ReadOnlySpan<string>)["dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title", "sailthru.title"])
            titleCandidates.Add(new($"meta[{key}]", "meta", AsHeadline(meta.First(key)), DeclaredPrior));
        titleCandidates.Add(new("<title>", "title", AsHeadline(page.Document.Title), WeakDeclaredPrior));
        titleCandidates.Add(new("the headline shown above the article", "shown", AsHeadline(visibleHeadline), VisiblePrior));
        foreach (var h1 in index.Headings1)
            if (titleCandidates.Count < 20)
                titleCandidates.Add(new(ExtractionTrace.Describe(h1), "visible", AsHeadline(h1.TextContent), WeakDeclaredPrior));
        trace.Choice("title", article.Title, TitlesAsChosen(titleCandidates, article.Title), Letters, lostReason: "fewer sources state it",
            plausible: article.Title is { } title && title.Length <= 300 && title.Contains(' '));
        // Whether what the <title> adds is the site's name or part of the headline is the finder's judgement.
        if (article.Title is { } chosen && page.Document.Title is { } documentTitle
            && Letters(TitleFinder.StripLabel(documentTitle)!) != Letters(chosen))
            trace.Cap("title", TrimmedTitleCap, "the <title> says more or otherwise");

        trace.Choice("description", article.Description,
        [
            new(trace.JsonLd("description"), "json-ld", TextCleaning.OneLine(main is { } d ? JsonLdValues.Text(d, "description") : null), DeclaredPrior),
            .. MetaEvidence(meta, "meta", DeclaredPrior, "dc.description", "dcterms.description", "og:description", "description", "twitter:description"),
        ], Letters);

        trace.Choice("image", article.Image,
        [
            .. MetaEvidence(meta, "meta", DeclaredPrior, "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
            new(trace.JsonLd("image"), "json-ld", main is { } i ? JsonLdValues.Text(i, "image") : null, DeclaredPrior),
            new("link[rel=image_src]", "link", index.ImageSource?.Attr("href"), WeakDeclaredPrior),
        ], value => Resolve(baseUri, value)?.AbsoluteUri ?? value);

        trace.Choice("section", article.Section,
        [
            .. MetaEvidence(meta, "meta", DeclaredPrior, "article:section", "og:article:section", "parsely-section", "section"),
            new(trace.JsonLd("articleSection"), "json-ld", TextCleaning.OneLine(main is { } s ? JsonLdValues.Text(s, "articleSection") : null), DeclaredPrior),
            new("a[rel=\"category tag\"]", "link", CategoryLinkText(index), WeakDeclaredPrior),
        ], Letters);

        var tagSources = new List<string>();
        if (meta.All("article:tag").Any())
            tagSources.Add("meta[article:tag]");
        if (main is { } k && JsonLdValues.All(k, "keywords").Count > 0)
            tagSources.Add(trace.JsonLd("keywords"));
        foreach (var key in (ReadOnlySpan<string>)["news_keywords", "parsely-tags", "sailthru.tags"])
            if (meta.All(key).Any())
                tagSources.Add($"meta[{key}]");
        var keywordsOnly = tagSources.Count == 0;
        if (keywordsOnly)
            tagSources.Add(meta.All("keywords").Any() ? "meta[keywords]" : "a[rel=tag]");
        trace.Field("tags", article.Tags.Count == 0 ? null : string.Join("; ", article.Tags), string.Join(" + ", tagSources),
            keywordsOnly ? WeakDeclaredPrior : DeclaredPrior);

        var html = page.Document.DocumentElement;
        List<Evidence> languages =
        [
            new("html[lang]", "html", LanguageCodes.Primary(html?.Attr("lang")), DeclaredPrior),
            new("html[xml:lang]", "html", LanguageCodes.Primary(html?.GetAttribute("xml:lang")), DeclaredPrior),
            new("meta[content-language]", "meta", LanguageCodes.Primary(meta.First("content-language", "language", "dc.language", "dcterms.language")), DeclaredPrior),
            new("meta[og:locale]", "meta", LanguageCodes.Primary(meta.First("og:locale")), DeclaredPrior),
            new(trace.JsonLd("inLanguage"), "json-ld", LanguageCodes.Primary(main is { } l ? JsonLdValues.Text(l, "inLanguage") : null), DeclaredPrior),
        ];
        trace.Choice("language", article.Language, languages, Exact);
    }

    /// <summary>A headline that the page's <c>&lt;title&gt;</c> does not state alone is at most this sure.</summary>
    private const double TrimmedTitleCap = 0.85;

    /// <summary>Title sources that state the chosen headline with a site name or label the finder removed count as stating it.</summary>
    private static List<Evidence> TitlesAsChosen(List<Evidence> candidates, string? chosen)
    {
        if (chosen is null)
            return candidates;
        var chosenKey = Letters(chosen);
        for (var i = 0; i < candidates.Count; i++)
            if (candidates[i].Value is { } value && chosenKey.Length > 0 && Letters(value) is var key && key != chosenKey
                && key.StartsWith(chosenKey, StringComparison.Ordinal) && key.Length - chosenKey.Length <= MaxUnnamedSuffixChars)
                candidates[i] = candidates[i] with { Value = chosen };
        return candidates;
    }

    /// <summary>A site suffix the title finder strips without knowing the site's name is this short (a few words).</summary>
    private const int MaxUnnamedSuffixChars = 40;

    private static IEnumerable<Evidence> MetaEvidence(MetaTags meta, string family, double prior, params string[] keys)
    {
        foreach (var key in keys)
            yield return new Evidence($"meta[{key}]", family, TextCleaning.OneLine(meta.First(key)), prior);
    }

    /// <summary>
    /// Completes the explanation once the body is known: a description taken from the first paragraph, and
    /// the language as the text confirmed or overruled the declared one.
    /// </summary>
    public static void ExplainAfterBody(ExtractionTrace trace, Article article)
    {
        var explanation = trace.Explanation;
        if (article.Description is not null && explanation.Field("description") is { Value: null } none)
            trace.Field("description", article.Description, "the body's first paragraph", GuessPrior, [.. none.Others]);

        if (explanation.Field("language") is not { } declared)
            return;
        if (declared.Value == article.Language)
        {
            // The declaration stands; when the text was read and agreed, that is a second, independent voice.
            if (declared is { Value: not null } && !string.IsNullOrEmpty(article.Text))
                trace.Field("language", article.Language, declared.Source + ", confirmed by the text",
                    Confidence.Of(declared.Confidence, 1, 0, true), [.. declared.Others]);
            return;
        }
        var others = new List<CandidateExplanation>(declared.Others);
        if (declared.Value is not null)
            others.Insert(0, new CandidateExplanation(declared.Source!, declared.Value, "the text is in another language"));
        trace.Field("language", article.Language, "detected in the text", VisiblePrior, others);
    }

    /// <summary>Letters and digits only, lower case: values that differ in punctuation, case or spacing compare alike.</summary>
    internal static string Letters(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    private static string Exact(string text) => text;
}
