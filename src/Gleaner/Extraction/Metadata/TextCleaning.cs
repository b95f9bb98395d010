using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>Turns metadata values into clean single-line text.</summary>
internal static partial class TextCleaning
{
    /// <summary>Block-level tags: where one of these opens or closes, words must not run together.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
        "tr", "td", "th", "table", "dd", "dt", "figure", "figcaption", "header", "footer", "hr", "pre",
    };

    /// <summary>Nodes <see cref="ShortText"/> reads at most: an element with more is no short label, whatever its text.</summary>
    private const int MaxShortTextNodes = 2000;

    /// <summary>
    /// The element's text (as <c>TextContent</c>) when it has at most <paramref name="maxChars"/> characters, else null.
    /// It reads no further than that: the finders try nested elements for a short date or byline, and TextContent
    /// on each would copy a large subtree's text once per level of nesting. An element of more than
    /// <paramref name="maxNodes"/> nodes gives null too. With <paramref name="separateGluedElements"/>, text of two
    /// elements that touch with no space between ("Jane Doe&lt;/span&gt;&lt;span&gt;John Roe", "Jane Doe&lt;br&gt;Reporter") is
    /// joined by " · ": the layout shows them apart, and glued they would read as one word. With
    /// <paramref name="collapseWhitespace"/>, each run of white space is one space and counts as one character.
    /// </summary>
    public static string? ShortText(IElement element, int maxChars, int maxNodes = MaxShortTextNodes, bool separateGluedElements = false,
        bool collapseWhitespace = false)
    {
        // The finders call this for hundreds of elements a page: the builder and the stack are this thread's, reused.
        var text = t_shortText ??= new StringBuilder(MaxPooledShortTextChars);
        var parents = t_shortTextParents ??= new Stack<(INodeList Children, int Next)>();
        text.Clear();
        parents.Clear();
        if (text.Capacity > MaxPooledShortTextChars)
            text.Capacity = MaxPooledShortTextChars;
        var children = element.ChildNodes;
        var next = 0;
        var nodes = 0;
        var boundary = false;
        while (true)
        {
            if (next < children.Length)
            {
                if (++nodes > maxNodes)
                    return null;
                var child = children[next++];
                // Elements first, as AngleSharp's Element class: a failed interface test on an element scans its dozens of interfaces.
                if (child is Element inner)
                {
                    boundary |= separateGluedElements;
                    if (!inner.HasChildNodes)
                        continue;
                    parents.Push((children, next));
                    children = ((INode)inner).ChildNodes;
                    next = 0;
                }
                else if (child is IText piece)
                {
                    if (!collapseWhitespace && text.Length + piece.Data.Length > maxChars)
                        return null;
                    // A letter touching a digit is glued too ("Valencia</span></div><time>05·03·24"); digits touching digits may be one
                    // number split for styling.
                    if (boundary && text.Length > 0 && piece.Data.Length > 0
                        && (char.IsLetterOrDigit(text[^1]) && char.IsLetter(piece.Data[0]) || char.IsLetter(text[^1]) && char.IsDigit(piece.Data[0])))
                        text.Append(GluedElementsSeparator);
                    boundary = false;
                    if (!collapseWhitespace)
                        text.Append(piece.Data);
                    else if (!AppendCollapsed(text, piece.Data, maxChars))
                        return null;
                }
            }
            else if (parents.TryPop(out var parent))
            {
                (children, next) = parent;
                boundary |= separateGluedElements;
            }
            else
                return text.ToString();
        }
    }

    [ThreadStatic]
    private static StringBuilder? t_shortText;

    [ThreadStatic]
    private static Stack<(INodeList Children, int Next)>? t_shortTextParents;

    /// <summary>The reused builder's size kept between calls (a long text grows it; it is cut back so no thread keeps a large one).</summary>
    private const int MaxPooledShortTextChars = 1024;

    /// <summary>
    /// Appends the text with each run of white space as one space, so a template's indentation (hundreds of tabs between
    /// "Von:" and the name) does not count against the length; false once the text passes <paramref name="maxChars"/>.
    /// </summary>
    private static bool AppendCollapsed(StringBuilder text, string piece, int maxChars)
    {
        foreach (var c in piece)
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] == ' ')
                    continue;
                text.Append(' ');
            }
            else
                text.Append(c);
            if (text.Length > maxChars)
                return false;
        }
        return true;
    }

    /// <summary>What <see cref="ShortText"/> puts between the texts of elements that touch: a separator bylines split at.</summary>
    private const string GluedElementsSeparator = " · ";

    /// <summary>
    /// One line: whitespace runs become one space, markup that leaked into a value (an escaped
    /// <c>&lt;p&gt;</c> in a description) is removed with block boundaries turned into spaces,
    /// and entities left encoded twice are decoded.
    /// </summary>
    public static string? OneLine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Contains('<') && value.Contains('>'))
            value = StripTags(value);
        if (value.Contains('&') && value.Contains(';'))
            value = DecodeEntities(value);
        var line = CollapseWhitespace(value);
        return line.Length == 0 ? null : line;
    }

    /// <summary>
    /// A description without the read-more marker that feeds and CMS excerpts end with ("[…]", "[&amp;hellip;]",
    /// "[more]", "(more…)", "Read more »"). A bare or parenthesised ellipsis stays: it says the text is cut, and summaries keep it.
    /// </summary>
    public static string? WithoutReadMore(string? description)
    {
        if (description is null)
            return null;
        var trimmed = ReadMoreMarker().Replace(description, "");
        return trimmed.Length == 0 ? null : trimmed;
    }

    [GeneratedRegex(@"\s*(?:\[\s*(?:…|\.\.\.|&hellip;)\s*\]|[\[(]\s*(?:more…?|more\.\.\.|read more|mehr|plus|más|leggi)\s*[\])]|(?:read more|continue reading|weiterlesen|lire la suite|leer más|leia mais|continua a leggere)\s*(?:»|›|→|>|…|\.\.\.)?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadMoreMarker();

    /// <summary>Decodes entities left encoded once more; numeric references to no character (zero, surrogates,
    /// beyond U+10FFFF) become U+FFFD as in browsers, rather than staying as raw text.</summary>
    internal static string DecodeEntities(string value)
    {
        var decoded = WebUtility.HtmlDecode(value).Replace('\0', '\uFFFD');
        return decoded.Contains("&#", StringComparison.Ordinal) ? InvalidNumericReference().Replace(decoded, "\uFFFD") : decoded;
    }

    [GeneratedRegex(@"&#(?:[xX][0-9a-fA-F]+|[0-9]+);")]
    private static partial Regex InvalidNumericReference();

    public static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static string StripTags(string html)
    {
        var builder = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && i + 1 < html.Length && (char.IsLetter(html[i + 1]) || html[i + 1] is '/' or '!'))
            {
                var end = html.IndexOf('>', i + 1);
                if (end < 0)
                    break;
                var nameStart = html[i + 1] == '/' ? i + 2 : i + 1;
                var nameEnd = nameStart;
                while (nameEnd < end && char.IsLetterOrDigit(html[nameEnd]))
                    nameEnd++;
                if (BlockTags.Contains(html[nameStart..nameEnd]))
                    builder.Append(' ');
                i = end + 1;
                continue;
            }
            builder.Append(c);
            i++;
        }
        return builder.ToString();
    }
}
