using System.Globalization;
using System.Text;
using Gleaner.Dedup;
using Microsoft.Data.Sqlite;

namespace Gleaner.Storage.Sqlite;

/// <summary>
/// The reads and writes of <see cref="SqliteArticleStore"/>'s save path: its statements are prepared once per connection
/// and reused by every batch (a crawl saves one record at a time), with their parameters bound by value.
/// </summary>
internal sealed class SqliteRecordWriter : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _nextId;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _occupied;
    private readonly SqliteCommand _bucket;
    private readonly SqliteCommand _signature;
    private readonly SqliteCommand _addBands;
    private readonly SqliteCommand _removeBands;
    private readonly SqliteCommand _saveSignature;
    private readonly SqliteCommand _removeSignature;
    private readonly SqliteCommand _dropAlias;
    private readonly SqliteCommand _addAlias;
    private readonly SqliteCommand _countNewBands;
    private readonly SqliteCommand _mergeBands;
    private readonly SqliteCommand[] _all;

    /// <summary>About how many rows story_bands_new holds (this connection's inserts since it counted); null until counted.</summary>
    private long? _newBandRows;

    public SqliteRecordWriter(SqliteConnection connection)
    {
        SqliteCommand Create(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
                command.Parameters.Add(new SqliteParameter(name, null));
            return command;
        }
        string[] bandParameters = [.. Enumerable.Range(0, MinHash.Bands).Select(i => "@k" + i.ToString(CultureInfo.InvariantCulture)), "@id"];

        // A batch's keys in one statement each for the lookup and the alias drop (the keys as a JSON list), not one per record.
        _find = Create("""
            SELECT k.value, a.id, s.signature
            FROM json_each(@urls) k CROSS JOIN articles a ON a.url = k.value LEFT JOIN story_signatures s ON s.article_id = a.id
            """, "@urls");
        _nextId = Create("SELECT coalesce(max(id), 0) + 1 FROM articles");
        _insert = Create($"""
            INSERT INTO articles (id, {string.Join(", ", RecordColumns)}, first_seen, last_saved)
            VALUES (@id, {string.Join(", ", RecordColumns.Select(c => "@" + c))}, @first_seen, @last_saved)
            """, [.. RecordParameters, "@id"]);
        // Stored times are all one fixed-width UTC text, so the earlier is the smaller.
        _update = Create($"""
            UPDATE articles SET {string.Join(", ", RecordColumns.Select(c => $"{c} = @{c}"))},
                first_seen = min(first_seen, @first_seen), last_saved = @last_saved
            WHERE id = @id
            """, [.. RecordParameters, "@id"]);
        // The ids of a band key's bucket, newest first, from both band tables (their primary keys answer from the index
        // alone; the two are disjoint): at least the newest @per_key. Then the signatures of the distinct ids only, from a
        // table that holds nothing else (not after the text).
        _bucket = Create("""
            SELECT article_id FROM (SELECT article_id FROM story_bands_new WHERE band_key = @key ORDER BY article_id DESC LIMIT @per_key)
            UNION ALL SELECT article_id FROM (SELECT article_id FROM story_bands WHERE band_key = @key ORDER BY article_id DESC LIMIT @per_key)
            """, "@key", "@per_key");
        // Most records are no copy and find every bucket empty: one statement names the batch's keys that have any.
        _occupied = Create("""
            SELECT value FROM json_each(@keys)
            WHERE EXISTS (SELECT 1 FROM story_bands_new WHERE band_key = value) OR EXISTS (SELECT 1 FROM story_bands WHERE band_key = value)
            """, "@keys");
        _signature = Create("SELECT story_id, signature FROM story_signatures WHERE article_id = @id", "@id");
        _addBands = Create(BandSql("INSERT OR IGNORE INTO story_bands_new (band_key, article_id) VALUES ", "(@k{0}, @id)", ""), bandParameters);
        _removeBands = Create(
            BandSql("DELETE FROM story_bands_new WHERE article_id = @id AND band_key IN (", "@k{0}", ");") +
            BandSql("DELETE FROM story_bands WHERE article_id = @id AND band_key IN (", "@k{0}", ")"), bandParameters);
        _saveSignature = Create("""
            INSERT INTO story_signatures (article_id, story_id, signature) VALUES (@id, @story, @signature)
            ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, signature = excluded.signature
            """, "@id", "@story", "@signature");
        _removeSignature = Create("DELETE FROM story_signatures WHERE article_id = @id", "@id");
        _dropAlias = Create("DELETE FROM article_aliases WHERE url IN (SELECT value FROM json_each(@urls))", "@urls");
        _addAlias = Create("""
            INSERT INTO article_aliases (url, article_id) SELECT @alias, @id WHERE NOT EXISTS (SELECT 1 FROM articles WHERE url = @alias)
            ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id
            """, "@alias", "@id");
        _countNewBands = Create("SELECT count(*) FROM story_bands_new");
        // The small table read in key order: each page of the large one is written once however many keys land on it.
        _mergeBands = Create("INSERT OR IGNORE INTO story_bands (band_key, article_id) SELECT band_key, article_id FROM story_bands_new; DELETE FROM story_bands_new");
        _all = [_find, _nextId, _insert, _update, _occupied, _bucket, _signature, _addBands, _removeBands, _saveSignature, _removeSignature, _dropAlias, _addAlias,
            _countNewBands, _mergeBands];
    }

    /// <summary>The columns a save writes from the record, in the table's order.</summary>
    private static readonly string[] RecordColumns =
    [
        "published_at", "story_id", "url", "source_domain", "language", "section", "tags", "authors", "site_name",
        "published", "modified", "fetched", "image", "title", "description", "text", "canonical_url",
    ];

    private static readonly string[] RecordParameters = [.. RecordColumns.Select(c => "@" + c), "@first_seen", "@last_saved"];

    /// <summary>The id and signature stored under each key of the batch; binds every statement to <paramref name="transaction"/> for the save.</summary>
    public async Task<Dictionary<string, StoredKey>> ReadStoredAsync(IReadOnlyList<PreparedRecord> records, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var command in _all)
            command.Transaction = transaction;
        var stored = new Dictionary<string, StoredKey>(StringComparer.Ordinal);
        _find.Parameters[0].Value = KeyList(records);
        await using var reader = await _find.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stored[reader.GetString(0)] = new StoredKey(reader.GetInt64(1), reader.IsDBNull(2) ? null : MinHash.FromBytes(reader.GetFieldValue<byte[]>(2)));
        return stored;
    }

    /// <summary>The write lock is held, so the ids after the largest are this batch's alone.</summary>
    public async Task<IReadOnlyList<long>> ReserveIdsAsync(int count, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        if (count == 0)
            return ids;
        var next = (long)(await _nextId.ExecuteScalarAsync(cancellationToken))!;
        for (var i = 0; i < count; i++)
            ids[i] = next + i;
        return ids;
    }

    public async Task<Dictionary<long, List<long>>> ReadBucketsAsync(IReadOnlyCollection<long> bandKeys, int perKey, CancellationToken cancellationToken)
    {
        var buckets = new Dictionary<long, List<long>>();
        if (bandKeys.Count == 0)
            return buckets;
        var keys = new StringBuilder("[");
        foreach (var key in bandKeys)
            keys.Append(keys.Length == 1 ? "" : ",").Append(key.ToString(CultureInfo.InvariantCulture));
        _occupied.Parameters[0].Value = keys.Append(']').ToString();
        var occupied = new List<long>();
        await using (var reader = await _occupied.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                occupied.Add(reader.GetInt64(0));
        }
        _bucket.Parameters[1].Value = perKey;
        foreach (var key in occupied)
        {
            _bucket.Parameters[0].Value = key;
            List<long>? bucket = null;
            await using var reader = await _bucket.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                (bucket ??= buckets[key] = []).Add(reader.GetInt64(0));
        }
        return buckets;
    }

    public async Task<Dictionary<long, StoredSignature>> ReadSignaturesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var signatures = new Dictionary<long, StoredSignature>(ids.Count);
        foreach (var id in ids)
        {
            _signature.Parameters[0].Value = id;
            await using var reader = await _signature.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                signatures[id] = new StoredSignature(reader.GetInt64(0), MinHash.FromBytes(reader.GetFieldValue<byte[]>(1)));
        }
        return signatures;
    }

    public async Task<(int Inserted, int Updated)> WriteAsync(LinkedBatch batch, CancellationToken cancellationToken)
    {
        long largestId = 0, bandRows = 0;
        var now = DateTimeOffset.UtcNow;
        var nowText = StoreRecords.FormatInstant(now);
        int inserted = 0, updated = 0;
        var aliases = false;
        foreach (var linked in batch.Records)
        {
            var write = linked.Update ? _update : _insert;
            Bind(write.Parameters, linked.Record, linked.Story);
            var facts = linked.Record.Facts;
            write.Parameters["@first_seen"].Value = facts?.FirstSeen is { } firstSeen ? StoreRecords.FormatInstant(firstSeen) : nowText;
            write.Parameters["@last_saved"].Value = facts?.LastSaved is { } lastSaved ? StoreRecords.FormatInstant(lastSaved) : nowText;
            write.Parameters["@id"].Value = linked.Id;
            await write.ExecuteNonQueryAsync(cancellationToken);
            if (linked.Update)
                updated++;
            else
                inserted++;
            aliases |= facts is { Aliases.Count: > 0 };
        }
        // The batch's keys stop being aliases of other records.
        var keys = new PreparedRecord[batch.Records.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = batch.Records[i].Record;
        _dropAlias.Parameters[0].Value = KeyList(keys);
        await _dropAlias.ExecuteNonQueryAsync(cancellationToken);
        if (aliases)
        {
            foreach (var linked in batch.Records)
            {
                foreach (var alias in linked.Record.Aliases())
                {
                    _addAlias.Parameters[0].Value = alias;
                    _addAlias.Parameters[1].Value = linked.Id;
                    await _addAlias.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        foreach (var change in batch.Bands)
        {
            if (change.Removed.Length > 0)
                await ExecuteForBandsAsync(_removeBands, change.Removed, change.Id, cancellationToken);
            largestId = Math.Max(largestId, change.Id);
            if (change.Signature is not null)
            {
                await ExecuteForBandsAsync(_addBands, change.Added, change.Id, cancellationToken);
                bandRows += change.Added.Length;
                _saveSignature.Parameters[0].Value = change.Id;
                _saveSignature.Parameters[1].Value = change.Story;
                _saveSignature.Parameters[2].Value = MinHash.ToBytes(change.Signature);
                await _saveSignature.ExecuteNonQueryAsync(cancellationToken);
            }
            else if (change.Removed.Length > 0)
            {
                _removeSignature.Parameters[0].Value = change.Id;
                await _removeSignature.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        _newBandRows ??= (long)(await _countNewBands.ExecuteScalarAsync(cancellationToken))!;
        _newBandRows += bandRows;
        if (_newBandRows > BandMergeRows(largestId))
            await MergeBandsAsync(_mergeBands.Transaction!, cancellationToken);
        return (inserted, updated);
    }

    /// <summary>
    /// When story_bands_new holds more rows than this, its rows move to story_bands. A batch of B records dirties about
    /// min(24B, n / 170) pages of a table of n rows: the small table's share grows with its size, the merge writes every
    /// page of the large one (about 24 x <paramref name="largestId"/> rows) once; sqrt(24,000 x large rows) keeps their sum
    /// least for batches of 500 (240,000 rows at 100,000 records).
    /// </summary>
    private static double BandMergeRows(long largestId) => Math.Max(MinHash.Bands * 1_000, Math.Sqrt(24_000.0 * MinHash.Bands * largestId));

    /// <summary>Moves the small band table's rows into story_bands, in <paramref name="transaction"/> (a save's, or one of its own).</summary>
    public async Task MergeBandsAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        _mergeBands.Transaction = transaction;
        await _mergeBands.ExecuteNonQueryAsync(cancellationToken);
        _newBandRows = 0;
    }

    /// <summary>The records' keys as a JSON list for json_each.</summary>
    private static string KeyList(IReadOnlyList<PreparedRecord> records)
    {
        var keys = new string[records.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = records[i].Key;
        return JsonStringArray.Write(keys);
    }

    /// <summary>One statement for all of a record's band keys: <paramref name="item"/> repeated for @k0, @k1...</summary>
    private static string BandSql(string head, string item, string tail)
    {
        var sql = new StringBuilder(head);
        for (var i = 0; i < MinHash.Bands; i++)
            sql.Append(i == 0 ? "" : ", ").Append(string.Format(CultureInfo.InvariantCulture, item, i));
        return sql.Append(tail).ToString();
    }

    private static async Task ExecuteForBandsAsync(SqliteCommand command, long[] keys, long id, CancellationToken cancellationToken)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < keys.Length; i++)
            parameters[i].Value = keys[i];
        parameters[MinHash.Bands].Value = id;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(SqliteParameterCollection p, PreparedRecord record, long story)
    {
        var article = record.Article;
        // In RecordParameters' order.
        p[0].Value = record.Published is { } published ? published.ToUnixTimeSeconds() : DBNull.Value;
        p[1].Value = story;
        p[2].Value = record.Key;
        p[3].Value = (object?)record.SourceDomain ?? DBNull.Value;
        p[4].Value = (object?)record.Language ?? DBNull.Value;
        p[5].Value = Value(article.Section);
        p[6].Value = JsonStringArray.Write(StoreRecords.Items(article.Tags));
        p[7].Value = JsonStringArray.Write(StoreRecords.Items(article.Authors));
        p[8].Value = Value(article.SiteName);
        p[9].Value = Value(article.Published);
        p[10].Value = Value(article.Modified);
        p[11].Value = Value(article.Fetched);
        p[12].Value = Value(article.Image);
        p[13].Value = Value(article.Title);
        p[14].Value = Value(article.Description);
        p[15].Value = Value(article.Text);
        p[16].Value = Value(article.CanonicalUrl);
    }

    private static object Value(string? text) => (object?)StoreRecords.Text(text) ?? DBNull.Value;

    public void Dispose()
    {
        foreach (var command in _all)
            command.Dispose();
    }
}
