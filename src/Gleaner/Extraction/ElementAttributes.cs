using AngleSharp.Dom;

namespace Gleaner.Extraction;

/// <summary>Reading an element's attributes by a name already in lower case.</summary>
internal static class ElementAttributes
{
    /// <summary>
    /// The value of the attribute named <paramref name="lowerCaseName"/> (no namespace), or null. The same as
    /// <see cref="IElement.GetAttribute(string)"/> for such a name, without lower-casing the name again on every call:
    /// extraction reads a few attributes of every element several times, and that copy was about 1% of its time.
    /// </summary>
    public static string? Attr(this IElement element, string lowerCaseName) => element.GetAttribute(null, lowerCaseName);
}
