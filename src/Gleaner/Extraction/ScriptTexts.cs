using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace Gleaner.Extraction;

/// <summary>
/// Scripts' text held aside from the parser (<see cref="ParserInput.Prepare(ReadOnlyMemory{char}, int, char[], out string[])"/>):
/// such a script reaches the parser holding only a marker, a private-use character and the text's index, and its document
/// keeps the texts here, for <see cref="ElementText.Of"/> to read.
/// </summary>
internal static class ScriptTexts
{
    /// <summary>The marker's first character, from Unicode's private use area: no page has a reason to start a script with it
    /// (and a page that does has none of its scripts held).</summary>
    public const char Marker = '\uE000';

    /// <summary>The longest marker: the character and an index of up to ten digits.</summary>
    public const int MaxMarkerChars = 11;

    private static readonly ConditionalWeakTable<IDocument, string[]> Held = new();

    /// <summary>Writes the marker of text number <paramref name="index"/>; returns its length.</summary>
    public static int WriteMarker(int index, Span<char> into)
    {
        into[0] = Marker;
        index.TryFormat(into[1..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        return 1 + digits;
    }

    /// <summary>Keeps a document's held texts with it, for as long as it lives.</summary>
    public static void Attach(IDocument document, string[]? held)
    {
        if (held is not null)
            Held.AddOrUpdate(document, held);
    }

    /// <summary>The held text a script's marker stands for; null when the text is not a marker of its document.</summary>
    public static string? Of(IElement script, string text)
    {
        if (text.Length < 2 || text[0] != Marker || !int.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || !Held.TryGetValue(script.Owner!, out var held) || index >= held.Length)
            return null;
        return held[index];
    }
}
