namespace Gleaner.Dedup;

/// <summary>A stored record that shares a band key with a new one: a possible earlier copy.</summary>
internal readonly record struct StoryCandidate(long ArticleId, long StoryId, uint[] Signature);

/// <summary>Chooses the story a new record joins among its candidates.</summary>
internal static class StoryMatcher
{
    /// <summary>
    /// Records read per band key when looking for a new record's copies: the newest this many filed under each of its
    /// keys (so at most <see cref="MinHash.Bands"/> times this many, each compared once). Boilerplate shared by thousands
    /// of records, or a story run by a thousand sites, fills a key's bucket; the bound keeps a write's cost flat, at the
    /// price of maybe missing a copy older than a crowded bucket's newest records. Every backend applies this same rule,
    /// so the same records make the same stories in each.
    /// </summary>
    public const int CandidatesPerBandKey = 32;

    /// <summary>
    /// The most similar candidate at or above <paramref name="threshold"/> (estimated Jaccard), or <c>null</c>
    /// when none is close enough; ties go to the earliest stored record, so stories keep their first id.
    /// </summary>
    public static StoryCandidate? BestMatch(ReadOnlySpan<uint> signature, IReadOnlyList<StoryCandidate> candidates, double threshold)
    {
        StoryCandidate? best = null;
        var bestSimilarity = -1.0;
        foreach (var candidate in candidates)
        {
            var similarity = MinHash.Similarity(signature, candidate.Signature);
            if (similarity < threshold)
                continue;
            if (similarity > bestSimilarity || (similarity == bestSimilarity && candidate.ArticleId < best!.Value.ArticleId))
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }
        return best;
    }
}
