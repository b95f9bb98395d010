namespace Gleaner.Extraction.Metadata;

/// <summary>Fills the record's metadata fields (everything but the body) from the page.</summary>
internal static class MetadataExtractor
{
    public static void Extract(PageContext page, Article article)
    {
        var document = page.Document;
        article.Title = document.QuerySelector("meta[property='og:title']")?.GetAttribute("content")?.Trim()
            ?? document.Title?.Trim();
        article.Url = page.PageUri?.ToString();
    }
}
