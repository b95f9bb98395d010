using System.Collections.Concurrent;
using System.Text;

namespace Gleaner.Discovery;

/// <summary>Limits that keep crawler traps (endless calendars, session ids, repeating paths, query explosions) from keeping a crawl busy.</summary>
public sealed record TrapLimits
{
    /// <summary>Longer URLs are almost always generated.</summary>
    public int MaxUrlLength { get; init; } = 1024;

    /// <summary>A path segment appearing this many times (<c>/a/b/a/b/a/</c>) is a relative-link loop.</summary>
    public int MaxRepeatedSegment { get; init; } = 3;

    public int MaxPathSegments { get; init; } = 16;

    public int MaxQueryParameters { get; init; } = 6;

    /// <summary>
    /// Listing pages (not articles) fetched per URL shape (the URL with digits and query values blanked:
    /// <c>/calendar/2031/07</c> and <c>/calendar/2031/08</c> share one) before the shape is followed no further.
    /// Article shapes are never limited: they only count listings.
    /// </summary>
    public int MaxListingsPerShape { get; init; } = 50;
}

/// <summary>Applies <see cref="TrapLimits"/>. Thread-safe.</summary>
internal sealed class TrapGuard
{
    private readonly TrapLimits _limits;
    private readonly ConcurrentDictionary<string, int> _listingsPerShape = new(StringComparer.Ordinal);

    public TrapGuard(TrapLimits? limits = null) => _limits = limits ?? new TrapLimits();

    /// <summary>Null when the URL looks reasonable, else why it is refused.</summary>
    public string? Check(Uri url)
    {
        if (url.AbsoluteUri.Length > _limits.MaxUrlLength)
            return "trap: URL too long";
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > _limits.MaxPathSegments)
            return "trap: path too deep";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            counts[segment] = counts.GetValueOrDefault(segment) + 1;
            if (counts[segment] >= _limits.MaxRepeatedSegment)
                return "trap: repeating path segments";
        }
        if (url.Query.Length > 1 && url.Query.Count(c => c == '&') + 1 > _limits.MaxQueryParameters)
            return "trap: too many query parameters";
        if (_listingsPerShape.TryGetValue(Shape(url), out var listings) && listings >= _limits.MaxListingsPerShape)
            return "trap: too many listing pages of one shape";
        return null;
    }

    /// <summary>Counts a fetched listing page against its URL shape.</summary>
    public void CountListing(Uri url) => _listingsPerShape.AddOrUpdate(Shape(url), 1, (_, n) => n + 1);

    /// <summary>The URL with runs of digits turned into <c>#</c> and query values dropped: pages of one generator share it.</summary>
    public static string Shape(Uri url)
    {
        var builder = new StringBuilder(url.Host.Length + url.AbsolutePath.Length + 8);
        builder.Append(url.Host).Append(':').Append(url.Port);
        AppendDigitless(builder, url.AbsolutePath);
        if (url.Query.Length > 1)
        {
            builder.Append('?');
            foreach (var pair in url.Query[1..].Split('&'))
            {
                var equals = pair.IndexOf('=');
                builder.Append(equals >= 0 ? pair[..equals] : pair).Append('&');
            }
        }
        return builder.ToString();
    }

    private static void AppendDigitless(StringBuilder builder, string text)
    {
        var inDigits = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inDigits)
                    builder.Append('#');
                inDigits = true;
            }
            else
            {
                builder.Append(c);
                inDigits = false;
            }
        }
    }
}
