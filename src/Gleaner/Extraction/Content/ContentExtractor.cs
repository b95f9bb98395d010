using System.Text;

namespace Gleaner.Extraction.Content;

/// <summary>Finds the article body and writes it as text, one paragraph per line.</summary>
internal static class ContentExtractor
{
    public static void Extract(PageContext page, Article article)
    {
        var text = new StringBuilder();
        foreach (var paragraph in page.Document.QuerySelectorAll("p"))
        {
            var line = paragraph.TextContent.Trim();
            if (line.Length > 0)
                text.AppendLine(line);
        }
        article.Text = text.ToString().TrimEnd();
    }
}
