using Gleaner.Dedup;

namespace Gleaner.Storage;

/// <summary>What the store holds under a record's key before a save: its id and near-duplicate signature.</summary>
internal readonly record struct StoredKey(long Id, uint[]? Signature);

/// <summary>A stored record that may be an earlier copy: its story and signature.</summary>
internal readonly record struct StoredSignature(long Story, uint[] Signature);

/// <summary>Where one record of a batch goes: its id, its story, and whether the row is already there.</summary>
internal readonly record struct LinkedRecord(PreparedRecord Record, long Id, long Story, bool Update);

/// <summary>
/// The band keys one record id leaves and takes in the story index once the batch is written: the keys of the signature
/// stored before the batch, and those of the last signature the batch gives it (either may be empty).
/// </summary>
internal sealed record BandChange(long Id, long[] Removed, long[] Added, long Story, uint[]? Signature);

/// <summary>A batch decided: each record's id and story in batch order, and the story-index changes per record id.</summary>
internal sealed record LinkedBatch(IReadOnlyList<LinkedRecord> Records, IReadOnlyList<BandChange> Bands, int Linked);

/// <summary>
/// The one story linker of every backend. A batch is linked in memory after three reads the backend does
/// (the records stored under the batch's keys, the newest ids filed under each of its band keys, the signatures of the
/// distinct ids found), so the same records make the same stories in every database:
/// each record, in batch order, is compared with the newest <see cref="StoryMatcher.CandidatesPerBandKey"/> records of
/// each of its band keys (each record once), a record being updated leaving its old buckets first and keeping its place.
/// </summary>
internal sealed class StoryLinker
{
    private readonly IReadOnlyList<PreparedRecord> _records;
    private readonly IReadOnlyDictionary<string, StoredKey> _stored;
    private readonly long[][] _bandKeys;

    public StoryLinker(IReadOnlyList<PreparedRecord> records, IReadOnlyDictionary<string, StoredKey> stored)
    {
        _records = records;
        _stored = stored;
        _bandKeys = new long[records.Count][];
        var all = new HashSet<long>();
        var newKeys = new HashSet<string>(StringComparer.Ordinal);
        var updatedKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            _bandKeys[i] = records[i].Signature is { } signature ? KeysOf(signature) : [];
            all.UnionWith(_bandKeys[i]);
            (stored.ContainsKey(records[i].Key) ? updatedKeys : newKeys).Add(records[i].Key);
        }
        BandKeys = all;
        NewRecords = newKeys.Count;
        // A stored record the batch updates leaves its buckets, which then show one more older record each.
        IdsPerBandKey = StoryMatcher.CandidatesPerBandKey + updatedKeys.Count;
    }

    /// <summary>How many records of the batch are new to the store (one id each, reserved by the backend).</summary>
    public int NewRecords { get; }

    /// <summary>Every band key of the batch's signatures.</summary>
    public IReadOnlyCollection<long> BandKeys { get; }

    /// <summary>Ids to read per band key, newest first: the rule's few, plus one per stored record the batch updates.</summary>
    public int IdsPerBandKey { get; }

    /// <summary>
    /// Links the batch. <paramref name="buckets"/>: per band key, the stored ids filed under it (at least the newest
    /// <see cref="IdsPerBandKey"/>, any order); <paramref name="signatures"/>: the story and signature of those ids.
    /// Both are changed (the batch's own records join them).
    /// </summary>
    public LinkedBatch Link(
        IReadOnlyList<long> reservedIds, Dictionary<long, List<long>> buckets, Dictionary<long, StoredSignature> signatures, double threshold)
    {
        foreach (var bucket in buckets.Values)
            bucket.Sort();
        var records = _records;
        var linked = new List<LinkedRecord>(records.Count);
        var changes = new Dictionary<long, BandChange>();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var candidates = new List<StoryCandidate>(StoryMatcher.CandidatesPerBandKey * 2);
        var seen = new HashSet<long>();
        var linkedCount = 0;
        var nextReserved = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var update = true;
            if (!ids.TryGetValue(record.Key, out var id))
            {
                if (_stored.TryGetValue(record.Key, out var old))
                {
                    id = old.Id;
                    changes[id] = new BandChange(id, old.Signature is null ? [] : KeysOf(old.Signature), [], id, null);
                }
                else
                {
                    id = reservedIds[nextReserved++];
                    changes[id] = new BandChange(id, [], [], id, null);
                    update = false;
                }
                ids[record.Key] = id;
            }
            // The record leaves the buckets of the signature it had until now, so it is never its own candidate.
            var change = changes[id];
            var current = change.Signature is not null ? change.Added : change.Removed;
            foreach (var key in current)
                buckets.GetValueOrDefault(key)?.Remove(id);
            signatures.Remove(id);

            var story = id;
            var keys = _bandKeys[i];
            if (record.Signature is { } signature)
            {
                candidates.Clear();
                seen.Clear();
                foreach (var key in keys)
                {
                    if (!buckets.TryGetValue(key, out var bucket))
                        continue;
                    for (var j = bucket.Count - 1; j >= Math.Max(0, bucket.Count - StoryMatcher.CandidatesPerBandKey); j--)
                        if (seen.Add(bucket[j]) && signatures.TryGetValue(bucket[j], out var known))
                            candidates.Add(new StoryCandidate(bucket[j], known.Story, known.Signature));
                }
                if (StoryMatcher.BestMatch(signature, candidates, threshold) is { } match)
                {
                    story = match.StoryId;
                    linkedCount++;
                }
                // Later records of this batch see this one as a candidate.
                signatures[id] = new StoredSignature(story, signature);
                foreach (var key in keys)
                {
                    if (!buckets.TryGetValue(key, out var bucket))
                        buckets[key] = bucket = [];
                    // Buckets stay in id order: an updated record goes back to its place, not to the end.
                    var at = bucket.BinarySearch(id);
                    if (at < 0)
                        bucket.Insert(~at, id);
                }
            }
            changes[id] = change with { Added = keys, Story = story, Signature = record.Signature ?? NoSignature };
            linked.Add(new LinkedRecord(record, id, story, update));
        }
        var bands = new List<BandChange>(changes.Count);
        foreach (var change in changes.Values)
            bands.Add(ReferenceEquals(change.Signature, NoSignature) ? change with { Signature = null } : change);
        return new LinkedBatch(linked, bands, linkedCount);
    }

    /// <summary>Marks "the batch gave this id a record without a signature" apart from "not reached yet" (null).</summary>
    private static readonly uint[] NoSignature = [];

    private static long[] KeysOf(uint[] signature)
    {
        var keys = new long[MinHash.Bands];
        MinHash.BandKeys(signature, keys);
        return keys;
    }
}
