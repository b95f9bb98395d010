namespace Gleaner.Extraction;

/// <summary>Settings for <see cref="ArticleExtractor"/>. The defaults suit news pages.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Pages larger than this many characters are cut before parsing, bounding time and memory.</summary>
    public int MaxHtmlChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>Elements nested deeper than this are flattened before parsing (their text is kept), bounding
    /// parse time on hostile pages; browsers use a similar cap (512). Real pages stay far below it.</summary>
    public int MaxNestingDepth { get; init; } = 512;

    /// <summary>Nodes (elements and texts) one walk of the page may visit; extraction walks a page a few times, each
    /// walk linear in the page. The largest page <see cref="MaxHtmlChars"/> lets through has fewer nodes than this;
    /// a page with more is read up to this point and comes back <see cref="Article.Partial"/> instead of stalling.</summary>
    public long MaxWorkSteps { get; init; } = 5_000_000;

    /// <summary>Also render the body as Markdown into <see cref="Article.Markdown"/>.</summary>
    public bool IncludeMarkdown { get; init; }

    /// <summary>Detect the language from the text when the page does not declare one, or to check a declared one.</summary>
    public bool DetectLanguage { get; init; } = true;

    /// <summary>Also record why each field got its value, in <see cref="Article.Explanation"/>: the winning source, the
    /// candidates that lost and why, a confidence per field, the body's container and the blocks dropped. Off by
    /// default; when off it costs nothing.</summary>
    public bool Explain { get; init; }

    /// <summary>Fields whose confidence is below this (0 to 1) are left empty: a doubtful date becomes null rather than
    /// wrong. The body is always kept. Null (the default) keeps every field.</summary>
    public double? MinConfidence { get; init; }
}
