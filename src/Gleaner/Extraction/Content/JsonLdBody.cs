using System.Net;
using System.Text;
using System.Text.Json;

namespace Gleaner.Extraction.Content;

/// <summary>
/// The second candidate for the body: the JSON-LD <c>articleBody</c> some publishers embed, often the
/// whole story when the visible page shows it in pieces or loads it with script.
/// </summary>
internal static class JsonLdBody
{
    /// <summary>Shorter article bodies are teasers, not the story.</summary>
    private const int MinBodyChars = 200;

    /// <summary>
    /// The longest <c>articleBody</c> string of the page, as lines, or null. <paramref name="isLiveBlog"/> when it is a
    /// <c>LiveBlogPosting</c>'s: a summary of the updates the page shows, not their text.
    /// </summary>
    public static List<string>? Find(PageContext page, out bool isLiveBlog)
    {
        string? best = null;
        isLiveBlog = false;
        foreach (var item in page.JsonLd)
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("articleBody", out var body)
                && body.ValueKind == JsonValueKind.String)
            {
                var value = body.GetString();
                if (value is not null && (best is null || value.Length > best.Length))
                {
                    best = value;
                    isLiveBlog = Metadata.JsonLdValues.IsType(item, "LiveBlogPosting");
                }
            }
        }
        if (best is null || best.Length < MinBodyChars)
            return null;
        return ToLines(best);
    }

    /// <summary>Splits at line breaks (and at block tags, when the body carries HTML), normalizing spaces.</summary>
    internal static List<string> ToLines(string body)
    {
        if (body.Contains('<'))
            body = StripTags(body);
        if (body.Contains('&'))
            body = WebUtility.HtmlDecode(body);
        var lines = new List<string>();
        var line = new StringBuilder();
        bool pendingSpace = false;
        foreach (var c in body)
        {
            if (c is '\n' or '\r')
            {
                Flush(line, lines);
                pendingSpace = false;
                continue;
            }
            if (c <= ' ' || char.IsWhiteSpace(c))
            {
                pendingSpace = line.Length > 0;
                continue;
            }
            if (c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD')
                continue;
            if (pendingSpace)
                line.Append(' ');
            pendingSpace = false;
            line.Append(c);
        }
        Flush(line, lines);
        return lines;
    }

    private static void Flush(StringBuilder line, List<string> lines)
    {
        if (line.Length > 0)
            lines.Add(line.ToString());
        line.Clear();
    }

    /// <summary>Removes tags; paragraph-like tags become line breaks so paragraphs stay apart.</summary>
    private static string StripTags(string html)
    {
        var text = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }
            int end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }
            var tag = html.AsSpan(i + 1, end - i - 1).TrimStart('/');
            if (IsLineTag(tag))
                text.Append('\n');
            i = end + 1;
        }
        return text.ToString();
    }

    private static bool IsLineTag(ReadOnlySpan<char> tag)
    {
        int nameLength = 0;
        while (nameLength < tag.Length && char.IsLetterOrDigit(tag[nameLength]))
            nameLength++;
        var name = tag[..nameLength];
        foreach (var lineTag in (ReadOnlySpan<string>)["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"])
            if (name.Equals(lineTag, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
