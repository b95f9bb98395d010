namespace Gleaner.Dedup;

/// <summary>A stored record that shares a band key with a new one: a possible earlier copy.</summary>
public readonly record struct StoryCandidate(long ArticleId, long StoryId, uint[] Signature);

/// <summary>Chooses the story a new record joins among its candidates.</summary>
public static class StoryMatcher
{
    /// <summary>
    /// Most candidates compared per new record. Boilerplate shared by many records of a site can put thousands of
    /// records in one band bucket; the bound keeps a write's cost flat, at the price of maybe missing a copy there.
    /// </summary>
    public const int MaxCandidates = 200;

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
