namespace Gleaner.Extraction;

/// <summary>Settings for <see cref="ArticleExtractor"/>. The defaults suit news pages.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Pages larger than this many characters are cut before parsing, bounding time and memory.</summary>
    public int MaxHtmlChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>Also render the body as Markdown into <see cref="Article.Markdown"/>.</summary>
    public bool IncludeMarkdown { get; init; }

    /// <summary>Detect the language from the text when the page does not declare one, or to check a declared one.</summary>
    public bool DetectLanguage { get; init; } = true;
}
