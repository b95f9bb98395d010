using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace Gleaner.Extraction;

/// <summary>
/// Scripts' text held aside from the parser (<see cref="ParserInput.Prepare(ReadOnlyMemory{char}, int, char[], out ReadOnlyMemory{char}[], out char[])"/>):
/// such a script reaches the parser holding only a marker, a private-use character and the text's index; its document
/// keeps the text's place in the source here, made a string only when a reader asks (<see cref="ElementText.Of"/>).
/// </summary>
internal static class ScriptTexts
{
    /// <summary>The marker's first character, from Unicode's private use area: no page has a reason to start a script with it
    /// (and a page that does has none of its scripts held).</summary>
    public const char Marker = '\uE000';

    /// <summary>The longest marker: the character and an index of up to ten digits.</summary>
    public const int MaxMarkerChars = 11;

    /// <summary>A document's held texts: where each stands in the source, and each as a string once read.</summary>
    private sealed class Held(ReadOnlyMemory<char>[] sources)
    {
        public readonly ReadOnlyMemory<char>[] Sources = sources;
        public readonly string?[] Texts = new string?[sources.Length];
    }

    private static readonly ConditionalWeakTable<IDocument, Held> Documents = new();

    /// <summary>Writes the marker of text number <paramref name="index"/>; returns its length.</summary>
    public static int WriteMarker(int index, Span<char> into)
    {
        into[0] = Marker;
        index.TryFormat(into[1..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        return 1 + digits;
    }

    /// <summary>Keeps a document's held texts with it. The source they stand in must stay unchanged while it is read.</summary>
    public static void Attach(IDocument document, ReadOnlyMemory<char>[]? held)
    {
        if (held is not null)
            Documents.AddOrUpdate(document, new Held(held));
    }

    /// <summary>The held text a script's marker stands for; null when the text is not a marker of its document.</summary>
    public static string? Of(IElement script, string marker)
    {
        if (marker.Length < 2 || marker[0] != Marker
            || !int.TryParse(marker.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || script.Owner is not { } document || !Documents.TryGetValue(document, out var held) || index >= held.Sources.Length)
            return null;
        return held.Texts[index] ??= AsTokenized(held.Sources[index].Span);
    }

    /// <summary>A script's text as the tokenizer gives it: line breaks as "\n" (CR LF and a lone CR), NUL as U+FFFD.</summary>
    private static string AsTokenized(ReadOnlySpan<char> content)
    {
        if (!content.ContainsAny('\r', '\0'))
            return new string(content);
        var text = new System.Text.StringBuilder(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '\r')
            {
                text.Append('\n');
                if (i + 1 < content.Length && content[i + 1] == '\n')
                    i++;
            }
            else
                text.Append(c == '\0' ? '\uFFFD' : c);
        }
        return text.ToString();
    }
}
