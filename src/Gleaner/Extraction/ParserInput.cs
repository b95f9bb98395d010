namespace Gleaner.Extraction;

/// <summary>
/// What a page's source looks like when it reaches the HTML parser. Two things happen in one forward pass over it:
/// <list type="bullet">
/// <item><b>Nesting is bounded.</b> An HTML5 tree builder checks element scope by walking the stack of open elements,
/// so each start tag costs time in proportion to the depth: 100,000 nested <c>&lt;div&gt;</c>s take AngleSharp minutes
/// (measured: 40,000 took 21 s, 100,000 took 204 s). Browsers cap the depth for the same reason (Blink at 512). Here
/// the start tags beyond the cap, and their end tags, are dropped from the source; their text is kept.</item>
/// <item><b>What no reader of the tree needs is left out</b> (<see cref="Prepare(ReadOnlyMemory{char}, int, char[])"/> only): comments, the text of style
/// sheets and the drawing inside an <c>&lt;svg&gt;</c>. The tree builder makes nodes of them and the tokenizer walks
/// their characters one state at a time; the scan here finds their ends with vectorised searches. Scripts' text, which
/// readers need, may be held aside and read back by marker (<see cref="ScriptTexts"/>); putting it back into the tree
/// after the parse cost what leaving it out saved.</item>
/// </list>
/// </summary>
/// <remarks>
/// The tag scanner is light (comments, quoted attributes, raw-text elements such as script and style) but where it
/// leaves something out it follows the tokenizer exactly: a comment ends at the first "--&gt;", "--!&gt;", or at once
/// for "&lt;!--&gt;" and "&lt;!---&gt;"; a raw-text element at the first end tag of its name followed by a space, "/"
/// or "&gt;". A script holding "&lt;!--" (where the tokenizer's escape states decide its end) is left to the parser,
/// and so is an <c>&lt;svg&gt;</c> whose drawing holds an HTML element (the parser would break out of the drawing there)
/// or has no end tag.
/// <para>Only elements that need an explicit end tag count towards depth: an unclosed <c>&lt;p&gt;</c> or
/// <c>&lt;li&gt;</c> is closed by the parser itself and never makes a page deep. The count follows the tree builder
/// where a page could otherwise hide its depth: "/&gt;" closes an element only inside <c>&lt;svg&gt;</c> or
/// <c>&lt;math&gt;</c> (an HTML <c>&lt;div/&gt;</c> stays open), and ruby annotations (<c>&lt;rt&gt;</c>...) end one
/// another only inside a <c>&lt;ruby&gt;</c>. Formatting elements left open (<c>&lt;b&gt;</c>, <c>&lt;font&gt;</c>...)
/// are bounded apart, at <see cref="MaxOpenFormatting"/>: the tree builder opens every one of them again in each new
/// paragraph, so 30,000 paragraphs each opening one more (differing in an attribute) built 30,000 x 30,000 / 2
/// elements.</para>
/// </remarks>
internal static class ParserInput
{
    /// <summary>Formatting elements open (started, not yet ended) beyond which further ones are dropped, text kept.</summary>
    internal const int MaxOpenFormatting = 16;

    /// <summary>
    /// How deep (as counted here) an <c>&lt;svg&gt;</c> may stand, and how deeply its own elements may nest, for its
    /// drawing to be left out. The parser moves elements beyond depth 512 up to their parent's level, so a drawing
    /// that deep would leave pieces outside it; the parser's depth can be about four times the count here (a table
    /// counts, its body, row and cell do not).
    /// </summary>
    private const int MaxDepthOfDrawing = 100, MaxDrawingDepth = 32;

    /// <summary>Bounds nesting only; pages under the caps (all real ones) come back as the same string, without a copy.</summary>
    public static string LimitNesting(string html, int maxDepth)
        => FindDrops(html, maxDepth, trim: false, null) is { } drops ? new string(Apply(html, drops, null, 0).Span) : html;

    /// <summary>
    /// The source to parse: nesting bounded and what no reader needs left out. <paramref name="writable"/>, when given,
    /// is the array <paramref name="html"/> starts at, free to be overwritten: the result is then written over it
    /// (it is never longer).
    /// </summary>
    public static ReadOnlyMemory<char> Prepare(ReadOnlyMemory<char> html, int maxDepth, char[]? writable)
        => FindDrops(html.Span, maxDepth, trim: true, null) is { } drops ? Apply(html.Span, drops, writable, 0) : html;

    /// <summary>
    /// As <see cref="Prepare(ReadOnlyMemory{char}, int, char[])"/>, and scripts' text held aside too: each script of at
    /// least <see cref="MinHeldScriptChars"/> reaches the parser holding only a marker (<see cref="ScriptTexts"/>), its text
    /// left where it stands in <paramref name="html"/>, as <paramref name="held"/>'s slices, for <see cref="ElementText.Of"/>
    /// to read if a reader asks (most scripts no reader reads). The tokenizer walks a script's characters one state at a
    /// time and the tree builder copies them into a string; here one vectorised search finds the end. The source then stays
    /// as it is and the input is written to <paramref name="rented"/>, an array from the shared pool to give back once parsed.
    /// Only for documents that stay within the extractor.
    /// </summary>
    public static ReadOnlyMemory<char> Prepare(ReadOnlyMemory<char> html, int maxDepth, char[]? writable, out ReadOnlyMemory<char>[]? held,
        out char[]? rented)
    {
        var ranges = new List<Drop>();
        var drops = FindDrops(html.Span, maxDepth, trim: true, ranges);
        held = null;
        rented = null;
        if (drops is null)
            return html;
        if (ranges.Count == 0)
            return Apply(html.Span, drops, writable, 0);
        held = new ReadOnlyMemory<char>[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
            held[i] = html.Slice(ranges[i].Start, ranges[i].Length);
        rented = System.Buffers.ArrayPool<char>.Shared.Rent(html.Length);
        return Apply(html.Span, drops, rented, ranges.Count);
    }

    /// <summary>Scripts shorter than this keep their text in the source: a marker and a lookup would save nothing.</summary>
    internal const int MinHeldScriptChars = 256;

    /// <summary>A range left out of the source; <paramref name="Held"/>, when not -1, the index of the script text it held,
    /// whose marker takes its place.</summary>
    private readonly record struct Drop(int Start, int Length, int Held = -1);

    /// <summary>The ranges to drop, in source order; null when there are none. <paramref name="held"/>, when given,
    /// receives the ranges of scripts' text left out.</summary>
    private static List<Drop>? FindDrops(ReadOnlySpan<char> html, int maxDepth, bool trim, List<Drop>? held)
    {
        // A script whose text the parser would give as a marker though it was not held aside (written so in the page)
        // would be read as a held one: then none is held.
        var markerWritten = false;
        List<Drop>? drops = null;
        Dictionary<string, int>? droppedOpen = null;
        int foreignDepth = 0, rubyDepth = 0, openFormatting = 0, nestingDrops = 0;
        // The counted elements open, as the tree builder's stack holds them: its depth is the page's.
        var open = new List<OpenElement>();
        // Takes the elements from start to end off the stack, with the counts kept of their kinds.
        void TakeOff(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                switch (open[i].Kind)
                {
                    case TagKind.Foreign when foreignDepth > 0: foreignDepth--; break;
                    case TagKind.Ruby when rubyDepth > 0: rubyDepth--; break;
                    case TagKind.Formatting when openFormatting > 0: openFormatting--; break;
                }
            }
            open.RemoveRange(start, end - start);
        }
        // While trimming, the elements open in foreign content (an <svg> or <math> and what it holds, by where their
        // names stand in the source), the drops and nesting drops made before it began, and where the content of an
        // outermost <svg> starts (-1 for <math>), to be left out when it ends.
        List<OpenElement>? foreignOpen = null;
        int foreignDropsBefore = 0, foreignNestingDropsBefore = 0, svgContent = -1;
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
                if (html[lt..].StartsWith("<!--"))
                {
                    at = CommentEnd(html, lt + 4);
                    // A web archive's toolbar goes whole, with the comments around it (WaybackToolbarEnd).
                    if (trim && html[(lt + 4)..at].StartsWith(WaybackToolbarStart))
                        at = WaybackToolbarEnd(html, at);
                    if (trim)
                        (drops ??= []).Add(new Drop(lt, at - lt));
                }
                else if (foreignDepth > 0 && html[lt..].StartsWith("<![CDATA["))
                {
                    var close = html[(lt + 9)..].IndexOf("]]>");
                    at = close < 0 ? html.Length : lt + 9 + close + 3;
                }
                else
                    at = AfterNextGreaterThan(html, lt + 1);   // a doctype or a bogus comment
                continue;
            }
            var isEnd = next == '/';
            var nameStart = isEnd ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // "</>" is dropped and "</" before anything else opens a bogus comment; a lone "<" is text.
                at = isEnd ? AfterNextGreaterThan(html, lt + 2) : lt + 1;
                continue;
            }
            // The name runs to a space, "/" or ">", as the tokenizer reads it ("<svg_x>" is not an svg).
            var nameEnd = nameStart + 1;
            while (nameEnd < html.Length && html[nameEnd] is not (' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>'))
                nameEnd++;
            var name = html[nameStart..nameEnd];
            var (kind, scope) = Classify(name);
            // An HTML element the tree builder breaks out of a drawing for closes the drawing first.
            if (!isEnd && foreignDepth > 0 && !name.Equals("font", StringComparison.OrdinalIgnoreCase) && BreaksOutOfDrawing(name)
                && !IntegrationPointOpen(html, open))
            {
                var firstForeign = open.Count;
                while (firstForeign > 0 && open[firstForeign - 1].Foreign)
                    firstForeign--;
                TakeOff(firstForeign, open.Count);
            }
            // In a drawing no element's end is implied and none is void (an svg <td> or <input> holds what follows
            // until its end tag): every one counts there.
            var inForeign = foreignDepth > 0;
            var counts = inForeign || kind switch
            {
                TagKind.Closed or TagKind.Void => false,
                TagKind.RubyPart => rubyDepth == 0,
                _ => true,
            };
            var tagEnd = FindTagEnd(html, nameEnd);   // index after '>'; end tags may hold attributes too

            if (isEnd)
            {
                at = tagEnd;
                // The key is built only on the rare page that had start tags dropped.
                var key = droppedOpen is null || !counts ? null : name.ToString().ToLowerInvariant();
                if (key is not null && droppedOpen!.TryGetValue(key, out var droppedCount) && droppedCount > 0)
                {
                    droppedOpen[key] = droppedCount - 1;
                    (drops ??= []).Add(new Drop(lt, tagEnd - lt));
                    nestingDrops++;
                    continue;
                }
                if (trim && foreignOpen is { Count: > 0 })
                {
                    if (!CloseInDrawing(html, foreignOpen, name))
                        trim = false;   // it reaches past the drawing to the HTML around it: past here the scan can't tell where the parser is
                    else if (foreignOpen.Count == 0 && svgContent >= 0 && nestingDrops == foreignNestingDropsBefore)
                    {
                        // The drawing ends here. Comments inside it go with it.
                        drops ??= [];
                        drops.RemoveRange(foreignDropsBefore, drops.Count - foreignDropsBefore);
                        drops.Add(new Drop(svgContent, lt - svgContent));
                    }
                }
                if (!counts)
                    continue;
                var (start, end) = Close(html, open, name, kind, scope);
                if (start >= 0)
                    TakeOff(start, end);
                continue;
            }

            // The tree builder honours "/>" on foreign elements only; on an HTML element it is an error and ignored.
            var selfClosing = (inForeign || kind == TagKind.Foreign) && tagEnd >= 2 && html[tagEnd - 2] == '/';
            var kept = true;
            if (counts && !selfClosing)
            {
                if (open.Count >= maxDepth || kind == TagKind.Formatting && openFormatting >= MaxOpenFormatting)
                {
                    var key = name.ToString().ToLowerInvariant();
                    droppedOpen ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    droppedOpen[key] = droppedOpen.GetValueOrDefault(key) + 1;
                    (drops ??= []).Add(new Drop(lt, tagEnd - lt));
                    nestingDrops++;
                    kept = false;
                }
                else
                {
                    open.Add(new OpenElement(nameStart, name.Length, kind, scope, inForeign || kind == TagKind.Foreign));
                    if (kind == TagKind.Foreign)
                        foreignDepth++;
                    else if (kind == TagKind.Ruby)
                        rubyDepth++;
                    else if (kind == TagKind.Formatting)
                        openFormatting++;
                }
            }
            at = tagEnd;
            if (trim && foreignOpen is { Count: > 0 })
            {
                // Inside a drawing script and style are ordinary elements whose content is markup. An element that
                // breaks out of the drawing, or any inside one whose content is HTML, leaves the scan unsure where the
                // parser is: nothing more is left out.
                if (BreaksOutOfDrawing(name) || IntegrationPointOpen(html, foreignOpen))
                    trim = false;
                else if (kept && !selfClosing)
                {
                    foreignOpen.Add(new OpenElement(nameStart, name.Length, kind, Scope.None, Foreign: true));
                    if (foreignOpen.Count > MaxDrawingDepth)
                        svgContent = -1;
                }
                continue;
            }
            if (trim && kind == TagKind.Foreign && kept && !selfClosing)
            {
                (foreignOpen ??= []).Add(new OpenElement(nameStart, name.Length, kind, Scope.None, Foreign: true));
                svgContent = IsSvg(name) && open.Count <= MaxDepthOfDrawing ? tagEnd : -1;
                foreignDropsBefore = drops?.Count ?? 0;
                foreignNestingDropsBefore = nestingDrops;
                continue;
            }
            if (trim && (name.Equals("select", StringComparison.OrdinalIgnoreCase) && !HoldsOnlyOptions(html, tagEnd)
                || name.Equals("frameset", StringComparison.OrdinalIgnoreCase)))
                trim = false;   // the parser treats what these hold in ways of its own (a drawing in a select is never closed)
            if (kind == TagKind.Plaintext)
            {
                // Everything after it is text: nothing more is left out (the depth is still counted, to be safe).
                trim = false;
                continue;
            }
            if (kind != TagKind.RawText)
                continue;
            var contentEnd = RawTextEnd(html, tagEnd, name);
            at = contentEnd;
            if (!trim || contentEnd == tagEnd)
                continue;
            var content = html[tagEnd..contentEnd];
            if (name.Equals("style", StringComparison.OrdinalIgnoreCase))
                (drops ??= []).Add(new Drop(tagEnd, content.Length));
            else if (name.Equals("script", StringComparison.OrdinalIgnoreCase))
            {
                // After "<!--", a "<script" makes the tokenizer look past the first "</script>" for the end: the scan
                // may have lost step with it, so nothing more is left out.
                var escape = content.IndexOf("<!--", StringComparison.Ordinal);
                if (escape >= 0 && content[escape..].Contains("<script", StringComparison.OrdinalIgnoreCase))
                    trim = false;
                else if (held is not null && kept && content.Length >= MinHeldScriptChars)
                {
                    var drop = new Drop(tagEnd, content.Length, held.Count);
                    held.Add(drop);
                    (drops ??= []).Add(drop);
                }
                else if (content[0] == ScriptTexts.Marker)
                    markerWritten = true;
            }
        }
        // Where the scan lost step with the tokenizer, a script it did not see may hold a marker.
        if (held is { Count: > 0 } && (markerWritten || !trim && html.Contains(ScriptTexts.Marker)))
        {
            held.Clear();
            drops!.RemoveAll(drop => drop.Held >= 0);
            if (drops.Count == 0)
                drops = null;
        }
        return drops;
    }

    /// <summary>
    /// Closes what an end tag closes inside a drawing: the innermost open element of its name and those opened after
    /// it. False when none has its name: the tree builder then goes on looking among the HTML elements around the
    /// drawing.
    /// </summary>
    private static bool CloseInDrawing(ReadOnlySpan<char> html, List<OpenElement> open, ReadOnlySpan<char> name)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (html.Slice(open[i].Start, open[i].Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                open.RemoveRange(i, open.Count - i);
                return true;
            }
        }
        return false;
    }

    private static int AfterNextGreaterThan(ReadOnlySpan<char> html, int from)
    {
        var gt = html[from..].IndexOf('>');
        return gt < 0 ? html.Length : from + gt + 1;
    }

    /// <summary>Whether a select starting at <paramref name="from"/> is closed, holding only options, option groups and comments.</summary>
    private static bool HoldsOnlyOptions(ReadOnlySpan<char> html, int from)
    {
        var end = RawTextEnd(html, from, "select");
        if (end >= html.Length)
            return false;
        var content = html[from..end];
        for (var lt = content.IndexOf('<'); lt >= 0; lt = content[(lt + 1)..].IndexOf('<') is var next && next >= 0 ? lt + 1 + next : -1)
        {
            var tag = content[lt..];
            if (!(tag.StartsWith("<option", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("</option", StringComparison.OrdinalIgnoreCase)
                || tag.StartsWith("<optgroup", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("</optgroup", StringComparison.OrdinalIgnoreCase)
                || tag.StartsWith("<!--", StringComparison.Ordinal)))
                return false;
        }
        return true;
    }

    /// <summary>A counted element open; <paramref name="Foreign"/> when it is a drawing or inside one.</summary>
    private readonly record struct OpenElement(int Start, int Length, TagKind Kind, Scope Scope, bool Foreign);

    /// <summary>
    /// Whether an element of the drawing open at the top of the stack reads its content as HTML (an SVG
    /// <c>foreignObject</c>, <c>desc</c> or <c>title</c>; a MathML text element or <c>annotation-xml</c>).
    /// </summary>
    private static bool IntegrationPointOpen(ReadOnlySpan<char> html, List<OpenElement> open)
    {
        for (var i = open.Count - 1; i >= 0 && open[i].Foreign; i--)
        {
            if (IsHtmlIntegrationPoint(html.Slice(open[i].Start, open[i].Length)))
                return true;
        }
        return false;
    }

    [Flags]
    private enum Scope : byte
    {
        None = 0,
        /// <summary>One of HTML's special elements: an end tag of another name does not close past it.</summary>
        Special = 1,
        /// <summary>It bounds the scope a block's end tag looks for its element in (a table, a template...).</summary>
        Boundary = 2,
        /// <summary>A block whose end tag closes it from anywhere in scope (div, section, ul, h1...).</summary>
        Block = 4,
        /// <summary>h1 to h6: the end tag of one closes whichever is open.</summary>
        Heading = 8,
    }

    /// <summary>
    /// The entries of <paramref name="open"/> an end tag closes (from Start to End), as the tree builder's stack loses
    /// them; Start -1 when it closes nothing. A block's end tag closes its element from anywhere below a scope
    /// boundary; another end tag only when no special element stands above its element (else the parser ignores it,
    /// and so does the count: a page cannot hide its depth behind stray end tags). A formatting element's end tag
    /// with a block above it takes only the formatting element off the stack, as the adoption agency does.
    /// </summary>
    private static (int Start, int End) Close(ReadOnlySpan<char> html, List<OpenElement> open, ReadOnlySpan<char> name, TagKind kind, Scope scope)
    {
        var blockAbove = false;
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var element = open[i];
            var matches = (scope & Scope.Heading) != 0
                ? (element.Scope & Scope.Heading) != 0
                : html.Slice(element.Start, element.Length).Equals(name, StringComparison.OrdinalIgnoreCase);
            if (matches)
                return kind == TagKind.Formatting && blockAbove ? (i, i + 1) : (i, open.Count);
            if ((scope & Scope.Block) != 0 || kind == TagKind.Formatting)
            {
                if ((element.Scope & Scope.Boundary) != 0)
                    return (-1, -1);
                blockAbove |= (element.Scope & Scope.Special) != 0;
            }
            else if ((element.Scope & Scope.Special) != 0)
                return (-1, -1);
        }
        return (-1, -1);
    }

    private static bool IsSvg(ReadOnlySpan<char> name) => name.Equals("svg", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtmlIntegrationPoint(ReadOnlySpan<char> name)
        => name.Length <= 14 && (name.Equals("foreignObject", StringComparison.OrdinalIgnoreCase) || name.Equals("desc", StringComparison.OrdinalIgnoreCase)
            || name.Equals("title", StringComparison.OrdinalIgnoreCase) || name.Equals("mi", StringComparison.OrdinalIgnoreCase)
            || name.Equals("mo", StringComparison.OrdinalIgnoreCase) || name.Equals("mn", StringComparison.OrdinalIgnoreCase)
            || name.Equals("ms", StringComparison.OrdinalIgnoreCase) || name.Equals("mtext", StringComparison.OrdinalIgnoreCase)
            || name.Equals("annotation-xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Start tags that end foreign content: the tree builder pops the drawing off and goes on in HTML. Any <c>font</c>
    /// counts, though only one with a colour, face or size attribute breaks out.
    /// </summary>
    private static bool BreaksOutOfDrawing(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[10];
        if (name.Length > lower.Length)
            return false;
        for (var i = 0; i < name.Length; i++)
            lower[i] = (char)(name[i] | 0x20);
        return lower[..name.Length] switch
        {
            "b" or "big" or "blockquote" or "body" or "br" or "center" or "code" or "dd" or "div" or "dl" or "dt" or "em"
                or "embed" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "head" or "hr" or "i" or "img" or "li"
                or "listing" or "menu" or "meta" or "nobr" or "ol" or "p" or "pre" or "ruby" or "s" or "small" or "span"
                or "strong" or "strike" or "sub" or "sup" or "table" or "tt" or "u" or "ul" or "var" or "font" => true,
            _ => false,
        };
    }

    /// <summary>
    /// The source without the dropped ranges, written over <paramref name="writable"/> when given (the source's own array,
    /// where writing trails reading, or a rented one as long), else into a new array; a held script's drop leaves its
    /// marker (<paramref name="held"/> of them, each far shorter than its script).
    /// </summary>
    private static ReadOnlyMemory<char> Apply(ReadOnlySpan<char> html, List<Drop> drops, char[]? writable, int held)
    {
        var length = html.Length + held * ScriptTexts.MaxMarkerChars;
        foreach (var drop in drops)
            length -= drop.Length;
        var output = writable ?? new char[Math.Min(length, html.Length)];
        var written = 0;
        var read = 0;
        foreach (var drop in drops)
        {
            html[read..drop.Start].CopyTo(output.AsSpan(written));
            written += drop.Start - read;
            read = drop.Start + drop.Length;
            if (drop.Held >= 0)
                written += ScriptTexts.WriteMarker(drop.Held, output.AsSpan(written));
        }
        html[read..].CopyTo(output.AsSpan(written));
        written += html.Length - read;
        return output.AsMemory(0, written);
    }

    /// <summary>
    /// Index after the '&gt;' that closes a tag whose name ends at <paramref name="from"/>; the end of the source if
    /// none. It follows the tokenizer's attribute states: a quote opens a value only where a value may start (after
    /// an attribute name, "=" and spaces), and a value so opened runs to its closing quote, '&gt;' and all.
    /// </summary>
    private static int FindTagEnd(ReadOnlySpan<char> html, int from)
    {
        // Most tags (every end tag among them) hold no quote before their first '>': that '>' ends them.
        var gt = html[from..].IndexOf('>');
        if (gt < 0)
            return html.Length;
        if (!html.Slice(from, gt).ContainsAny('"', '\''))
            return from + gt + 1;
        var state = AttributeState.BeforeName;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            var space = c is ' ' or '\t' or '\n' or '\f' or '\r';
            switch (state)
            {
                case AttributeState.BeforeName:
                    if (c == '>')
                        return i + 1;
                    if (!space && c != '/')
                        state = AttributeState.Name;   // '=' or a quote here is the first character of a name
                    break;
                case AttributeState.Name:
                    if (c == '>')
                        return i + 1;
                    if (c == '=')
                        state = AttributeState.BeforeValue;
                    else if (space)
                        state = AttributeState.AfterName;
                    else if (c == '/')
                        state = AttributeState.BeforeName;
                    else
                    {
                        // The rest of the name at once: the loop's i++ lands on the character that ends it.
                        var end = html[(i + 1)..].IndexOfAny(NameEnds);
                        if (end < 0)
                            return html.Length;
                        i += end;
                    }
                    break;
                case AttributeState.AfterName:
                    if (c == '>')
                        return i + 1;
                    if (c == '=')
                        state = AttributeState.BeforeValue;
                    else if (c == '/')
                        state = AttributeState.BeforeName;
                    else if (!space)
                        state = AttributeState.Name;
                    break;
                case AttributeState.BeforeValue:
                    if (c == '>')
                        return i + 1;
                    if (c is '"' or '\'')
                    {
                        var close = html[(i + 1)..].IndexOf(c);
                        if (close < 0)
                            return html.Length;
                        i += close + 1;
                        state = AttributeState.BeforeName;   // after the value: "/", '>', spaces or (an error) a name
                    }
                    else if (!space)
                        state = AttributeState.UnquotedValue;
                    break;
                case AttributeState.UnquotedValue:
                    if (c == '>')
                        return i + 1;
                    if (space)
                        state = AttributeState.BeforeName;
                    else
                    {
                        var end = html[(i + 1)..].IndexOfAny(UnquotedValueEnds);
                        if (end < 0)
                            return html.Length;
                        i += end;
                    }
                    break;
            }
        }
        return html.Length;
    }

    private static readonly System.Buffers.SearchValues<char> NameEnds = System.Buffers.SearchValues.Create(" \t\n\f\r/>=");
    private static readonly System.Buffers.SearchValues<char> UnquotedValueEnds = System.Buffers.SearchValues.Create(" \t\n\f\r>");

    private enum AttributeState : byte { BeforeName, Name, AfterName, BeforeValue, UnquotedValue }

    /// <summary>
    /// The comment that opens the toolbar the Wayback Machine inserts at the top of a replayed page's body (its logo,
    /// the URL box, "15 captures", the capture dates, the donation banner, "About this capture", and a line "The
    /// Wayback Machine - https://web.archive.org/web/…" shown only in print): no reader of the page wants any of it, and
    /// its dates are the archive's. It ends at a matching comment, and holds whole elements only.
    /// </summary>
    private const string WaybackToolbarStart = " BEGIN WAYBACK TOOLBAR INSERT", WaybackToolbarEndComment = "<!-- END WAYBACK TOOLBAR INSERT -->";

    /// <summary>Index after the toolbar's closing comment, or <paramref name="from"/> (the opening comment alone) without one.</summary>
    private static int WaybackToolbarEnd(ReadOnlySpan<char> html, int from)
    {
        var end = html[from..].IndexOf(WaybackToolbarEndComment, StringComparison.Ordinal);
        return end < 0 ? from : from + end + WaybackToolbarEndComment.Length;
    }

    /// <summary>Index after the end of a comment whose text starts at <paramref name="from"/>, as the tokenizer ends it.</summary>
    private static int CommentEnd(ReadOnlySpan<char> html, int from)
    {
        // "<!-->" and "<!--->" are whole (empty) comments.
        if (from < html.Length && html[from] == '>')
            return from + 1;
        if (from + 1 < html.Length && html[from] == '-' && html[from + 1] == '>')
            return from + 2;
        var at = from;
        while (true)
        {
            var dashes = html[at..].IndexOf("--");
            if (dashes < 0)
                return html.Length;   // an unclosed comment runs to the end of the page
            var i = at + dashes + 2;
            while (i < html.Length && html[i] == '-')
                i++;
            if (i < html.Length && html[i] == '>')
                return i + 1;
            if (i + 1 < html.Length && html[i] == '!' && html[i + 1] == '>')
                return i + 2;
            at = i;
        }
    }

    /// <summary>
    /// Where the end tag of a raw-text element (script, style...) starts: "&lt;/" and its name followed by a space, "/"
    /// or "&gt;" (a longer name such as "&lt;/scripts" is text); the end of the source if none.
    /// </summary>
    private static int RawTextEnd(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        // Raw-text names are at most 8 letters (Classify).
        Span<char> closing = stackalloc char[2 + name.Length];
        "</".CopyTo(closing);
        name.CopyTo(closing[2..]);
        var at = from;
        while (true)
        {
            var close = html[at..].IndexOf(closing, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
                return html.Length;
            var after = at + close + closing.Length;
            if (after >= html.Length)
                return html.Length;   // "</script" at the very end is text too
            if (html[after] is ' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>')
                return at + close;
            at = after;
        }
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
        /// <summary><c>plaintext</c>: everything after it is text.</summary>
        Plaintext,
    }

    /// <summary>How a tag name's element nests and what scope it bounds, from one look at the name.</summary>
    private static (TagKind Kind, Scope Scope) Classify(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[10];
        if (name.Length > lower.Length)
            return (TagKind.Nests, Scope.None);   // custom elements and long names are never void nor implied-end, nor special
        // Names hold ASCII letters, digits and '-' only (the scanner stops at anything else): setting bit 0x20
        // lower-cases the letters and leaves the digits and '-' as they are.
        for (var i = 0; i < name.Length; i++)
            lower[i] = (char)(name[i] | 0x20);
        return lower[..name.Length] switch
        {
            "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta"
                or "param" or "source" or "track" or "wbr" or "keygen" or "frame" or "basefont" or "bgsound" => (TagKind.Void, Scope.None),
            "p" or "li" or "dt" or "dd" or "option" or "optgroup" or "tr" or "td" or "th" or "thead" or "tbody"
                or "tfoot" or "colgroup" or "caption" or "html" or "head" or "body" => (TagKind.Closed, Scope.None),
            "script" or "style" or "textarea" or "title" or "xmp" or "iframe" or "noembed" or "noframes" => (TagKind.RawText, Scope.Special),
            "svg" or "math" => (TagKind.Foreign, Scope.None),
            "ruby" => (TagKind.Ruby, Scope.None),
            "b" or "big" or "code" or "em" or "font" or "i" or "s" or "small" or "strike" or "strong" or "tt" or "u" => (TagKind.Formatting, Scope.None),
            "rb" or "rt" or "rp" or "rtc" => (TagKind.RubyPart, Scope.None),
            "plaintext" => (TagKind.Plaintext, Scope.Special),
            "address" or "article" or "aside" or "blockquote" or "button" or "center" or "details" or "dialog" or "dir" or "div"
                or "dl" or "fieldset" or "figcaption" or "figure" or "footer" or "header" or "hgroup" or "listing" or "main"
                or "menu" or "nav" or "ol" or "pre" or "search" or "section" or "summary" or "ul" or "form" => (TagKind.Nests, Scope.Special | Scope.Block),
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => (TagKind.Nests, Scope.Special | Scope.Block | Scope.Heading),
            "table" or "template" or "applet" or "marquee" or "object" => (TagKind.Nests, Scope.Special | Scope.Boundary | Scope.Block),
            "frameset" or "noscript" or "select" => (TagKind.Nests, Scope.Special),
            _ => (TagKind.Nests, Scope.None),
        };
    }
}
