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
    /// Dates from <paramref name="from"/> on, starting before <paramref name="to"/>.</summary>
    public static (PageDate? Published, PageDate? Unlabelled, PageDate? Modified) Read(string text, bool monthFirst, int from = 0, int to = int.MaxValue)
    {
        PageDate? published = null, unlabelled = null, modified = null;
        var start = from;
        var previousEnd = from;
        for (var n = 0; n < MaxDates && start < text.Length; n++)
        {
            if (!DateParser.TryFindFrom(text, start, monthFirst, out var date, out var index, out var length) || index >= to)
                break;
            switch (LabelBefore(text, previousEnd, index))
            {
                case DateLabel.Published:
                    published ??= date;
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

    /// <summary>The label of the date at <paramref name="index"/>: the last one in the stretch before it,
    /// back to the previous date or <see cref="MaxLabelDistance"/> characters.</summary>
    public static DateLabel LabelBefore(string text, int previousEnd, int index)
    {
        var start = Math.Max(previousEnd, index - MaxLabelDistance);
        if (index <= start)
            return DateLabel.None;
        var label = DateLabel.None;
        foreach (var match in Label().EnumerateMatches(text.AsSpan(start, index - start)))
            label = IsModified(text.AsSpan(start + match.Index, match.Length)) ? DateLabel.Modified : DateLabel.Published;
        return label;
    }

    private static bool IsModified(ReadOnlySpan<char> label) => ModifiedLabel().IsMatch(label);

    private const string ModifiedWords =
        "updated|update|last\\s+modified|modified|revised|aktualisiert|zuletzt|ge(?:ä|ae)ndert|mis\\s+(?:à|a)\\s+jour|mise\\s+(?:à|a)\\s+jour|" +
        "actualizad[oa]|atualizad[oa]|aggiornat[oa]|bijgewerkt|gewijzigd|zaktualizowano|aktualizacja|actualizat|uppdaterad|opdateret|" +
        "oppdatert|p(?:ä|a)ivitetty|aktualizov(?:á|a)no|aktualizovan(?:é|e)|g(?:ü|u)ncellendi|g(?:ü|u)ncelleme|обновлено|оновлено|" +
        "a(?:ž|z)urirano|friss(?:í|i)tve|ενημερώθηκε|تحديث|آخر\\s+تحديث|diperbarui|עודכן";

    private const string PublishedWords =
        "published|publication\\s+date|posted|first\\s+published|erstellt|ver(?:ö|oe)ffentlicht|erschienen|publiziert|datum|stand|" +
        "publi(?:é|e)|mis\\s+en\\s+ligne|date\\s+de\\s+publication|publicad[oa]|publicaci(?:ó|o)n|publicaci(?:ó|o)|fecha|pubblicat[oa]|" +
        "data\\s+di\\s+pubblicazione|gepubliceerd|geplaatst|opublikowano|data\\s+publikacji|publicat|publicerad|publiceret|publisert|" +
        "udgivet|julkaistu|julkaisu|publikov(?:á|a)no|zve(?:ř|r)ejn(?:ě|e)no|publikovan(?:é|e)|yay(?:ı|i)nlanma|yay(?:ı|i)nland(?:ı|i)|" +
        "опубликовано|дата\\s+публикации|опубліковано|objavljeno|objavljen|k(?:ö|o)zz(?:é|e)t(?:é|e)ve|megjelent|δημοσιεύθηκε|δημοσίευση|" +
        "تاريخ\\s+النشر|نشر\\s+في|نشر|diterbitkan|dipublikasikan|ditulis|פורסם|date|data|created|issued";

    /// <summary>A label word standing on its own (not inside another word).</summary>
    [GeneratedRegex("(?<![\\p{L}])(?:" + ModifiedWords + "|" + PublishedWords + ")(?![\\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex("^(?:" + ModifiedWords + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModifiedLabel();
}
