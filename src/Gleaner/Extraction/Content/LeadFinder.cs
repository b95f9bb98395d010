using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

using Gleaner.Extraction.Metadata;

namespace Gleaner.Extraction.Content;

/// <summary>
/// The lead (standfirst, deck, chapo) between the headline and the article body. Pages put it in the
/// article's <c>header</c> (dropped as furniture) or in an element named "teaser" or "intro" beside the
/// body container, so the selected container alone misses it. Only text that sits between the
/// headline and the body counts: walking on from the headline must reach the body soon.
/// </summary>
internal static class LeadFinder
{
    /// <summary>Elements looked at after the headline before giving up on reaching the body.</summary>
    private const int MaxElementsVisited = 200;

    /// <summary>A lead is a paragraph or two; more text between headline and body is something else.</summary>
    private const int MaxLeadChars = 1500;

    private const int MaxLeadBlocks = 3;

    /// <summary>h2 elements looked at for the headline when no h1 carries it.</summary>
    private const int MaxSecondLevelHeadlines = 10;

    /// <summary>Shortest text of an element named as a lead.</summary>
    private const int MinNamedLeadChars = 20;

    /// <summary>Shortest unnamed paragraph taken as a lead: a sentence, not a kicker or a label.</summary>
    private const int MinParagraphLeadChars = 50;

    /// <summary>Leads are prose; a block mostly of links is a list of topics or related stories.</summary>
    private const double MaxLeadLinkDensity = 0.3;

    /// <summary>How far from the headline's text a title may be and still name it (extra words, site suffix).</summary>
    private const double MinTitleOverlap = 0.6;

    /// <summary>Class or id words that name a lead, in several languages; matched as whole words.</summary>
    private static readonly FrozenSet<string> LeadWords = FrozenSet.ToFrozenSet(
    [
        "lead", "lede", "leadin", "intro", "introduction", "teaser", "teasertext", "standfirst", "deck", "dek",
        "chapo", "chapeau", "excerpt", "subtitle", "subtitulo", "subtitel", "sottotitolo", "subline", "subheadline",
        "subhead", "summary", "abstract", "sapo", "entradilla", "vorspann", "ingress", "ingres", "perex",
        "description", "desc", "descr", "sumario", "bajada", "catenaccio", "anriss", "strapline", "preamble",
        "zajawka", "lid", "podtitul", "ozet", "spot", "einleitung", "kurzfassung", "zusammenfassung", "resumen", "entrada",
    ], StringComparer.Ordinal);

    /// <summary>Class words of a pull quote, which repeats a sentence of the story in large type.</summary>
    private static readonly FrozenSet<string> QuoteWords = FrozenSet.ToFrozenSet(
        ["quote", "pullquote", "blockquote", "citation", "zitat", "cita", "citazione"], StringComparer.Ordinal);

    /// <summary>Class words of a picture's caption or credit.</summary>
    private static readonly FrozenSet<string> CaptionWords = FrozenSet.ToFrozenSet(
        ["caption", "credit", "credits", "copyright", "bildunterschrift", "legende", "legenda", "didascalia", "pie"], StringComparer.Ordinal);

    /// <summary>
    /// Lead blocks to put before the body, or an empty list. The lead follows the headline the reader sees; where the
    /// page's titles word it otherwise ("Fernwärme" over "Stadtwerke bauen Fernwärmenetz aus"), the h1 naming the title is tried next.
    /// </summary>
    public static List<TextBlock> Find(IElement? visibleHeadline, IReadOnlyList<IElement> headlines, PageAnalysis analysis, List<NodeInfo> selection,
        List<TextBlock> body, string? title)
    {
        if (selection.Count == 0)
            return [];
        var titleWords = WordsOf(title);
        if (visibleHeadline is not null && PageRegions.IsSiteNameLink(visibleHeadline))
            visibleHeadline = null;
        var visibleWords = visibleHeadline is null ? null : WordsOf(VisibleHeadline.Text(visibleHeadline));
        if (titleWords.Count == 0 && visibleWords is not { Count: > 0 })
            return [];

        var selected = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var node in selection)
            selected.Add(node.Element);
        var selectionAncestors = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var node in selection)
            for (var ancestor = node.Element.ParentElement; ancestor is not null && selectionAncestors.Add(ancestor); ancestor = ancestor.ParentElement)
            {
            }

        if (visibleHeadline is not null && visibleWords is { Count: > 0 })
        {
            var leads = FindAfter(visibleHeadline, visibleWords, analysis, selected, selectionAncestors, body);
            if (leads.Count > 0 || titleWords.Count == 0)
                return leads;
        }

        // Pages repeat the headline in a breadcrumb or a sticky bar; the one followed by the lead is the one that counts.
        bool headlineFound = false;
        foreach (var h1 in headlines)
        {
            if (!NamesTitle(h1, titleWords) || PageRegions.IsSiteNameLink(h1))
                continue;
            headlineFound = true;
            if (h1 == visibleHeadline)
                continue;
            var leads = FindAfter(h1, titleWords, analysis, selected, selectionAncestors, body);
            if (leads.Count > 0)
                return leads;
        }
        if (headlineFound || selection[0].Element.Owner?.Body is not { } page)
            return [];
        // The page's one h1 stands outside article and main (a TYPO3 header frame, a page-title band) and the <title>
        // names the section ("Pressemitteilungen"): nothing confirms it as the headline, so only a lead marked as one follows it.
        if (visibleHeadline is null && OnlyOwnHeadline(headlines) is { } onlyH1 && WordsOf(VisibleHeadline.Text(onlyH1)) is { Count: > 0 } onlyWords)
        {
            var leads = FindAfter(onlyH1, onlyWords, analysis, selected, selectionAncestors, body, markedOnly: true);
            if (leads.Count > 0)
                return leads;
        }
        // The h1 holds the SEO title (in a breadcrumb) and the headline the reader sees is an h2.
        int checkedH2 = 0;
        foreach (var h2 in page.GetElementsByTagName("h2"))
        {
            if (++checkedH2 > MaxSecondLevelHeadlines)
                break;
            if (h2 == visibleHeadline || !NamesTitle(h2, titleWords))
                continue;
            var leads = FindAfter(h2, titleWords, analysis, selected, selectionAncestors, body);
            if (leads.Count > 0)
                return leads;
        }
        return [];
    }

    /// <summary>The page's only h1 outside navigation and page furniture, or null where there are none or several.</summary>
    private static IElement? OnlyOwnHeadline(IReadOnlyList<IElement> headlines)
    {
        IElement? only = null;
        for (int i = 0; i < headlines.Count && i < MaxOwnHeadlinesChecked; i++)
        {
            if (PageRegions.IsForeignHeading(headlines[i]) || PageRegions.IsSiteNameLink(headlines[i]))
                continue;
            if (only is not null)
                return null;
            only = headlines[i];
        }
        return only;
    }

    private const int MaxOwnHeadlinesChecked = 5;

    private static List<TextBlock> FindAfter(IElement headline, HashSet<string> titleWords, PageAnalysis analysis,
        HashSet<IElement> selected, HashSet<IElement> selectionAncestors, List<TextBlock> body, bool markedOnly = false)
    {
        // The headline inside the body container: the walk ends where the container ends.
        IElement? container = null;
        for (var ancestor = headline.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
            if (selected.Contains(ancestor))
            {
                container = ancestor;
                break;
            }

        var leads = new List<TextBlock>();
        int leadChars = 0;
        bool reachedBody = container is not null;
        var current = PageRegions.NextElementAfter(headline, container);
        for (int visited = 0; current is not null && visited < MaxElementsVisited; visited++)
        {
            // The body reached: its start may still hold the lead, in a header the assembler leaves out.
            if (selectionAncestors.Contains(current) || selected.Contains(current) && container is null)
            {
                reachedBody = true;
                if (selected.Contains(current))
                    container = current;
                current = current.FirstElementChild ?? PageRegions.NextElementAfter(current, container);
                continue;
            }
            var step = Judge(current, headline, titleWords, analysis, container is not null, markedOnly, out string? text, out int linkChars);
            if (step == Step.Stop || step == Step.Heading && leads.Count > 0)
                break;
            // The headline set again after text taken as the lead: that text was above the story (a blog's description
            // under its name, which the <title> names too); the lead follows the copy nearest the body.
            if (step == Step.Headline)
            {
                leads.Clear();
                leadChars = 0;
            }
            if (step == Step.Take && text is not null)
            {
                text = WithoutLeadingDateline(text);
                if (linkChars <= text.Length * MaxLeadLinkDensity && !StartsLikeByline(text) && !AlreadyIn(text, leads)
                    && !AlreadyIn(text, body))
                {
                    leads.Add(new TextBlock(BlockKind.Paragraph, text, text, linkChars));
                    leadChars += text.Length;
                }
                if (leads.Count >= MaxLeadBlocks || leadChars >= MaxLeadChars)
                    break;
            }
            current = step == Step.Descend && current.FirstElementChild is { } child ? child : PageRegions.NextElementAfter(current, container);
        }
        return reachedBody ? leads : [];
    }

    private enum Step { Skip, Descend, Take, Heading, Headline, Stop }

    private static Step Judge(IElement element, IElement headline, HashSet<string> titleWords, PageAnalysis analysis, bool insideBody,
        bool markedOnly, out string? text, out int linkChars)
    {
        text = null;
        linkChars = 0;
        var name = element.LocalName;
        var role = BoilerplateSignals.RoleOf(name);
        if (role == TagRole.Skip && name != "header" || BoilerplateSignals.IsHidden(element))
            return Step.Skip;
        int weight = BoilerplateSignals.ClassWeight(element, out bool strongBoilerplate);
        bool named = IsNamedLead(element);
        // Byline, date, media and share blocks sit between headline and body too; a header wrapper does not count.
        if ((strongBoilerplate || weight < 0 && !IsHeaderWrapper(element)) && !named)
            return Step.Skip;

        var info = analysis.Get(element);
        // Inside the body container, text the assembler writes anyway ends the lead; a lead the
        // assembler drops for its name ("teaser") is taken here.
        // A wrapper is looked into first: the lead may be its first paragraph, named and left out by the assembler
        // ("<div class="frame"><p class="teaser">", TYPO3's content element right under the headline's).
        if (insideBody && info is { TextChars: > 0 } && !(named && info.ClassWeight < 0) && role != TagRole.Inline)
            return role == TagRole.Block && name != "p" && element.FirstElementChild is { } first && IsNamedLead(first) ? Step.Descend : Step.Stop;

        if (markedOnly && !named)
        {
            // An unconfirmed headline: a paragraph set in bold whole, or a sentence right under the headline without a
            // link, is the lead; other text is not trusted.
            bool underHeadline = element.PreviousElementSibling == headline;
            if (name == "p" && (underHeadline || IsAllBold(element)))
            {
                text = TextOf(element, out linkChars);
                bool lead = text.Length >= MinParagraphLeadChars && (IsAllBold(element) || linkChars == 0 && EndsSentence(text));
                return lead ? Step.Take : Step.Skip;
            }
            if (role == TagRole.Heading)
                return NamesTitle(element, titleWords) ? RepeatedHeadline(element, headline) : Step.Heading;
            return name == "p" || IsInlineTextBlock(element, role) ? Step.Skip : Step.Descend;
        }
        if (named || name == "p" || role == TagRole.Heading && IsSubtitleOf(element, headline) || IsInlineTextBlock(element, role))
        {
            text = TextOf(element, out linkChars);
            // A subheading right under the headline is its deck however short ("Lavori durati otto mesi, costo di 1,2 milioni").
            int min = named || role == TagRole.Heading ? MinNamedLeadChars : MinParagraphLeadChars;
            if (text.Length >= min)
                return Step.Take;
            // A short named element may wrap the lead's paragraphs; a short paragraph is a label.
            return named && element.FirstElementChild is not null ? Step.Descend : Step.Skip;
        }
        // The headline set again below a breadcrumb that repeats it is passed over; another heading ends
        // a lead already found (the body has begun) or belongs to the masthead.
        if (role == TagRole.Heading)
            return NamesTitle(element, titleWords) ? RepeatedHeadline(element, headline) : Step.Heading;
        return Step.Descend;
    }

    /// <summary>
    /// Another heading naming the title after the one the walk started from is where the story begins (<see cref="Step.Headline"/>:
    /// the text taken so far sat over it); a copy of the same headline (a hidden one for search engines, a sticky bar's) is passed over.
    /// </summary>
    private static Step RepeatedHeadline(IElement heading, IElement headline)
        => LineFilter.SameWords(heading.TextContent, headline.TextContent) ? Step.Skip : Step.Headline;

    /// <summary>
    /// A <c>div</c> written like a paragraph: text of its own or in inline elements only ("<c>&lt;span&gt;Berlin.&lt;/span&gt;
    /// &lt;span&gt;The lead…&lt;/span&gt;</c>"), read whole so a dateline and the sentence after it stay one line.
    /// </summary>
    private static bool IsInlineTextBlock(IElement element, TagRole role)
    {
        if (role != TagRole.Block || element.LocalName is not ("div" or "section"))
            return false;
        // Text right under a picture is its caption; a block named as a quote is a pull quote.
        if (element.PreviousElementSibling is { } previous && IsMedia(previous)
            || element.Attr("class") is { } className && HasWord(className, QuoteWords))
            return false;
        foreach (var child in element.Children)
        {
            var childRole = BoilerplateSignals.RoleOf(child.LocalName);
            if (childRole is not (TagRole.Inline or TagRole.Link or TagRole.LineBreak))
                return false;
        }
        return true;
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or '…' or '。' or '！' or '？';

    /// <summary>A paragraph whose text all lies in one <c>strong</c> or <c>b</c>.</summary>
    private static bool IsAllBold(IElement paragraph)
    {
        IElement? bold = null;
        foreach (var node in paragraph.ChildNodes)
        {
            if (node is IElement { LocalName: "strong" or "b" } element && bold is null)
                bold = element;
            else if (!string.IsNullOrWhiteSpace(node.TextContent))
                return false;
        }
        return bold is not null;
    }

    private static bool IsMedia(IElement element) => element.LocalName is "img" or "picture" or "figure" or "video";

    private static bool IsHeaderWrapper(IElement element)
        => element.Attr("class") is { } className && className.Contains("head", StringComparison.OrdinalIgnoreCase);

    /// <summary>A heading right after the headline (h1 then h2, or both in one <c>hgroup</c>) is its subtitle.</summary>
    private static bool IsSubtitleOf(IElement heading, IElement headline)
        => heading.LocalName != "h1" && heading.PreviousElementSibling == headline;

    private static bool IsNamedLead(IElement element)
    {
        var className = element.Attr("class");
        // "teaser-caption", "lead-credit": a picture's caption or credit, not the article's lead.
        if (className is not null && HasWord(className, CaptionWords))
            return false;
        return className is not null && HasWord(className, LeadWords) || element.Id is { Length: > 0 } id && HasWord(id, LeadWords);
    }

    /// <summary>Words split at spaces, dashes, underscores and camelCase humps, compared lower-case.</summary>
    private static bool HasWord(string value, FrozenSet<string> words)
    {
        Span<char> word = stackalloc char[24];
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        int i = 0;
        while (i < value.Length)
        {
            if (!char.IsLetterOrDigit(value[i]))
            {
                i++;
                continue;
            }
            int length = 0;
            bool tooLong = false;
            do
            {
                if (length < word.Length)
                    word[length++] = char.ToLowerInvariant(value[i]);
                else
                    tooLong = true;
                i++;
            }
            while (i < value.Length && char.IsLetterOrDigit(value[i]) && !(char.IsUpper(value[i]) && char.IsLower(value[i - 1])));
            if (!tooLong && lookup.Contains(word[..length]))
                return true;
        }
        return false;
    }

    /// <summary>An h1 that carries the article's title (not the site's name in the masthead).</summary>
    internal static bool NamesTitle(IElement h1, HashSet<string> titleWords)
    {
        var words = WordsOf(h1.TextContent);
        if (words.Count == 0)
            return false;
        int shared = 0;
        foreach (var word in words)
            if (titleWords.Contains(word))
                shared++;
        return shared >= words.Count * MinTitleOverlap && shared >= Math.Min(words.Count, titleWords.Count) * MinTitleOverlap;
    }

    internal static HashSet<string> WordsOf(string? text) =>
        new(ContentExtractor.Words(text ?? ""), StringComparer.OrdinalIgnoreCase);

    /// <summary>The element's visible text on one line, leaving out media, scripts and controls.</summary>
    private static string TextOf(IElement element, out int linkChars)
    {
        var text = new StringBuilder();
        linkChars = 0;
        AppendText(element, text, inLink: false, ref linkChars, depth: 0);
        return text.ToString().Trim();
    }

    private static void AppendText(IElement element, StringBuilder text, bool inLink, ref int linkChars, int depth)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                foreach (var c in ((ICharacterData)child).Data)
                {
                    if (c <= ' ' || char.IsWhiteSpace(c))
                    {
                        if (text.Length > 0 && text[^1] != ' ')
                            text.Append(' ');
                        continue;
                    }
                    if (c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD')
                        continue;
                    text.Append(c);
                    if (inLink)
                        linkChars++;
                }
            }
            else if (child is IElement childElement && depth < 32)
            {
                var role = BoilerplateSignals.RoleOf(childElement.LocalName);
                if (role == TagRole.Skip || BoilerplateSignals.IsHidden(childElement))
                    continue;
                // A date glued before the lead's sentence goes; the sentence stays (not dropped whole as a dateline).
                int weight = BoilerplateSignals.ClassWeight(childElement, out _);
                if (weight < 0 || role == TagRole.Inline && text.Length == 0 && PageAnalysis.IsLeadingDate(childElement, weight))
                    continue;
                if (role is TagRole.LineBreak or not TagRole.Inline and not TagRole.Link && text.Length > 0 && text[^1] != ' ')
                    text.Append(' ');
                AppendText(childElement, text, inLink || role == TagRole.Link, ref linkChars, depth + 1);
            }
        }
    }

    /// <summary>"By Ann Lee on Monday, ...", "Updated on: ...": the byline and dateline sit between headline and body too.</summary>
    private static bool StartsLikeByline(string text)
    {
        // "JANE ROE Nov. 20, 2019 Updated: 1:35 a.m.": a clock time is a dateline's, not a lead's.
        if (HasClockTime(text) || text.Length <= MaxDatelineChars && HasNumericDate(text))
            return true;
        foreach (var start in BylineStarts)
            if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>Longest dateline read before a lead's sentence: a date and a clock time.</summary>
    private const int MaxGluedDatelineChars = 60;

    /// <summary>Words that close a clock time: "11:05 Uhr", "9:30 a.m.".</summary>
    private static readonly string[] ClockSuffixes = [" uhr", " h", " a.m.", " p.m.", " am", " pm"];

    /// <summary>
    /// "21.03.2024, 11:05 Uhr – In Leipzig hat …": a dateline (a date and a clock time) glued before a lead's sentence goes and
    /// the sentence stays, where the whole would read as a dateline and be dropped. A short line, or a clock time inside the
    /// sentence, is left as it is.
    /// </summary>
    internal static string WithoutLeadingDateline(string text)
    {
        int end = -1;
        for (int i = 1; i + 2 < text.Length && i < MaxGluedDatelineChars; i++)
            if (text[i] == ':' && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
            {
                end = i + 3;
                break;
            }
        if (end < 0)
            return text;
        foreach (var suffix in ClockSuffixes)
            if (text.AsSpan(end).StartsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && (end + suffix.Length == text.Length || !char.IsLetter(text[end + suffix.Length])))
            {
                end += suffix.Length;
                break;
            }
        // "Leipzig, 21. März 2024, 11:05 Uhr:": the place the story was filed from may lead the dateline.
        var dateline = WithoutPlace(text[..end]);
        var rest = text.AsSpan(end).TrimStart(" –—-|:,·•");
        if (rest.Length < MinParagraphLeadChars || !char.IsUpper(rest[0]) || !LineFilter.IsDateOnly(dateline) || !DateParser.ContainsDate(dateline))
            return text;
        return rest.ToString();
    }

    /// <summary>Most words of a place name before a dateline's date ("Bad Homburg v. d. Höhe" is the long end).</summary>
    private const int MaxPlaceWords = 4;

    /// <summary>A dateline without the place name that leads it ("Bad Homburg, 21.03.2024, 11:05 Uhr"): capitalised words
    /// and a comma; the dateline as it is when it opens otherwise.</summary>
    private static string WithoutPlace(string dateline)
    {
        var comma = dateline.IndexOf(',');
        if (comma <= 0)
            return dateline;
        var words = 0;
        foreach (var range in dateline.AsSpan(0, comma).Split(' '))
        {
            var word = dateline.AsSpan(range);
            if (word.IsEmpty)
                continue;
            if (++words > MaxPlaceWords || !char.IsUpper(word[0]) && word is not ("v." or "d." or "am" or "an" or "de" or "del" or "la" or "sur"))
                return dateline;
            foreach (var c in word)
                if (!char.IsLetter(c) && c is not ('-' or '.' or '\''))
                    return dateline;
        }
        return words == 0 ? dateline : dateline[(comma + 1)..].TrimStart();
    }

    /// <summary>"Ann Lee | 05.04.2025 - Updated: 05.04.2025": a short line with a numeric date is a dateline.</summary>
    private const int MaxDatelineChars = 120;

    /// <summary>A day, month and four-digit year in digits: 5.4.2025, 05/04/2025, 2025-04-05.</summary>
    private static bool HasNumericDate(string text)
    {
        for (int i = 0; i + 4 <= text.Length; i++)
        {
            if (!IsYearAt(text, i))
                continue;
            // yyyy-mm-dd after, or dd.mm. before the year.
            if (i + 7 < text.Length && text[i + 4] is '-' or '.' or '/' && char.IsAsciiDigit(text[i + 5])
                && (text[i + 6] == text[i + 4] || char.IsAsciiDigit(text[i + 6]) && text[i + 7] == text[i + 4]))
                return true;
            if (i >= 4 && text[i - 1] is '.' or '/' or '-' && char.IsAsciiDigit(text[i - 2]) && text[i - 3] is '.' or '/' or '-' or >= '0' and <= '9')
                return true;
        }
        return false;
    }

    private static bool IsYearAt(string text, int i)
        => (text[i] == '1' && text[i + 1] == '9' || text[i] == '2' && text[i + 1] == '0')
            && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])
            && (i == 0 || !char.IsAsciiDigit(text[i - 1])) && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4]));

    private static bool HasClockTime(string text)
    {
        for (int i = 1; i + 2 < text.Length; i++)
            if (text[i] == ':' && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
                return true;
        return false;
    }

    private static readonly string[] BylineStarts =
    [
        "by ", "von ", "par ", "por ", "door ", "updated", "published", "posted", "last updated", "aktualisiert",
        "veröffentlicht", "publié", "mis à jour", "actualizado", "publicado", "atualizado", "pubblicato", "aggiornato",
    ];

    /// <summary>The lead repeated as the body's first paragraph, or quoted whole in it.</summary>
    private static bool AlreadyIn(string lead, List<TextBlock> body)
    {
        int checkedBlocks = 0;
        foreach (var block in body)
        {
            if (block.Text.Contains(lead, StringComparison.Ordinal) || lead.Contains(block.Text, StringComparison.Ordinal) && block.Text.Length > lead.Length / 2)
                return true;
            if (++checkedBlocks >= 5)
                break;
        }
        return false;
    }
}
