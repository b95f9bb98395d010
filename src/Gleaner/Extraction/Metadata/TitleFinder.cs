using System.Text;
using System.Text.RegularExpressions;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Finds the headline. Publishers state it in several places that mostly agree except for a
/// site name glued to one of them (<c>Headline - Site</c>, <c>Site | Headline</c>); the sources are
/// compared and the site part is removed where another source or the known site name shows it.
/// </summary>
internal static partial class TitleFinder
{
    /// <summary>Separators between a headline and a site name, longest first.</summary>
    /// "ㅣ" is the Hangul letter i, which Korean titles use as a bar ("HeadlineㅣSite"): alone, it is no syllable of any word.
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ", " ~ ", "｜", "ㅣ", " _ ", "_", " : "];

    /// <summary>
    /// Chooses the headline by agreement. Each source votes for the candidates it states, whole or
    /// as one side of a separator (<c>&lt;title&gt;</c> "Headline - Site" votes for "Headline"); social
    /// tags (og:, twitter:) count as one source since they are written together. A heading the reader
    /// sees that another source confirms gets half a vote more, so it wins over a differently worded SEO
    /// title that only one more source repeats; a heading nothing confirms (a logo) does not beat the
    /// <c>&lt;title&gt;</c>. Ties go to the more deliberate source: JSON-LD, then social tags, then
    /// <c>&lt;title&gt;</c>, then the headings.
    /// </summary>
    /// <param name="jsonLdHeadline">The JSON-LD article's headline.</param>
    /// <param name="metaTitle">The first social or Dublin Core title tag.</param>
    /// <param name="headlines">Texts of the page's <c>&lt;h1&gt;</c> elements outside comments and sidebars, in page order.</param>
    /// <param name="documentTitle">The <c>&lt;title&gt;</c> text.</param>
    /// <param name="siteNames">Known names of the site (site name, domain, domain label).</param>
    /// <param name="visibleHeadline">The headline shown above the article without its kicker (<see cref="VisibleHeadline"/>), when the page has one.</param>
    /// <param name="statedTitle">When the headline is a first <c>&lt;h1&gt;</c> outside the article that no source states, the
    /// title the sources state (a section's and a site's name), else null: it does not confirm that heading as the article's.</param>
    public static string? Choose(string? jsonLdHeadline, string? metaTitle, IReadOnlyList<string> headlines, string? documentTitle, IReadOnlyList<string> siteNames,
        string? visibleHeadline, out string? statedTitle)
    {
        statedTitle = null;
        jsonLdHeadline = StripLabel(jsonLdHeadline);
        metaTitle = StripLabel(metaTitle);
        documentTitle = StripLabel(documentTitle);
        visibleHeadline = StripLabel(visibleHeadline);
        var labelled = false;
        foreach (var headline in headlines)
            labelled |= StripLabel(headline) != headline;
        if (labelled)
            headlines = [.. headlines.Select(headline => StripLabel(headline)!)];
        var sources = new List<string?> { jsonLdHeadline, metaTitle, documentTitle };
        var candidates = new List<string>();
        if (jsonLdHeadline is not null)
            candidates.Add(StripSiteName(jsonLdHeadline, siteNames));
        if (metaTitle is not null)
            candidates.Add(StripSiteName(metaTitle, siteNames));
        string? strippedTitle = null;
        if (documentTitle is not null)
        {
            strippedTitle = StripSiteName(documentTitle, siteNames);
            candidates.Add(strippedTitle);
        }
        var stated = candidates.Count;
        // After the <title>: an <h1> nothing else confirms may be the site's logo.
        var shown = new List<string>(headlines.Count + 1);
        if (visibleHeadline is not null)
            shown.Add(visibleHeadline);
        shown.AddRange(headlines);
        // A heading whose kicker is its own element ("Dortmund" over "Neues Stadion-Dach bis 2026") is shown without it; where
        // JSON-LD or the social tags state that form, the heading's whole text (kicker and headline run together) is no rival.
        if (visibleHeadline is not null && Key(visibleHeadline) is { Length: > 0 } visibleKey
            && (jsonLdHeadline is not null && Key(StripSiteName(jsonLdHeadline, siteNames)) == visibleKey
                || metaTitle is not null && Key(StripSiteName(metaTitle, siteNames)) == visibleKey))
            shown.RemoveAll(heading => Key(heading) is var key && key.Length > visibleKey.Length && key.EndsWith(visibleKey, StringComparison.Ordinal));
        candidates.AddRange(shown);

        string? best = null;
        var bestVotes = 0.0;
        // A <title> the page's only metadata: "Blog Name: Post title" over a post whose heading is "Post title".
        var titleAlone = jsonLdHeadline is null && metaTitle is null ? documentTitle : null;
        foreach (var candidate in candidates)
        {
            var key = Key(candidate);
            if (key.Length == 0 || NamesSiteExactly(candidate, siteNames))
                continue;
            var votes = 0.0;
            bool isShown = shown.Contains(candidate);
            foreach (var source in sources)
                if (source is not null && (Supports(source, key, siteNames) || isShown && (HasSegment(source, key) || EndsLongTitle(source, candidate, key)
                    || ReferenceEquals(source, titleAlone) && AfterShortColon(source, key))))
                    votes++;
            foreach (var heading in shown)
            {
                if (Key(heading) == key)
                {
                    votes += votes > 0 ? ConfirmedHeadingVotes : 1;
                    break;
                }
            }
            // Headlines lead a <title>; site names trail it. An <h1> equal to the title's head beats one equal to its tail.
            if (documentTitle is not null && shown.Contains(candidate) && Key(documentTitle) is var titleKey
                && titleKey.Length > key.Length && titleKey.StartsWith(key, StringComparison.Ordinal))
                votes += 0.5;
            // A heading that says more than the <title>'s head ("Headline, at length" for "Headline | Site", "New centre for climate
            // data opened" for "New centre opened - Press releases - University") is the article's; a site's logo does not hold
            // the story's words.
            else if (documentTitle is not null && isShown && ExpandsTitleHead(documentTitle, candidate, key))
                votes += 0.5;
            if (votes > bestVotes)
            {
                best = candidate;
                bestVotes = votes;
            }
        }
        if (best is null)
            return null;
        // A <title> nothing confirms whose parts are each as short as a site's name ("Riverside Gazette", "Pressemitteilungen -
        // Universität X") names the site or a section, not the story, when the page shows a longer headline: above its
        // article, or else as its first <h1>.
        var shownHeadline = visibleHeadline ?? (headlines.Count > 0 ? headlines[0] : null);
        if (ReferenceEquals(best, strippedTitle) && bestVotes <= 1 && shownHeadline is not null
            && WordCount(shownHeadline) > MaxSiteNameWords && !NamesSiteExactly(shownHeadline, siteNames) && NamesOnlySiteOrSection(best, shownHeadline))
        {
            if (visibleHeadline is null)
                statedTitle = AsStated(best, bestVotes, candidates, stated, documentTitle, strippedTitle);
            return shownHeadline;
        }
        return AsStated(best, bestVotes, candidates, stated, documentTitle, strippedTitle);
    }

    /// <summary>The chosen source's headline as the sources write it.</summary>
    private static string AsStated(string best, double bestVotes, List<string> candidates, int stated, string? documentTitle, string? strippedTitle)
    {
        // A <title> nothing else confirms may still carry an unnamed site suffix.
        if (ReferenceEquals(best, strippedTitle) && strippedTitle == documentTitle && bestVotes <= 1.5)
            return StripUnnamedSiteParts(best);
        var form = AsMostSourcesWriteIt(best, candidates, stated, documentTitle, strippedTitle);
        return ReferenceEquals(form, best) && documentTitle is not null && TitleHeadForm(documentTitle, best) is { } head ? head : form;
    }

    /// <summary>
    /// The head of the <c>&lt;title&gt;</c> when it holds the chosen heading's letters with a kicker's colon the heading lacks, and a
    /// separator or the end follows: a heading whose kicker is its own element reads "Oldenburg Stadt plant …", which the title
    /// writes "Oldenburg: Stadt plant … | Site". Null when the title does not start so.
    /// </summary>
    private static string? TitleHeadForm(string documentTitle, string heading)
    {
        var letters = CasedKey(heading);
        if (letters.Length == 0)
            return null;
        var matched = 0;
        var end = -1;
        for (var i = 0; i < documentTitle.Length; i++)
        {
            var c = documentTitle[i];
            if (!char.IsLetterOrDigit(c))
                continue;
            if (matched == letters.Length)
                break;
            if (c != letters[matched++])
                return null;
            if (matched == letters.Length)
                end = i + 1;
        }
        if (end < 0)
            return null;
        // Closing marks stay with the headline: "… zu tun»", "Président»…".
        while (end < documentTitle.Length && !char.IsWhiteSpace(documentTitle[end]) && !char.IsLetterOrDigit(documentTitle[end]))
            end++;
        var rest = documentTitle.AsSpan(end).TrimStart();
        if (rest.Length > 0 && !(rest[0] is '|' or '-' or '–' or '—' or ':' or '·' or '•' or '»' or '/' or '｜' or 'ㅣ' or '_' or '~'))
            return null;
        // Only a kicker's colon: quotes and dashes written otherwise are the same headline.
        var head = documentTitle[..end].Trim();
        return head.Contains(':') && !heading.Contains(':') ? head : null;
    }

    /// <summary>
    /// The chosen headline written as most metadata sources write it, where they differ from it only in punctuation and
    /// spacing: a heading whose kicker is a separate element reads "Kicker Headline" or "KickerHeadline" as text, which
    /// the page's metadata writes "Kicker: Headline". Ties go to the more deliberate source, as in <see cref="Choose"/>.
    /// </summary>
    /// <param name="best">The chosen headline.</param>
    /// <param name="candidates">The candidates; the first <paramref name="stated"/> are the metadata's (JSON-LD, tags, <c>&lt;title&gt;</c>).</param>
    /// <param name="stated">How many candidates the metadata states.</param>
    /// <param name="documentTitle">The <c>&lt;title&gt;</c> text.</param>
    /// <param name="strippedTitle">The <c>&lt;title&gt;</c> without the site's name, one of the candidates.</param>
    private static string AsMostSourcesWriteIt(string best, List<string> candidates, int stated, string? documentTitle, string? strippedTitle)
    {
        var letters = CasedKey(best);
        string? form = null;
        var formVotes = 0;
        var bestVotes = 0;
        for (var i = 0; i < stated; i++)
        {
            var candidate = candidates[i];
            if (CasedKey(candidate) != letters)
                continue;
            var votes = 0;
            for (var j = 0; j < stated; j++)
                if (candidates[j] == candidate)
                    votes++;
            // A <title> that keeps a suffix the stripping missed ("Headline - Section") still states the form it starts with.
            if (documentTitle is not null && strippedTitle != candidate && documentTitle.StartsWith(candidate + " ", StringComparison.Ordinal))
                votes++;
            if (candidate == best)
                bestVotes = votes;
            else if (votes > formVotes)
                (form, formVotes) = (candidate, votes);
        }
        return form is not null && formVotes > bestVotes ? form : best;
    }

    /// <summary>Letters and digits only, case kept: two writings of one headline that differ only in punctuation compare alike.</summary>
    private static string CasedKey(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c))
                builder.Append(c);
        return builder.ToString();
    }

    /// <summary>
    /// True when no part of the title between separators runs longer than a site's name and the heading holds none of
    /// them: a heading that holds one ("Literatur Buchmesse Leipzig eröffnet" for "Buchmesse Leipzig eröffnet | Site")
    /// is the title's short headline with a kicker.
    /// </summary>
    private static bool NamesOnlySiteOrSection(string title, string heading)
    {
        var parts = new List<string> { title };
        foreach (var separator in Separators)
            for (var i = parts.Count - 1; i >= 0; i--)
                if (parts[i].Contains(separator, StringComparison.Ordinal))
                {
                    var split = parts[i].Split(separator);
                    parts.RemoveAt(i);
                    parts.InsertRange(i, split);
                }
        var headingKey = Key(heading);
        foreach (var part in parts)
        {
            var partKey = Key(part);
            if (WordCount(part) > MaxSiteNameWords || partKey.Length > 0 && headingKey.Contains(partKey, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <summary>A site's name rarely runs longer than this many words; a headline rarely shorter.</summary>
    private const int MaxSiteNameWords = 3;

    /// <summary>Votes of a heading on the page that a metadata source confirms: more than one more metadata copy.</summary>
    private const double ConfirmedHeadingVotes = 1.5;

    /// <summary>
    /// Removes a label that marks the kind of piece rather than its subject: "Opinion | ", "WATCH: ",
    /// "Kommentar: ", "VIDEO | " before the headline, " (video)" or " - live" after it. Kept when
    /// what remains would be too short to be a headline.
    /// </summary>
    public static string? StripLabel(string? title)
    {
        if (title is null)
            return null;
        var stripped = TrailingLabel().Replace(LeadingLabel().Replace(BracketLabel().Replace(title, ""), ""), "");
        // French and Italian desks write the label in capitals ending in a full stop: "VIDÉO. Headline", "DIRECT. Headline".
        if (stripped.Length == title.Length && LeadingCapitalLabel().Match(title) is { Success: true } capital
            && capital.Groups["label"].Value.ToUpperInvariant() == capital.Groups["label"].Value)
            stripped = title[capital.Length..];
        return stripped.Length < title.Length && (WordCount(stripped) >= MinHeadlineWords || IsUnspacedHeadline(stripped)) ? stripped : title;
    }

    /// <summary>A headline in a script written without spaces between words (Chinese, Japanese) that is long enough to be one.</summary>
    private static bool IsUnspacedHeadline(string text)
    {
        var ideographs = 0;
        foreach (var c in text)
            if (c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af')
                ideographs++;
        return ideographs >= MinUnspacedHeadlineChars;
    }

    /// <summary>Characters of a Chinese, Japanese or Korean headline at least.</summary>
    private const int MinUnspacedHeadlineChars = 8;

    /// <summary>"+++ ", "【速報】", "[속보]", "[단독]": a ticker mark or a bracketed label before a CJK headline.</summary>
    [GeneratedRegex(@"^\s*(?:\+{2,}\s*|[【\[［](?:速報|独自|動画|独家|快讯|快訊|视频|視頻|直播|속보|단독|영상)[】\]］]\s*)")]
    private static partial Regex BracketLabel();

    /// <summary>Fewer words than this are a section name or a label, not a headline.</summary>
    private const int MinHeadlineWords = 3;

    /// <summary>Kinds of piece publishers put before or after a headline, in the languages Gleaner meets most.</summary>
    private const string Labels =
        "opinion|update|updated|fact check|fact-check|factcheck|faktencheck|faktenfuchs|op-ed|guest column|guest post|guest essay|guest opinion|analysis|commentary|comment|editorial|column|watch|videos|live|live updates|live blog|breaking|breaking news|exclusive|photos|gallery|podcast|listen|explainer|" +
        "última hora|son dak[iİı]ka|canlı|özel|v[iİ]deo|eilmeldung|urgente|dernière minute|ultim'ora|ultima ora|" +
        "in pictures|in photos|" +
        "press release|news release|pressemitteilung|pressemeldung|medienmitteilung|communiqué de presse|comunicado de prensa|comunicato stampa|persbericht|" +
        "kommentar|meinung|analyse|gastbeitrag|interview|porträt|portrait|reportage|leitartikel|exklusiv|liveblog|live-ticker|liveticker|ticker|fotos|bildergalerie|fotostrecke|in bildern|" +
        "vidéo|direct|en direct|tribune|édito|éditorial|chronique|exclusif|en images|en vidéo|en photos|diaporama|infographie|" +
        "opinión|vídeo|en directo|en vivo|directo|exclusiva|análisis|" +
        "opinione|editoriale|diretta|in diretta|l['’]intervista|intervista|l['’]analisi|il commento|l['’]editoriale|entrevista|la entrevista|l['’]entretien|entretien|wywiad|интервью|röportaj|foto|fotogallery|galleria|galería|galeria|zdjęcia|" +
        "opinião|ao vivo|exclusivo|opinie|commentaar|debatt|ledare|krönika|analys|direkte|opinia|komentarz|wideo|мнение|видео|колонка|онлайн|эксклюзив|фото|фоторепортаж";

    /// <summary>"with" before a bracketed label: "(mit Video)", "(+Video)", "(con foto)", "[z wideo]".</summary>
    private const string LabelWith = @"(?:(?:mit|with|con|avec|met|med|com|z)\s+|\+\s*)";

    /// <summary>A label before the headline: bracketed ("(VIDEO) Headline", "[Opinion] | Headline") or ended by a bar, a colon or a dash.</summary>
    /// The label may be plural, as a section's name is ("Pressemitteilungen: Headline", "Press releases - Headline").
    [GeneratedRegex(@"^\s*(?:[\[(](?:" + LabelWith + @")?(?:" + Labels + @")[\])](?:\s*[|:：]|\s+[–—-])?|(?:" + Labels + @")(?:s|en)?(?:\s*[|:：]|\s+[–—-]))\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLabel();

    [GeneratedRegex(@"^\s*(?<label>" + Labels + @")\.\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingCapitalLabel();

    [GeneratedRegex(@"\s*(?:[(\[](?:" + LabelWith + @")?(?:" + Labels + @")[)\]]|\s[|–—-]\s*(?:" + Labels + @"))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingLabel();

    /// <summary>A site's name in square brackets before the headline: "[Bocage Vivant] Headline".</summary>
    [GeneratedRegex(@"^\s*\[[^\[\]]{1,40}\]\s*")]
    private static partial Regex BracketedSitePrefix();

    /// <summary>True when the source states the candidate: whole, as the part before a separator, or as
    /// the part after one when the part before names the site ("Site | Headline").</summary>
    private static bool Supports(string source, string candidateKey, IReadOnlyList<string> siteNames)
    {
        if (Key(source) == candidateKey || LeadsWithTail(source, candidateKey))
            return true;
        if (AfterSiteColon(source, siteNames) is { } afterSite && Key(afterSite) == candidateKey)
            return true;
        // "[Site] Headline", as SPIP and mailing-list archives write the site's name before the headline.
        if (BracketedSitePrefix().Match(source) is { Success: true } prefix && Key(source[prefix.Length..]) == candidateKey)
            return true;
        foreach (var separator in Separators)
        {
            var index = source.IndexOf(separator, StringComparison.Ordinal);
            while (index > 0)
            {
                if (Key(source[..index]) == candidateKey)
                    return true;
                if (Key(source[(index + separator.Length)..]) == candidateKey && NamesSiteExactly(source[..index], siteNames))
                    return true;
                index = source.IndexOf(separator, index + separator.Length, StringComparison.Ordinal);
            }
        }
        return false;
    }

    /// <summary>
    /// True when the source is the candidate with a shorter tail run on after a dash, bar or underscore with no space
    /// ("Headline-SectionㅣSite"): a tail the spaced separators miss. The candidate must be a headline's length, so a
    /// name before a hyphen ("Trump-Biden debate") is no candidate stated.
    /// </summary>
    private static bool LeadsWithTail(string source, string candidateKey)
    {
        if (candidateKey.Length < MinLeadingHeadlineChars && !IsUnspacedHeadline(candidateKey))
            return false;
        var matched = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (matched == candidateKey.Length)
            {
                if (char.IsLetterOrDigit(c))
                    return false;
                if (c is not ('-' or '–' or '—' or '|' or '｜' or 'ㅣ' or '_'))
                    continue;
                var tail = Key(source[(i + 1)..]);
                return tail.Length > 0 && tail.Length < candidateKey.Length;
            }
            if (!char.IsLetterOrDigit(c))
                continue;
            if (char.ToLowerInvariant(c) != candidateKey[matched++])
                return false;
        }
        return false;
    }

    /// <summary>Letters a headline that leads a longer title holds at least (three short words).</summary>
    private const int MinLeadingHeadlineChars = 12;

    /// <summary>The keys of the parts of <paramref name="title"/> before each of its separators: "Headline - Site" leads with
    /// the heading shown on the page.</summary>
    internal static List<string> LeadingPartKeys(string title)
    {
        var keys = new List<string>();
        foreach (var separator in Separators)
        {
            var index = title.IndexOf(separator, StringComparison.Ordinal);
            while (index > 0)
            {
                keys.Add(Key(title[..index]));
                index = title.IndexOf(separator, index + separator.Length, StringComparison.Ordinal);
            }
        }
        return keys;
    }

    /// <summary>
    /// True when the heading says what the <c>&lt;title&gt;</c>'s first part says and more: its key starts with the part's
    /// ("Headline, at length"), or its words, from the first, hold the part's words in their order ("Neues Zentrum für
    /// Klimadaten eröffnet" for "Neues Zentrum eröffnet - Pressemitteilungen - Universität X"). Words only before the part are
    /// a kicker ("Literatur Buchmesse Leipzig eröffnet" for "Buchmesse Leipzig eröffnet | Site"), not more of the headline.
    /// </summary>
    private static bool ExpandsTitleHead(string documentTitle, string heading, string headingKey)
    {
        var head = documentTitle;
        foreach (var separator in Separators)
        {
            var at = head.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
                head = head[..at];
        }
        if (head.Length == documentTitle.Length || WordCount(head) < MinHeadlineWords)
            return false;
        var headKey = Key(head);
        if (headingKey.Length <= headKey.Length)
            return false;
        return headingKey.StartsWith(headKey, StringComparison.Ordinal) || StartsAndHoldsWordsInOrder(heading, head);
    }

    /// <summary>True when <paramref name="text"/> opens with the first word of <paramref name="part"/> and holds its other words
    /// in their order (case folded).</summary>
    private static bool StartsAndHoldsWordsInOrder(string text, string part)
    {
        var at = 0;
        var first = true;
        foreach (var word in Words().EnumerateMatches(part))
        {
            var found = false;
            foreach (var candidate in Words().EnumerateMatches(text.AsSpan(at)))
            {
                if (text.AsSpan(at + candidate.Index, candidate.Length).Equals(part.AsSpan(word.Index, word.Length), StringComparison.OrdinalIgnoreCase))
                {
                    at += candidate.Index + candidate.Length;
                    found = true;
                    break;
                }
                if (first)
                    return false;
            }
            if (!found)
                return false;
            first = false;
        }
        return true;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    /// <summary>
    /// True when a part of the source between two separators is the candidate: a <c>&lt;title&gt;</c> that wraps the
    /// headline in a label and a site name ("Press release – Headline – Site") states the heading shown on the page.
    /// </summary>
    private static bool HasSegment(string source, string candidateKey)
    {
        foreach (var separator in Separators)
        {
            var start = source.IndexOf(separator, StringComparison.Ordinal);
            while (start > 0)
            {
                start += separator.Length;
                // A middle part only: the last one is usually the site's name, which a logo in an <h1> repeats.
                var end = source.IndexOf(separator, start, StringComparison.Ordinal);
                if (end < 0)
                    break;
                if (Key(source[start..end]) == candidateKey)
                    return true;
                start = end;
            }
        }
        return false;
    }

    /// <summary>
    /// True when the candidate, a headline's length, is the last of three or more parts of the source: institutions write the
    /// site and the page's kind first ("Universität X - Pressemitteilung - Headline"); or the last of two after a part as
    /// short as a site's name ("Valley Courier | Headline"). A site's name in a logo is shorter.
    /// </summary>
    private static bool EndsLongTitle(string source, string candidate, string candidateKey)
    {
        if (WordCount(candidate) <= MaxSiteNameWords)
            return false;
        foreach (var separator in Separators)
        {
            var last = source.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0 && (source.IndexOf(separator, StringComparison.Ordinal) < last || WordCount(source[..last]) <= MaxSiteNameWords)
                && Key(source[(last + separator.Length)..]) == candidateKey)
                return true;
        }
        return false;
    }

    /// <summary>
    /// True when the candidate, a headline's length, is what follows the first colon of the source and what precedes it is as
    /// short as a site's name: "Northern Trails: A winter walk to the old lighthouse" states the heading "A winter walk to the
    /// old lighthouse" shown on the page.
    /// </summary>
    private static bool AfterShortColon(string source, string candidateKey)
    {
        var colon = source.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && WordCount(source[..colon]) <= MaxSiteNameWords && WordCount(source[(colon + 2)..]) >= MinHeadlineWords
            && Key(source[(colon + 2)..]) == candidateKey;
    }

    /// <summary>Removes a leading or trailing part that names the site.</summary>
    public static string StripSiteName(string title, IReadOnlyList<string> siteNames)
    {
        if (siteNames.Count == 0)
            return title;
        foreach (var separator in Separators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0)
            {
                var tail = title[(last + separator.Length)..];
                if (NamesSite(tail, siteNames) || separator == " | " && NamesSite(FirstPart(tail), siteNames))
                    return StripSiteName(WithoutSectionTail(title[..last].TrimEnd(), separator), siteNames);
            }
            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0)
            {
                var head = title[..first];
                if (NamesSite(head, siteNames))
                    return StripSiteName(title[(first + separator.Length)..].TrimStart(), siteNames);
            }
        }
        return AfterSiteColon(title, siteNames) ?? title;
    }

    /// <summary>The text before its first separator: "NDR.de" of "NDR.de - Nachrichten - Niedersachsen", a site's name before its
    /// sections after the bar that parts it from the headline.</summary>
    private static string FirstPart(string text)
    {
        var end = text.Length;
        foreach (var separator in Separators)
        {
            var at = text.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && at < end)
                end = at;
        }
        return end == text.Length ? "" : text[..end];
    }

    /// <summary>"Landkreis Oberau: Headline" without the site's exact name before the colon (a place or a topic there that
    /// only resembles it stays), or null.</summary>
    private static string? AfterSiteColon(string title, IReadOnlyList<string> siteNames)
    {
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && NamesSiteExactly(title[..colon], siteNames) && WordCount(title[(colon + 2)..]) >= MinHeadlineWords
            ? title[(colon + 2)..].TrimStart()
            : null;
    }

    /// <summary>
    /// "Headline - Business" once " - Site" is gone: the section a title names between the headline and the site, written with
    /// the same separator, is one or two words after a headline of several.
    /// </summary>
    private static string WithoutSectionTail(string title, string separator)
    {
        if (separator.Trim().Length == 0 || !separator.StartsWith(' '))
            return title;
        var last = title.LastIndexOf(separator, StringComparison.Ordinal);
        if (last <= 0)
            return title;
        var tail = title[(last + separator.Length)..];
        return WordCount(tail) <= MaxSectionWords && WordCount(title[..last]) >= MinHeadlineWords + 1 ? title[..last].TrimEnd() : title;
    }

    /// <summary>Words of a section's name in a title at most ("Business", "Local News").</summary>
    private const int MaxSectionWords = 2;

    /// <summary>
    /// With no other source to compare, a last short part after a clear separator is taken for
    /// the site name when the rest is a headline of several words (Readability does the same); and two or more
    /// parts as short as a site's or a section's name before a headline of several words are the site and its
    /// section ("Valley Courier | Local | Headline").
    /// </summary>
    private static string StripUnnamedSiteParts(string title)
    {
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " - ", " – ", " — ", " :: ", " » "])
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last <= 0)
                continue;
            var head = title[..last];
            var tail = title[(last + separator.Length)..];
            if (WordCount(tail) <= 4 && WordCount(head) >= 4 && tail.Length < head.Length)
                return head.TrimEnd();
            if (head.Contains(separator, StringComparison.Ordinal) && WordCount(tail) > MinHeadlineWords + 1 && PartsAreShort(head, separator))
                return tail.TrimStart();
        }
        return title;
    }

    /// <summary>True when every part of the text between the separators is as short as a site's name.</summary>
    private static bool PartsAreShort(string text, string separator)
    {
        foreach (var part in text.Split(separator))
            if (WordCount(part) > MaxSiteNameWords)
                return false;
        return true;
    }

    /// <summary>
    /// Words in the text: runs between spaces, except that scripts written without spaces (Chinese, Japanese, Thai) count
    /// a word for every two of their letters, about their words' mean length, so "漢字の読み方について" is a headline's five
    /// words and not one.
    /// </summary>
    private static int WordCount(string text)
    {
        var words = 0;
        var unspaced = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                words += (unspaced + 1) / 2;
                unspaced = 0;
                inWord = false;
            }
            else if (IsUnspacedLetter(c))
                unspaced++;
            else if (!inWord)
            {
                // Other letters of a run make it one word; unspaced letters in it add theirs.
                words++;
                inWord = true;
            }
        }
        return words + (unspaced + 1) / 2;
    }

    private static bool IsUnspacedLetter(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff' or >= '\u0e00' and <= '\u0e7f';

    private static bool NamesSiteExactly(string part, IReadOnlyList<string> siteNames)
    {
        var key = SiteKey(part);
        foreach (var name in siteNames)
            if (key.Length > 0 && SiteKey(name) == key)
                return true;
        return false;
    }

    private static bool NamesSite(string part, IReadOnlyList<string> siteNames)
    {
        var key = SiteKey(part);
        if (key.Length == 0)
            return false;
        foreach (var name in siteNames)
        {
            var site = SiteKey(name);
            if (site.Length < 2)
                continue;
            // "Sputnik International", "27.09.2021, Sputnik International", "NYTimes.com", "BBC News - World".
            if (key == site || (key.EndsWith(site, StringComparison.Ordinal) && key.Length < site.Length + 16) ||
                (key.StartsWith(site, StringComparison.Ordinal) && key.Length < site.Length + 12) ||
                (site.Length >= 4 && site.StartsWith(key, StringComparison.Ordinal) && key.Length >= 4))
                return true;
        }
        return false;
    }

    /// <summary>Letters and digits only, lower case: titles that differ in punctuation, case or a permalink mark compare alike.</summary>
    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    /// <summary>A <see cref="Key"/> without a trailing domain ending: "Ars Technica" and "arstechnica.com" compare alike.</summary>
    private static string SiteKey(string text)
    {
        var key = Key(text);
        foreach (var suffix in (ReadOnlySpan<string>)["com", "org", "net", "couk", "de", "fr", "ru", "it", "es", "cz"])
            if (key.Length > suffix.Length + 3 && key.EndsWith(suffix, StringComparison.Ordinal) && text.Contains('.'))
                return key[..^suffix.Length];
        return key;
    }
}
