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
        best = HeadlineColumnWithin(best, analysis) ?? best;
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

        best = HeadlineColumn(best, analysis) ?? best;
        double threshold = Math.Max(MinSiblingScore, best.FinalScore * SiblingScoreRatio);
        var bestClass = best.Element.Attr("class");
        var bestColumnWidth = LayoutColumnWidth(bestClass);
        var siblings = new List<(NodeInfo Node, bool Continues)>();
        int first = -1, last = -1;
        foreach (var child in parent.Element.Children)
        {
            var sibling = analysis.Get(child);
            if (sibling is null || sibling.TextChars == 0)
                continue;
            bool continues = sibling == best
                || !IsOtherLayoutColumn(bestColumnWidth, sibling) && ContinuesArticle(sibling, threshold, bestClass, best.ParagraphChars);
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

    /// <summary>
    /// The grid column inside the best candidate that holds the page's headline (an <c>h1</c>) and a fair share of its prose,
    /// where a column of another width beside it holds prose too: the story's column, the best candidate having climbed
    /// to a layout that also holds a sidebar (its agenda's or its boxes' paragraphs counted as runners-up). Null otherwise.
    /// </summary>
    private static NodeInfo? HeadlineColumnWithin(NodeInfo best, PageAnalysis analysis)
    {
        if (best.Element.QuerySelector("h1") is not { } headline)
            return null;
        for (var element = headline.ParentElement; element is not null && element != best.Element; element = element.ParentElement)
        {
            if (LayoutColumnWidth(element.Attr("class")) is not { } width)
                continue;
            // The nearest column around the headline decides: a header row's column holds no prose.
            if (analysis.Get(element) is not { } column || column.ParagraphChars < best.ParagraphChars * SiblingProseRatio)
                return null;
            foreach (var sibling in element.ParentElement!.Children)
                if (sibling != element && analysis.Get(sibling) is { ParagraphChars: > 0 }
                    && LayoutColumnWidth(sibling.Attr("class")) is { } other && other != width)
                    return column;
            return null;
        }
        return null;
    }

    /// <summary>
    /// The grid column beside the best candidate that holds the page's headline (an <c>h1</c>) and some prose of its own:
    /// the story's column, where the best one is a sidebar whose long boxes outweigh a short story. Null when the best
    /// candidate is no column, holds a headline itself, or no such column is beside it.
    /// </summary>
    private static NodeInfo? HeadlineColumn(NodeInfo best, PageAnalysis analysis)
    {
        if (LayoutColumnWidth(best.Element.Attr("class")) is not { } bestWidth || best.Element.QuerySelector("h1") is not null)
            return null;
        foreach (var child in best.Parent!.Element.Children)
        {
            if (analysis.Get(child) is not { } sibling || sibling == best || sibling.InFurnitureSection
                || sibling.ParagraphChars < best.ParagraphChars * SiblingProseRatio
                || LayoutColumnWidth(child.Attr("class")) is not { } width || width == bestWidth)
                continue;
            if (child.QuerySelector("h1") is not null)
                return sibling;
        }
        return null;
    }

    /// <summary>
    /// A grid column of another width than the story's ("col-md-4" beside "col-md-8", "large-4" beside "large-8"): the
    /// sidebar of the layout, however much prose its boxes hold, not the story's next part.
    /// </summary>
    private static bool IsOtherLayoutColumn(string? bestColumnWidth, NodeInfo sibling)
        => bestColumnWidth is not null && LayoutColumnWidth(sibling.Element.Attr("class")) is { } width && width != bestColumnWidth;

    /// <summary>Starts of the class names grid frameworks and page builders give a column of a set width.</summary>
    private static readonly string[] ColumnWidthPrefixes =
        ["col-", "span", "large-", "medium-", "small-", "grid_", "uk-width-", "elementor-col-", "et_pb_column_", "vc_col-", "pure-u-"];

    /// <summary>The class names that set an element's width as a grid column, joined ("col-xs-12 col-md-8"); null for none.</summary>
    internal static string? LayoutColumnWidth(string? className)
    {
        if (string.IsNullOrEmpty(className))
            return null;
        string? width = null;
        foreach (var range in className.AsSpan().SplitAny(" \t\n\r\f"))
        {
            var token = className.AsSpan(range);
            if (!IsColumnWidth(token))
                continue;
            width = width is null ? token.ToString() : string.Concat(width, " ", token);
        }
        return width;
    }

    /// <summary>A prefix of <see cref="ColumnWidthPrefixes"/> followed by a width with a digit ("col-md-4", "span8", "large-4").</summary>
    private static bool IsColumnWidth(ReadOnlySpan<char> token)
    {
        foreach (var prefix in ColumnWidthPrefixes)
            if (token.Length > prefix.Length && token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && token[prefix.Length..].IndexOfAnyInRange('0', '9') >= 0)
                return true;
        return false;
    }

    private static bool IsAncestor(NodeInfo ancestor, NodeInfo node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
            if (current == ancestor)
                return true;
        return false;
    }
}
