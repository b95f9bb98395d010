namespace Gleaner.Extraction.Metadata;

/// <summary>
/// How far (in whole hours) the zone of a page's readers may lie ahead of and behind UTC: how far a declared UTC instant may
/// be shifted to fall on the day the page's dateline shows. A story put online at 06:30 in Hanoi is declared 23:30 UTC the
/// day before and shown under the next day's date; a German page showing the next day for an instant at 16:00 UTC shows
/// another date. Europe, Africa and the Middle East reach three hours either way; the page's region (its language tag's,
/// else its country domain's) or a language spoken only in far zones reaches further. Where one zone keeps the region's (or
/// the language's) clocks, <paramref name="Clock"/> gives it: the offset of a time the page shows without a zone.
/// </summary>
internal readonly record struct ZoneReach(int Ahead, int Behind, RegionClock Clock = default)
{
    /// <summary>The reach of Europe's, Africa's and the Middle East's zones.</summary>
    public const int Near = 3;

    /// <summary>The default for a date order: year-first (Korean, Japanese, Chinese) pages up to Japan's and Korea's nine
    /// hours ahead, month-first (US) pages up to Hawaii's ten behind.</summary>
    public static ZoneReach For(DateOrder order) =>
        new(order == DateOrder.YearFirst ? 9 : Near, order == DateOrder.MonthFirst ? 10 : Near);

    /// <summary>The reach for a page in <paramref name="language"/> whose language tag or domain names <paramref name="region"/>
    /// (ISO 3166 alpha-2, any case; null when none does).</summary>
    public static ZoneReach For(DateOrder order, string? language, string? region)
    {
        var reach = For(order);
        var ahead = region is { Length: 2 } && RegionAhead.TryGetValue(region, out var byRegion) ? byRegion
            : language is not null && LanguageAhead.TryGetValue(language, out var byLanguage) ? byLanguage : 0;
        var behind = region is { Length: 2 } && RegionBehind.TryGetValue(region, out var westward) ? westward : 0;
        return new(Math.Max(reach.Ahead, ahead), Math.Max(reach.Behind, behind), RegionClock.For(language, region));
    }

    /// <summary>Hours ahead of UTC of the farthest zone where the region's pages are mostly written (summer time included).</summary>
    private static readonly Dictionary<string, int> RegionAhead = new(StringComparer.OrdinalIgnoreCase)
    {
        ["au"] = 11, ["nz"] = 13, ["fj"] = 13, ["in"] = 6, ["pk"] = 5, ["bd"] = 6, ["lk"] = 6, ["np"] = 6, ["mm"] = 7,
        ["th"] = 7, ["vn"] = 7, ["kh"] = 7, ["la"] = 7, ["id"] = 9, ["my"] = 8, ["sg"] = 8, ["ph"] = 8, ["bn"] = 8,
        ["cn"] = 8, ["hk"] = 8, ["mo"] = 8, ["tw"] = 8, ["mn"] = 8, ["jp"] = 9, ["kr"] = 9, ["ir"] = 4, ["af"] = 5,
        ["ae"] = 4, ["om"] = 4, ["az"] = 4, ["ge"] = 4, ["am"] = 4, ["uz"] = 5, ["kz"] = 6, ["kg"] = 6, ["tj"] = 5,
    };

    /// <summary>Languages spoken (as a page's language) only in zones further east than Europe's.</summary>
    private static readonly Dictionary<string, int> LanguageAhead = new(StringComparer.Ordinal)
    {
        ["vi"] = 7, ["th"] = 7, ["km"] = 7, ["lo"] = 7, ["my"] = 7, ["id"] = 9, ["ms"] = 8, ["tl"] = 8, ["fil"] = 8,
        ["hi"] = 6, ["bn"] = 6, ["ne"] = 6, ["ta"] = 6, ["te"] = 6, ["mr"] = 6, ["gu"] = 6, ["kn"] = 6, ["ml"] = 6,
        ["si"] = 6, ["pa"] = 6, ["ur"] = 5, ["or"] = 6, ["as"] = 6, ["fa"] = 4, ["ps"] = 5, ["mn"] = 8, ["kk"] = 6,
        ["uz"] = 5, ["ky"] = 6, ["tg"] = 5, ["ka"] = 4, ["hy"] = 4, ["az"] = 4,
    };

    /// <summary>Hours behind UTC of the farthest zone where the region's pages are mostly written (the Americas).</summary>
    private static readonly Dictionary<string, int> RegionBehind = new(StringComparer.OrdinalIgnoreCase)
    {
        ["us"] = 10, ["ca"] = 8, ["mx"] = 8, ["gt"] = 6, ["sv"] = 6, ["hn"] = 6, ["ni"] = 6, ["cr"] = 6, ["pa"] = 5,
        ["cu"] = 5, ["do"] = 4, ["pr"] = 4, ["co"] = 5, ["ve"] = 4, ["ec"] = 6, ["pe"] = 5, ["bo"] = 4, ["cl"] = 6,
        ["ar"] = 3, ["uy"] = 3, ["py"] = 4, ["br"] = 5,
    };
}

/// <summary>
/// The clock of a region that one zone keeps (Germany, Austria and Switzerland on Central European Time with the EU's summer
/// time; Japan at +09:00; India at +05:30), so that a time a page shows without a zone ("14.03.2024, 10:32 Uhr") is read
/// as its readers' local time. None where a region spans zones (the United States, Russia, Brazil's west, Australia) or a
/// language is written in many (English, Spanish, French, Arabic): there a time without a zone stays as written.
/// </summary>
/// <param name="StandardMinutes">The standard offset in minutes; null when the region's zone is not known.</param>
/// <param name="Summer">The summer time rule the region keeps, if any.</param>
internal readonly record struct RegionClock(int? StandardMinutes, SummerTime Summer = SummerTime.None)
{
    /// <summary>The offset of the region's clock at a local wall-clock time, or null when the region's zone is not known.</summary>
    public TimeSpan? OffsetAt(DateTime local)
    {
        if (StandardMinutes is not { } minutes)
            return null;
        if ((Summer == SummerTime.European && IsEuropeanSummer(local)) || (Summer == SummerTime.Israeli && IsIsraeliSummer(local)))
            minutes += 60;
        return TimeSpan.FromMinutes(minutes);
    }

    /// <summary>True from the Friday before the last Sunday of March, 02:00 local, to the last Sunday of October, 02:00 local
    /// (Israel's rule since 2013).</summary>
    private static bool IsIsraeliSummer(DateTime local)
    {
        var start = LastSunday(local.Year, 3).AddDays(-2).AddHours(2);
        var end = LastSunday(local.Year, 10).AddHours(2);
        return local >= start && local < end;
    }

    /// <summary>True from the last Sunday of March, 02:00 local, to the last Sunday of October, 03:00 local (the hour the
    /// clocks change; the hour repeated in October is read as summer time).</summary>
    private static bool IsEuropeanSummer(DateTime local)
    {
        var start = LastSunday(local.Year, 3).AddHours(2);
        var end = LastSunday(local.Year, 10).AddHours(3);
        return local >= start && local < end;
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }

    /// <summary>The clock of the page's region (ISO 3166 alpha-2, any case), else of its language when one zone keeps it.</summary>
    public static RegionClock For(string? language, string? region)
    {
        if (region is { Length: 2 })
            return Regions.TryGetValue(region, out var byRegion) ? byRegion : default;
        return language is not null && Languages.TryGetValue(language, out var byLanguage) ? byLanguage : default;
    }

    private static readonly RegionClock Central = new(60, SummerTime.European), Eastern = new(120, SummerTime.European),
        Western = new(0, SummerTime.European), Israel = new(120, SummerTime.Israeli);

    private static readonly Dictionary<string, RegionClock> Regions = DateParser.TableOf(StringComparer.OrdinalIgnoreCase,
        (Central, "de at ch li fr be nl lu it es pl cz sk hu si hr ba rs me mk al dk se no mt ad mc sm va"),
        (Eastern, "fi ee lv lt ro bg gr cy ua md"),
        (Western, "pt ie gb uk fo"),
        (new(0), "is"), (new(60), "ng dz tn"), (new(120), "za"), (Israel, "il"),
        (new(180), "tr by ru sa qa kw bh iq ye jo ke tz ug et"), (new(210), "ir"), (new(240), "ae om"), (new(300), "pk"),
        (new(330), "in lk"), (new(345), "np"), (new(360), "bd"), (new(420), "th vn kh la id"),
        (new(480), "cn hk mo tw sg my ph bn"), (new(540), "jp kr"),
        (new(-180), "ar br uy"), (new(-300), "co pe ec"), (new(-360), "mx"));

    /// <summary>Languages written (as a page's language) in one zone's region only.</summary>
    private static readonly Dictionary<string, RegionClock> Languages = DateParser.TableOf(StringComparer.OrdinalIgnoreCase,
        (Central, "de nl it pl cs sk hu sl hr sr bs mk sq da sv nb nn no ca eu gl lb rm mt fy"),
        (Eastern, "fi et lv lt ro bg el uk"),
        (Israel, "he"), (new(0), "is"), (new(180), "tr"), (new(210), "fa"), (new(240), "ka hy az"), (new(330), "hi mr gu te kn ml ta si"), (new(345), "ne"),
        (new(390), "my"), (new(420), "th vi id km lo"), (new(480), "zh ms"), (new(540), "ja ko"));
}

/// <summary>The summer time rules of the regions whose clocks are known.</summary>
internal enum SummerTime
{
    None,
    /// <summary>The EU's: an hour more from the last Sunday of March to the last Sunday of October.</summary>
    European,
    /// <summary>Israel's: an hour more from the Friday before the last Sunday of March to the last Sunday of October.</summary>
    Israeli,
}
