using System.Buffers;
using System.Text;

namespace Gleaner.Extraction;

/// <summary>
/// Looks for any of many phrases in a text at once. A set that holds a phrase with letters beyond ASCII is searched
/// character by character; a set of ASCII phrases is searched by vectors. So the two kinds are kept apart, and the
/// phrases beyond ASCII are looked for only in texts that have such letters (most lines of most pages have none).
/// </summary>
internal sealed class PhraseSearch(IEnumerable<string> phrases, StringComparison comparison = StringComparison.Ordinal)
{
    private readonly SearchValues<string> _ascii = SearchValues.Create(phrases.Where(phrase => Ascii.IsValid(phrase)).ToArray(), comparison);
    private readonly SearchValues<string> _other = SearchValues.Create(phrases.Where(phrase => !Ascii.IsValid(phrase)).ToArray(), comparison);

    public bool In(ReadOnlySpan<char> text) => text.ContainsAny(_ascii) || !Ascii.IsValid(text) && text.ContainsAny(_other);
}
