namespace Gleaner.Extraction.Content;

/// <summary>
/// Phase 3: picks the container that holds the article and the siblings that continue it
/// (articles split by ads or "read also" boxes into several sibling containers).
/// </summary>
internal static class CandidateSelector
{
    /// <summary>Runner-up candidates looked at when deciding whether the article spans several containers.</summary>
    private const int RunnerUpCount = 5;

    /// <summary>A runner-up this close to the best one is part of the same article.</summary>
    private const double RunnerUpRatio = 0.75;

    /// <summary>When this many close runners-up share an ancestor with the best candidate, that ancestor is the article.</summary>
    private const int RunnersUpToClimb = 3;

    /// <summary>A sibling scoring this share of the best candidate continues the article.</summary>
    private const double SiblingScoreRatio = 0.2;

    /// <summary>Below this score a sibling never joins, however weak the best candidate is.</summary>
    private const double MinSiblingScore = 10;

    /// <summary>A sibling paragraph this long with few links is story text.</summary>
    private const int LongSiblingParagraphChars = 80;

    private const double MaxLongSiblingLinkDensity = 0.25;

    /// <summary>A sibling holding this share of the best candidate's prose continues the article, however deep the prose sits.</summary>
    private const double SiblingProseRatio = 0.3;

    /// <summary>...provided links make up less than this share of its text.</summary>
    private const double MaxProseSiblingLinkDensity = 0.25;

    /// <summary>A shorter sibling paragraph joins only when it has no links at all.</summary>
    private const int ShortSiblingParagraphChars = 25;

    public static List<NodeInfo> Select(PageAnalysis analysis)
    {
        NodeInfo? best = null;
        foreach (var candidate in analysis.Candidates)
        {
            if (best is null || candidate.FinalScore > best.FinalScore)
                best = candidate;
        }
        if (best is null)
            return [analysis.Root];

        best = ClimbToSharedAncestor(best, analysis);
        best = ClimbWhileParentScoresHigher(best, analysis.Root);
        best = ClimbSingleChildWrappers(best, analysis);
        return WithSiblings(best, analysis);
    }

    /// <summary>Several near-equal candidates under one ancestor mean the article is that ancestor (Readability).</summary>
    private static NodeInfo ClimbToSharedAncestor(NodeInfo best, PageAnalysis analysis)
    {
        var runnersUp = new List<NodeInfo>(RunnerUpCount);
        double threshold = best.FinalScore * RunnerUpRatio;
        foreach (var candidate in analysis.Candidates)
        {
            if (candidate == best || candidate.FinalScore < threshold)
                continue;
            runnersUp.Add(candidate);
        }
        if (runnersUp.Count < RunnersUpToClimb)
            return best;
        runnersUp.Sort((a, b) => b.FinalScore.CompareTo(a.FinalScore));
        if (runnersUp.Count > RunnerUpCount)
            runnersUp.RemoveRange(RunnerUpCount, runnersUp.Count - RunnerUpCount);

        for (var ancestor = best.Parent; ancestor is not null && ancestor != analysis.Root; ancestor = ancestor.Parent)
        {
            int contained = 0;
            foreach (var runnerUp in runnersUp)
                if (IsAncestor(ancestor, runnerUp))
                    contained++;
            if (contained >= RunnersUpToClimb)
                return ancestor;
        }
        return best;
    }

    /// <summary>
    /// A parent that scores higher than the best candidate gathers more article than it does:
    /// the story continues in the candidate's siblings.
    /// </summary>
    private static NodeInfo ClimbWhileParentScoresHigher(NodeInfo best, NodeInfo root)
    {
        double lastScore = best.FinalScore;
        double floor = lastScore / 3;
        for (var parent = best.Parent; parent is not null && parent != root; parent = parent.Parent)
        {
            if (!parent.IsCandidate)
                continue;
            double score = parent.FinalScore;
            if (score < floor)
                break;
            if (score > lastScore)
                return parent;
            lastScore = score;
        }
        return best;
    }

    /// <summary>A wrapper with nothing else in it adds nothing; its parent's children are the real siblings.</summary>
    private static NodeInfo ClimbSingleChildWrappers(NodeInfo best, PageAnalysis analysis)
    {
        while (best.Parent is { } parent && parent != analysis.Root && parent.TextChars == best.TextChars
               && KeptChildCount(parent, analysis) == 1)
            best = parent;
        return best;
    }

    private static int KeptChildCount(NodeInfo node, PageAnalysis analysis)
    {
        int count = 0;
        // Enumerated, never indexed: AngleSharp's Children counts and indexes by scanning (quadratic in siblings).
        foreach (var child in node.Element.Children)
            if (analysis.Get(child) is { TextChars: > 0 })
                count++;
        return count;
    }

    private static List<NodeInfo> WithSiblings(NodeInfo best, PageAnalysis analysis)
    {
        var parent = best.Parent;
        if (parent is null)
            return [best];

        double threshold = Math.Max(MinSiblingScore, best.FinalScore * SiblingScoreRatio);
        var bestClass = best.Element.Attr("class");
        var siblings = new List<(NodeInfo Node, bool Continues)>();
        int first = -1, last = -1;
        foreach (var child in parent.Element.Children)
        {
            var sibling = analysis.Get(child);
            if (sibling is null || sibling.TextChars == 0)
                continue;
            bool continues = sibling == best || ContinuesArticle(sibling, threshold, bestClass, best.ParagraphChars);
            if (continues)
            {
                if (first < 0)
                    first = siblings.Count;
                last = siblings.Count;
            }
            siblings.Add((sibling, continues));
        }
        var selected = new List<NodeInfo>(last - first + 1);
        for (int i = first; i <= last; i++)
            if (siblings[i].Continues || IsStoryPartBetween(siblings[i].Node))
                selected.Add(siblings[i].Node);
        return selected;
    }

    /// <summary>
    /// A subheading, list, table, quote or short paragraph between two parts of the article: the story's own, unless
    /// links or a furniture name say otherwise (the text assembler and line filter judge it further).
    /// </summary>
    private static bool IsStoryPartBetween(NodeInfo sibling)
        => !sibling.InFurnitureSection && sibling.Role is TagRole.Heading
           || sibling.Role is TagRole.List or TagRole.Table or TagRole.Quote or TagRole.Preformatted or TagRole.Block
              && sibling.LinkDensity < MaxProseSiblingLinkDensity && sibling.ClassWeight >= 0;

    private static bool ContinuesArticle(NodeInfo sibling, double threshold, string? bestClass, int bestProse)
    {
        if (sibling.InFurnitureSection)
            return false;
        if (sibling.ParagraphChars >= bestProse * SiblingProseRatio && sibling.LinkDensity < MaxProseSiblingLinkDensity
            && sibling.ParagraphChars > 0)
            return true;
        if (sibling.IsCandidate)
        {
            double score = sibling.FinalScore;
            // Same class as the best candidate: likely the next part of the same article body.
            if (!string.IsNullOrEmpty(bestClass) && bestClass == sibling.Element.Attr("class"))
                score += threshold;
            if (score >= threshold)
                return true;
        }
        if (sibling.Role != TagRole.Block || sibling.InlineChars < ShortSiblingParagraphChars)
            return false;
        double linkDensity = (double)sibling.InlineLinkChars / sibling.InlineChars;
        return sibling.InlineChars >= LongSiblingParagraphChars
            ? linkDensity < MaxLongSiblingLinkDensity
            : linkDensity == 0 && sibling.InlineCommas > 0;
    }

    private static bool IsAncestor(NodeInfo ancestor, NodeInfo node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
            if (current == ancestor)
                return true;
        return false;
    }
}
