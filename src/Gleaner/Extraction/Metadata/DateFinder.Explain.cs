using System.Text.Json;
using AngleSharp.Dom;
using Gleaner.Extraction.Explain;

namespace Gleaner.Extraction.Metadata;

/// <summary>Where a date candidate was read; named only when an explanation is asked for.</summary>
/// <param name="Kind">The kind of source: <c>json-ld</c>, <c>meta</c>, <c>time</c>, <c>url path</c>, ...</param>
/// <param name="Key">The property, meta key or detail.</param>
/// <param name="Element">The element read, for sources readers see.</param>
/// <param name="Other">A JSON-LD object other than the page's main one.</param>
internal readonly record struct DateSource(string? Kind, string? Key = null, IElement? Element = null, bool Other = false);

/// <summary>The explanation of the dates: every candidate the finder weighed, which won and why the others lost.</summary>
internal static partial class DateFinder
{
    /// <summary>How often a date from each weight of source is the article's when nothing else confirms it.</summary>
    private static double Prior(Weight weight) => weight switch
    {
        Weight.Declared => 0.75,
        Weight.Visible => 0.65,
        Weight.Dateline => 0.6,
        Weight.Generic => 0.55,
        Weight.HeaderText => 0.5,
        _ => 0.35,
    };

    /// <summary>A publication date later than this after the extraction is a page error or a scheduled embargo.</summary>
    private static readonly TimeSpan MaxFuture = TimeSpan.FromDays(2);

    /// <summary>Times of one day further apart than this disagree about the time.</summary>
    private const int SameTimeSeconds = 60;

    private static void Explain(ExtractionTrace trace, List<Candidate> published, PageDate? chosen, PageDate? final, List<PageDate> modified, PageDate? finalModified,
        JsonElement? main, MetaTags meta)
    {
        ExplainPublished(trace, published, chosen, final);
        ExplainModified(trace, modified, finalModified, main, meta);
    }

    private static void ExplainPublished(ExtractionTrace trace, List<Candidate> candidates, PageDate? chosen, PageDate? final)
    {
        var others = new List<CandidateExplanation>();
        if (chosen is not { } picked || final is not { } date)
        {
            trace.Field("published", null, null, 0);
            return;
        }
        var winner = -1;
        for (var i = 0; i < candidates.Count; i++)
            if (candidates[i].Date.Day == picked.Day && (winner < 0 || candidates[i].Weight > candidates[winner].Weight))
                winner = i;
        if (winner < 0)
        {
            trace.Field("published", date.ToIso(), "derived from the page's dates", Confidence.ImplausibleCap);
            return;
        }
        var best = candidates[winner];
        var source = Describe(trace, best);
        var agreeing = new HashSet<string>(StringComparer.Ordinal);
        var contradicting = new HashSet<string>(StringComparer.Ordinal);
        var timeDiffers = false;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i == winner)
                continue;
            var candidate = candidates[i];
            var family = Family(candidate.Source);
            string reason;
            if (candidate.Date.Day == picked.Day)
            {
                var sameTime = !candidate.Date.HasTime || !picked.HasTime || SameTime(candidate.Date, picked);
                timeDiffers |= !sameTime && candidate.Weight >= Weight.Generic;
                reason = sameTime ? "agrees" : "same day, another time";
                if (family != Family(best.Source))
                    agreeing.Add(family);
            }
            else
            {
                reason = candidate.Weight < best.Weight ? "weaker kind of source"
                    : candidate.Weight > best.Weight ? "the URL's day sides with the chosen date"
                    : "an earlier source of the same kind was taken";
                if (family != Family(best.Source) && Prior(candidate.Weight) >= Prior(Weight.Generic))
                    contradicting.Add(family);
            }
            others.Add(new CandidateExplanation(Describe(trace, candidate), candidate.Date.ToIso(), reason));
        }
        contradicting.ExceptWith(agreeing);
        if (picked.HasTime && !best.Date.HasTime)
            source += ", time of day from a source of the same day";
        // The reading in the page's own offset is the finder's guess when no source of that day gave it.
        if (date.Value.Offset != picked.Value.Offset)
            source += $", read at offset {date.Value:zzz}";
        var plausible = date.Value.Year >= 1995 && date.Value <= DateTimeOffset.UtcNow + MaxFuture;
        var confidence = Confidence.Of(Prior(best.Weight), agreeing.Count, contradicting.Count + (timeDiffers ? 1 : 0), plausible);
        trace.Field("published", date.ToIso(), source, confidence, others);
    }

    private static bool SameTime(PageDate a, PageDate b) =>
        a.HasOffset && b.HasOffset
            ? Math.Abs((a.Value - b.Value).TotalSeconds) < SameTimeSeconds
            : Math.Abs((a.Value.DateTime - b.Value.DateTime).TotalSeconds) < SameTimeSeconds;

    /// <summary>The modified date's sources are named after the fact: the declared ones are read again and compared.</summary>
    private static void ExplainModified(ExtractionTrace trace, List<PageDate> modified, PageDate? final, JsonElement? main, MetaTags meta)
    {
        if (final is not { } date)
        {
            trace.Field("modified", null, null, 0);
            return;
        }
        var declared = new List<(string Source, PageDate Date)>();
        if (main is { } article && Parse(JsonLdValues.Text(article, "dateModified"), DateOrder.MonthFirst) is { } fromJsonLd)
            declared.Add((trace.JsonLd("dateModified"), fromJsonLd));
        foreach (var key in ModifiedMetaKeys)
            if (Parse(meta.First(key), DateOrder.MonthFirst) is { } fromMeta)
                declared.Add(($"meta[{key}]", fromMeta));
        string? source = null;
        var others = new List<CandidateExplanation>();
        foreach (var (name, value) in declared)
        {
            var same = value.Value == date.Value;
            if (same && source is null)
                source = name;
            else
                others.Add(new CandidateExplanation(name, value.ToIso(), same ? "agrees" : "a later source of the list"));
        }
        foreach (var other in modified)
            if (other.Value != date.Value && !declared.Exists(d => d.Date.Value == other.Value))
                others.Add(new CandidateExplanation("the page's visible dates", other.ToIso(), "a later source of the list"));
        var agreeing = 0;
        foreach (var other in others)
            if (other.Reason == "agrees" && !other.Source.StartsWith(source?[..4] ?? "", StringComparison.Ordinal))
                agreeing++;
        trace.Field("modified", date.ToIso(), source ?? "a visible \"updated\" date or a time element marked as one",
            Confidence.Of(source is null ? Prior(Weight.Visible) : Prior(Weight.Declared), Math.Min(agreeing, 1), 0, true), others);
    }

    /// <summary>Sources written by the same hand count once when agreeing: the JSON-LD, the meta tags, what readers see, the URL.</summary>
    private static string Family(DateSource source) => source.Kind switch
    {
        "itemprop" or "time" or "visible" or "visible title" or "header text" or "visible update date" or "page text" => "visible",
        "image path" or "url path" => "url",
        null => "unknown",
        _ => source.Kind,
    };

    private static string Describe(ExtractionTrace trace, Candidate candidate)
    {
        var source = candidate.Source;
        var where = candidate.Weight is Weight.Fallback ? " outside the article" : " in the article";
        return source.Kind switch
        {
            "json-ld" => source.Other ? $"json-ld:{source.Key} of another object on the page" : trace.JsonLd(source.Key!),
            "meta" => $"meta[{source.Key}]",
            "itemprop" => $"[itemprop] {ExtractionTrace.Visible(source.Element!)}{where}",
            "time" => $"time {ExtractionTrace.Visible(source.Element!)}{where}",
            "visible" => $"visible text {ExtractionTrace.Visible(source.Element!)}{where}",
            "visible title" => $"title attribute of {ExtractionTrace.Describe(source.Element!)}{where}",
            "header text" => $"visible text {source.Key}",
            "visible update date" => "a visible \"updated\" date (no publication date shown)",
            "title" => "a date closing the page's <title>",
            "url path" => "url path",
            "image path" => "the lead image's path",
            "script data" => "page data in a script",
            "page text" => "a labelled date in the page's text",
            null => "unnamed source",
            _ => source.Kind,
        };
    }
}
