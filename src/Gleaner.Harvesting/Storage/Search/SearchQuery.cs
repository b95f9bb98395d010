using System.Text;

namespace Gleaner.Storage.Search;

/// <summary>A node of a parsed search query.</summary>
internal abstract record QueryNode;

/// <summary>A word; <see cref="Prefix"/> when written with a trailing <c>*</c> (<c>korea*</c>).</summary>
internal sealed record WordNode(string Word, bool Prefix) : QueryNode;

/// <summary>A "quoted phrase": its words in this order, next to each other.</summary>
internal sealed record PhraseNode(string Phrase) : QueryNode;

/// <summary>Every positive part must match and no excluded part may.</summary>
internal sealed record AndNode(IReadOnlyList<QueryNode> Required, IReadOnlyList<QueryNode> Excluded) : QueryNode;

/// <summary>At least one alternative must match.</summary>
internal sealed record OrNode(IReadOnlyList<QueryNode> Alternatives) : QueryNode;

/// <summary>A query that cannot be parsed; the message says why and where.</summary>
public sealed class SearchQueryException(string message) : FormatException(message);

/// <summary>
/// The search syntax: words (all must match), <c>"quoted phrases"</c>, <c>-excluded</c> words or phrases,
/// <c>OR</c> between alternatives (binding looser than the implicit AND), parentheses for grouping and
/// a trailing <c>*</c> for a prefix. Words are compared case-insensitively; punctuation inside a word
/// splits it as the index does (<c>covid-19</c> is the phrase <c>covid 19</c>). Queries over the limits
/// below (<see cref="MaxLength"/>, <see cref="MaxTerms"/>, <see cref="MaxPrefixTerms"/>,
/// <see cref="MinPrefixLength"/>, <see cref="MaxOrOperators"/>, <see cref="MaxNesting"/>) are refused
/// with a message naming the limit.
/// </summary>
public static class SearchQuery
{
    // The limits below bound the work one query can ask of either backend (both parse through here):
    // a search costs about the sum of its terms' index lists, and a short prefix (c*) expands to
    // a large part of the whole index.

    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>Most words in a query, counting those in phrases and excluded ones (<c>covid-19</c> is two).</summary>
    public const int MaxTerms = 32;

    /// <summary>Most prefix words (<c>korea*</c>) in a query.</summary>
    public const int MaxPrefixTerms = 4;

    /// <summary>Fewest letters or digits before a <c>*</c>.</summary>
    public const int MinPrefixLength = 3;

    /// <summary>Most <c>OR</c> operators in a query.</summary>
    public const int MaxOrOperators = 16;

    /// <summary>Deepest nesting of parentheses.</summary>
    public const int MaxNesting = 8;

    /// <summary>Checks <paramref name="query"/> as the stores will read it (before opening one): throws <see cref="SearchQueryException"/>
    /// with a clear message when it is malformed or over a limit.</summary>
    public static void Validate(string query) => Parse(query);

    /// <summary>Parses <paramref name="query"/>; throws <see cref="SearchQueryException"/> with a clear message when it is malformed.</summary>
    internal static QueryNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxLength)
            throw new SearchQueryException($"the query is longer than {MaxLength} characters (the limit)");
        var tokens = Tokenize(query);
        if (tokens.Count == 0)
            throw new SearchQueryException("the query has no words to search for");
        var parser = new Parser(tokens);
        var node = parser.ParseOr();
        if (parser.Position < tokens.Count)
            throw new SearchQueryException(tokens[parser.Position].Kind == TokenKind.Close
                ? "a ')' has no matching '('"
                : $"unexpected '{tokens[parser.Position].Text}'");
        return node;
    }

    /// <summary>The searchable pieces of a word: its runs of letters and digits, lower-cased.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark)
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            else if (builder.Length > 0)
            {
                terms.Add(builder.ToString());
                builder.Clear();
            }
        }
        if (builder.Length > 0)
            terms.Add(builder.ToString());
        return terms;
    }

    private enum TokenKind { Word, Phrase, Or, Minus, Open, Close }

    private sealed record Token(TokenKind Kind, string Text, bool Prefix = false);

    private static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        int terms = 0, prefixes = 0, ors = 0;
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '"')
            {
                var end = query.IndexOf('"', i + 1);
                if (end < 0)
                    throw new SearchQueryException($"the quote at character {i + 1} is not closed");
                var phrase = query[(i + 1)..end];
                var phraseTerms = Terms(phrase).Count;
                if (phraseTerms == 0)
                    throw new SearchQueryException($"the quoted phrase at character {i + 1} has no words");
                CountTerms(ref terms, phraseTerms);
                tokens.Add(new Token(TokenKind.Phrase, phrase));
                i = end + 1;
                continue;
            }
            if (c == '(' || c == ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString()));
                i++;
                continue;
            }
            if (c == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]) && (i == 0 || char.IsWhiteSpace(query[i - 1]) || query[i - 1] == '('))
            {
                tokens.Add(new Token(TokenKind.Minus, "-"));
                i++;
                continue;
            }
            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not '"' and not '(' and not ')')
                i++;
            var word = query[start..i];
            if (word == "OR")
            {
                if (++ors > MaxOrOperators)
                    throw new SearchQueryException($"the query has more than {MaxOrOperators} ORs (the limit)");
                tokens.Add(new Token(TokenKind.Or, word));
                continue;
            }
            var prefix = word.EndsWith('*');
            var bare = word.TrimEnd('*');
            var wordTerms = Terms(bare);
            if (wordTerms.Count == 0)
            {
                // Pure punctuation ("&", "--") matches nothing the index holds; a lone "*" is a mistake worth naming.
                if (word.Contains('*'))
                    throw new SearchQueryException($"'{word}': a '*' must follow a word (korea*)");
                continue;
            }
            CountTerms(ref terms, wordTerms.Count);
            if (prefix)
            {
                if (++prefixes > MaxPrefixTerms)
                    throw new SearchQueryException($"the query has more than {MaxPrefixTerms} prefix words (word*), the limit");
                // The last term is the one the index expands; counted in Unicode characters, not UTF-16 units.
                var stemLength = 0;
                foreach (var _ in wordTerms[^1].EnumerateRunes())
                    stemLength++;
                if (stemLength < MinPrefixLength)
                    throw new SearchQueryException($"'{word}': a prefix needs at least {MinPrefixLength} letters or digits before the '*'");
            }
            tokens.Add(new Token(TokenKind.Word, bare, prefix));
        }
        return tokens;
    }

    private static void CountTerms(ref int terms, int more)
    {
        terms += more;
        if (terms > MaxTerms)
            throw new SearchQueryException($"the query has more than {MaxTerms} words (the limit)");
    }

    private sealed class Parser(List<Token> tokens)
    {
        public int Position;
        private int _depth;

        public QueryNode ParseOr()
        {
            var alternatives = new List<QueryNode> { ParseAnd() };
            while (Position < tokens.Count && tokens[Position].Kind == TokenKind.Or)
            {
                Position++;
                if (Position == tokens.Count || tokens[Position].Kind is TokenKind.Or or TokenKind.Close)
                    throw new SearchQueryException("'OR' must stand between two alternatives");
                alternatives.Add(ParseAnd());
            }
            return alternatives.Count == 1 ? alternatives[0] : new OrNode(alternatives);
        }

        private QueryNode ParseAnd()
        {
            if (Position < tokens.Count && tokens[Position].Kind == TokenKind.Or)
                throw new SearchQueryException("'OR' must stand between two alternatives");
            var required = new List<QueryNode>();
            var excluded = new List<QueryNode>();
            while (Position < tokens.Count && tokens[Position].Kind is not TokenKind.Or and not TokenKind.Close)
            {
                var negated = false;
                if (tokens[Position].Kind == TokenKind.Minus)
                {
                    negated = true;
                    Position++;
                    if (Position == tokens.Count || tokens[Position].Kind is TokenKind.Or or TokenKind.Close or TokenKind.Minus)
                        throw new SearchQueryException("a '-' must be followed by the word or phrase to exclude");
                }
                var node = ParsePrimary();
                (negated ? excluded : required).Add(node);
            }
            if (required.Count == 0)
                throw new SearchQueryException(excluded.Count > 0
                    ? "a query (or each side of an OR) needs a word to find, not only -excluded ones"
                    : "empty parentheses or alternative");
            return required.Count == 1 && excluded.Count == 0 ? required[0] : new AndNode(required, excluded);
        }

        private QueryNode ParsePrimary()
        {
            var token = tokens[Position++];
            switch (token.Kind)
            {
                case TokenKind.Word:
                    return new WordNode(token.Text, token.Prefix);
                case TokenKind.Phrase:
                    return new PhraseNode(token.Text);
                case TokenKind.Open:
                    if (++_depth > MaxNesting)
                        throw new SearchQueryException($"parentheses are nested deeper than {MaxNesting} (the limit)");
                    var inner = ParseOr();
                    _depth--;
                    if (Position == tokens.Count || tokens[Position].Kind != TokenKind.Close)
                        throw new SearchQueryException("a '(' is not closed");
                    Position++;
                    return inner;
                default:
                    throw new SearchQueryException($"unexpected '{token.Text}'");
            }
        }
    }
}
