using System.Globalization;
using System.Text;
using Gleaner.Dedup;
using Microsoft.Data.Sqlite;

namespace Gleaner.Storage.Sqlite;

/// <summary>
/// The write path of <see cref="SqliteArticleStore"/>: its statements are prepared once per connection and reused by
/// every batch (a crawl saves one record at a time), with their parameters bound by value.
/// The constructor prepares them, so it must run while no transaction is open on the connection.
/// </summary>
internal sealed class SqliteRecordWriter : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _nextId;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _candidates;
    private readonly SqliteCommand _addBands;
    private readonly SqliteCommand _removeBands;
    private readonly SqliteCommand _saveSignature;
    private readonly SqliteCommand _removeSignature;
    private readonly SqliteCommand[] _all;
    private readonly double _storyThreshold;
    private readonly long[] _keys = new long[MinHash.Bands];
    private readonly List<StoryCandidate> _found = new(StoryMatcher.CandidatesPerBandKey * 2);

    public SqliteRecordWriter(SqliteConnection connection, double storyThreshold)
    {
        _storyThreshold = storyThreshold;
        SqliteCommand Create(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
                command.Parameters.Add(new SqliteParameter(name, null));
            return command;
        }
        string[] bandParameters = [.. Enumerable.Range(0, MinHash.Bands).Select(i => "@k" + i.ToString(CultureInfo.InvariantCulture)), "@id"];

        _find = Create("SELECT a.id, s.signature FROM articles a LEFT JOIN story_signatures s ON s.article_id = a.id WHERE a.url = @url", "@url");
        // Writes hold the write lock (BEGIN IMMEDIATE), so ids taken from here on are this batch's alone; knowing a
        // record's id before it is written lets one INSERT carry its story too.
        _nextId = Create("SELECT coalesce(max(id), 0) + 1 FROM articles");
        _insert = Create($"""
            INSERT INTO articles (id, {string.Join(", ", RecordColumns)}, first_seen, last_saved)
            VALUES (@id, {string.Join(", ", RecordColumns.Select(c => "@" + c))}, @now, @now)
            """, [.. RecordParameters, "@id"]);
        _update = Create($"""
            UPDATE articles SET {string.Join(", ", RecordColumns.Select(c => $"{c} = @{c}"))}, last_saved = @now
            WHERE id = @id
            """, [.. RecordParameters, "@id"]);
        _candidates = Create(CandidateSql(), [.. bandParameters[..^1], "@self", "@per_key"]);
        _addBands = Create(BandSql("INSERT OR IGNORE INTO story_bands (band_key, article_id) VALUES ", "(@k{0}, @id)", ""), bandParameters);
        _removeBands = Create(BandSql("DELETE FROM story_bands WHERE article_id = @id AND band_key IN (", "@k{0}", ")"), bandParameters);
        _saveSignature = Create("""
            INSERT INTO story_signatures (article_id, story_id, signature) VALUES (@id, @story, @signature)
            ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, signature = excluded.signature
            """, "@id", "@story", "@signature");
        _removeSignature = Create("DELETE FROM story_signatures WHERE article_id = @id", "@id");
        _all = [_find, _nextId, _insert, _update, _candidates, _addBands, _removeBands, _saveSignature, _removeSignature];
        _candidates.Parameters["@per_key"].Value = StoryMatcher.CandidatesPerBandKey;
        // Without an explicit Prepare, Microsoft.Data.Sqlite compiles a command's SQL again on every execution.
        foreach (var command in _all)
            command.Prepare();
    }

    /// <summary>The columns a save writes from the record, in the table's order.</summary>
    private static readonly string[] RecordColumns =
    [
        "published_at", "story_id", "url", "source_domain", "language", "section", "tags", "authors", "site_name",
        "published", "modified", "fetched", "image", "title", "description", "text",
    ];

    private static readonly string[] RecordParameters = [.. RecordColumns.Select(c => "@" + c), "@now"];

    /// <summary>Writes a prepared batch in <paramref name="transaction"/>; the caller commits.</summary>
    public async Task<SaveResult> WriteAsync(IReadOnlyList<PreparedRecord> records, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var command in _all)
            command.Transaction = transaction;
        var now = StoreRecords.FormatInstant(DateTimeOffset.UtcNow);
        var nextId = (long)(await _nextId.ExecuteScalarAsync(cancellationToken))!;
        int inserted = 0, updated = 0, linked = 0;
        foreach (var record in records)
        {
            _find.Parameters[0].Value = record.Key;
            long id = 0;
            uint[]? oldSignature = null;
            var existing = false;
            await using (var reader = await _find.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    existing = true;
                    id = reader.GetInt64(0);
                    if (!reader.IsDBNull(1))
                        oldSignature = MinHash.FromBytes(reader.GetFieldValue<byte[]>(1));
                }
            }
            if (!existing)
                id = nextId++;
            else if (oldSignature is not null)
            {
                // The record leaves its old buckets first, so it is never its own candidate.
                MinHash.BandKeys(oldSignature, _keys);
                await ExecuteForBandsAsync(_removeBands, id, cancellationToken);
            }

            var story = id;
            if (record.Signature is { } signature)
            {
                MinHash.BandKeys(signature, _keys);
                if (await FindMatchAsync(id, signature, cancellationToken) is { } match)
                {
                    story = match.StoryId;
                    linked++;
                }
            }

            var write = existing ? _update : _insert;
            Bind(write.Parameters, record, story, now);
            write.Parameters["@id"].Value = id;
            await write.ExecuteNonQueryAsync(cancellationToken);
            if (existing)
                updated++;
            else
                inserted++;

            if (record.Signature is not null)
            {
                await ExecuteForBandsAsync(_addBands, id, cancellationToken);
                _saveSignature.Parameters[0].Value = id;
                _saveSignature.Parameters[1].Value = story;
                _saveSignature.Parameters[2].Value = MinHash.ToBytes(record.Signature);
                await _saveSignature.ExecuteNonQueryAsync(cancellationToken);
            }
            else if (oldSignature is not null)
            {
                _removeSignature.Parameters[0].Value = id;
                await _removeSignature.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        return new SaveResult(inserted, updated, linked);
    }

    /// <summary>
    /// The candidates of <see cref="StoryMatcher"/>'s rule: the ids filed under each band key in <see cref="_keys"/>
    /// (newest first, at most <see cref="StoryMatcher.CandidatesPerBandKey"/> a key), each id once, and only then their
    /// signatures, from the signature table, which holds nothing else.
    /// </summary>
    private static string CandidateSql()
    {
        var sql = new StringBuilder("WITH candidates(id) AS (");
        for (var i = 0; i < MinHash.Bands; i++)
            sql.Append(i == 0 ? "\n    " : "\n    UNION ")
                .Append(CultureInfo.InvariantCulture, $"SELECT * FROM (SELECT article_id FROM story_bands WHERE band_key = @k{i} ORDER BY article_id DESC LIMIT @per_key)");
        sql.Append(")\nSELECT s.article_id, s.story_id, s.signature FROM candidates c JOIN story_signatures s ON s.article_id = c.id WHERE c.id <> @self");
        return sql.ToString();
    }

    private async Task<StoryCandidate?> FindMatchAsync(long self, uint[] signature, CancellationToken cancellationToken)
    {
        var parameters = _candidates.Parameters;
        for (var i = 0; i < _keys.Length; i++)
            parameters[i].Value = _keys[i];
        parameters["@self"].Value = self;
        _found.Clear();
        await using (var reader = await _candidates.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                _found.Add(new StoryCandidate(reader.GetInt64(0), reader.GetInt64(1), MinHash.FromBytes(reader.GetFieldValue<byte[]>(2))));
        }
        return StoryMatcher.BestMatch(signature, _found, _storyThreshold);
    }

    /// <summary>One statement for all of a record's band keys: <paramref name="item"/> repeated for @k0, @k1...</summary>
    private static string BandSql(string head, string item, string tail)
    {
        var sql = new StringBuilder(head);
        for (var i = 0; i < MinHash.Bands; i++)
            sql.Append(i == 0 ? "" : ", ").Append(string.Format(CultureInfo.InvariantCulture, item, i));
        return sql.Append(tail).ToString();
    }

    private async Task ExecuteForBandsAsync(SqliteCommand command, long id, CancellationToken cancellationToken)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < _keys.Length; i++)
            parameters[i].Value = _keys[i];
        parameters[MinHash.Bands].Value = id;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(SqliteParameterCollection p, PreparedRecord record, long story, string now)
    {
        var article = record.Article;
        // In RecordParameters' order.
        p[0].Value = record.Published is { } published ? published.ToUnixTimeSeconds() : DBNull.Value;
        p[1].Value = story;
        p[2].Value = record.Key;
        p[3].Value = (object?)record.SourceDomain ?? DBNull.Value;
        p[4].Value = (object?)record.Language ?? DBNull.Value;
        p[5].Value = (object?)article.Section ?? DBNull.Value;
        p[6].Value = JsonStringArray.Write(article.Tags);
        p[7].Value = JsonStringArray.Write(article.Authors);
        p[8].Value = (object?)article.SiteName ?? DBNull.Value;
        p[9].Value = (object?)article.Published ?? DBNull.Value;
        p[10].Value = (object?)article.Modified ?? DBNull.Value;
        p[11].Value = (object?)article.Fetched ?? DBNull.Value;
        p[12].Value = (object?)article.Image ?? DBNull.Value;
        p[13].Value = (object?)article.Title ?? DBNull.Value;
        p[14].Value = (object?)article.Description ?? DBNull.Value;
        p[15].Value = (object?)article.Text ?? DBNull.Value;
        p[16].Value = now;
    }

    public void Dispose()
    {
        foreach (var command in _all)
            command.Dispose();
    }
}
