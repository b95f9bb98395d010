using System.Text;
using Gleaner.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Gleaner.Storage.Sqlite;

/// <summary>How a phrase of a MATCH expression is weighed by <see cref="Fts5Ranking"/>.</summary>
internal enum Fts5PhraseKind
{
    /// <summary>A word or phrase: the records holding it are counted.</summary>
    Counted,

    /// <summary>A prefix, or the first word of one spelled out: taken as held by 1 record in 100.</summary>
    Prefix,

    /// <summary>A further word of a prefix spelled out: one phrase with the one before it.</summary>
    SamePrefix,
}

/// <summary>A phrase of a MATCH expression, in FTS5's order, and how the ranking weighs it.</summary>
internal readonly record struct Fts5Phrase(string Text, Fts5PhraseKind Kind);

/// <summary>A MATCH expression and its phrases.</summary>
internal sealed record Fts5Match(string Expression, IReadOnlyList<Fts5Phrase> Phrases);

/// <summary>
/// Spells a prefix phrase (<c>"pres" *</c>) out as the words of the index it covers (<c>("presence" OR "present" OR
/// ...)</c>). The store's FTS5 index has no prefix index, so FTS5 answers a prefix by merging the lists of every word it
/// covers into one, in full, on every read of the statement (100-200 ms at a million records, several reads a search);
/// an OR of words is read lazily, newest first, and stops with the statement's LIMIT. The matches are the same, and
/// <see cref="Fts5Ranking"/> sums the words of one prefix as one phrase, so the scores are too. The words come from
/// FTS5's own vocabulary (fts5vocab) and are kept until the store changes (PRAGMA data_version for other connections'
/// commits, total_changes() for this one's). A prefix of more than <see cref="MaxWords"/> words, or with a letter other
/// than a-z or 0-9 (which the tokenizer may fold differently), stays a prefix.
/// </summary>
internal sealed class Fts5PrefixWords(SqliteConnection connection)
{
    /// <summary>Most words a prefix is spelled out as; beyond, FTS5's merge is left to answer it.</summary>
    public const int MaxWords = 128;

    /// <summary>Most prefixes remembered: a long-running server reads queries from anyone, so the cache starts over beyond this.</summary>
    internal const int MaxRemembered = 1024;

    private static readonly System.Buffers.SearchValues<char> AsciiWordCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    private readonly Dictionary<string, string[]?> _words = new(StringComparer.Ordinal);
    private (long DataVersion, long Changes) _seen = (-1, -1);
    private bool _vocabularyTable;

    /// <summary>How many prefixes are remembered now.</summary>
    internal int Remembered => _words.Count;

    /// <summary><paramref name="expression"/> (from <see cref="Fts5Query.Translate"/>) with its prefixes spelled out, and its phrases.</summary>
    public async Task<Fts5Match> ExpandAsync(string expression, CancellationToken cancellationToken)
    {
        var spans = Fts5Query.PhraseSpans(expression);
        var phrases = new List<Fts5Phrase>(spans.Count);
        StringBuilder? rewritten = null;
        var copied = 0;
        var checkedStore = false;
        foreach (var (start, length) in spans)
        {
            var phrase = expression.Substring(start, length);
            if (Fts5Query.PrefixTerms(phrase) is not { } terms)
            {
                phrases.Add(new(phrase, Fts5PhraseKind.Counted));
                continue;
            }
            if (!checkedStore)
            {
                await ForgetIfChangedAsync(cancellationToken);
                checkedStore = true;
            }
            if (await WordsAsync(terms[^1], cancellationToken) is not { } words)
            {
                phrases.Add(new(phrase, Fts5PhraseKind.Prefix));
                continue;
            }
            rewritten ??= new StringBuilder(expression.Length * 4);
            rewritten.Append(expression, copied, start - copied).Append('(');
            for (var i = 0; i < words.Length; i++)
            {
                terms[^1] = words[i];
                var spelled = Fts5Query.Quote(terms);
                rewritten.Append(i == 0 ? "" : " OR ").Append(spelled);
                phrases.Add(new(spelled, i == 0 ? Fts5PhraseKind.Prefix : Fts5PhraseKind.SamePrefix));
            }
            rewritten.Append(')');
            copied = start + length;
        }
        return new Fts5Match(rewritten is null ? expression : rewritten.Append(expression, copied, expression.Length - copied).ToString(), phrases);
    }

    /// <summary>The words of the index that start with <paramref name="prefix"/>, in order; null when it stays a prefix.</summary>
    private async Task<string[]?> WordsAsync(string prefix, CancellationToken cancellationToken)
    {
        if (prefix.Length == 0 || prefix.AsSpan().IndexOfAnyExcept(AsciiWordCharacters) >= 0)
            return null;
        if (_words.TryGetValue(prefix, out var known))
            return known;
        if (!_vocabularyTable)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.gleaner_fts_words USING fts5vocab(main, articles_fts, 'row')";
            await create.ExecuteNonQueryAsync(cancellationToken);
            _vocabularyTable = true;
        }
        var words = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            // Terms come in byte order, so the words of a prefix are one run from the first at or after it.
            read.CommandText = "SELECT term FROM temp.gleaner_fts_words WHERE term >= @prefix";
            read.Parameters.AddWithValue("@prefix", prefix);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var term = reader.GetString(0);
                if (!term.StartsWith(prefix, StringComparison.Ordinal))
                    break;
                words.Add(term);
                if (words.Count > MaxWords)
                    break;
            }
        }
        // No word at all: the prefix matches nothing, which FTS5 finds at no cost.
        var found = words.Count is > 0 and <= MaxWords ? words.ToArray() : null;
        if (_words.Count >= MaxRemembered)
            _words.Clear();
        _words[prefix] = found;
        return found;
    }

    private async Task ForgetIfChangedAsync(CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT (SELECT data_version FROM pragma_data_version), total_changes()";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var seen = (reader.GetInt64(0), reader.GetInt64(1));
        if (seen == _seen)
            return;
        _words.Clear();
        _seen = seen;
    }
}
