using System.Globalization;

namespace Gleaner.Formats;

/// <summary>
/// Normalises the date strings records carry to the record's ISO 8601 form:
/// <c>2021-09-27T19:52:00+00:00</c> with an offset, <c>2021-09-27T19:52:00</c> without one (never given one),
/// <c>2021-09-27</c> for a date alone.
/// Accepts the variants found in the wild (<c>+0000</c>, <c>Z</c>, missing seconds, fractions).
/// </summary>
public static class IsoDates
{
    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mmzz", "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mmzzz",
    ];

    private static readonly string[] WithoutOffset =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    /// <summary>The normalised form of <paramref name="value"/>, or <c>null</c> when it is not an ISO 8601 date.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        // "+0000" offsets are four digits where .NET's "zzz" wants "+00:00"; insert the colon.
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && IsDigits(text.AsSpan(text.Length - 4)))
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));

        // A time without an offset first: the "K" patterns accept a missing offset too and would give it the machine's.
        if (DateTime.TryParseExact(text, WithoutOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return local.ToString(local.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParseExact(text, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return Format(withOffset);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>The instant a normalised date stands for (a date alone is taken as midnight UTC), or <c>null</c>.</summary>
    public static DateTimeOffset? ToInstant(string? value)
    {
        var normalized = Normalize(value);
        if (normalized is null)
            return null;
        if (normalized.Length == 10)
            return new DateTimeOffset(DateOnly.ParseExact(normalized, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return DateTimeOffset.Parse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>
    /// The exclusive end of a period given by its last date or instant (<c>--until</c>): an instant as it is, a date alone
    /// as the end of that day (9999-12-31 has no next day: it means no end); <c>null</c> when it is not an ISO 8601 date.
    /// </summary>
    public static DateTimeOffset? ToEndInstant(string? value)
    {
        var instant = ToInstant(value);
        if (instant is { } day && Normalize(value) is { Length: 10 })
            return day < DateTimeOffset.MaxValue.AddDays(-1) ? day.AddDays(1) : DateTimeOffset.MaxValue;
        return instant;
    }

    /// <summary>
    /// An instant in the record's form to the second, with its own offset: <c>2021-09-27T19:52:00+00:00</c>. The one
    /// formatting of <c>fetched</c> (crawl, extract, WARC capture time) and of the dates the commands print.
    /// </summary>
    public static string FormatSeconds(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
            if (c is < '0' or > '9')
                return false;
        return true;
    }
}
