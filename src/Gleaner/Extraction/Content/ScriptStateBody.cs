using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Gleaner.Extraction.Content;

/// <summary>
/// The last candidate for the body: the story a script-rendered page ships in its state for the browser
/// (<c>__NEXT_DATA__</c>, <c>window.__INITIAL_STATE__ = {...}</c>, streamed framework payloads) while its markup
/// holds little of it. Read only when the page's own body came out short: the string literals of the inline
/// scripts are scanned once, and the longest one that reads as an article (HTML with paragraphs, or prose) is kept.
/// </summary>
internal static class ScriptStateBody
{
    /// <summary>Script text scanned per page, in characters: bounds the cost on pages that inline megabytes of code.</summary>
    private const int MaxScannedChars = 4 * 1024 * 1024;

    /// <summary>A shorter string is a summary, a caption or a label, not the story.</summary>
    private const int MinStoryChars = 400;

    /// <summary>Prose ends this many sentences; code, lists of names and encoded data do not.</summary>
    private const int MinSentenceEnds = 3;

    /// <summary>Prose has few of the characters code is made of (<c>{}();=</c>): at most one in this many.</summary>
    private const int MinCharsPerCodeChar = 60;

    /// <summary>A string literal that is itself JSON (state serialized twice) is scanned again, this deep.</summary>
    private const int MaxNesting = 2;

    /// <summary>The story found in the page's inline scripts: HTML (<see cref="Story.IsHtml"/>) or plain lines; null when none reads as one.</summary>
    public static Story? Find(IEnumerable<IHtmlScriptElement> scripts)
    {
        string? best = null;
        int bestChars = 0;
        bool bestIsHtml = false;
        int budget = MaxScannedChars;
        foreach (var script in scripts)
        {
            if (budget <= 0)
                break;
            if (script.HasAttribute("src") || !IsStateScript(script.Type))
                continue;
            var text = ElementText.Of(script);
            if (text.Length < MinStoryChars)
                continue;
            if (text.Length > budget)
                text = text[..budget];
            budget -= text.Length;
            Scan(text, 0, ref best, ref bestChars, ref bestIsHtml);
        }
        return best is null ? null : new Story(best, bestIsHtml);
    }

    /// <summary>A story held in a script: HTML to be read like a page, or text with one paragraph per line.</summary>
    internal sealed record Story(string Text, bool IsHtml);

    /// <summary>Scripts that may hold state: JavaScript and JSON, not JSON-LD (read on its own) nor templates.</summary>
    private static bool IsStateScript(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
            return true;
        var kind = type.AsSpan().Trim();
        return kind.Equals("text/javascript", StringComparison.OrdinalIgnoreCase)
            || kind.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || kind.Equals("module", StringComparison.OrdinalIgnoreCase)
            || kind.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    private static void Scan(string text, int nesting, ref string? best, ref int bestChars, ref bool bestIsHtml)
    {
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('"', i);
            if (open < 0)
                return;
            int close = ClosingQuote(text, open + 1);
            if (close < 0)
            {
                // A quote inside a comment or a regular expression: resume at the next line, where literals pair up again.
                int nextLine = text.IndexOf('\n', open + 1);
                if (nextLine < 0)
                    return;
                i = nextLine + 1;
                continue;
            }
            i = close + 1;
            if (close - open - 1 < MinStoryChars)
                continue;
            var value = Unescape(text.AsSpan(open + 1, close - open - 1));
            var trimmed = value.AsSpan().TrimStart();
            if (nesting < MaxNesting && trimmed.Length > 0 && trimmed[0] is '{' or '[')
            {
                Scan(value, nesting + 1, ref best, ref bestChars, ref bestIsHtml);
                continue;
            }
            bool isHtml = HasParagraphTags(value);
            int chars = isHtml ? VisibleChars(value) : value.Length;
            if (chars >= MinStoryChars && chars > bestChars && ReadsAsProse(value, isHtml))
            {
                best = value;
                bestChars = chars;
                bestIsHtml = isHtml;
            }
        }
    }

    /// <summary>The index of the quote closing a literal opened before <paramref name="start"/>; -1 when the line ends first.</summary>
    private static int ClosingQuote(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
                i++;
            else if (c == '"')
                return i;
            else if (c == '\n')
                return -1;
        }
        return -1;
    }

    /// <summary>Decodes a JSON or JavaScript string literal's escapes.</summary>
    private static string Unescape(ReadOnlySpan<char> literal)
    {
        if (literal.IndexOf('\\') < 0)
            return literal.ToString();
        var text = new StringBuilder(literal.Length);
        for (int i = 0; i < literal.Length; i++)
        {
            char c = literal[i];
            if (c != '\\' || i + 1 >= literal.Length)
            {
                text.Append(c);
                continue;
            }
            char escaped = literal[++i];
            switch (escaped)
            {
                case 'n':
                    text.Append('\n');
                    break;
                case 'r':
                    text.Append('\r');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case 'b' or 'f':
                    break;
                case 'u' when i + 4 < literal.Length && TryHex(literal.Slice(i + 1, 4), out int unit):
                    text.Append((char)unit);
                    i += 4;
                    break;
                case 'x' when i + 2 < literal.Length && TryHex(literal.Slice(i + 1, 2), out int code):
                    text.Append((char)code);
                    i += 2;
                    break;
                default:
                    text.Append(escaped);
                    break;
            }
        }
        return text.ToString();
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value)
        => int.TryParse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, null, out value);

    /// <summary>HTML that holds paragraphs: a <c>p</c> tag or line breaks.</summary>
    private static bool HasParagraphTags(string value)
        => value.Contains("<p", StringComparison.OrdinalIgnoreCase) && value.Contains("</p>", StringComparison.OrdinalIgnoreCase)
           || value.Contains("<br", StringComparison.OrdinalIgnoreCase);

    /// <summary>Characters outside tags.</summary>
    private static int VisibleChars(string html)
    {
        int chars = 0;
        bool inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
                inTag = true;
            else if (c == '>')
                inTag = false;
            else if (!inTag)
                chars++;
        }
        return chars;
    }

    /// <summary>Text (outside tags) with sentences and words, not code, identifiers or encoded data.</summary>
    private static bool ReadsAsProse(string value, bool isHtml)
    {
        int sentenceEnds = 0, codeChars = 0, letters = 0, spaces = 0, chars = 0;
        bool inTag = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (isHtml && c == '<')
            {
                inTag = true;
                continue;
            }
            if (inTag)
            {
                inTag = c != '>';
                continue;
            }
            chars++;
            if (char.IsLetter(c))
                letters++;
            else if (char.IsWhiteSpace(c))
                spaces++;
            else if (c is '{' or '}' or '(' or ')' or ';' or '=' || !isHtml && c is '<' or '>')
                codeChars++;
            else if (LineFilter.IsSentenceMark(c) && (i + 1 == value.Length || !char.IsLetterOrDigit(value[i + 1])))
                sentenceEnds++;
        }
        // Scripts without spaces between words (Japanese, Chinese, Thai) end sentences with their own marks.
        return sentenceEnds >= MinSentenceEnds
            && codeChars * MinCharsPerCodeChar <= chars
            && letters * 2 >= chars
            && (spaces * 20 >= chars || IsSpacelessScript(value));
    }

    /// <summary>Text mostly in a script written without spaces (CJK, Thai).</summary>
    private static bool IsSpacelessScript(string value)
    {
        int spaceless = 0, sampled = 0;
        foreach (var c in value)
        {
            if (!char.IsLetter(c))
                continue;
            if (++sampled > 1000)
                break;
            if (c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\u0E00' and <= '\u0E7F')
                spaceless++;
        }
        return spaceless * 2 >= sampled;
    }
}
