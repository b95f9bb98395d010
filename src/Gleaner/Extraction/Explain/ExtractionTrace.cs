using System.Text;
using AngleSharp.Dom;
using Gleaner.Extraction.Content;

namespace Gleaner.Extraction.Explain;

/// <summary>
/// The side channel that records why each field got its value (<see cref="ExtractionOptions.Explain"/>). The
/// phases hold it as <see cref="PageContext.Trace"/>, null when no explanation is asked for, and call it with
/// <c>?.</c> so that neither the call nor its arguments cost anything then.
/// </summary>
internal sealed class ExtractionTrace
{
    /// <summary>Dropped blocks kept per page: enough to see what went, bounded on pages made of furniture.</summary>
    public const int MaxDropped = 200;

    /// <summary>Characters of a dropped block or a visible source shown.</summary>
    private const int SnippetChars = 80;

    public Explanation Explanation { get; } = new();

    /// <summary>The JSON-LD type of the object the metadata came from (<c>NewsArticle</c>), for naming its properties.</summary>
    private string? MainType { get; set; }

    /// <summary>Notes the JSON-LD object the metadata is read from, to name its properties with its type.</summary>
    public void MainObject(System.Text.Json.JsonElement? main)
    {
        if (main is { } obj && obj.TryGetProperty("@type", out var type))
            MainType = Metadata.JsonLdValues.AsText(type);
    }

    /// <summary>A JSON-LD property named with the main object's type: <c>json-ld:NewsArticle.datePublished</c>.</summary>
    public string JsonLd(string property) => MainType is null ? "json-ld:" + property : $"json-ld:{MainType}.{property}";

    public void Field(string name, string? value, string? source, double confidence, List<CandidateExplanation>? others = null) =>
        Explanation.Fields[name] = new FieldExplanation
        {
            Value = value,
            Source = value is null ? null : source,
            Confidence = value is null ? 0 : Math.Round(Math.Clamp(confidence, 0, 1), 2),
            Others = others ?? [],
        };

    /// <summary>Lowers a recorded field's confidence to at most <paramref name="cap"/> for a doubt its sources cannot settle, named in its source.</summary>
    public void Cap(string name, double cap, string doubt)
    {
        if (Explanation.Field(name) is { Value: not null } field && field.Confidence > cap)
            Field(name, field.Value, $"{field.Source} ({doubt})", cap, [.. field.Others]);
    }

    /// <summary>
    /// Explains a field chosen as the first source that had a value (or by agreement): the winner is the first
    /// candidate whose value compares equal to the chosen one; each other candidate either agrees with it or
    /// lost, for <paramref name="lostReason"/> when it came after the winner and was set aside before it.
    /// </summary>
    public void Choice(string name, string? chosen, IReadOnlyList<Evidence> candidates, Func<string, string> key, string lostReason = "lower priority",
        bool plausible = true, double unmatchedPrior = 0.5)
    {
        if (chosen is null)
        {
            Field(name, null, null, 0, Others(candidates, -1, "", key, lostReason));
            return;
        }
        var chosenKey = key(chosen);
        var winner = -1;
        for (var i = 0; i < candidates.Count && winner < 0; i++)
            if (candidates[i].Value is { } value && key(value) == chosenKey)
                winner = i;
        var others = Others(candidates, winner, chosenKey, key, lostReason);
        if (winner < 0)
        {
            Field(name, chosen, "derived from the sources", Confidence.Of(unmatchedPrior, 0, 0, plausible), others);
            return;
        }
        var (agreeing, contradicting) = Confidence.Families(candidates, winner, chosenKey, key);
        Field(name, chosen, candidates[winner].Source, Confidence.Of(candidates[winner].Prior, agreeing, contradicting, plausible), others);
    }

    private static List<CandidateExplanation> Others(IReadOnlyList<Evidence> candidates, int winner, string chosenKey, Func<string, string> key, string lostReason)
    {
        var others = new List<CandidateExplanation>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i == winner || candidates[i].Value is not { } value)
                continue;
            var reason = key(value) == chosenKey ? "agrees"
                : winner < 0 || i > winner ? lostReason
                : "set aside";
            others.Add(new CandidateExplanation(candidates[i].Source, Snippet(value), reason));
        }
        return others;
    }

    /// <summary>The record's fields in the order the record writes them; the explanation lists them so.</summary>
    private static readonly string[] RecordOrder =
        ["url", "canonical_url", "site_name", "title", "description", "authors", "published", "modified", "language", "image", "section", "tags"];

    public void PutInRecordOrder()
    {
        var fields = Explanation.Fields;
        var ordered = new List<KeyValuePair<string, FieldExplanation>>(fields.Count);
        foreach (var name in RecordOrder)
            if (fields.TryGetValue(name, out var field))
                ordered.Add(new(name, field));
        fields.Clear();
        foreach (var (name, field) in ordered)
            fields[name] = field;
    }

    /// <summary>Empties the fields whose confidence is below <paramref name="min"/>, so that a doubtful value reads as
    /// unknown rather than wrong. The address (the record's key) and the body are always kept.</summary>
    public void ClearDoubtful(Article article, double min)
    {
        foreach (var (name, field) in Explanation.Fields)
        {
            if (field.Value is null || field.Confidence >= min)
                continue;
            switch (name)
            {
                case "canonical_url": article.CanonicalUrl = null; break;
                case "site_name": article.SiteName = null; break;
                case "title": article.Title = null; break;
                case "description": article.Description = null; break;
                case "authors": article.Authors = []; break;
                case "published": article.Published = null; break;
                case "modified": article.Modified = null; break;
                case "language": article.Language = null; break;
                case "image": article.Image = null; break;
                case "section": article.Section = null; break;
                case "tags": article.Tags = []; break;
            }
        }
    }

    /// <summary>Containers of the body named in its path; an article split in more siblings than this is summed up.</summary>
    private const int MaxContainersNamed = 4;

    /// <summary>Records where the body came from: the selected containers, their best score, the blocks dropped on the way.</summary>
    public void Body(string source, List<NodeInfo> selection, List<DroppedBlock>? dropped)
    {
        var body = Explanation.Body;
        body.Source = source;
        var paths = new List<string>();
        double score = 0;
        foreach (var node in selection)
        {
            if (paths.Count < MaxContainersNamed)
                paths.Add(CssPath(node.Element));
            if (node.IsCandidate)
                score = Math.Max(score, node.FinalScore);
        }
        if (selection.Count > MaxContainersNamed)
            paths.Add($"{selection.Count - MaxContainersNamed} more");
        body.Container = string.Join(" + ", paths);
        body.Score = Math.Round(score, 1);
        if (dropped is not null)
        {
            body.Dropped.Clear();
            body.Dropped.AddRange(dropped);
        }
    }

    /// <summary>Records a block left out of the body, when it has text a reader would have seen.</summary>
    public static void Drop(List<DroppedBlock>? into, string rule, string text)
    {
        if (into is null || into.Count >= MaxDropped || string.IsNullOrWhiteSpace(text))
            return;
        into.Add(new DroppedBlock(rule, Snippet(text)));
    }

    /// <summary>Records an element left out of the body with its subtree, when it holds visible text.</summary>
    public static void Drop(List<DroppedBlock>? into, string rule, IElement element)
    {
        if (into is null || into.Count >= MaxDropped || element.LocalName is "script" or "style" or "noscript" or "template" or "svg" or "annotation"
            or "head" or "title" or "meta" or "link" or "source" or "track" or "br" or "hr" or "img" or "picture" or "iframe" or "input" or "option" or "select")
            return;
        var text = TextOf(element, SnippetChars * 2);
        if (text.Length < MinDroppedChars)
            return;
        into.Add(new DroppedBlock(rule + " " + Describe(element), Snippet(text)));
    }

    /// <summary>A dropped element with less text than this (an icon, a lone "|") is not worth listing.</summary>
    private const int MinDroppedChars = 3;

    /// <summary>Text shortened to one line of <see cref="SnippetChars"/> characters.</summary>
    public static string Snippet(string text)
    {
        var line = TextOf(text, SnippetChars + 1);
        return line.Length > SnippetChars ? line[..(SnippetChars - 1)].TrimEnd() + "…" : line;
    }

    private static string TextOf(string text, int max)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max));
        AppendCollapsed(builder, text, max);
        return builder.ToString().Trim();
    }

    /// <summary>The element's text, white space collapsed, read up to <paramref name="max"/> characters.</summary>
    public static string TextOf(IElement element, int max)
    {
        var builder = new StringBuilder(max);
        foreach (var node in element.Descendants<IText>())
        {
            if (builder.Length >= max)
                break;
            if (node.ParentElement?.LocalName is "script" or "style" or "template")
                continue;
            AppendCollapsed(builder, node.Data, max);
        }
        return builder.ToString().Trim();
    }

    private static void AppendCollapsed(StringBuilder builder, string text, int max)
    {
        foreach (var c in text)
        {
            if (builder.Length >= max)
                return;
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                    builder.Append(' ');
            }
            else
                builder.Append(c);
        }
        if (builder.Length > 0 && builder[^1] != ' ')
            builder.Append(' ');
    }

    /// <summary><c>&lt;div class="share-bar"&gt;</c> shortened to <c>div.share-bar</c>: the tag with its id or first class names.</summary>
    public static string Describe(IElement element)
    {
        var builder = new StringBuilder(element.LocalName);
        if (!string.IsNullOrEmpty(element.Id) && element.Id.Length <= 40)
            builder.Append('#').Append(element.Id);
        else if (element.ClassList.Length > 0)
            for (var i = 0; i < element.ClassList.Length && i < 2; i++)
                if (element.ClassList[i] is { Length: <= 40 } name)
                    builder.Append('.').Append(name);
        return builder.ToString();
    }

    /// <summary>A CSS path from the body (or the nearest ancestor with an id) to the element: <c>body > div#main > article.story</c>,
    /// with <c>:nth-of-type</c> where a sibling has the same tag.</summary>
    public static string CssPath(IElement element)
    {
        var parts = new List<string>();
        for (var node = element; node is not null; node = node.ParentElement)
        {
            var part = Describe(node);
            if (node.ParentElement is { } parent && string.IsNullOrEmpty(node.Id))
            {
                int index = 0, same = 0;
                foreach (var sibling in parent.Children)
                {
                    if (sibling.LocalName != node.LocalName)
                        continue;
                    same++;
                    if (sibling == node)
                        index = same;
                }
                if (same > 1)
                    part += $":nth-of-type({index})";
            }
            parts.Add(part);
            if (node.LocalName == "body" || !string.IsNullOrEmpty(node.Id))
                break;
        }
        parts.Reverse();
        return string.Join(" > ", parts);
    }

    /// <summary>An element shown as a visible source: its description and text, <c>span.date "Veröffentlicht am 3. Mai 2022"</c>.</summary>
    public static string Visible(IElement element) => $"{Describe(element)} \"{Snippet(TextOf(element, SnippetChars * 2))}\"";
}

/// <summary>One source's candidate value for a field.</summary>
/// <param name="Source">Where it was read (<c>meta[og:title]</c>).</param>
/// <param name="Family">Sources written together (all social tags; the JSON-LD; the visible page) count as one voice when agreeing.</param>
/// <param name="Value">The value, null when the source is absent.</param>
/// <param name="Prior">How often a value from this kind of source is right when nothing else confirms it.</param>
internal sealed record Evidence(string Source, string Family, string? Value, double Prior);
