using System.Buffers;
using AngleSharp.Dom;

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

    /// <summary>Mean paragraph length of a sibling that joins the story by its score.</summary>
    private const int MinJoiningParagraphChars = 80;

    /// <summary>A shorter sibling paragraph joins only when it has no links at all.</summary>
    private const int ShortSiblingParagraphChars = 25;

    public static List<NodeInfo> Select(PageAnalysis analysis)
    {
        NodeInfo? best = null;
        foreach (var candidate in analysis.Candidates)
        {
            if ((best is null || candidate.FinalScore > best.FinalScore) && !InPopUp(candidate, analysis.Root))
                best = candidate;
        }
        if (best is null)
            return [analysis.Root];

        var chosen = best;
        best = ClimbToSharedAncestor(best, analysis);
        if (best == chosen)
            best = PageBuilderPartsAncestor(best, analysis) ?? best;
        best = ClimbWhileParentScoresHigher(best, analysis.Root);
        best = ClimbSingleChildWrappers(best, analysis);
        best = ClimbTitledSection(best, analysis);
        best = HeadlineColumnWithin(best, analysis) ?? best;
        if (HeadlineColumnBesideBoxes(best, analysis) is { } column)
            return [column];
        return WithSiblings(best, analysis);
    }

    /// <summary>
    /// Inside a layer the reader closes or signs up in (a newsletter or paywall pop-up after the story), however its class
    /// names it ("main_content"): not the story, unless the layer holds most of the page's prose.
    /// </summary>
    private static bool InPopUp(NodeInfo candidate, NodeInfo root)
    {
        for (var node = candidate; node is not null && node.TextChars <= NodeInfo.MaxPopUpChars; node = node.Parent)
            if (node.IsPopUpBeside(root.ParagraphChars))
                return true;
        return false;
    }

    /// <summary>Several near-equal candidates under one ancestor mean the article is that ancestor (Readability).</summary>
    private static NodeInfo ClimbToSharedAncestor(NodeInfo best, PageAnalysis analysis)
    {
        var runnersUp = new List<NodeInfo>(RunnerUpCount);
        double threshold = best.FinalScore * RunnerUpRatio;
        foreach (var candidate in analysis.Candidates)
        {
            // An ancestor of the best candidate scores from the same paragraphs: it is no other part of the story (three
            // wrappers around a short story, "article > content > main", would otherwise climb to the page's layout).
            if (candidate == best || candidate.FinalScore < threshold || IsAncestor(candidate, best))
                continue;
            runnersUp.Add(candidate);
        }
        if (runnersUp.Count < RunnersUpToClimb)
            return TwinsGrandparent(best, runnersUp, analysis.Root) ?? best;
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

    /// <summary>Fewest close runners-up that, all of them twins of the best candidate, make their shared grandparent the article.</summary>
    private const int MinTwinRunnersUp = 1;

    /// <summary>Longest best candidate read as a feed's entry: longer twins are a story's sections, which other rules join.</summary>
    private const int MaxTwinEntryChars = 400;

    /// <summary>Most text a twin's wrapper may hold beside it: an entry's time or label.</summary>
    private const int MaxTwinWrapperExtraChars = 40;

    /// <summary>
    /// Too few close runners-up to climb by count, but each the best candidate's twin (the same tag and class), short, in a
    /// wrapper of its own that holds little else, under the same grandparent: entries of a short live feed ("ul > li > div.feed__text",
    /// the time beside each text). Siblings would not join them (each wrapper is another), so the grandparent is the
    /// article. Twins that are siblings are left to <see cref="WithSiblings"/>, twins in wrappers holding more (a layout's
    /// columns) to the rules above.
    /// </summary>
    private static NodeInfo? TwinsGrandparent(NodeInfo best, List<NodeInfo> runnersUp, NodeInfo root)
    {
        var className = best.Element.GetAttribute("class");
        var wrapper = EntryWrapper(best, root);
        var grandparent = wrapper?.Parent;
        if (runnersUp.Count < MinTwinRunnersUp || string.IsNullOrWhiteSpace(className) || grandparent is null || grandparent == root)
            return null;
        if (best.TextChars > MaxTwinEntryChars || wrapper!.TextChars > best.TextChars + MaxTwinWrapperExtraChars)
            return null;
        foreach (var runnerUp in runnersUp)
        {
            var runnerUpWrapper = EntryWrapper(runnerUp, root);
            if (runnerUp.Element.LocalName != best.Element.LocalName || runnerUp.Element.GetAttribute("class") != className
                || runnerUpWrapper == wrapper || runnerUpWrapper?.Parent != grandparent
                || runnerUpWrapper.TextChars > runnerUp.TextChars + MaxTwinWrapperExtraChars)
                return null;
        }
        return grandparent;
    }

    /// <summary>Share of the parts' common ancestor's text the parts (the best candidate and its twins) must hold.</summary>
    private const double MinPageBuilderPartsShare = 0.6;

    /// <summary>
    /// A story a page builder split into sections (Elementor's "elementor-section" rows, each with its own text widget; a
    /// Wix page's rich-text elements): the best candidate has twins elsewhere, the same tag and the same class once the
    /// builder's per-element ids are left out ("elementor-element elementor-element-9d0e4f1 elementor-widget-text-editor"),
    /// candidates themselves (their name the best one's, whatever a furniture word in it says: "elementor-widget"), scoring what a continuing sibling must. Siblings would not join them
    /// (each sits in its own section and column), nor would the runners-up rule (too few, or too short). Their nearest
    /// common ancestor is the story when the parts hold most of its text: a sidebar's text widget beside them would take
    /// the common ancestor up to the page's layout, whose menus and boxes weigh against it. Null otherwise.
    /// </summary>
    private static NodeInfo? PageBuilderPartsAncestor(NodeInfo best, PageAnalysis analysis)
    {
        var part = BuilderElement(best, analysis.Root);
        var className = part.Element.GetAttribute("class");
        if (string.IsNullOrEmpty(className) || !HasElementIdToken(className))
            return null;
        var shape = WithoutElementIds(className);
        if (shape.Length == 0)
            return null;
        double threshold = Math.Max(MinSiblingScore, best.FinalScore * SiblingScoreRatio);
        NodeInfo? ancestor = null;
        int partsChars = part.TextChars;
        var parts = new HashSet<NodeInfo>();
        foreach (var other in analysis.Candidates)
        {
            if (other == best || other.FinalScore < threshold || other.InFurnitureSection
                || IsAncestor(other, best) || IsAncestor(best, other))
                continue;
            var otherPart = BuilderElement(other, analysis.Root);
            if (otherPart == part || otherPart.Element.LocalName != part.Element.LocalName
                || otherPart.Element.GetAttribute("class") is not { } otherClass || !HasElementIdToken(otherClass)
                || WithoutElementIds(otherClass) != shape || IsAncestor(otherPart, part) || IsAncestor(part, otherPart))
                continue;
            if (!parts.Add(otherPart))
                continue;
            ancestor = CommonAncestor(ancestor ?? part, otherPart);
            partsChars += otherPart.TextChars;
        }
        if (ancestor is null || ancestor == analysis.Root || partsChars < ancestor.TextChars * MinPageBuilderPartsShare)
            return null;
        return ancestor;
    }

    /// <summary>
    /// The page builder's element a candidate is: the candidate or the nearest wrapper around it holding nothing else whose
    /// class names one element (<see cref="IsElementIdToken"/>); the candidate when none does.
    /// </summary>
    private static NodeInfo BuilderElement(NodeInfo node, NodeInfo root)
    {
        for (var up = node; up != root; up = up.Parent!)
        {
            if (up.Element.GetAttribute("class") is { Length: > 0 } name && HasElementIdToken(name))
                return up;
            if (up.Parent is not { } parent || parent.TextChars != up.TextChars)
                break;
        }
        return node;
    }

    /// <summary>The nearest node holding both (the first itself when it holds the second).</summary>
    private static NodeInfo? CommonAncestor(NodeInfo a, NodeInfo b)
    {
        for (NodeInfo? node = a; node is not null; node = node.Parent)
            if (IsAncestor(node, b))
                return node;
        return null;
    }

    /// <summary>Shortest last part of a hyphenated class token read as an element's id ("9d0e4f1"), not a utility's size ("my-0", "w-81").</summary>
    private const int MinElementIdChars = 5;

    /// <summary>
    /// A class token naming one element, not a kind: its last part holds a digit and is an id ("elementor-element-9d0e4f1",
    /// "comp-lrx1g8h9") or a module's number after an underscore ("et_pb_text_0"). A utility class's size ("my-0",
    /// "line-clamp-2", "col-1") is not one.
    /// </summary>
    private static bool IsElementIdToken(ReadOnlySpan<char> token)
    {
        int cut = token.LastIndexOfAny('-', '_');
        if (cut < 0 || token[(cut + 1)..].IndexOfAnyInRange('0', '9') < 0)
            return false;
        return token[cut] == '_' || token.Length - cut - 1 >= MinElementIdChars;
    }

    private static bool HasElementIdToken(string className)
    {
        foreach (var range in className.AsSpan().SplitAny(" \t\n\r\f"))
            if (IsElementIdToken(className.AsSpan(range)))
                return true;
        return false;
    }

    /// <summary>The class without its per-element tokens (<see cref="IsElementIdToken"/>), tokens joined by one space.</summary>
    private static string WithoutElementIds(string className)
    {
        var kept = new System.Text.StringBuilder(className.Length);
        foreach (var range in className.AsSpan().SplitAny(" \t\n\r\f"))
        {
            var token = className.AsSpan(range);
            if (token.Length == 0 || IsElementIdToken(token))
                continue;
            if (kept.Length > 0)
                kept.Append(' ');
            kept.Append(token);
        }
        return kept.ToString();
    }

    /// <summary>
    /// The wrapper of a feed's entry: the text's parent, and the elements around it that hold nothing else ("li > article >
    /// time + div.text": the <c>li</c> holds only the article).
    /// </summary>
    private static NodeInfo? EntryWrapper(NodeInfo entry, NodeInfo root)
    {
        var wrapper = entry.Parent;
        while (wrapper?.Parent is { } up && up != root && up.TextChars == wrapper.TextChars)
            wrapper = up;
        return wrapper;
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

    /// <summary>
    /// The best candidate is the text of a titled section (a subheading over it, nothing else beside) with a twin section next
    /// to it (the same tag and class): a page written in sections ("article.it-page-section" with "Descrizione", "A chi si
    /// rivolge"), each a wrapper of a subheading and its text. The sections are the story's parts, so the section is the
    /// candidate whose siblings may join; its text alone would leave the other sections out.
    /// </summary>
    private static NodeInfo ClimbTitledSection(NodeInfo best, PageAnalysis analysis)
    {
        if (best.Parent is not { } parent || parent == analysis.Root || best.Element.PreviousElementSibling is not { } heading
            || heading.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6") || KeptChildCount(parent, analysis) != 2
            || parent.Element.GetAttribute("class") is not { Length: > 0 } name)
            return best;
        var section = parent.Element;
        return IsTwin(section.NextElementSibling, section, name) || IsTwin(section.PreviousElementSibling, section, name) ? parent : best;
    }

    private static bool IsTwin(IElement? other, IElement element, string className)
        => other is not null && other.LocalName == element.LocalName && other.GetAttribute("class") == className;

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
        var bestColumnWidth = ColumnWidth(bestClass);
        var siblings = new List<(NodeInfo Node, bool Continues)>();
        int first = -1, last = -1;
        foreach (var child in parent.Element.Children)
        {
            var sibling = analysis.Get(child);
            if (sibling is null || sibling.TextChars == 0)
                continue;
            bool continues = sibling == best
                || !IsNarrowerColumn(bestColumnWidth, sibling) && ContinuesArticle(sibling, threshold, bestClass, best.ParagraphChars);
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
        => !sibling.InFurnitureSection && (sibling.Role is TagRole.Heading || sibling.Role is TagRole.Block && WrapsOnlyHeading(sibling))
           || sibling.Role is TagRole.List or TagRole.Table or TagRole.Quote or TagRole.Preformatted or TagRole.Block
              && sibling.LinkDensity < MaxProseSiblingLinkDensity && sibling.ClassWeight >= 0;

    /// <summary>
    /// A page builder's module holding nothing but a subheading (Elementor's "elementor-widget-heading", a Divi or
    /// Gutenberg group): the heading of the story's next part, whatever the module's class says, as the text modules
    /// around it hold the story under the same class. Its text is the heading's alone, without links.
    /// </summary>
    private static bool WrapsOnlyHeading(NodeInfo block)
    {
        if (block.LinkChars > 0)
            return false;
        var element = block.Element;
        while (element.ChildElementCount == 1)
        {
            element = element.FirstElementChild!;
            if (BoilerplateSignals.RoleOf(element.LocalName) == TagRole.Heading)
                return element.TextContent.AsSpan().Trim().Length == block.Element.TextContent.AsSpan().Trim().Length;
        }
        return false;
    }

    private static bool ContinuesArticle(NodeInfo sibling, double threshold, string? bestClass, int bestProse)
    {
        if (sibling.InFurnitureSection)
            return false;
        // A sibling named as furniture ("sidebar", "widget", "aside") continues the story by its prose only when it holds as
        // much as the best candidate, or is its twin (a layout's "sidebar-grid__container" around each of the story's sections):
        // a parish's service times or a town's opening hours beside a short notice do not.
        bool namedOther = sibling.ClassWeight < 0 && bestClass != sibling.Element.Attr("class");
        if (sibling.ParagraphChars >= bestProse * (namedOther ? 1 : SiblingProseRatio) && sibling.LinkDensity < MaxProseSiblingLinkDensity
            && sibling.ParagraphChars > 0)
            return true;
        if (sibling.IsCandidate)
        {
            double score = sibling.FinalScore;
            // Same class as the best candidate: likely the next part of the same article body.
            if (!string.IsNullOrEmpty(bestClass) && bestClass == sibling.Element.Attr("class"))
                score += threshold;
            // Else, unless named for the article (a slideshow's intro of short sentences), its paragraphs must read as the
            // story's do: a box of short lines (an app's download pitch, a hotline's numbers) scores a point a line and would
            // join a strong story beside it.
            else if (sibling.ClassWeight <= 0 && sibling.ParagraphChars < sibling.Paragraphs * MinJoiningParagraphChars)
                score = 0;
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
    /// wider than every column beside it that holds prose: the story's column, the best candidate having climbed to a
    /// layout that also holds a sidebar (its agenda's or its boxes' paragraphs counted as runners-up). Null otherwise, also
    /// where the headline's column is the narrow one beside the story's wider column (a title and lead set aside).
    /// </summary>
    private static NodeInfo? HeadlineColumnWithin(NodeInfo best, PageAnalysis analysis)
    {
        if (best.Element.QuerySelector("h1") is not { } headline)
            return null;
        for (var element = headline.ParentElement; element is not null && element != best.Element; element = element.ParentElement)
        {
            if (ColumnWidth(element.Attr("class")) is not { } width)
                continue;
            // The nearest column around the headline decides: a header row's column holds no prose.
            if (analysis.Get(element) is not { } column || column.ParagraphChars < best.ParagraphChars * SiblingProseRatio)
                return null;
            bool besideNarrowerColumn = false;
            foreach (var sibling in element.ParentElement!.Children)
            {
                if (sibling == element || analysis.Get(sibling) is not { ParagraphChars: > 0 } || ColumnWidth(sibling.Attr("class")) is not { } other)
                    continue;
                if (other >= width)
                    return null;
                besideNarrowerColumn = true;
            }
            return besideNarrowerColumn ? column : null;
        }
        return null;
    }

    /// <summary>
    /// The column of an old layout that holds the page's headline (an <c>h1</c>) and most of the best candidate's prose, where
    /// every other element beside it holding prose is a box of short lines (paragraphs under 80 characters on average: a
    /// portal's links column, a hotline box): the best candidate is the layout around them (a table's row, a "main-container"
    /// whose name outweighed the story's own cell, or the boxes' runners-up that climbed to it), and the column alone is the
    /// story. Those boxes were judged here, so the column is returned without siblings. Null when the prose beside the
    /// headline's column reads as the story's (a part of it continuing in the next column) or no column holds most of it.
    /// </summary>
    private static NodeInfo? HeadlineColumnBesideBoxes(NodeInfo best, PageAnalysis analysis)
    {
        if (best.ParagraphChars == 0 || best.Element.QuerySelector("h1") is not { } headline)
            return null;
        var node = best;
        while (true)
        {
            // The child of this node on the way down to the headline.
            var onPath = headline;
            while (onPath.ParentElement is { } up && up != node.Element)
                onPath = up;
            if (onPath == headline || analysis.Get(onPath) is not { } column)
                return null;
            bool split = false;
            foreach (var child in node.Element.Children)
            {
                if (child == onPath || analysis.Get(child) is not { ParagraphChars: > 0 } other)
                    continue;
                if (other.ParagraphChars >= other.Paragraphs * MinJoiningParagraphChars)
                    return null;
                split = true;
            }
            if (split)
                return column.ParagraphChars * 2 > node.ParagraphChars ? column : null;
            node = column;
        }
    }

    /// <summary>
    /// The wider grid column beside the best candidate that holds the page's headline (an <c>h1</c>) and some prose: the
    /// story's column, where the best one is a sidebar whose boxes outweigh a short story. Null when the best candidate is
    /// no column, holds a headline itself, or no such column is beside it.
    /// </summary>
    private static NodeInfo? HeadlineColumn(NodeInfo best, PageAnalysis analysis)
    {
        if (ColumnWidth(best.Element.Attr("class")) is not { } bestWidth || best.Element.QuerySelector("h1") is not null)
            return null;
        foreach (var child in best.Parent!.Element.Children)
        {
            if (analysis.Get(child) is not { } sibling || sibling == best || sibling.InFurnitureSection
                || sibling.ParagraphChars < best.ParagraphChars * SiblingProseRatio
                || ColumnWidth(child.Attr("class")) is not { } width || width <= bestWidth)
                continue;
            if (child.QuerySelector("h1") is not null)
                return sibling;
        }
        return null;
    }

    /// <summary>
    /// A grid column narrower than the story's ("col-md-4" beside "col-md-8", "large-3" beside "large-9"): the sidebar of
    /// the layout, however much prose its boxes hold, not the story's next part. A wider one may hold the story itself
    /// (beside a title and lead set aside) and is judged as any sibling.
    /// </summary>
    private static bool IsNarrowerColumn(double? bestColumnWidth, NodeInfo sibling)
        => bestColumnWidth is { } bestWidth && ColumnWidth(sibling.Element.Attr("class")) is { } width && width < bestWidth;

    /// <summary>
    /// Starts of the class names grid frameworks and page builders give a column of a set width, and the width the number
    /// after them counts in: twelfths ("col-md-8", "span8", "large-8", "grid_8", "vc_col-sm-8"), per cent
    /// ("elementor-col-66"), or a fraction when two numbers follow ("et_pb_column_2_3", "uk-width-2-3", "pure-u-2-3").
    /// </summary>
    private static readonly (string Prefix, double Unit)[] ColumnWidthPrefixes =
    [
        ("col-", 12), ("span", 12), ("large-", 12), ("medium-", 12), ("small-", 12), ("grid_", 12), ("vc_col-", 12),
        // Government design systems: the French state's ("fr-col-md-8") and the US web design system's ("grid-col-8").
        ("fr-col-", 12), ("grid-col-", 12),
        ("elementor-col-", 100), ("et_pb_column_", 1), ("uk-width-", 1), ("pure-u-", 1),
    ];

    /// <summary>
    /// An element's width as a grid column, as a share of its row: the narrowest its class names set, the wide screen's
    /// layout in frameworks that narrow columns as screens widen ("col-xs-12 col-md-8" is 8/12); null for none.
    /// </summary>
    internal static double? ColumnWidth(string? className)
    {
        if (string.IsNullOrEmpty(className))
            return null;
        double? width = null;
        foreach (var range in className.AsSpan().SplitAny(" \t\n\r\f"))
            if (ColumnWidthOf(className.AsSpan(range)) is { } tokenWidth && (width is null || tokenWidth < width))
                width = tokenWidth;
        return width;
    }

    private static readonly SearchValues<string> ColumnShiftWords =
        SearchValues.Create(["offset", "push", "pull", "order", "start", "end"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The GOV.UK design system's column widths, named in words ("govuk-grid-column-two-thirds-from-desktop").</summary>
    private static readonly (string Name, double Width)[] NamedColumnWidths =
    [
        ("one-quarter", 0.25), ("one-third", 1.0 / 3), ("one-half", 0.5), ("two-thirds", 2.0 / 3), ("three-quarters", 0.75), ("full", 1),
    ];

    private const string NamedColumnPrefix = "govuk-grid-column-";

    private static double? ColumnWidthOf(ReadOnlySpan<char> token)
    {
        // A width for some screens only, after the screen's name: "tablet:grid-col-8", "md:col-span-8".
        int screen = token.LastIndexOf(':');
        if (screen >= 0)
            token = token[(screen + 1)..];
        if (token.StartsWith(NamedColumnPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = token[NamedColumnPrefix.Length..];
            foreach (var (words, width) in NamedColumnWidths)
                if (name.StartsWith(words, StringComparison.OrdinalIgnoreCase))
                    return width;
            return null;
        }
        foreach (var (prefix, unit) in ColumnWidthPrefixes)
        {
            if (token.Length <= prefix.Length || !token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                continue;
            // "col-md-offset-2", "large-push-3", "order-1": a shift, not a width.
            if (token.IndexOfAny(ColumnShiftWords) >= 0)
                return null;
            // The numbers at the token's end: "md-8" gives 8, "2_3" and "2-3" give 2 and 3.
            var rest = token[prefix.Length..];
            int split = rest.LastIndexOfAny('-', '_');
            if (!int.TryParse(rest[(split + 1)..], out int last) || last <= 0)
                return null;
            // A fraction needs both numbers: Divi's "et_pb_column_1" beside "et_pb_column_1_3" only counts the columns.
            if (unit == 1)
                return split > 0 && int.TryParse(rest[..split], out int numerator) && numerator <= last ? (double)numerator / last : null;
            return last <= unit ? last / unit : null;
        }
        return null;
    }

    private static bool IsAncestor(NodeInfo ancestor, NodeInfo node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
            if (current == ancestor)
                return true;
        return false;
    }
}
