using System.Text;

namespace Gleaner.Extraction;

/// <summary>
/// Bounds how deeply a page's elements nest before it reaches the HTML parser. An HTML5 tree builder
/// checks element scope by walking the stack of open elements, so each start tag costs time in
/// proportion to the depth: 100,000 nested <c>&lt;div&gt;</c>s take AngleSharp minutes (measured: 40,000
/// took 21 s, 100,000 took 204 s). Browsers cap the depth for the same reason (Blink at 512). Here the
/// start tags beyond the cap, and their end tags, are dropped from the source; their text is kept.
/// </summary>
/// <remarks>
/// One forward pass over the source with a light tag scanner (comments, quoted attributes, raw-text
/// elements such as script and style). Only elements that need an explicit end tag count: an unclosed
/// <c>&lt;p&gt;</c> or <c>&lt;li&gt;</c> is closed by the parser itself and never makes a page deep. The count
/// follows the tree builder where a page could otherwise hide its depth: "/&gt;" closes an element only inside
/// <c>&lt;svg&gt;</c> or <c>&lt;math&gt;</c> (an HTML <c>&lt;div/&gt;</c> stays open), and ruby annotations
/// (<c>&lt;rt&gt;</c>...) end one another only inside a <c>&lt;ruby&gt;</c>. Formatting elements left open
/// (<c>&lt;b&gt;</c>, <c>&lt;font&gt;</c>...) are bounded apart, at <see cref="MaxOpenFormatting"/>: the tree builder
/// opens every one of them again in each new paragraph, so 30,000 paragraphs each opening one more (differing in an
/// attribute) built 30,000 x 30,000 / 2 elements. Pages under the caps (all real ones) come back as the same string,
/// without a copy.
/// </remarks>
internal static class NestingLimiter
{
    /// <summary>Formatting elements open (started, not yet ended) beyond which further ones are dropped, text kept.</summary>
    internal const int MaxOpenFormatting = 16;

    public static string Limit(string html, int maxDepth)
        => FindDrops(html, maxDepth) is { } drops ? Remove(html, drops) : html;

    /// <summary>The same for a page held in a buffer: the buffer itself when nothing is dropped, else a new string's characters.</summary>
    public static ReadOnlyMemory<char> Limit(ReadOnlyMemory<char> html, int maxDepth)
        => FindDrops(html.Span, maxDepth) is { } drops ? Remove(html.Span, drops).AsMemory() : html;

    /// <summary>The start and end tags to drop, in source order; null when the page stays within the cap.</summary>
    private static List<(int Start, int Length)>? FindDrops(ReadOnlySpan<char> html, int maxDepth)
    {
        List<(int Start, int Length)>? drops = null;
        Dictionary<string, int>? droppedOpen = null;
        int depth = 0, foreignDepth = 0, rubyDepth = 0, openFormatting = 0;
        var at = 0;
        while (true)
        {
            var lt = html[at..].IndexOf('<');
            if (lt < 0)
                break;
            lt += at;
            if (lt + 1 >= html.Length)
                break;
            var next = html[lt + 1];
            if (next == '!' || next == '?')
            {
                at = SkipMarkup(html, lt);
                continue;
            }
            var isEnd = next == '/';
            var nameStart = isEnd ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                at = lt + 1;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
                nameEnd++;
            var name = html[nameStart..nameEnd];
            var kind = KindOf(name);
            var counts = kind switch
            {
                TagKind.Closed or TagKind.Void => false,
                TagKind.RubyPart => rubyDepth == 0,
                _ => true,
            };

            if (isEnd)
            {
                // An end tag holds no attributes to skip: scanning goes on after its name.
                at = nameEnd;
                if (!counts)
                    continue;
                // The key is built only on the rare page that had start tags dropped.
                var key = droppedOpen is null ? null : name.ToString().ToLowerInvariant();
                if (key is not null && droppedOpen!.TryGetValue(key, out var open) && open > 0)
                {
                    droppedOpen[key] = open - 1;
                    at = FindTagEnd(html, nameEnd);
                    (drops ??= []).Add((lt, at - lt));
                    continue;
                }
                if (kind == TagKind.Foreign && foreignDepth > 0)
                    foreignDepth--;
                else if (kind == TagKind.Ruby && rubyDepth > 0)
                    rubyDepth--;
                else if (kind == TagKind.Formatting && openFormatting > 0)
                    openFormatting--;
                if (depth > 0)
                    depth--;
                continue;
            }

            var tagEnd = FindTagEnd(html, nameEnd);   // index after '>'
            // The tree builder honours "/>" on foreign elements only; on an HTML element it is an error and ignored.
            var selfClosing = (foreignDepth > 0 || kind == TagKind.Foreign) && tagEnd >= 2 && html[tagEnd - 2] == '/';
            if (counts && !selfClosing)
            {
                if (depth >= maxDepth || kind == TagKind.Formatting && openFormatting >= MaxOpenFormatting)
                {
                    var key = name.ToString().ToLowerInvariant();
                    droppedOpen ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    droppedOpen[key] = droppedOpen.GetValueOrDefault(key) + 1;
                    (drops ??= []).Add((lt, tagEnd - lt));
                }
                else
                {
                    depth++;
                    if (kind == TagKind.Foreign)
                        foreignDepth++;
                    else if (kind == TagKind.Ruby)
                        rubyDepth++;
                    else if (kind == TagKind.Formatting)
                        openFormatting++;
                }
            }
            at = kind == TagKind.RawText ? SkipRawText(html, tagEnd, name) : tagEnd;
        }
        return drops;
    }

    private static string Remove(ReadOnlySpan<char> html, List<(int Start, int Length)> drops)
    {
        var kept = new StringBuilder(html.Length);
        var from = 0;
        foreach (var (start, length) in drops)
        {
            kept.Append(html[from..start]);
            from = start + length;
        }
        kept.Append(html[from..]);
        return kept.ToString();
    }

    /// <summary>Index after the '&gt;' that closes a tag, skipping quoted attribute values; the end of the source if none.</summary>
    private static int FindTagEnd(ReadOnlySpan<char> html, int from)
    {
        // Most tags (every end tag among them) hold no quote before their first '>': that '>' ends them.
        var gt = html[from..].IndexOf('>');
        if (gt < 0)
            return html.Length;
        if (!html.Slice(from, gt).ContainsAny('"', '\''))
            return from + gt + 1;
        var i = from;
        while (true)
        {
            var next = html[i..].IndexOfAny(TagEndOrQuote);
            if (next < 0)
                return html.Length;
            i += next;
            var c = html[i];
            if (c == '>')
                return i + 1;
            // Only a quote right after '=' (optionally spaced) opens a value, as the HTML tokenizer reads it.
            var j = i - 1;
            while (j >= from && char.IsWhiteSpace(html[j]))
                j--;
            if (j >= from && html[j] == '=')
            {
                var close = html[(i + 1)..].IndexOf(c);
                if (close < 0)
                    return html.Length;
                i += close + 2;
            }
            else
                i++;
        }
    }

    private static readonly System.Buffers.SearchValues<char> TagEndOrQuote = System.Buffers.SearchValues.Create(">\"'");

    private static int SkipMarkup(ReadOnlySpan<char> html, int lt)
    {
        if (html[lt..].StartsWith("<!--"))
        {
            var close = html[(lt + 4)..].IndexOf("-->");
            return close < 0 ? html.Length : lt + 4 + close + 3;
        }
        var gt = html[(lt + 1)..].IndexOf('>');
        return gt < 0 ? html.Length : lt + 1 + gt + 1;
    }

    /// <summary>Where the end tag of a raw-text element (script, style...) starts; the end of the source if none.</summary>
    private static int SkipRawText(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        // Raw-text names are at most 8 letters (IsRawText).
        Span<char> closing = stackalloc char[2 + name.Length];
        "</".CopyTo(closing);
        name.CopyTo(closing[2..]);
        var close = html[from..].IndexOf(closing, StringComparison.OrdinalIgnoreCase);
        return close < 0 ? html.Length : from + close;
    }

    private enum TagKind : byte
    {
        /// <summary>An element that stays open until its end tag.</summary>
        Nests,
        /// <summary>Never has content.</summary>
        Void,
        /// <summary>Its end is implied by the parser, or it never nests deeply.</summary>
        Closed,
        /// <summary>Nests, and its content is text up to its end tag.</summary>
        RawText,
        /// <summary><c>svg</c> or <c>math</c>: inside it, "/&gt;" closes an element.</summary>
        Foreign,
        Ruby,
        /// <summary>A formatting element the tree builder opens again after a block closed it (<c>a</c> and <c>nobr</c>
        /// are not: a new one closes the old).</summary>
        Formatting,
        /// <summary>An annotation (<c>rt</c>, <c>rp</c>, <c>rb</c>, <c>rtc</c>): its end is implied only inside a ruby.</summary>
        RubyPart,
    }

    private static TagKind KindOf(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[10];
        if (name.Length > lower.Length)
            return TagKind.Nests;   // custom elements and long names are never void nor implied-end
        // Names hold ASCII letters, digits and '-' only (the scanner stops at anything else): setting bit 0x20
        // lower-cases the letters and leaves the digits and '-' as they are.
        for (var i = 0; i < name.Length; i++)
            lower[i] = (char)(name[i] | 0x20);
        return lower[..name.Length] switch
        {
            "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta"
                or "param" or "source" or "track" or "wbr" or "keygen" or "frame" or "basefont" or "bgsound" => TagKind.Void,
            "p" or "li" or "dt" or "dd" or "option" or "optgroup" or "tr" or "td" or "th" or "thead" or "tbody"
                or "tfoot" or "colgroup" or "caption" or "html" or "head" or "body" => TagKind.Closed,
            "script" or "style" or "textarea" or "title" or "xmp" or "iframe" or "noembed" or "noframes" => TagKind.RawText,
            "svg" or "math" => TagKind.Foreign,
            "ruby" => TagKind.Ruby,
            "b" or "big" or "code" or "em" or "font" or "i" or "s" or "small" or "strike" or "strong" or "tt" or "u" => TagKind.Formatting,
            "rb" or "rt" or "rp" or "rtc" => TagKind.RubyPart,
            _ => TagKind.Nests,
        };
    }
}
