using AngleSharp.Dom;

namespace Gleaner.Extraction;

/// <summary>Reading an element's text without a copy where one text node holds all of it.</summary>
internal static class ElementText
{
    /// <summary>
    /// The element's text, as <see cref="INode.TextContent"/> gives it; when it is one text node (as a script's is), that
    /// node's string itself. TextContent builds a new string every time, and a page's scripts (story state, analytics,
    /// JSON-LD) run to hundreds of kilobytes that several finders read in turn.
    /// </summary>
    public static string Of(IElement element) =>
        element.ChildNodes is { Length: 1 } children && children[0] is IText text ? text.Data : element.TextContent;
}
