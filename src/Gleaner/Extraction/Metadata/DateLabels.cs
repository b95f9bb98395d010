using System.Text.RegularExpressions;

namespace Gleaner.Extraction.Metadata;

/// <summary>What the words just before a visible date say it is.</summary>
internal enum DateLabel
{
    None,
    Published,
    Modified,
}

/// <summary>
/// Reads dates in visible text together with their labels ("Veröffentlicht am", "Publié le",
/// "Posted on", "Updated", "Stand:") in the languages news is written in, so that a page's
/// publication date is told from its update note.
/// </summary>
internal static partial class DateLabels
{
    /// <summary>How far before a date its label may stand ("Veröffentlicht am Dienstag, " is 26 characters).</summary>
    private const int MaxLabelDistance = 40;

    /// <summary>At most this many dates are read from one text: datelines come early.</summary>
    private const int MaxDates = 12;

    /// <summary>The first date labelled as published, else the first unlabelled one; and the first labelled as modified.
    /// Dates from <paramref name="from"/> on, starting before <paramref name="to"/>. <paramref name="scan"/>, when given, keeps
    /// the patterns' matches for a later search of the same text.</summary>
    public static (PageDate? Published, PageDate? Unlabelled, PageDate? Modified) Read(string text, DateOrder order, int from = 0, int to = int.MaxValue, DateParser.Scan? scan = null)
    {
        PageDate? published = null, unlabelled = null, modified = null;
        var publishedEnd = 0;
        var start = from;
        var previousEnd = from;
        scan ??= new DateParser.Scan();
        for (var n = 0; n < MaxDates && start < text.Length; n++)
        {
            if (!DateParser.TryFindFrom(text, start, order, out var date, out var index, out var length, scan) || index >= to)
                break;
            var label = LabelBefore(text, previousEnd, index);
            // A label after the date where none stands before it, or where it says published after an update label
            // ("2023年1月14日 更新 2023年1月12日 10:00 公開": that 更新 was the previous date's).
            if (label != DateLabel.Published && LabelAfter(text, index + length) is var after
                && (after == DateLabel.Published || label == DateLabel.None))
                label = after;
            switch (label)
            {
                case DateLabel.Published:
                    // "Posted: Jan 14, 2023 (Originally published Jan 12, 2023)": the first publication, named right after
                    // a later posting, is the story's.
                    if (published is null || (index - publishedEnd <= MaxLabelDistance && NamesFirstPublication(text, previousEnd, index)))
                    {
                        published = date;
                        publishedEnd = index + length;
                    }
                    break;
                case DateLabel.Modified:
                    modified ??= date;
                    break;
                default:
                    unlabelled ??= date;
                    break;
            }
            if (published is not null && modified is not null)
                break;
            start = previousEnd = index + length;
        }
        return (published, unlabelled, modified);
    }

    /// <summary>True when the stretch before the date at <paramref name="index"/> calls it the first publication.</summary>
    private static bool NamesFirstPublication(string text, int previousEnd, int index)
    {
        var start = Math.Max(previousEnd, index - MaxLabelDistance);
        return index > start && FirstPublication().IsMatch(text.AsSpan(start, index - start));
    }

    [GeneratedRegex(@"(?:originally|first|initially)\s+published|erstmals\s+ver(?:ö|oe)ffentlicht|publi(?:é|e)\s+initialement|publicad[oa]\s+originalmente|pubblicat[oa]\s+originariamente|oorspronkelijk\s+gepubliceerd", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstPublication();

    /// <summary>The label of the date at <paramref name="index"/>: the last one in the stretch before it,
    /// back to the previous date or <see cref="MaxLabelDistance"/> characters.</summary>
    public static DateLabel LabelBefore(string text, int previousEnd, int index)
    {
        var start = Math.Max(previousEnd, index - MaxLabelDistance);
        return index <= start ? DateLabel.None : LastLabel(text.AsSpan(start, index - start));
    }

    /// <summary>
    /// The label written after the date at <paramref name="end"/> ("am 3. Mai 2022 veröffentlicht", "2022年5月3日 10:00 公開",
    /// "3.5.2022 tarihinde yayınlandı"): the first words after it, past its time, and followed by no other date soon (else
    /// they label that one: "3.5.2022 Aktualisiert: 4.5.2022"). Common words that double as labels ("Datum") are no such label.
    /// </summary>
    public static DateLabel LabelAfter(string text, int end)
    {
        // To the end of the word the window's edge cuts, so that no label is read from a word's first letters.
        var length = Math.Min(MaxLabelAfterDistance, text.Length - end);
        while (end + length < text.Length && length < 2 * MaxLabelAfterDistance && char.IsLetter(text[end + length]))
            length++;
        var after = text.AsSpan(end, length);
        foreach (var match in Label().EnumerateMatches(after))
        {
            var word = after.Slice(match.Index, match.Length);
            if (WeakLabelLookup.Contains(word) || !IsOnlyTimeWords(after[..match.Index]))
                return DateLabel.None;
            var rest = text.AsSpan(end + match.Index + match.Length);
            if (DateParser.HasDigits(rest[..Math.Min(rest.Length, MaxLabelDistance)], 1))
                return DateLabel.None;
            return IsModified(word) ? DateLabel.Modified : DateLabel.Published;
        }
        return DateLabel.None;
    }

    /// <summary>How far after a date its trailing label may end (" um 14:32 Uhr veröffentlicht" is 28 characters).</summary>
    private const int MaxLabelAfterDistance = 40;

    /// <summary>True when every word between a date and its trailing label belongs to the date's time or joins them
    /// ("um 14:32 Uhr", "14時32分", "à 14h32", Turkish "tarihinde", on the date).</summary>
    private static bool IsOnlyTimeWords(ReadOnlySpan<char> gap)
    {
        for (var i = 0; i < gap.Length;)
        {
            if (!char.IsLetter(gap[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < gap.Length && char.IsLetter(gap[i]))
                i++;
            if (!TimeWordLookup.Contains(gap[start..i]))
                return false;
        }
        return true;
    }

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase) { "um", "uhr", "h", "à", "at", "saat", "tarihinde", "時", "分", "时" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeWordLookup = TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The last label in a stretch of text that ends where a date starts.</summary>
    public static DateLabel LastLabel(ReadOnlySpan<char> before)
    {
        var label = DateLabel.None;
        foreach (var match in Label().EnumerateMatches(before))
        {
            var word = before.Slice(match.Index, match.Length);
            // "Date", "Stand", "data" are common words: they label a date only just before it ("Stand: 3.5.2022"), and a
            // "Closing date", "Start date", "Release date" of a table or list dates something else than the page.
            if (WeakLabelLookup.Contains(word) && (!IsOnlySeparators(before[(match.Index + match.Length)..]) || NamesOtherDate(before[..match.Index])))
                continue;
            label = IsModified(word) ? DateLabel.Modified : DateLabel.Published;
        }
        return label;
    }

    /// <summary>True when the words before a weak label ("date") make it another kind of date: "Closing date:", "Due date:".</summary>
    private static bool NamesOtherDate(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd();
        var start = before.Length;
        while (start > 0 && (char.IsLetter(before[start - 1]) || before[start - 1] == '-'))
            start--;
        return start < before.Length && OtherDateLookup.Contains(before[start..]);
    }

    /// <summary>Words that name a date of something else before "date": a job's, an event's, a product's, a life's.</summary>
    private static readonly HashSet<string> OtherDates = new(StringComparer.OrdinalIgnoreCase)
    {
        "closing", "opening", "start", "starting", "end", "ending", "due", "expiry", "expiration", "event", "birth", "death",
        "application", "deadline", "delivery", "departure", "arrival", "interview", "effective", "sale", "launch", "air",
        "travel", "check-in", "check-out", "availability", "hearing", "trial", "election", "voting", "match", "game",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherDateLookup = OtherDates.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Label words that are common words too.</summary>
    private static readonly HashSet<string> WeakLabels = new(StringComparer.OrdinalIgnoreCase) { "date", "data", "datum", "stand", "fecha", "created", "issued", "creado", "creada" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WeakLabelLookup = WeakLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>At most a colon, a dash and spaces between a label and its date.</summary>
    private static bool IsOnlySeparators(ReadOnlySpan<char> gap)
    {
        if (gap.Length > 4)
            return false;
        foreach (var c in gap)
            if (char.IsLetterOrDigit(c))
                return false;
        return true;
    }

    private static bool IsModified(ReadOnlySpan<char> label) => ModifiedLabel().IsMatch(label);

    /// <summary>The text without its date labels ("Veröffentlicht am", "更新日").</summary>
    public static string RemoveLabels(string text) => Label().Replace(text, " ");

    /// <remarks>"Stand" (German: as of) dates the page's last revision; a page that shows no other date was published then, as
    /// for any lone update note.</remarks>
    private const string ModifiedWords =
        "stand|updated|update|last\\s+modified|modified|revised|reviewed|fact[\\s-]?checked|aktualisiert|zuletzt|ge(?:ä|ae)ndert|mis\\s+(?:à|a)\\s+jour|mise\\s+(?:à|a)\\s+jour|" +
        "actualizad[oa]|atualizad[oa]|aggiornat[oa]|bijgewerkt|gewijzigd|aangepast|zaktualizowano|aktualizacja|actualizat|uppdaterad|opdateret|" +
        "oppdatert|p(?:ä|a)ivitetty|aktualizov(?:á|a)no|aktualizovan(?:é|e)|g(?:ü|u)ncellendi|g(?:ü|u)ncelleme|обновлено|оновлено|" +
        "a(?:ž|z)urirano|friss(?:í|i)tve|ενημερώθηκε|ενημέρωση|تحديث|آخر\\s+تحديث|diperbarui|עודכן|aggiornamento|" +
        "actualizaci(?:ó|o)n|atualiza(?:ç|c)(?:ã|a)o|actualis(?:é|e)|modifi(?:é|e)|aktualisierung|(?:ä|ae)nderung|aktualizace|" +
        "aktualizovan(?:ý|y)|изменено|обновлен[оа]?|оновлення|به‌روزرسانی|به\\s?روز\\s?شده|c(?:ậ|a)p\\s+nh(?:ậ|a)t|अपडेट|আপডেট|হালনাগাদ|اپ\\s?ڈیٹ|" +
        // Labels of a page's last change as CMSs and institutions write them beside the publication's: German compounds
        // ("Änderungsdatum"), Nordic "ändrad"/"endret"/"ændret", "modificado"/"modificato", Czech, Polish, Hungarian, Dutch,
        // Finnish, Turkish, South Slavic, Baltic.
        "(?:ä|ae)nderungsdatum|aktualisierungsdatum|bearbeitungsdatum|(?:ä|ae)ndrad|endret|(?:æ|ae)ndret|modificad[oa]|modificat[oa]?|" +
        "upraveno|zm(?:ě|e)n(?:ě|e)no|posledn(?:í|i)\\s+zm(?:ě|e)ny|datum\\s+zm(?:ě|e)ny|posledn(?:á|a|ej)\\s+zmen[ay]|d(?:á|a)tum\\s+zmeny|zmodyfikowano|zmieniono|m(?:ó|o)dos(?:í|i)tva|m(?:ó|o)dos(?:í|i)tott|wijzigingsdatum|muokattu|" +
        "g(?:ü|u)ncellenme|izmijenjeno|izmenjeno|posodobljeno|atnaujinta|atjaunots|uuendatud|muudetud|обновена|ажурирано|" +
        "modificaci(?:ó|o)n|modifica(?:ç|c)(?:ã|a)o|ultima\\s+modifica|data\\s+modyfikacji|modyfikacji|aktualizacji|" +
        // Catalan ("Actualitzat:", "Darrera actualització") and Basque ("Eguneratua", "Azken eguneraketa").
        "actualitzat|actualitzada|actualitzaci(?:ó|o)|eguneratua|eguneratze\\s+data|eguneraketa|" +
        // "Last change" in Bulgarian, Serbian and Croatian ("Последна промяна:", "Poslednja izmena:", "Zadnja promjena:").
        "последна\\s+промяна|последња\\s+измена|poslednja\\s+izmena|zadnja\\s+(?:izmjena|promjena)";

    private const string PublishedWords =
        "published|publication\\s+date|posted|geschrieben|geschreven|first\\s+published|embargoed(?:\\s+until)?|sperrfrist|erstellt|ver(?:ö|oe)ffentlicht|erschienen|publiziert|datum|" +
        "publi(?:é|e)|mis\\s+en\\s+ligne|date\\s+de\\s+publication|publicad[oa]|publicaci(?:ó|o)n|publicaci(?:ó|o)|fecha|pubblicat[oa]|" +
        // Compounds and phrases naming the publication day ("Veröffentlichungsdatum", "Publicatiedatum", "Data de publicação"),
        // and the words of a post's first appearance ("Vloženo", "Dodano", "Oluşturulma Tarihi"); before "data" and "datum".
        "ver(?:ö|oe)ffentlichungsdatum|erstellungsdatum|eingetragen|verfasst|erscheinungsdatum|publikationsdatum|publicatiedatum|publiceringsdatum|publiseringsdato|" +
        "udgivelsesdato|publiceringsdato|julkaisup(?:ä|a)iv(?:ä|a)|data\\s+de\\s+publica(?:ç|c)(?:ã|a)o|datum\\s+publikace|datum\\s+objave|" +
        "vlo(?:ž|z)eno|dodano|data\\s+dodania|olu(?:ş|s)turulma|megjelen(?:é|e)s|paskelbta|public(?:ē|e)ts|avaldatud|cread[oa]|" +
        "data\\s+di\\s+pubblicazione|gepubliceerd|geplaatst|opublikowano|data\\s+publikacji|publicat|publicerad|publiceret|publisert|" +
        "udgivet|julkaistu|julkaisu|publikov(?:á|a)no|zve(?:ř|r)ejn(?:ě|e)no|zve(?:ř|r)ejn(?:ě|e)n(?:í|i)|zverejnen(?:ia|é|e)|publikovan(?:é|e)|yay(?:ı|i)nlanma|yay(?:ı|i)nland(?:ı|i)|" +
        "опубликовано|дата\\s+публикации|опубліковано|objavljeno|objavljen|k(?:ö|o)zz(?:é|e)t(?:é|e)ve|megjelent|δημοσιεύθηκε|δημοσίευση|" +
        "تاريخ\\s+النشر|نشر\\s+في|نشر|diterbitkan|dipublikasikan|ditulis|פורסם|date|data|created|issued|offentliggjort|" +
        "опубликован|дата\\s+публікації|yay(?:ı|i)n\\s+tarihi|eklenme|انتشار|ng(?:à|a)y\\s+đăng|đăng|प्रकाशित|প্রকাশিত|প্রকাশ|شائع|" +
        // Catalan "Publicada", Basque "Argitaratua", "Argitaratze data".
        "publicada|argitaratua|argitaratze\\s+data|argitaratuta";

    /// <summary>Labels of Chinese, Japanese and Korean, which stand without spaces around them ("发布时间：", "公開日：", "입력").</summary>
    private const string CjkModifiedWords = "最終更新日|最終更新|更新日時|更新日|更新时间|更新時間|更新于|更新於|最后更新|最後更新|更新|최종수정|수정|업데이트";

    private const string CjkPublishedWords = "公開日時|公開日|公開|掲載日|掲載|投稿日|投稿|配信日|配信|発行日|作成日|发布时间|發布時間|發佈時間|发布日期|發布日期|发布于|發佈於|發布於|发表于|發表於|发表时间|日期|기사입력|입력|등록|작성|게시|발행";

    /// <summary>A label word standing on its own (not inside another word).</summary>
    [GeneratedRegex("(?<![\\p{L}])(?:" + ModifiedWords + "|" + PublishedWords + ")(?![\\p{L}])|" + CjkModifiedWords + "|" + CjkPublishedWords, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex("^(?:" + ModifiedWords + "|" + CjkModifiedWords + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModifiedLabel();
}
