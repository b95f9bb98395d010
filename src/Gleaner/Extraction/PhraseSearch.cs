using System.Buffers;
using System.Text;

namespace Gleaner.Extraction;

/// <summary>
/// An ordinal search for any of a set of phrases. SearchValues searches a set holding non-ASCII phrases character by
/// character (Aho-Corasick with a dictionary lookup per character), a set of ASCII phrases vectorized. A text holding
/// none of the first non-ASCII characters of the non-ASCII phrases ("ü" of "nur für abonnenten") can hold none of those
/// phrases, so it is searched for the ASCII phrases alone: the answers are those of one search of the whole set.
/// </summary>
internal sealed class PhraseSearch(IReadOnlyCollection<string> phrases)
{
    private readonly SearchValues<string> _all = SearchValues.Create([.. phrases], StringComparison.Ordinal);
    private readonly SearchValues<string> _ascii = SearchValues.Create([.. phrases.Where(phrase => Ascii.IsValid(phrase))], StringComparison.Ordinal);
    private readonly SearchValues<char> _nonAsciiMarks = SearchValues.Create(
        [.. phrases.Where(phrase => !Ascii.IsValid(phrase)).Select(phrase => phrase[phrase.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f')]).Distinct()]);

    public bool In(ReadOnlySpan<char> text) => text.ContainsAny(text.ContainsAny(_nonAsciiMarks) ? _all : _ascii);
}
