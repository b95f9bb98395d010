using System.Text;
using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Bounded reads of what readers see in a part of the page, for finding dates in free text:
/// scripts, styles, forms, captions and regions about other things (comments, related stories)
/// are left out, and elements are separated so that their words do not run together.
/// </summary>
internal static class PageText
{
    /// <summary>Appends the visible text of <paramref name="root"/> until <paramref name="builder"/> holds <paramref name="maxChars"/> characters.</summary>
    public static void Append(IElement root, StringBuilder builder, int maxChars)
    {
        var walk = new DocumentOrder(root);
        var node = walk.Next(enter: false);
        while (node is not null && builder.Length < maxChars)
        {
            var enter = false;
            if (node is IText text)
                AppendText(builder, text.Data, maxChars - builder.Length);
            else if (node is IElement element && !IsSkipped(element) && element.HasChildNodes)
            {
                builder.Append(' ');
                enter = true;
            }
            node = walk.Next(enter);
        }
    }

    /// <summary>
    /// The text of <paramref name="scope"/> around the headline: at most <paramref name="before"/>
    /// characters before its end and <paramref name="after"/> after it, with where the headline ends.
    /// Without a headline, the scope's first <paramref name="after"/> characters. Blocks (paragraphs,
    /// list items, line breaks) start new lines, so that a date can be told to lead its line or not.
    /// The elements in <paramref name="skip"/> (dates of listed stories) are left out, and after the headline those
    /// <paramref name="skipAfterHeadline"/> names (rows of lists of other pages: asked only where a dateline may stand). <c>WindowEnd</c> is the first
    /// node past the text read, when the scope goes on further; <paramref name="entered"/> gets the elements after the
    /// headline with where their text starts.
    /// </summary>
    public static (string Text, int HeadlineEnd, INode? WindowEnd) AroundHeadline(IElement scope, IElement? headline, int before, int after,
        HashSet<IElement>? skip = null, List<(IElement Element, int At)>? entered = null, Func<IElement, bool>? skipAfterHeadline = null,
        Func<IElement, bool>? skipBeforeHeadline = null)
    {
        var builder = new StringBuilder(before + after);
        var headlineEnd = headline is null ? 0 : -1;
        var walk = new DocumentOrder(scope);
        var node = walk.Next(enter: false);
        while (node is not null)
        {
            if (headlineEnd >= 0 && builder.Length >= headlineEnd + after)
                break;
            var enter = false;
            if (node == headline)
            {
                // Keep only the stretch just before the headline: what stands far above it is the page's, not the article's.
                var headlineText = new StringBuilder();
                Append(headline, headlineText, MaxHeadlineChars);
                if (builder.Length > before)
                    builder.Remove(0, builder.Length - before);
                builder.Append('\n').Append(headlineText).Append('\n');
                headlineEnd = builder.Length;
            }
            else if (node is IText text)
            {
                AppendText(builder, text.Data, headlineEnd >= 0 ? headlineEnd + after - builder.Length : int.MaxValue);
                if (headlineEnd < 0 && builder.Length > 4 * before)
                    builder.Remove(0, builder.Length - before);
            }
            else if (node is IElement element && !IsSkipped(element) && (skip is not { Count: > 0 } || !skip.Contains(element))
                && (headlineEnd < 0 ? skipBeforeHeadline is null || !skipBeforeHeadline(element) : skipAfterHeadline is null || !skipAfterHeadline(element)))
            {
                if (element.HasChildNodes)
                {
                    builder.Append(IsBlock(element) ? '\n' : ' ');
                    enter = true;
                    if (headlineEnd >= 0 && entered is not null && entered.Count < MaxEnteredElements)
                        entered.Add((element, builder.Length));
                }
                else if (element.LocalName == "br")
                    builder.Append('\n');
            }
            node = walk.Next(enter);
        }
        return (builder.ToString(), Math.Max(headlineEnd, 0), node);
    }

    private static bool IsBlock(IElement element) => element.LocalName is "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
        or "section" or "article" or "header" or "footer" or "aside" or "main" or "td" or "th" or "tr" or "dd" or "dt" or "blockquote"
        or "ul" or "ol" or "dl" or "table" or "time";

    private const int MaxHeadlineChars = 1000;

    /// <summary>Elements after the headline whose place in the text is recorded: the window holds a few hundred characters.</summary>
    private const int MaxEnteredElements = 1000;

    private static void AppendText(StringBuilder builder, string text, int room)
    {
        if (room <= 0)
            return;
        var span = text.AsSpan();
        if (span.Length > room)
            span = span[..room];
        // Whitespace runs become one space, so that limits count words, not indentation.
        var space = builder.Length > 0 && builder[^1] == ' ';
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                    builder.Append(' ');
                space = true;
            }
            else
            {
                builder.Append(c);
                space = false;
            }
        }
    }

    private static bool IsSkipped(IElement element) =>
        element.LocalName is "script" or "style" or "noscript" or "template" or "svg" or "iframe" or "select" or "button"
            or "figure" or "figcaption" or "picture" or "nav" or "form" or "textarea"
        || element.Attr("class") is { } names && (PageRegions.MarkerOf(names) == PageRegions.Marker.Foreign || NamesPicture(names));

    /// <summary>Words of class names of picture boxes and captions written without <c>figure</c>: a caption
    /// dates the photo ("Kämpfe um Bachmut, 24. April 2023"), not the article.</summary>
    private static readonly HashSet<string> PictureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "credit", "credits", "photo", "photos", "foto", "fotos", "image", "images", "img", "pic", "picture", "bild", "gallery", "legend",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PictureLookup = PictureWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when a class name has a picture word as a token (<c>picBox</c>, <c>image-caption</c>; not <c>topic</c>).</summary>
    private static bool NamesPicture(string names)
    {
        var span = names.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetter(span[i]))
                i++;
            var start = i;
            while (i < span.Length && char.IsLetter(span[i]) && !(i > start && char.IsUpper(span[i]) && char.IsLower(span[i - 1])))
                i++;
            if (i > start && PictureLookup.Contains(span[start..i]))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A walk through a subtree in document order by child index: AngleSharp's <c>NextSibling</c> scans the
    /// parent's child list, so a walk by it is quadratic in the number of siblings.
    /// </summary>
    private sealed class DocumentOrder(INode root)
    {
        private readonly Stack<(INodeList Children, int Index)> _parents = new();
        private INodeList _children = root.ChildNodes;
        private int _index = -1;

        /// <summary>The next node: the current one's first child when <paramref name="enter"/>, else what follows its subtree.</summary>
        public INode? Next(bool enter)
        {
            if (enter && _index >= 0 && _children[_index].ChildNodes is { Length: > 0 } inner)
            {
                _parents.Push((_children, _index));
                _children = inner;
                _index = 0;
                return inner[0];
            }
            while (++_index >= _children.Length)
            {
                if (_parents.Count == 0)
                    return null;
                (_children, _index) = _parents.Pop();
            }
            return _children[_index];
        }
    }
}
