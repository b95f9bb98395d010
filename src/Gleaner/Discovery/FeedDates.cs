using System.Globalization;

namespace Gleaner.Discovery;

/// <summary>Reads the dates of feeds and sitemaps: RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and W3C datetime (sitemaps).</summary>
public static class FeedDates
{
    private static readonly Dictionary<string, string> ZoneNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss zzz",
    ];

    /// <summary>Parses a feed or sitemap date; dates without a zone are taken as UTC. Null when unreadable.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return parsed;

        // RFC 822: a zone name or +hhmm at the end
        var space = text.LastIndexOf(' ');
        if (space > 0)
        {
            var zone = text[(space + 1)..];
            string? offset = null;
            if (ZoneNames.TryGetValue(zone, out var named))
                offset = named;
            else if (zone.Length == 5 && zone[0] is '+' or '-' && int.TryParse(zone.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                offset = zone[..3] + ":" + zone[3..];
            if (offset is not null && DateTimeOffset.TryParseExact(text[..space] + " " + offset, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed))
                return parsed;
        }
        // A weekday that does not match the date ("Mon, 01 Jun 2024": a Saturday) is a common slip of feed generators;
        // the date itself is what counts.
        var comma = text.IndexOf(',');
        if (comma is > 0 and <= 9 && char.IsLetter(text[0]))
            return Parse(text[(comma + 1)..]);
        return null;
    }
}
