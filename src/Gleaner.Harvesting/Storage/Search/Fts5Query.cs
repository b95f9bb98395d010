using System.Text;

namespace Gleaner.Storage.Search;

/// <summary>
/// Writes a parsed query as an SQLite FTS5 MATCH expression. Every term becomes a double-quoted FTS5
/// string built only from letters and digits, so nothing the user typed can act as FTS5 syntax; the
/// expression is passed to SQLite as a parameter.
/// </summary>
internal static class Fts5Query
{
    public static string Translate(QueryNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, QueryNode node)
    {
        switch (node)
        {
            case WordNode word:
                WriteString(builder, SearchQuery.Terms(word.Word), word.Prefix);
                break;
            case PhraseNode phrase:
                WriteString(builder, SearchQuery.Terms(phrase.Phrase), prefix: false);
                break;
            case OrNode or:
                builder.Append('(');
                for (var i = 0; i < or.Alternatives.Count; i++)
                {
                    if (i > 0)
                        builder.Append(" OR ");
                    Write(builder, or.Alternatives[i]);
                }
                builder.Append(')');
                break;
            case AndNode and:
                // FTS5's NOT is binary ("a NOT b"), so the excluded parts wrap the required ones one by one.
                builder.Append('(', and.Excluded.Count + 1);
                for (var i = 0; i < and.Required.Count; i++)
                {
                    if (i > 0)
                        builder.Append(" AND ");
                    Write(builder, and.Required[i]);
                }
                builder.Append(')');
                foreach (var excluded in and.Excluded)
                {
                    builder.Append(" NOT ");
                    Write(builder, excluded);
                    builder.Append(')');
                }
                break;
            default:
                throw new ArgumentException($"unknown query node {node.GetType().Name}", nameof(node));
        }
    }

    /// <summary>
    /// The phrases of an expression <see cref="Translate"/> wrote, in FTS5's order (left to right), each as an
    /// expression of its own (a prefix phrase keeps its <c>*</c>).
    /// </summary>
    public static IReadOnlyList<string> Phrases(string expression)
    {
        var phrases = new List<string>();
        foreach (var (start, length) in PhraseSpans(expression))
            phrases.Add(expression.Substring(start, length));
        return phrases;
    }

    /// <summary>Where each phrase of <paramref name="expression"/> (as <see cref="Phrases"/> lists them) starts and how long it is.</summary>
    public static List<(int Start, int Length)> PhraseSpans(string expression)
    {
        var spans = new List<(int, int)>();
        var i = 0;
        while ((i = expression.IndexOf('"', i)) >= 0)
        {
            var end = i + 1;
            while (end < expression.Length && (expression[end] != '"' || (end + 1 < expression.Length && expression[end + 1] == '"')))
                end += expression[end] == '"' ? 2 : 1; // a doubled quote is a quote inside the string
            var stop = Math.Min(end + 1, expression.Length);
            if (expression.AsSpan(stop).StartsWith(" *", StringComparison.Ordinal))
                stop += 2;
            spans.Add((i, stop - i));
            i = stop;
        }
        return spans;
    }

    /// <summary>
    /// The words of a prefix phrase (<c>"new yor" *</c>) written by <see cref="Translate"/>, without its quotes and star
    /// (<c>new</c>, <c>yor</c>); null when <paramref name="phrase"/> is not a prefix phrase.
    /// </summary>
    public static string[]? PrefixTerms(string phrase) =>
        phrase.Length > 4 && phrase.EndsWith("\" *", StringComparison.Ordinal) && phrase[0] == '"'
            ? phrase[1..^3].Replace("\"\"", "\"", StringComparison.Ordinal).Split(' ')
            : null;

    /// <summary>
    /// The words of a phrase of several words written by <see cref="Translate"/> (<c>"the company said"</c>: <c>the</c>,
    /// <c>company</c>, <c>said</c>); null for a single word or a prefix phrase.
    /// </summary>
    public static string[]? PhraseWords(string phrase)
    {
        if (phrase.Length < 2 || phrase[0] != '"' || phrase[^1] != '"')
            return null;
        var terms = phrase[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Split(' ');
        return terms.Length < 2 ? null : terms;
    }

    /// <summary>An FTS5 string (a phrase) of <paramref name="terms"/>, quoted.</summary>
    public static string Quote(IReadOnlyList<string> terms)
    {
        var builder = new StringBuilder();
        WriteString(builder, terms, prefix: false);
        return builder.ToString();
    }

    private static void WriteString(StringBuilder builder, IReadOnlyList<string> terms, bool prefix)
    {
        builder.Append('"');
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0)
                builder.Append(' ');
            // Terms hold only letters and digits; doubling quotes is the FTS5 escape should that ever change.
            builder.Append(terms[i].Replace("\"", "\"\"", StringComparison.Ordinal));
        }
        builder.Append('"');
        if (prefix)
            builder.Append(" *");
    }
}
