namespace Gleaner.Extraction;

/// <summary>
/// Why an extraction chose what it chose (<see cref="ExtractionOptions.Explain"/>): per record field, the source
/// that won, the other candidates with the reason each lost, and a confidence; for the body, the container
/// chosen and the blocks dropped as furniture.
/// </summary>
public sealed class Explanation
{
    /// <summary>Per record field, keyed by its JSON name (<c>title</c>, <c>authors</c>, <c>published</c>, ...), in record order.</summary>
    public Dictionary<string, FieldExplanation> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>How the body was found.</summary>
    public BodyExplanation Body { get; } = new();

    /// <summary>The explanation of <paramref name="field"/>, or null when the extraction did not explain it.</summary>
    public FieldExplanation? Field(string field) => Fields.GetValueOrDefault(field);
}

/// <summary>How one field got its value.</summary>
public sealed class FieldExplanation
{
    /// <summary>The value as the record holds it (lists joined by <c>; </c>); null when no source gave one.</summary>
    public string? Value { get; init; }

    /// <summary>Where the value came from: <c>json-ld:NewsArticle.datePublished</c>, <c>meta[og:title]</c>,
    /// <c>time[datetime] in the article</c>, <c>url path</c>, <c>visible text "Veröffentlicht am …"</c>.</summary>
    public string? Source { get; init; }

    /// <summary>How likely the value is right, from 0 to 1: the kind of source, whether independent sources
    /// agree or contradict it, and whether it is plausible. Calibrated on the benchmark sets (see README).</summary>
    public double Confidence { get; init; }

    /// <summary>The other candidates, each with its value and why it was not taken (or that it agrees).</summary>
    public IReadOnlyList<CandidateExplanation> Others { get; init; } = [];
}

/// <summary>A candidate value that did not win.</summary>
public sealed record CandidateExplanation(string Source, string Value, string Reason);

/// <summary>How the body was found.</summary>
public sealed class BodyExplanation
{
    /// <summary><c>page</c> when the text comes from the page's markup, <c>json-ld:articleBody</c> when the JSON-LD body won.</summary>
    public string? Source { get; set; }

    /// <summary>CSS path of the chosen container (and of the siblings that continue it, joined by <c> + </c>).</summary>
    public string? Container { get; set; }

    /// <summary>The chosen container's content score (paragraphs, commas and length, less its link share).</summary>
    public double Score { get; set; }

    /// <summary>Blocks dropped as furniture, in page order, each with the rule that dropped it.</summary>
    public List<DroppedBlock> Dropped { get; } = [];
}

/// <summary>A block left out of the body: its text (shortened) and the rule that dropped it.</summary>
public sealed record DroppedBlock(string Rule, string Text);
