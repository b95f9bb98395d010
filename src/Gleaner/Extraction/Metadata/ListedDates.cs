using AngleSharp.Dom;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Dates that stand in a list of other stories or events: each item of the list links to its own page and
/// carries its own date ("More stories", "Termine", a section front's cards). Such a date dates the item's
/// page, not the page it is listed on, wherever the list stands and whatever it is named.
/// </summary>
internal static class ListedDates
{
    /// <summary>Levels climbed from a date to the parent of its list item: a list item wraps its date in a few elements.</summary>
    private const int MaxItemDepth = 4;

    /// <summary>Dates on either side looked at for one in another item of the same list (the article's own
    /// marked date elements nest: a meta line, its date span).</summary>
    private const int MaxNeighbours = 3;

    /// <summary>Nodes of an item read for a link of its own: an item is a teaser, not a page region.</summary>
    private const int MaxItemNodes = 200;

    /// <summary>
    /// True when <paramref name="dates"/>[<paramref name="at"/>] stands in an item of a list whose other item holds a
    /// neighbouring date of the same list: two sibling elements of the same kind, each holding its own date and a link or
    /// heading of its own, neither holding the headline. An article's "Published … · Updated …" line is not a list: its
    /// items hold no link beside their dates.
    /// </summary>
    public static bool IsListed(List<IElement> dates, int at, IElement? headline)
    {
        var element = dates[at];
        for (var offset = 1; offset <= MaxNeighbours; offset++)
        {
            foreach (var other in (ReadOnlySpan<int>)[at - offset, at + offset])
            {
                if (other < 0 || other >= dates.Count)
                    continue;
                if (SiblingItems(element, dates[other]) is not var (item, otherItem))
                    continue;
                // The article's own item (an infinite scroll's first story) is no teaser; a neighbour holding the headline tells nothing.
                if (headline is not null && PageRegions.IsInside(headline, item))
                    return false;
                if (headline is not null && PageRegions.IsInside(headline, otherItem))
                    continue;
                if (HasOwnLink(item, element) && HasOwnLink(otherItem, dates[other]))
                    return true;
                if (IsResponse(item, headline))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Characters of text between the headline and a list that put the list below the article's start.</summary>
    private const int MinTextAbove = 300;

    /// <summary>Nodes walked from the headline towards a list item: beyond them, the item is far below the article's start.</summary>
    private const int MaxNodesWalked = 2000;

    /// <summary>Characters of an item read for a publication or update label.</summary>
    private const int MaxItemChars = 300;

    /// <summary>
    /// True when an item of a dated list without links stands below the article's text: readers' responses (comments in
    /// a region not named so), not the article's own meta line, which stands under the headline and names its dates
    /// ("Published: … · Updated: …"), nor a forum thread's first post, whose date leads it.
    /// </summary>
    private static bool IsResponse(IElement item, IElement? headline)
    {
        if (headline is null || (headline.CompareDocumentPosition(item) & DocumentPositions.Following) == 0 || PageRegions.IsInside(item, headline))
            return false;
        var text = 0;
        var walked = 0;
        for (var node = PageRegions.NextAfter(headline); node is not null && node != item; node = node is IElement { LocalName: "script" or "style" or "template" } ? PageRegions.NextAfter(node) : node.FirstChild ?? PageRegions.NextAfter(node))
        {
            if (++walked > MaxNodesWalked)
                break;
            if (node is IText piece && (text += piece.Data.AsSpan().Trim().Length) >= MinTextAbove)
                break;
        }
        if (text < MinTextAbove && walked <= MaxNodesWalked)
            return false;
        var itemText = new System.Text.StringBuilder(MaxItemChars);
        PageText.Append(item, itemText, MaxItemChars);
        var (published, _, modified) = DateLabels.Read(itemText.ToString(), monthFirst: true);
        return published is null && modified is null;
    }

    /// <summary>The two children of the nearest common ancestor that hold <paramref name="a"/> and <paramref name="b"/>,
    /// when both are a few levels up, distinct from the dates themselves and of the same kind.</summary>
    private static (IElement, IElement)? SiblingItems(IElement a, IElement b)
    {
        var below = a;
        for (var up = 0; up < MaxItemDepth && below.ParentElement is { } parent; up++, below = parent)
        {
            var otherBelow = ChildHolding(parent, b);
            if (otherBelow is null)
                continue;
            if (otherBelow == below || below == a || otherBelow == b || below.LocalName != otherBelow.LocalName)
                return null;
            return (below, otherBelow);
        }
        return null;
    }

    /// <summary>The child of <paramref name="parent"/> that holds <paramref name="element"/>, when that is at most a few levels down.</summary>
    private static IElement? ChildHolding(IElement parent, IElement element)
    {
        var node = element;
        for (var up = 0; up <= MaxItemDepth && node.ParentElement is { } above; up++, node = above)
            if (above == parent)
                return node;
        return null;
    }

    /// <summary>True when the item holds a heading, or a link titled like a story (not a user's or author's name), that is
    /// not the date's own (a permalink around the date). A forum thread's posts link their authors: its first post dates it.</summary>
    private static bool HasOwnLink(IElement item, IElement date)
    {
        var seen = 0;
        foreach (var descendant in item.Descendants<IElement>())
        {
            if (++seen > MaxItemNodes)
                return false;
            var kind = descendant.LocalName;
            var heading = kind is "h2" or "h3" or "h4" or "h5" or "h6";
            if ((heading || (kind == "a" && descendant.HasAttribute("href") && IsStoryTitle(descendant.TextContent)))
                && !PageRegions.IsInside(date, descendant) && !PageRegions.IsInside(descendant, date))
                return true;
        }
        return false;
    }

    /// <summary>True when the element is itself a teaser of another story: it holds a heading or a link titled like a story
    /// (a card that keeps its date in its own attribute, <c>&lt;div class="card" data-date="…"&gt;</c>).</summary>
    public static bool IsTeaser(IElement element)
    {
        var seen = 0;
        foreach (var descendant in element.Descendants<IElement>())
        {
            if (++seen > MaxItemNodes)
                return false;
            if (descendant.LocalName is "h2" or "h3" or "h4" or "h5" or "h6"
                || (descendant.LocalName == "a" && descendant.HasAttribute("href") && IsStoryTitle(descendant.TextContent)))
                return true;
        }
        return false;
    }

    /// <summary>Words (or CJK characters) in a link's text that make it a story's or event's title rather than a name.</summary>
    private const int MinTitleWords = 3;

    private static bool IsStoryTitle(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c >= '\u2e80' && char.IsLetter(c))
            {
                words++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                    words++;
                inWord = true;
            }
            else
                inWord = false;
            if (words >= MinTitleWords)
                return true;
        }
        return false;
    }
}
