namespace Gleaner.Dedup;

/// <summary>A stored record that shares a band key with a new one: a possible earlier copy.</summary>
public readonly record struct StoryCandidate(long ArticleId, long StoryId, uint[] Signature);

/// <summary>Chooses the story a new record joins among its candidates.</summary>
public static class StoryMatcher
{
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
