namespace Gleaner.Extraction.Explain;

/// <summary>
/// The confidence model, the same for every field and deliberately small: the prior of the winning kind of
/// source (how often such a value is right alone), raised by each independent source that agrees, lowered by
/// each that says otherwise, capped when the value fails a plausibility check. Calibrated with
/// <c>bench/run reliability</c> so that values at 0.9 or more are right at least 98 times in 100.
/// </summary>
internal static class Confidence
{
    /// <summary>Each independent source that agrees removes this share of the remaining doubt.</summary>
    private const double AgreementShare = 0.6;

    /// <summary>Each independent source that contradicts the value keeps this share of the confidence.</summary>
    private const double ContradictionFactor = 0.75;

    /// <summary>A value that fails a plausibility check (a date in the future, a title of one word) is at most this sure.</summary>
    public const double ImplausibleCap = 0.3;

    /// <summary>A candidate below this prior is too weak to count as contradicting (a guess from a script, a logo's heading).</summary>
    private const double MinContradictingPrior = 0.5;

    public static double Of(double prior, int agreeing, int contradicting, bool plausible)
    {
        var confidence = prior;
        for (var i = 0; i < agreeing; i++)
            confidence += (1 - confidence) * AgreementShare;
        for (var i = 0; i < contradicting; i++)
            confidence *= ContradictionFactor;
        return plausible ? confidence : Math.Min(confidence, ImplausibleCap);
    }

    /// <summary>The families, other than the winner's, with a candidate equal to the chosen value (agreeing), and those
    /// whose every candidate differs from it (contradicting; only candidates of some weight count).</summary>
    public static (int Agreeing, int Contradicting) Families(IReadOnlyList<Evidence> candidates, int winner, string chosenKey, Func<string, string> key)
    {
        var winnerFamily = candidates[winner].Family;
        var agreeing = new HashSet<string>(StringComparer.Ordinal);
        var differing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate.Value is not { } value || candidate.Family == winnerFamily)
                continue;
            if (key(value) == chosenKey)
                agreeing.Add(candidate.Family);
            else if (candidate.Prior >= MinContradictingPrior)
                differing.Add(candidate.Family);
        }
        differing.ExceptWith(agreeing);
        return (agreeing.Count, differing.Count);
    }
}
