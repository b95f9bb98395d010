using System.Text.Json.Serialization;

namespace Gleaner;

/// <summary>
/// One news article as Gleaner stores and exports it. JSON names are snake_case
/// (see <see cref="ArticleJson"/>); absent values are <c>null</c> or empty lists.
/// </summary>
public sealed class Article
{
    /// <summary>Canonical URL (rel=canonical / og:url when on the site the page was fetched from, else the fetched URL), absolute.</summary>
    public string? Url { get; set; }

    /// <summary>The address the page declared for itself (rel=canonical / og:url) when it is on another site than the one
    /// it was fetched from, so it was not trusted as the record's key (<see cref="Url"/>); null otherwise.</summary>
    public string? CanonicalUrl { get; set; }

    /// <summary>Registrable domain of <see cref="Url"/>, e.g. <c>sputniknews.com</c>.</summary>
    public string? SourceDomain { get; set; }

    /// <summary>Publication name, e.g. <c>Sputnik International</c>.</summary>
    public string? SiteName { get; set; }

    /// <summary>Headline without the site-name suffix.</summary>
    public string? Title { get; set; }

    /// <summary>The page's summary on one line.</summary>
    public string? Description { get; set; }

    /// <summary>The article body, one paragraph per line.</summary>
    public string? Text { get; set; }

    /// <summary>Person names only.</summary>
    public IReadOnlyList<string> Authors { get; set; } = [];

    /// <summary>ISO 8601 with offset (<c>2021-09-27T19:51:00+00:00</c>), or a date alone when the page gives no time.</summary>
    public string? Published { get; set; }

    /// <summary>ISO 8601 with offset, or a date alone.</summary>
    public string? Modified { get; set; }

    /// <summary>ISO 639-1 code.</summary>
    public string? Language { get; set; }

    /// <summary>Lead image URL, absolute.</summary>
    public string? Image { get; set; }

    /// <summary>Section as given by the page.</summary>
    public string? Section { get; set; }

    /// <summary>Keywords as given by the page.</summary>
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>When the page was fetched (crawls, archives); ISO 8601 with offset.</summary>
    public string? Fetched { get; set; }

    /// <summary>True when the page cost more work than <see cref="Extraction.ExtractionOptions.MaxWorkSteps"/> allows:
    /// extraction stopped where it got to, so the text may be cut and fields missing. Not part of the JSON record.</summary>
    [JsonIgnore]
    public bool Partial { get; set; }

    /// <summary>The body as Markdown (headings, lists, quotes, links), only when
    /// <see cref="Extraction.ExtractionOptions.IncludeMarkdown"/> is set. Not part of the JSON record.</summary>
    [JsonIgnore]
    public string? Markdown { get; set; }

    /// <summary>Why each field got its value, only when <see cref="Extraction.ExtractionOptions.Explain"/> is set;
    /// written as <c>explain</c> in JSON then, absent otherwise.</summary>
    [JsonPropertyName("explain")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Extraction.Explanation? Explanation { get; set; }
}
