using System.Globalization;
using System.Text;
using Gleaner.Dedup;
using Microsoft.Data.Sqlite;

namespace Gleaner.Storage.Sqlite;

/// <summary>
/// The write path of <see cref="SqliteArticleStore"/>: its statements are prepared once per connection and reused by
/// every batch (a crawl saves one record at a time), with their parameters bound by value.
/// </summary>
internal sealed class SqliteRecordWriter : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _nextId;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _anyBucket;
    private readonly SqliteCommand _bucket;
    private readonly SqliteCommand _signature;
    private readonly SqliteCommand _addBands;
    private readonly SqliteCommand _removeBands;
    private readonly SqliteCommand _saveSignature;
    private readonly SqliteCommand _removeSignature;
    private readonly SqliteCommand[] _all;
    private readonly double _storyThreshold;
    private readonly long[] _keys = new long[MinHash.Bands];
    private readonly List<StoryCandidate> _found = new(StoryMatcher.CandidatesPerBandKey * 2);
    private readonly List<long> _candidateIds = new(StoryMatcher.CandidatesPerBandKey * 2);
    private readonly HashSet<long> _seen = [];

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
        // Most records are no copy and find every bucket empty: one statement says so for all keys at once.
        _anyBucket = Create(BandSql("SELECT EXISTS (SELECT 1 FROM story_bands WHERE band_key IN (", "@k{0}", "))"), bandParameters[..^1]);
        // StoryMatcher's candidate rule: the ids of each band key's bucket first (newest first, a few per key; the
        // primary key of story_bands answers from its index alone), then the signatures of the distinct ones only, from
        // a table that holds nothing else.
        _bucket = Create("SELECT article_id FROM story_bands WHERE band_key = @key ORDER BY article_id DESC LIMIT @per_key", "@key", "@per_key");
        _signature = Create("SELECT story_id, signature FROM story_signatures WHERE article_id = @id", "@id");
        _addBands = Create(BandSql("INSERT OR IGNORE INTO story_bands (band_key, article_id) VALUES ", "(@k{0}, @id)", ""), bandParameters);
        _removeBands = Create(BandSql("DELETE FROM story_bands WHERE article_id = @id AND band_key IN (", "@k{0}", ")"), bandParameters);
        _saveSignature = Create("""
            INSERT INTO story_signatures (article_id, story_id, signature) VALUES (@id, @story, @signature)
            ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, signature = excluded.signature
            """, "@id", "@story", "@signature");
        _removeSignature = Create("DELETE FROM story_signatures WHERE article_id = @id", "@id");
        _all = [_find, _nextId, _insert, _update, _anyBucket, _bucket, _signature, _addBands, _removeBands, _saveSignature, _removeSignature];
        _bucket.Parameters[1].Value = StoryMatcher.CandidatesPerBandKey;
    }

    /// <summary>The columns a save writes from the record, in the table's order.</summary>
    private static readonly string[] RecordColumns =
    [
        "published_at", "story_id", "url", "source_domain", "language", "section", "tags", "authors", "site_name",
        "published", "modified", "fetched", "image", "title", "description", "text", "canonical_url",
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

    private async Task<StoryCandidate?> FindMatchAsync(long self, uint[] signature, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _keys.Length; i++)
            _anyBucket.Parameters[i].Value = _keys[i];
        if ((long)(await _anyBucket.ExecuteScalarAsync(cancellationToken))! == 0)
            return null;
        _seen.Clear();
        _seen.Add(self);
        _candidateIds.Clear();
        foreach (var key in _keys)
        {
            _bucket.Parameters[0].Value = key;
            await using var reader = await _bucket.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (_seen.Add(id))
                    _candidateIds.Add(id);
            }
        }
        _found.Clear();
        foreach (var id in _candidateIds)
        {
            _signature.Parameters[0].Value = id;
            await using var reader = await _signature.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                _found.Add(new StoryCandidate(id, reader.GetInt64(0), MinHash.FromBytes(reader.GetFieldValue<byte[]>(1))));
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
        p[16].Value = (object?)article.CanonicalUrl ?? DBNull.Value;
        p[17].Value = now;
    }

    public void Dispose()
    {
        foreach (var command in _all)
            command.Dispose();
    }
}
