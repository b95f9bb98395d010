using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Reads dates as publishers write them: machine formats in metadata (ISO 8601 in its extended
/// and basic forms, RFC 1123) and human formats in visible text, numeric (<c>27.09.2021</c>,
/// <c>09/27/2021</c>, <c>27.09.21</c>) or with month names in English, German, French, Spanish, Portuguese,
/// Italian, Catalan, Galician, Dutch, the Nordic languages and Icelandic, Finnish, Estonian, Latvian, Polish, Czech, Slovak, Hungarian, Romanian,
/// the South Slavic languages, Bulgarian, Greek, Lithuanian, Turkish, Russian, Ukrainian, Arabic,
/// Hebrew, Hindi, Bengali, Urdu, Indonesian and Malay, Thai (Buddhist-era years), Vietnamese (<c>27 tháng 9 năm 2021</c>), and the CJK
/// <c>2021年9月27日</c> (Japanese era years too: <c>令和3年9月27日</c>, and Taiwan's Minguo years: <c>民國110年9月27日</c>). A time next to the date (<c>19:52 GMT</c>, <c>3:46 PM</c>, <c>10h30</c>) is kept.
/// </summary>
/// <summary>How a page writes its numeric dates where the digits alone do not tell: 04/05/2021 day first (most of the
/// world) or month first (US English); 23.01.12 day first, or year first (Korean, Japanese, Chinese, Hungarian).</summary>
internal enum DateOrder
{
    DayFirst,
    MonthFirst,
    YearFirst,
}

internal static partial class DateParser
{
    /// <summary>Dates before this are not news pages' own dates (copyright years of old sites, placeholders).</summary>
    private const int MinYear = 1995;

    /// <summary>Parses a whole metadata value (<c>content</c> attribute, JSON-LD string, <c>datetime</c>).</summary>
    public static bool TryParseValue(string? value, out PageDate date) => TryParseValue(value, DateOrder.MonthFirst, out date);

    /// <summary>Parses a whole metadata value; a non-ISO value like <c>03/05/2022</c> is read by the page's convention.</summary>
    public static bool TryParseValue(string? value, DateOrder order, out PageDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
            return false;
        var text = value.Trim();
        var iso = IsoDate().Match(text);
        if (iso.Success)
            return TryBuild(iso, DateOrder.DayFirst, out date);
        return TryFind(text, order, out date);
    }

    /// <summary>Finds the first date in a piece of visible text. <paramref name="order"/> reads an ambiguous
    /// <c>04/05/2021</c> as April 5 (US English) or 4 May, and <c>23.01.12</c> as 23 January 2012 or, year first, 12 January 2023.</summary>
    public static bool TryFind(string text, DateOrder order, out PageDate date) =>
        TryFindFrom(text, 0, order, out date, out _, out _);

    /// <summary>The first date at or after <paramref name="start"/>, with where it stands in the text. <paramref name="scan"/>,
    /// when given, keeps each pattern's next match between calls that read one text from left to right.</summary>
    public static bool TryFindFrom(string text, int start, DateOrder order, out PageDate date, out int index, out int length, Scan? scan = null)
    {
        date = default;
        index = length = 0;
        // Every text pattern needs four digits at least (day, month, two-digit year) but Japanese era dates (令和元年5月1日) and
        // apostrophe years (3 mei '22): most lines have fewer, and a count is far cheaper than the patterns.
        if (text.Length - start < 6 || !MayHoldDate(text.AsSpan(start)))
            return false;
        Match? best = null;
        for (var pattern = 0; pattern < TextPatterns.Length; pattern++)
        {
            if (scan is null || !scan.TryGet(pattern, start, out var match))
            {
                match = pattern == MonthFirstPattern ? MonthFirstDate(text, start) : TextPatterns[pattern].Match(text, start);
                scan?.Set(pattern, match, start);
            }
            // The earliest date in the text wins: a dateline leads, an "updated" note follows.
            while (match.Success && (best is null || match.Index < best.Index) && !IsPlausible(match, order, text))
            {
                var searchedFrom = match.Index + match.Length;
                match = match.NextMatch();
                scan?.Set(pattern, match, searchedFrom);
            }
            if (match.Success && (best is null || match.Index < best.Index))
                best = match;
        }
        if (best is null || !TryBuild(best, order, out date, text))
            return false;
        index = best.Index;
        length = best.Length;
        return true;
    }

    /// <summary>
    /// The first month-first date at or after <paramref name="start"/>. Such a date holds its tail (" 27, 2021",
    /// <see cref="MonthFirstTail"/>, searched by its digits): without a tail there is none, and none begins before the
    /// first tail's whitespace run, a dot and the longest month name, as only those stand between a month name and its
    /// day, and none of them is a digit (so an earlier date's own tail would be the first). The month-first pattern, which
    /// tries its 500 names at nearly every word, then reads from there instead of from <paramref name="start"/>.
    /// </summary>
    private static Match MonthFirstDate(string text, int start)
    {
        var tail = MonthFirstTail().Match(text, start);
        if (!tail.Success)
            return Match.Empty;
        var from = tail.Index;
        while (from > start && char.IsWhiteSpace(text[from - 1]))
            from--;
        return TextPatterns[MonthFirstPattern].Match(text, Math.Max(start, from - 1 - MaxMonthNameLength));
    }

    /// <summary>
    /// Each text pattern's match found by the last search along one text, and where that search started: no position
    /// between the two matched, so a later search from a start between them finds the same match (lookbehinds see the
    /// whole text), and a search that found nothing finds nothing from any later start. A text read date by date is
    /// then searched once per pattern instead of once per date; a pattern that never matches, once in all.
    /// </summary>
    internal sealed class Scan
    {
        private readonly Match?[] _matches = new Match?[TextPatterns.Length];
        private readonly int[] _searchedFrom = new int[TextPatterns.Length];

        public bool TryGet(int pattern, int start, out Match match)
        {
            match = _matches[pattern]!;
            return match is not null && _searchedFrom[pattern] <= start && (!match.Success || start <= match.Index);
        }

        public void Set(int pattern, Match match, int searchedFrom)
        {
            _matches[pattern] = match;
            _searchedFrom[pattern] = searchedFrom;
        }
    }

    /// <summary>True when the text holds at least <paramref name="atLeast"/> digits: every date pattern needs four.</summary>
    internal static bool HasDigits(ReadOnlySpan<char> text, int atLeast)
    {
        foreach (var c in text)
            if (char.IsDigit(c) && --atLeast == 0)
                return true;
        return false;
    }

    /// <summary>False when no text pattern can match: fewer than four digits, unless three with an apostrophe year or a Japanese era.</summary>
    private static bool MayHoldDate(ReadOnlySpan<char> text) =>
        HasDigits(text, 4) || (HasDigits(text, 3) && text.IndexOfAny(Apostrophes) >= 0) || HasJapaneseEra(text);

    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'’‘");

    private static bool HasJapaneseEra(ReadOnlySpan<char> text) => text.Contains("令和", StringComparison.Ordinal) || text.Contains("平成", StringComparison.Ordinal);

    /// <summary>False when <see cref="RemoveDates"/> can find nothing to remove: every date and time pattern reads a
    /// digit, except a Japanese era's year ("令和元年").</summary>
    public static bool MayHoldDateOrTime(ReadOnlySpan<char> text) => HasDigits(text, 1) || HasJapaneseEra(text);

    /// <summary>True when the text holds something that reads as a date (used to clean bylines).</summary>
    public static bool ContainsDate(string text) => TryFind(text, DateOrder.MonthFirst, out _);

    /// <summary>Removes date and time expressions from a text (bylines often carry them).</summary>
    public static string RemoveDates(string text)
    {
        if (MayHoldDate(text))
            for (var pattern = 0; pattern < TextPatterns.Length; pattern++)
                if (pattern != MonthFirstPattern || MonthFirstTail().IsMatch(text))
                    text = TextPatterns[pattern].Replace(text, " ");
        return TimeOfDay().Replace(text, " ");
    }

    private static bool IsPlausible(Match match, DateOrder order, string text) =>
        !EndsSpanFromThePast(text, match.Index) && TryBuild(match, order, out _, source: text);

    /// <summary>
    /// True when the date at <paramref name="at"/> ends a span that began before <see cref="MinYear"/>: a life ("June 3, 1938 –
    /// March 9, 2024" on an obituary), a history ("1914–1918"). Its end is no more the page's date than its start.
    /// </summary>
    private static bool EndsSpanFromThePast(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd();
        if (before.Length < 6 || before[^1] is not ('-' or '\u2013' or '\u2014'))
            return false;
        before = before[..^1].TrimEnd();
        var digits = 0;
        while (digits < before.Length && char.IsAsciiDigit(before[before.Length - 1 - digits]))
            digits++;
        return digits == 4 && (before.Length == 4 || !char.IsAsciiDigit(before[^5]))
            && int.Parse(before[^4..], CultureInfo.InvariantCulture) < MinYear;
    }

    /// <summary>Builds the date a pattern matched. <paramref name="text"/>, when given, is searched for a time beside it;
    /// <paramref name="source"/> (or <paramref name="text"/>) is the text the match stands in.</summary>
    private static bool TryBuild(Match match, DateOrder order, out PageDate date, string? text = null, string? source = null)
    {
        source ??= text;
        date = default;
        int year;
        if (match.Groups["era"].Success)
        {
            // The era's first year is written 元 (its beginning) or 1.
            if (match.Groups["y"].ValueSpan is "元")
                year = 1;
            else if (!TryNumber(match.Groups["y"].ValueSpan, out year))
                return false;
            year += match.Groups["era"].ValueSpan switch
            {
                "令和" => ReiwaYearZero,
                "平成" => HeiseiYearZero,
                _ => MinguoYearZero,
            };
        }
        else if (match.Groups["be"].Success)
        {
            // Thai pages shorten the Buddhist-era year to its last two digits ("12 มี.ค. 67" is 2567, 2024); other
            // languages' "12 March 24" is no date.
            if (!IsThai(match.Groups["mon"].Value) || !TryNumber(match.Groups["be"].ValueSpan, out year))
                return false;
            year += 2500;
        }
        else if (match.Groups["roc"].Success)
        {
            // A three-digit year first is a Minguo year only where numeric dates are year first (a Chinese page).
            if (order != DateOrder.YearFirst || !TryNumber(match.Groups["roc"].ValueSpan, out year))
                return false;
            year += MinguoYearZero;
        }
        else if (!TryNumber(match.Groups["y"].ValueSpan, out year))
            return false;
        var yearFirst = false;
        if (match.Groups["y"].Length == 2 && !match.Groups["era"].Success)
        {
            // Two-digit years are this century's, and only in dotted or slashed dates or after an apostrophe ("3 mei '22");
            // dotted ones need a two-digit day or month (27.09.21, 9/27/21, 5/3/22; not the version number 1.5.10).
            var separator = match.Groups["sep"].Value;
            if (!match.Groups["apos"].Success
                && (separator is not ("." or "/" or ". ")
                    || (separator != "/" && match.Groups["d"].Length < 2 && match.Groups["m"].Length < 2 && !FollowsDatePreposition(source, match.Index))))
                return false;
            year += 2000;
            // Korean, Japanese, Chinese and Hungarian pages shorten their year-first dates: 23.01.12 is 12 January 2023 there.
            yearFirst = order == DateOrder.YearFirst && !match.Groups["apos"].Success && match.Groups["d"].Length == 2;
        }
        int month;
        // Iranian pages date by the Solar Hijri calendar (1401 is 2022): its month names, or its years in numerals.
        var solarHijri = year is >= MinSolarHijriYear and <= MaxSolarHijriYear;
        if (match.Groups["mon"].Success)
        {
            var name = MonthKey(match.Groups["mon"].Value);
            if (IsThai(name) && year >= MinYear + BuddhistEraOffset)
                year -= BuddhistEraOffset;
            if (SolarHijriMonths.TryGetValue(name, out month))
            {
                if (!solarHijri)
                    return false;
            }
            else if (solarHijri || !MonthNumbers.TryGetValue(name, out month))
                return false;
        }
        else if (!TryNumber(match.Groups["m"].ValueSpan, out month))
            return false;
        if (!TryNumber(match.Groups["d"].ValueSpan, out var day))
            return false;
        if (yearFirst)
            (year, day) = (2000 + day, year - 2000);
        if (solarHijri)
        {
            if (month is < 1 or > 12 || day < 1 || day > SolarHijri.GetDaysInMonth(year, month))
                return false;
            var gregorian = SolarHijri.ToDateTime(year, month, day, 0, 0, 0, 0);
            (year, month, day) = (gregorian.Year, gregorian.Month, gregorian.Day);
        }
        if (match.Groups["sep"].Success && match.Groups["sep"].Value == "/" && !yearFirst)
        {
            // 09/27/2021 can only be month first; 27/09/2021 only day first; 04/05/2021 follows the page's convention.
            if (month > 12 || (order == DateOrder.MonthFirst && day <= 12))
                (day, month) = (month, day);
            // "Do, 01/12/2023" (Drupal's default format on a German page): the weekday written before it tells the order.
            if (day <= 12 && month <= 12 && day != month && year is >= MinYear and <= 9999 && WeekdayBefore(source, match.Index) is { } weekday
                && new DateOnly(year, month, day).DayOfWeek != weekday && new DateOnly(year, day, month).DayOfWeek == weekday)
                (day, month) = (month, day);
        }
        if (year < MinYear || year > DateTime.UtcNow.Year + 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;

        var hour = 0;
        var minute = 0;
        var second = 0;
        var hasTime = false;
        var offset = TimeSpan.Zero;
        var hasOffset = false;
        var time = match;
        if (!match.Groups["H"].Success && text is not null)
        {
            // Human dates put the time just after the date ("27.09.2021 19:52") or just before it ("19:52 GMT 27.09.2021").
            // The window reaches past the clock's reach for its half of the day and zone ("10:32 AM Eastern Daylight Time"); the
            // clock itself ends within the reach.
            var dateEnd = match.Index + match.Length;
            var after = TimeOfDay().Match(text, dateEnd, Math.Min(MaxTimeDistance + MaxZoneChars, text.Length - dateEnd));
            if (after.Success && after.Groups["M"].Index + after.Groups["M"].Length - dateEnd > MaxTimeDistance)
                after = Match.Empty;
            // Right after a dotted date a bare dotted clock is one: Finnish, Danish and Norwegian "14.3.2024 10.32".
            if (!after.Success && IsDottedNumericDate(match.ValueSpan))
                after = ClockAfterDottedDate().Match(text, dateEnd, Math.Min(MaxTimeDistance, text.Length - dateEnd));
            // A label between them ("March 12, 2025 | Updated 4:41 p.m.") makes the time the next date's.
            if (after.Success && IsOnlyFiller(text.AsSpan(match.Index + match.Length, after.Index - match.Index - match.Length))
                && DateLabels.LastLabel(text.AsSpan(match.Index + match.Length, after.Index - match.Index - match.Length)) == DateLabel.None)
                time = after;
            else
            {
                var start = Math.Max(0, match.Index - MaxTimeDistance);
                var before = TimeOfDay().Match(text, start, match.Index - start);
                // A label between them ("10:30 更新日：2022年5月4日") makes the time the previous date's.
                while (before.Success && (!IsOnlyFiller(text.AsSpan(before.Index + before.Length, match.Index - before.Index - before.Length))
                    || DateLabels.LabelBefore(text, before.Index + before.Length, match.Index) != DateLabel.None))
                    before = before.NextMatch();
                if (before.Success)
                    time = before;
            }
        }
        if (time.Groups["H"].Success)
        {
            if (!TryNumber(time.Groups["H"].ValueSpan, out hour) || !TryNumber(time.Groups["M"].ValueSpan, out minute))
                return false;
            if (time.Groups["S"].Success && !TryNumber(time.Groups["S"].ValueSpan, out second))
                return false;
            if (time.Groups["half"].Success)
            {
                // CJK writes the half of the day first: 午後3時, 오후 3:30, 下午3:30.
                if (hour is < 1 or > 12)
                    return false;
                hour = hour % 12 + (time.Groups["half"].Value is "午後" or "오후" or "下午" ? 12 : 0);
            }
            else if ((time.Groups["ampm"].Success || time.Groups["later"].Success || time.Groups["earlier"].Success) && hour is >= 1 and <= 12)
            {
                // "3:46 PM", "02:32 م"; after a 24-hour clock the letters are a word of the sentence ("19:30 am Markt").
                var pm = time.Groups["later"].Success || (time.Groups["ampm"].Success && char.ToLowerInvariant(time.Groups["ampm"].Value[0]) == 'p');
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (hour > 23 || minute > 59 || second > 59)
                return false;
            hasTime = true;
            if (time.Groups["tz"].Success)
            {
                hasOffset = TryOffset(time.Groups["tz"].Value, order, out offset);
                if (!hasOffset)
                    offset = TimeSpan.Zero;
                else if (IsUsGenericZone(time.Groups["tz"].ValueSpan) && InUsSummerTime(year, month, day, hour))
                    offset += TimeSpan.FromHours(1);
            }
        }
        try
        {
            date = new PageDate(new DateTimeOffset(year, month, day, hour, minute, second, offset), hasTime, hasOffset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The weekday named just before <paramref name="at"/> ("Do, ", "Thursday ", "jeu. "), if any.</summary>
    private static DayOfWeek? WeekdayBefore(string? text, int at)
    {
        if (text is null)
            return null;
        var before = text.AsSpan(0, at).TrimEnd(" ,.\u00a0");
        if (at - before.Length > MaxWeekdayGap)
            return null;
        var wordStart = before.Length;
        while (wordStart > 0 && char.IsLetter(before[wordStart - 1]) && before.Length - wordStart < MaxWeekdayChars)
            wordStart--;
        if (wordStart == before.Length || (wordStart > 0 && char.IsLetter(before[wordStart - 1])))
            return null;
        Span<char> word = stackalloc char[before.Length - wordStart];
        before[wordStart..].ToLowerInvariant(word);
        return WeekdayLookup.TryGetValue(word, out var day) ? day : null;
    }

    /// <summary>At most this much (", " or ". ") stands between a weekday and its date; no weekday name is longer.</summary>
    private const int MaxWeekdayGap = 3, MaxWeekdayChars = 12;

    /// <summary>Weekday names and abbreviations, lower case, in languages that write numeric dates; an abbreviation that
    /// names different days in two languages (Czech "so" Saturday, German "So" Sunday) is left out.</summary>
    private static readonly Dictionary<string, DayOfWeek> Weekdays = TableOf(StringComparer.Ordinal,
        (DayOfWeek.Monday, "monday mon montag mo lundi lun lunes lunedì lunedi segunda seg maandag ma poniedziałek pon måndag mån pondělí понедельник пн pazartesi"),
        (DayOfWeek.Tuesday, "tuesday tue tues dienstag di mardi mar martes martedì martedi terça terca ter dinsdag wtorek wt tisdag tis úterý вторник вт salı"),
        (DayOfWeek.Wednesday, "wednesday wed mittwoch mi mercredi mer miércoles miercoles mié mie mercoledì mercoledi quarta qua woensdag wo środa śr onsdag ons středa среда ср çarşamba"),
        (DayOfWeek.Thursday, "thursday thu thur thurs donnerstag do jeudi jeu jueves jue giovedì giovedi gio quinta qui donderdag czwartek czw torsdag tors čtvrtek четверг чт perşembe"),
        (DayOfWeek.Friday, "friday fri freitag fr vendredi ven viernes vie venerdì venerdi sexta sex vrijdag vr piątek pt fredag fre pátek пятница пт cuma"),
        (DayOfWeek.Saturday, "saturday sat samstag sonnabend sa samedi sam sábado sabado sáb sab sabato zaterdag za sobota sob lördag lör суббота сб cumartesi"),
        (DayOfWeek.Sunday, "sunday sun sonntag so dimanche dim domingo dom domenica zondag zo niedziela niedz nd söndag sön neděle воскресенье вс pazar"));

    private static readonly Dictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A lookup from each name of space-separated lists to the value the list stands for (weekdays, zones' regions).</summary>
    internal static Dictionary<string, T> TableOf<T>(StringComparer comparer, params (T Value, string Names)[] groups)
    {
        var table = new Dictionary<string, T>(comparer);
        foreach (var (value, names) in groups)
            foreach (var name in names.Split(' '))
                table[name] = value;
        return table;
    }

    /// <summary>True when the word before <paramref name="at"/> is one that introduces a date ("vom 3.5.22", "am 3.5.22"):
    /// then a short dotted date is one, not a version number.</summary>
    private static bool FollowsDatePreposition(string? text, int at)
    {
        if (text is null)
            return false;
        var before = text.AsSpan(0, at).TrimEnd();
        if (before.Length == at)
            return false;
        var wordStart = before.Length;
        while (wordStart > 0 && char.IsLetter(before[wordStart - 1]))
            wordStart--;
        var word = before[wordStart..];
        return word.Equals("vom", StringComparison.OrdinalIgnoreCase) || word.Equals("am", StringComparison.OrdinalIgnoreCase)
            || word.Equals("den", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Gregorian year before the first of the Japanese eras Reiwa (2019) and Heisei (1989), and of Taiwan's
    /// Minguo calendar (民國112年 is 2023).</summary>
    private const int ReiwaYearZero = 2018, HeiseiYearZero = 1988, MinguoYearZero = 1911;

    /// <summary>Solar Hijri years of the web's news (1374 is 1995); Lunar Hijri years of today (1440s) are left out.</summary>
    private const int MinSolarHijriYear = 1374, MaxSolarHijriYear = 1420;

    private static readonly PersianCalendar SolarHijri = new();

    /// <summary>The Solar Hijri month names as Iranian pages write them.</summary>
    private static readonly Dictionary<string, int> SolarHijriMonths = new(StringComparer.Ordinal)
    {
        ["فروردین"] = 1, ["اردیبهشت"] = 2, ["خرداد"] = 3, ["تیر"] = 4, ["مرداد"] = 5, ["شهریور"] = 6,
        ["مهر"] = 7, ["آبان"] = 8, ["آذر"] = 9, ["دی"] = 10, ["بهمن"] = 11, ["اسفند"] = 12,
    };

    /// <summary>A number written in any script's decimal digits (Arabic-Indic <c>٢٠٢٢</c> as well as <c>2022</c>).</summary>
    private static bool TryNumber(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9)
            return false;
        foreach (var c in digits)
        {
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit < 0)
                return false;
            value = value * 10 + digit;
        }
        return true;
    }

    /// <summary>How far from a date a time may stand and still belong to it.</summary>
    private const int MaxTimeDistance = 24;

    /// <summary>Characters after a clock read for its half of the day and its zone, the longest written out ("Eastern Daylight Time").</summary>
    private const int MaxZoneChars = 24;

    /// <summary>Between a date and its time stand only separators and a few words ("at", "um", "à",
    /// a weekday, "г."): a short stretch without digits. Anything longer belongs to something else.</summary>
    private static bool IsOnlyFiller(ReadOnlySpan<char> between)
    {
        between = between.Trim();
        if (between.Length > MaxFillerChars)
            return false;
        foreach (var c in between)
            if (char.IsDigit(c))
                return false;
        return true;
    }

    private const int MaxFillerChars = 16;

    private static bool TryOffset(string zone, DateOrder order, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var z = zone.Trim();
        if (z.Length == 0 || z.Equals("Z", StringComparison.OrdinalIgnoreCase))
            return true;
        if (z[0] is '+' or '-' or '\u2212')
        {
            var digits = z[1..].Replace(":", "");
            // "+7" as written after GMT ("GMT+7"), "+07", "+0700"
            if (digits.Length is not (1 or 2 or 4) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return false;
            var hours = digits.Length <= 2 ? n : n / 100;
            var minutes = digits.Length <= 2 ? 0 : n % 100;
            if (hours > 14 || minutes > 59)
                return false;
            offset = new TimeSpan(hours, minutes, 0);
            if (z[0] != '+')
                offset = -offset;
            return true;
        }
        if (z.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || z.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
            return z.Length == 3 || TryOffset(z[3..], order, out offset);
        // A US zone's name written out ("10:32 AM Eastern Daylight Time", as wire services print it): read as its initials,
        // Central Standard Time as the US's whatever the page's order.
        if (z.EndsWith(" Time", StringComparison.Ordinal) && z.IndexOf(' ') is > 0 and var space && space + 1 < z.Length)
        {
            var initials = string.Concat(z[0], z[space + 1], 'T');
            if (!ZoneAbbreviations.TryGetValue(initials, out var named) && initials != "CST")
                return false;
            offset = TimeSpan.FromHours(initials == "CST" ? -6 : named);
            return true;
        }
        // CST is the US's Central Standard Time on US pages, China Standard Time on Chinese ones (and Taiwan's); elsewhere unknown.
        if (z.Equals("CST", StringComparison.OrdinalIgnoreCase) && order != DateOrder.DayFirst)
        {
            offset = TimeSpan.FromHours(order == DateOrder.MonthFirst ? -6 : 8);
            return true;
        }
        if (ZoneAbbreviations.TryGetValue(z.ToUpperInvariant(), out var hoursFromUtc))
        {
            offset = TimeSpan.FromHours(hoursFromUtc);
            return true;
        }
        return false;
    }

    /// <summary>"ET", "CT", "PT": the zone's clock whichever half of the year it is, standard time in <see cref="ZoneAbbreviations"/>.</summary>
    private static bool IsUsGenericZone(ReadOnlySpan<char> zone) =>
        zone.Equals("ET", StringComparison.OrdinalIgnoreCase) || zone.Equals("CT", StringComparison.OrdinalIgnoreCase) || zone.Equals("PT", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the local day and hour fall in US daylight saving time: from 2 a.m. on March's second Sunday to
    /// 2 a.m. on November's first.</summary>
    internal static bool InUsSummerTime(int year, int month, int day, int hour)
    {
        if (month is < 3 or > 11)
            return false;
        if (month is > 3 and < 11)
            return true;
        var firstSunday = 1 + ((7 - (int)new DateOnly(year, month, 1).DayOfWeek) % 7);
        var change = month == 3 ? firstSunday + 7 : firstSunday;
        return month == 3 ? day > change || (day == change && hour >= 2) : day < change || (day == change && hour < 2);
    }

    /// <summary>Zone abbreviations common in datelines. Ambiguous ones are read as their most common use on news pages
    /// (IST as India's: a wrong guess is no worse than no zone, which is written +00:00); CST, China's or the US's, is read by
    /// the page's order of numeric dates (<see cref="TryOffset"/>).</summary>
    private static readonly Dictionary<string, double> ZoneAbbreviations = new(StringComparer.Ordinal)
    {
        ["GMT"] = 0, ["UTC"] = 0, ["WET"] = 0, ["BST"] = 1, ["CET"] = 1, ["MEZ"] = 1, ["CEST"] = 2, ["MESZ"] = 2,
        ["EET"] = 2, ["EEST"] = 3, ["MSK"] = 3, ["МСК"] = 3, ["EST"] = -5, ["EDT"] = -4, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6,
        ["PST"] = -8, ["PDT"] = -7, ["AKST"] = -9, ["AKDT"] = -8, ["HST"] = -10, ["JST"] = 9, ["KST"] = 9,
        ["AEST"] = 10, ["AEDT"] = 11, ["ACST"] = 9.5, ["AWST"] = 8, ["NZST"] = 12, ["NZDT"] = 13, ["ET"] = -5, ["CT"] = -6, ["PT"] = -8,
        ["WIB"] = 7, ["WITA"] = 8, ["WIT"] = 9, ["IST"] = 5.5, ["PKT"] = 5, ["ICT"] = 7, ["SGT"] = 8, ["MYT"] = 8, ["HKT"] = 8,
        ["PHT"] = 8, ["BRT"] = -3, ["ART"] = -3, ["SAST"] = 2, ["CAT"] = 2, ["EAT"] = 3, ["WAT"] = 1,
    };

    /// <summary>Month names and common abbreviations, lower case, by language; genitive forms where the language uses them in dates.
    /// Swahili (<c>Machi</c>, <c>Septemba</c>) and Filipino (<c>Marso</c>, <c>Hulyo</c>) after the rest.</summary>
    private static readonly (string Names, int Month)[] MonthTable =
    [
        ("january jan januar jänner jän janvier janv enero ene janeiro gennaio gen januari stycznia styczeń sty ledna leden ocak oca января январь янв січня ianuarie ian tammikuuta tammikuu január ιανουαρίου siječnja januára januarja januara јануар јануара януари gener يناير كانون_الثاني ינואר בינואר जनवरी sausio ژانویه janúar jaanuar janvāris janvārī janvāra xaneiro ιανουάριος ιαν มกราคม ม.ค জানুয়ারি জানুয়ারী جنوری urtarrila urtarrilaren urtarrilak tháng_một tháng_giêng", 1),
        ("february feb februar feber février fevrier févr fevr febrero fevereiro fev febbraio februari lutego luty lut února únor şubat şub subat февраля февраль фев лютого februarie helmikuuta helmikuu február febr φεβρουαρίου veljače februára februarja februara фебруар фебруара февруари febrer فبراير شباط פברואר בפברואר फ़रवरी फरवरी vasario فوریه febrúar veebruar februāris februārī februāra febreiro φεβρουάριος φεβ กุมภาพันธ์ ก.พ ফেব্রুয়ারি ফেব্রুয়ারী فروری otsaila otsailaren otsailak tháng_hai pebrero", 2),
        ("march mar mrt märz maerz mär mrz mars marzo março marco maart marca marzec března březen mart марта март мар березня martie marts maaliskuuta maaliskuu március márc μαρτίου ožujka marta март марта març مارس آذار מרץ במרץ मार्च maret mac kovo märts martā marec μάρτιος μαρ มีนาคม มี.ค মার্চ مارچ martxoa martxoaren martxoak tháng_ba machi marso", 3),
        ("april apr avril avr abril abr aprile kwietnia kwiecień kwi dubna duben nisan nis апреля апрель апр квітня aprilie huhtikuuta huhtikuu április ápr απριλίου travnja apríla aprila април априла أبريل ابريل إبريل نيسان אפריל באפריל अप्रैल balandžio آوریل apríl aprill aprīlis aprīlī aprīļa απρίλιος απρ เมษายน เม.ย এপ্রিল اپریل apirila apirilaren apirilak tháng_tư aprili", 4),
        ("may mai mayo maio maggio mag mei maja maj května květen mayıs mayis мая май травня toukokuuta toukokuu május máj μαΐου μαϊου svibnja mája мај маја maig مايو أيار מאי במאי मई gegužės مه maí maijs maijā maija μάιος μαΐ μαϊ พฤษภาคม พ.ค মে مئی maiatza maiatzaren maiatzak tháng_năm", 5),
        ("june jun juni juin junio junho giugno giu czerwca czerwiec cze června červen haziran haz июня июнь июн червня iunie iun kesäkuuta kesäkuu június jún ιουνίου lipnja júna junija juna јун јуна юни juny يونيو يونيه حزيران יוני ביוני जून birželio ژوئن júní juuni jūnijs jūnijā jūnija junij xuño ιούνιος ιουν มิถุนายน มิ.ย জুন جون ekaina ekainaren ekainak tháng_sáu hunyo", 6),
        ("july jul juli juillet juil julio julho luglio lug lipca lipiec lip července červenec temmuz tem июля июль июл липня iulie iul heinäkuuta heinäkuu július júl ιουλίου srpnja júla julija jula јул јула юли juliol يوليو يوليه تموز יולי ביולי जुलाई liepos ژوئیه júlí juuli jūlijs jūlijā jūlija julij xullo ιούλιος ιουλ กรกฎาคม ก.ค জুলাই جولائی uztaila uztailaren uztailak tháng_bảy julai hulyo", 7),
        ("august aug août aout agosto ago augustus sierpnia sierpień sie srpna srpen ağustos ağu agustos августа август авг серпня augusti elokuuta elokuu augusztus αυγούστου kolovoza augusta avgusta avgust август августа agost أغسطس اغسطس آب אוגוסט באוגוסט अगस्त agustus agt ogos rugpjūčio اوت ágúst augusts augustā αύγουστος αυγ สิงหาคม ส.ค আগস্ট আগষ্ট اگست abuztua abuztuaren abuztuak tháng_tám agosti", 8),
        ("september sep sept septembre septiembre setiembre setembro set settembre września wrzesień wrz září eylül eyl eylul сентября сентябрь сен сент вересня septembrie syyskuuta syyskuu szeptember szept σεπτεμβρίου rujna septembra septembar септембар септембра септември setembre سبتمبر أيلول ספטמבר בספטמבר सितंबर सितम्बर rugsėjo سپتامبر septembris septembrī σεπτέμβριος σεπ σεπτ กันยายน ก.ย সেপ্টেম্বর ستمبر iraila irailaren irailak tháng_chín septemba setyembre", 9),
        ("october oct oktober okt octobre octubre outubro out ottobre ott października październik paź října říjen ekim eki октября октябрь окт жовтня octombrie lokakuuta lokakuu október οκτωβρίου októbra oktobra oktobar октобар октобра октомври أكتوبر اكتوبر تشرين_الأول אוקטובר באוקטובר अक्टूबर spalio اکتبر oktoober oktobris oktobrī οκτώβριος οκτ ตุลาคม ต.ค অক্টোবর اکتوبر urria urriaren urriak tháng_mười oktoba oktubre", 10),
        ("november nov novembre noviembre novembro listopada listopad lis listopadu kasım kasim kas ноября ноябрь ноя листопада noiembrie noi marraskuuta marraskuu νοεμβρίου studenoga studenog novembra novembar новембар новембра ноември نوفمبر تشرين_الثاني נובמבר בנובמבר नवंबर नवम्बर lapkričio نوامبر nóvember novembris novembrī νοέμβριος νοε νοεμ พฤศจิกายน พ.ย নভেম্বর نومبر azaroa azaroaren azaroak tháng_mười_một novemba nobyembre", 11),
        ("december dec dezember dez décembre decembre déc diciembre dic dezembro dicembre grudnia grudzień gru prosince prosinec aralık aralik ara декабря декабрь дек грудня decembrie desember joulukuuta joulukuu δεκεμβρίου prosinca decembra decembar децембар децембра декември desembre ديسمبر كانون_الأول דצמבר בדצמבר दिसंबर दिसम्बर desember disember gruodžio دسامبر detsember decembris decembrī decembro δεκέμβριος δεκ ธันวาคม ธ.ค ডিসেম্বর دسمبر abendua abenduaren abenduak tháng_mười_hai tháng_chạp desemba disyembre", 12),
    ];

    private static readonly Dictionary<string, int> MonthNumbers = BuildMonthNumbers();

    private static Dictionary<string, int> BuildMonthNumbers()
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (names, month) in MonthTable)
            foreach (var written in names.Split(' '))
            {
                // "_" joins the words of one name (كانون_الثاني); the name as written feeds the patterns, its key the lookup.
                var name = written.Replace('_', ' ');
                numbers.TryAdd(name, month);
                numbers.TryAdd(MonthKey(name), month);
            }
        return numbers;
    }

    /// <summary>
    /// A month name as looked up: lower case without a closing dot; Greek also without its accents and with one sigma,
    /// as capitals drop the accents (<c>ΙΟΥΝΙΟΥ</c> for <c>Ιουνίου</c>) and lower-casing them does not bring them back.
    /// </summary>
    private static string MonthKey(string name)
    {
        var key = name.ToLowerInvariant().TrimEnd('.');
        if (!IsGreek(key))
            return key;
        var letters = new System.Text.StringBuilder(key.Length);
        foreach (var c in key.Normalize(System.Text.NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                letters.Append(c == 'ς' ? 'σ' : c);
        return letters.ToString();
    }

    private static bool IsGreek(string text) => text.Length > 0 && text[0] is >= '\u0370' and <= '\u03ff' or >= '\u1f00' and <= '\u1fff';

    /// <summary>Thai pages count years from 543 BC (the Buddhist era: 2565 is 2022) with Thai month names.</summary>
    private static bool IsThai(string text) => text.Length > 0 && text[0] is >= '\u0e00' and <= '\u0e7f';

    private const int BuddhistEraOffset = 543;

    /// <summary>The month names, longest first among those that share a first letter (a longer name before its prefix,
    /// "march" before "mar"), grouped by that letter: the regex builder factors a group's first letter out of its branches,
    /// so the interpreter tests it once per group instead of once per name. Names with different first letters never
    /// match at the same place, so the order between groups changes no match.</summary>
    private static readonly string MonthAlternation = string.Join("|",
        MonthNumbers.Keys.Concat(SolarHijriMonths.Keys).Distinct().OrderBy(name => char.ToLowerInvariant(name[0]))
            .ThenByDescending(name => name.Length).Select(Regex.Escape));

    /// <summary>
    /// A lookahead for the first letters of the month names, put before the alternation where it does not lead its pattern.
    /// The interpreter tries the alternation's 500 names one by one at every place the pattern's backtracking reaches
    /// (after "27", after "27 ", before and after "de "), nearly always at a digit or a space that starts no name; one set
    /// test there instead makes the day-first pattern about four times cheaper. The set holds every name's first letter,
    /// so the lookahead fails only where the alternation would: the matches are the same.
    /// </summary>
    private static readonly string MonthStart = "(?=[" + string.Concat(
        MonthNumbers.Keys.Concat(SolarHijriMonths.Keys).Select(name => name[0]).Distinct().Select(c => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString())) + "])";

    /// <summary>Text patterns, each with groups y, m or mon, d and optionally the time groups; apos marks a year written
    /// with two digits after an apostrophe ("3 mei '22", "May 3, '22"). Those naming the month are built from the month
    /// table when first used, the others are source-generated (the interpreter ran them at several times the cost).</summary>
    private static readonly Regex[] TextPatterns =
    [
        // 2021-09-27, 2021-09-27T19:51:00Z, 2021/09/27 19:51
        NumericYearFirst(),
        // 27.09.2021, 27/09/2021, 09/27/2021, 27-09-2021, 4. 2. 2022, 26 | 01 | 2022, 27.09.21 (two-digit years need a two-digit day or month),
        // 3.5. 2022 (Finnish: a space before the year only)
        NumericDayFirst(),
        // 27 September 2021, 27. September 2021, 27 de septiembre de 2021, 1er octobre 2021, 27 сентября 2021 г., 3 d'octubre de 2021, 3 พฤษภาคม พ.ศ. 2565 (the Thai era named),
        // 3 พ.ค. 65 (a Thai month's short Buddhist-era year: 2565)
        new(@"(?<![\p{L}\d])(?<d>\d{1,2})(?:st|nd|rd|th|er|e|º|°|\.)?[\s\-]*(?:de\s+|d'|d’|of\s+)?" + MonthStart + "(?<mon>" + MonthAlternation + @")\.?[,،]?[\s\-]*(?:de\s+|del\s+|[พค]\.\s?ศ\.\s*)?(?:(?<y>\d{4})|(?<apos>['’‘])(?<y>\d{2})|(?<be>\d{2}))(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase),
        // September 27, 2021; Sep. 27 2021; Sep 27 19:51 2021 (C's asctime order, and date badges that split day, time and year);
        // Dec 28 Sat 2013 (Taiwanese blog platforms' badge: month, day, weekday, year, time); Septiembre 27 de 2021 (Colombia)
        // (its tail, from the space before the day on, is MonthFirstTail: keep them alike)
        new(@"(?<![\p{L}\d])(?<mon>" + MonthAlternation + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2}))?\s+)?" + EnglishWeekday + @"(?:de\s+|del\s+)?(?:(?<y>\d{4})|(?<apos>['’‘])(?<y>\d{2}))(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase),
        // 2021. szeptember 27. (Hungarian), 2021 m. rugsėjo 27 d. (Lithuanian), 2021. gada 27. septembris (Latvian),
        // 2021eko irailaren 27a (Basque: the year's "of", the month's genitive)
        new(@"(?<!\d)(?<y>\d{4})(?:(?:\.|\s*m\.|e?ko(?=\s))\s*" + MonthStart + "(?<mon>" + MonthAlternation + @")\.?\s*(?<d>\d{1,2})|\.\s*gada\s+(?<d>\d{1,2})\.\s*" + MonthStart + "(?<mon>" + MonthAlternation + @"))(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase),
        // 2021年9月27日, 2021년 9월 27일 (the time after it is read like any other: 19:52, 午後3時30分)
        CjkYearMonthDay(),
        // 令和4年5月3日, 平成31年4月30日: Japanese era years (令和元年 is its first); 民國112年1月12日: Taiwan's Minguo years,
        // which Taiwanese pages also write without the era's name (113年3月12日, 113-03-12, 113/03/12: a three-digit year)
        EraYearMonthDay(),
        // ngày 3 tháng 5 năm 2022, 03 tháng 5, 2022 (Vietnamese: "month 5")
        VietnameseMonthNumber(),
        // 3月 14, 2024 (WordPress's month-first format in Chinese), 3月 14 週四 2024 (Pixnet's badge: the weekday before the year)
        CjkMonthDayYear(),
    ];

    [GeneratedRegex(@"(?<![\d.])(?<y>\d{4})(?:[-/]|\.\s?)(?<m>\d{1,2})(?:[-/]|\.\s?)(?<d>\d{1,2})(?:(?:T|\s+|,\s*)(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2})(?:[.,]\d+)?)?\s*(?<tz>Z|(?:GMT|UTC)?[+\-\u2212]\d{1,2}(?::?\d{2})?|GMT|UTC|(?:[A-Z]{2,4}T|MSK|MEZ|MESZ|ET|CT|PT|WIB|WITA)(?![\p{L}]))?)?(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericYearFirst();

    [GeneratedRegex(@"(?<![\d.\-/])(?<d>\d{1,2})(?:(?<sep>\.\s?|/|-|\s\|\s)(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})|\.(?<m>\d{1,2})\.\s(?<y>\d{4}))(?!\d|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDayFirst();

    [GeneratedRegex(@"(?<y>\d{4})\s*[年년]\s*(?<m>\d{1,2})\s*[月월]\s*(?<d>\d{1,2})\s*[日일]?", RegexOptions.CultureInvariant)]
    private static partial Regex CjkYearMonthDay();

    [GeneratedRegex(@"(?<era>令和|平成|民國|民国)\s*(?<y>\d{1,3}|元)\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日|(?<![\d.\-/])(?<roc>1[01]\d)(?:(?<rs>[-/.])(?<m>\d{1,2})\k<rs>(?<d>\d{1,2})(?![\d.\-/])|\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日)", RegexOptions.CultureInvariant)]
    private static partial Regex EraYearMonthDay();

    [GeneratedRegex(@"(?<![\d.\-/])(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})(?![\d日])\s*(?:,\s*|\s+(?:週|周|星期|\()[一二三四五六日天]\)?\s+|\s+)(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CjkMonthDayYear();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<d>\d{1,2})\s+th(?:á|a)ng\s+(?<m>\d{1,2})(?:\s*,\s*|\s+n(?:ă|a)m\s+)(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseMonthNumber();

    /// <summary>
    /// The day and month of a badge that shows no year ("12 MAY", "12. Mai", "3 mars", "May 12") read in
    /// <paramref name="year"/>: the only day-and-month written in <paramref name="text"/>. Two make a list, which dates nothing.
    /// </summary>
    public static bool TryFindDayMonth(string text, int year, out PageDate date)
    {
        date = default;
        Match? found = null;
        for (var match = DayMonthPatterns.Pattern.Match(text); match.Success; match = match.NextMatch())
        {
            if (found is not null)
                return false;
            found = match;
        }
        return found is not null
            && TryFind($"{found.Groups["d"].Value} {found.Groups["mon"].Value} {year.ToString(System.Globalization.CultureInfo.InvariantCulture)}", DateOrder.DayFirst, out date);
    }

    /// <summary>Built on first use: only pages with a year-less badge need it.</summary>
    private static class DayMonthPatterns
    {
        /// <summary>A day and a month name, either way round, with no digit after: "12 MAY", "12. Mai", "3 de mayo", "May 12".</summary>
        public static readonly Regex Pattern = new(
            @"(?<![\p{L}\d])(?:(?<d>\d{1,2})(?:st|nd|rd|th|er|e|º|\.)?[\s\-]*(?:de\s+|d'|d’|of\s+)?" + MonthStart + "(?<mon>" + MonthAlternation
            + @")\.?|(?<mon>" + MonthAlternation + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?)(?![\p{L}\d])(?!\.?[,\s\-]*\d)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    /// <summary>The longest month name in characters (what it matches is as long: case is matched letter for letter).</summary>
    private static readonly int MaxMonthNameLength = MonthNumbers.Keys.Concat(SolarHijriMonths.Keys).Max(name => name.Length);

    /// <summary>Where <see cref="TextPatterns"/> holds the month-first pattern ("September 27, 2021").</summary>
    private const int MonthFirstPattern = 3;

    /// <summary>
    /// The tail of every month-first date, from the space before the day to the year (" 27, 2021"). The month-first
    /// pattern leads with some 500 month names, which the interpreter tries at every word of a text (a twentieth of a
    /// millisecond per hundred characters); a text without the tail cannot hold such a date, and the tail alone is
    /// searched by its digits, about a hundred times faster.
    /// </summary>
    [GeneratedRegex(@"\s\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?" + EnglishWeekday + @"(?:de\s+|del\s+)?(?:\d{4}|['’‘]\d{2})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirstTail();

    /// <summary>An English weekday, optional, between a month-first date's day and its year ("Dec 28 Sat 2013").</summary>
    private const string EnglishWeekday = @"(?:(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)(?:day|nesday|urday)?\.?,?\s+)?";

    /// <summary>A whole value in ISO 8601, extended (<c>2021-09-27T19:51:00+00:00</c>) or basic (<c>20210927T1951+0000</c>) form,
    /// or a compact stamp of twelve or fourteen digits (<c>20210927195100</c>, Korean portals' <c>og:regDate</c>).</summary>
    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{2})-(?<d>\d{2})|(?<m>\d{2})(?<d>\d{2}))(?:(?:[T ]\s*|(?<=^\d{8})(?=\d{4}(?:\d{2})?$))(?<H>\d{2}):?(?<M>\d{2})(?::?(?<S>\d{2})(?:[.,]\d+)?)?\s*(?<tz>Z|[+\-\u2212]\d{2}(?::?\d{2})?|(?:GMT|UTC)(?:[+\-]\d{1,2}(?::?\d{2})?)?)?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoDate();

    /// <summary>True when a date is written in digits and dots alone ("14.3.2024").</summary>
    private static bool IsDottedNumericDate(ReadOnlySpan<char> date)
        => date.Contains('.') && !date.ContainsAnyExcept(DottedDateChars);

    private static readonly System.Buffers.SearchValues<char> DottedDateChars = System.Buffers.SearchValues.Create("0123456789. ");

    /// <summary>A bare dotted clock a space after a dotted date ("14.3.2024 10.32"), not a price or a share ("12.50 €", "10.32 %").</summary>
    [GeneratedRegex(@"\G[ \u00a0]{1,2}(?<H>[01]?\d|2[0-3])\.(?<M>[0-5]\d)(?![\d.,])(?!\s*(?:€|\$|£|%|eur|euro|kr|zł|kč|sek|nok|dkk)(?![\p{L}]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClockAfterDottedDate();

    /// <summary>A time of day: 19:52, 7:52 pm, 19h52, 19 h 52 (Quebec), 19時52分, 19时52分, 午後3時5分 (a one-digit minute before 分), 오후 3:30; the half of the day written after it in other
    /// scripts too (Arabic <c>02:32 م</c>, Greek <c>2:32 μ.μ.</c>, Vietnamese <c>2:32 CH</c>, Persian <c>ب.ظ</c>, Turkish <c>ÖS</c>);
    /// with a dot only where nothing else reads so (19.52 Uhr, kl. 19.52, klo 19.52, Slovenian ob 19.52, Croatian u 19.52, Polish godz. 19.52,
    /// 19.52 BST, 2.32pm), as a bare 19.52 is a
    /// number; with a zone when given.</summary>
    [GeneratedRegex(@"(?:(?<half>午前|午後|上午|下午|오전|오후)\s*)?(?:(?<![\p{L}])(?<kl>kl\.?|klo|ob|u|godz\.?)\s*)?(?<![\d:.])(?<H>\d{1,2})(?:(?:時|时|시)\s*(?<M>\d{1,2})(?=[分분])|(?::|h|\sh\s|時|时|시|(?<dot>\.))(?<M>\d{2}))(?::(?<S>\d{2}))?(?!\d)(?(dot)(?(kl)|(?=\s*(?:Uhr|[ap]\.?\s?m\.?(?![\p{L}])|(?-i:[A-Z]{2,4}T|GMT|UTC|MEZ|MESZ|MSK|МСК|WIB|WITA)(?![\p{L}])))))[分분]?\s*(?:(?:(?<ampm>[ap])\.?\s?m\.?|(?<later>مساء[ًا]?|م|μ\.?\s?μ\.?|(?-i:CH)|ب\.?\s?ظ|(?-i:ÖS))|(?<earlier>صباح[ًا]?|ص|π\.?\s?μ\.?|(?-i:SA)|ق\.?\s?ظ|(?-i:ÖÖ)))(?![\p{L}]))?\s*(?:Uhr\s*)?(?<open>\()?(?<tz>(?-i:(?:GMT|UTC)(?:\s?[+\-\u2212]\d{1,2}(?::?\d{2})?)?|[+\-\u2212]\d{2}:?\d{2}|(?:Eastern|Central|Mountain|Pacific)\s(?:Daylight|Standard)\sTime|[A-Z]{2,4}T|MSK|МСК|MEZ|MESZ|ET|CT|PT|WIB|WITA)(?![\p{L}]))?(?(open)\))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

}
