using System.Text.Json;
using AngleSharp.Dom;
using Gleaner.Extraction.Metadata;
using Gleaner.Extraction.Explain;

namespace Gleaner.Extraction;

/// <summary>What every extraction phase reads: the parsed page, its address and its JSON-LD, parsed once.</summary>
internal sealed class PageContext
{
    private List<JsonElement>? _jsonLd;

    public PageContext(IDocument document, Uri? pageUri, ExtractionOptions options)
    {
        Document = document;
        PageUri = pageUri;
        Options = options;
        Budget = new WorkBudget(options.MaxWorkSteps);
        Trace = options.Explain || options.MinConfidence is not null ? new ExtractionTrace() : null;
    }

    public IDocument Document { get; }

    /// <summary>The address the page was fetched from, when known.</summary>
    public Uri? PageUri { get; }

    public ExtractionOptions Options { get; }

    /// <summary>The work this page may cost: every walk of the page starts one from it.</summary>
    public WorkBudget Budget { get; }

    /// <summary>Where the phases record why they chose what they chose; null (and free) unless asked for.</summary>
    public ExtractionTrace? Trace { get; }

    /// <summary>The page's <c>h1</c> elements in document order, listed by the metadata walk so the body phases need not search again.</summary>
    public IReadOnlyList<IElement> Headlines { get; set; } = [];

    /// <summary>The title as the page's sources state it: the record's title, except where that is a heading outside the article
    /// that no source confirms (then the section's and site's name the <c>&lt;title&gt;</c> states), which the body does not trust
    /// as the article's headline.</summary>
    public string? StatedTitle { get; set; }

    /// <summary>The headline the reader sees above the article (<see cref="Metadata.VisibleHeadline"/>), whatever the page's titles say.</summary>
    public IElement? VisibleHeadline { get; set; }

    /// <summary>The elements the metadata walk listed, once it has run (the body phases read its scripts from it).</summary>
    public PageIndex? Index { get; set; }

    /// <summary>All JSON-LD objects of the page, with <c>@graph</c> members flattened in.</summary>
    public IReadOnlyList<JsonElement> JsonLd => _jsonLd ??= Index?.AllScripts is { } scripts
        ? JsonLdReader.Read(scripts, _brokenJsonLd)
        : JsonLdReader.Read(Document, _brokenJsonLd);

    private readonly List<string> _brokenJsonLd = [];

    /// <summary>The text of JSON-LD scripts that do not parse even leniently (unescaped quotes in a headline).</summary>
    public IReadOnlyList<string> BrokenJsonLd
    {
        get
        {
            _ = JsonLd;
            return _brokenJsonLd;
        }
    }
}
