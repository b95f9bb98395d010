namespace Gleaner.Extraction.Metadata;

/// <summary>
/// How far (in whole hours) the zone of a page's readers may lie ahead of and behind UTC: how far a declared UTC instant may
/// be shifted to fall on the day the page's dateline shows. A story put online at 06:30 in Hanoi is declared 23:30 UTC the
/// day before and shown under the next day's date; a German page showing the next day for an instant at 16:00 UTC shows
/// another date. Europe, Africa and the Middle East reach three hours either way; the page's region (its language tag's,
/// else its country domain's) or a language spoken only in far zones reaches further.
/// </summary>
internal readonly record struct ZoneReach(int Ahead, int Behind)
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
        return new(Math.Max(reach.Ahead, ahead), Math.Max(reach.Behind, behind));
    }

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
