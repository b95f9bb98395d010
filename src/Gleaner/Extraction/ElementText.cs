using AngleSharp.Dom;

namespace Gleaner.Extraction;

/// <summary>Reading an element's text without a copy where one text node holds all of it.</summary>
internal static class ElementText
{
    /// <summary>
    /// The element's text, as <see cref="INode.TextContent"/> gives it; when it is one text node (as a script's is), that
    /// node's string itself. TextContent builds a new string every time, and a page's scripts (story state, analytics,
    /// JSON-LD) run to hundreds of kilobytes that several finders read in turn. A script whose text was held aside from
    /// the parser gives that text (<see cref="ScriptTexts"/>).
    /// </summary>
    public static string Of(IElement element)
    {
        if (element.ChildNodes is not { Length: 1 } children || children[0] is not IText text)
            return element.TextContent;
        var data = text.Data;
        return data.Length > 0 && data[0] == ScriptTexts.Marker && element.LocalName == "script"
            ? ScriptTexts.Of(element, data) ?? data
            : data;
    }
}
