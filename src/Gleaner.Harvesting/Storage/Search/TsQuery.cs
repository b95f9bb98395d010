using System.Text;

namespace Gleaner.Storage.Search;

/// <summary>
/// Writes a parsed query as a PostgreSQL tsquery expression built from parameters: every word or
/// phrase becomes <c>plainto_tsquery</c> / <c>phraseto_tsquery</c> / <c>to_tsquery</c> of a parameter
/// with a text-search configuration given as another parameter. The SQL text is made only from the
/// query's shape; the user's words travel as parameter values.
/// </summary>
internal sealed class TsQuery
{
    private TsQuery(string template, IReadOnlyList<string> values)
    {
        Template = template;
        Values = values;
    }

    /// <summary>
    /// The SQL expression, with <c>{cfg}</c> where the configuration parameter goes and <c>@q0</c>,
    /// <c>@q1</c>... for the values; call <see cref="ForConfiguration"/> to fill in the configuration.
    /// </summary>
    public string Template { get; }

    /// <summary>The values of <c>@q0</c>, <c>@q1</c>...</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The expression with <paramref name="configurationParameter"/> (e.g. <c>@cfg0</c>) as its configuration.</summary>
    public string ForConfiguration(string configurationParameter) =>
        Template.Replace("{cfg}", configurationParameter, StringComparison.Ordinal);

    public static TsQuery Translate(QueryNode node)
    {
        var builder = new StringBuilder();
        var values = new List<string>();
        Write(builder, values, node);
        return new TsQuery(builder.ToString(), values);
    }

    private static void Write(StringBuilder builder, List<string> values, QueryNode node)
    {
        switch (node)
        {
            case WordNode word:
                WriteTerms(builder, values, SearchQuery.Terms(word.Word), word.Prefix);
                break;
            case PhraseNode phrase:
                WriteTerms(builder, values, SearchQuery.Terms(phrase.Phrase), prefix: false);
                break;
            case OrNode or:
                builder.Append('(');
                for (var i = 0; i < or.Alternatives.Count; i++)
                {
                    if (i > 0)
                        builder.Append(" || ");
                    Write(builder, values, or.Alternatives[i]);
                }
                builder.Append(')');
                break;
            case AndNode and:
                builder.Append('(');
                for (var i = 0; i < and.Required.Count; i++)
                {
                    if (i > 0)
                        builder.Append(" && ");
                    Write(builder, values, and.Required[i]);
                }
                foreach (var excluded in and.Excluded)
                {
                    builder.Append(" && !!");
                    Write(builder, values, excluded);
                }
                builder.Append(')');
                break;
            default:
                throw new ArgumentException($"unknown query node {node.GetType().Name}", nameof(node));
        }
    }

    private static void WriteTerms(StringBuilder builder, List<string> values, IReadOnlyList<string> terms, bool prefix)
    {
        var parameter = "@q" + values.Count;
        if (prefix)
        {
            // to_tsquery syntax: each term quoted (terms hold only letters and digits), adjacent, the last a prefix.
            var text = new StringBuilder();
            for (var i = 0; i < terms.Count; i++)
            {
                if (i > 0)
                    text.Append(" <-> ");
                text.Append('\'').Append(terms[i].Replace("'", "''", StringComparison.Ordinal)).Append('\'');
            }
            text.Append(":*");
            values.Add(text.ToString());
            builder.Append("to_tsquery({cfg}, ").Append(parameter).Append(')');
        }
        else
        {
            values.Add(string.Join(' ', terms));
            builder.Append(terms.Count == 1 ? "plainto_tsquery({cfg}, " : "phraseto_tsquery({cfg}, ").Append(parameter).Append(')');
        }
    }
}
