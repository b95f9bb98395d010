using System.Collections.Concurrent;

namespace Gleaner.Fetching;

/// <summary>
/// robots.txt per host (scheme, host and port), fetched once and kept for <see cref="Lifetime"/>.
/// As RFC 9309 §2.3.1 says: a 4xx answer means no rules (allow all); a 5xx answer or no answer
/// means disallow all, kept only for <see cref="UnreachableLifetime"/> so the host is tried again soon; a lookup says when it
/// expires and how many fetches in a row have failed, so a caller can wait for the next try instead of giving up a page.
/// Thread-safe; callers fetch a host's robots.txt inside their turn for that host.
/// </summary>
public sealed class RobotsCache
{
    private readonly Fetcher _fetcher;
    private readonly ConcurrentDictionary<string, RobotsLookup> _entries = new(StringComparer.Ordinal);

    public RobotsCache(Fetcher fetcher) => _fetcher = fetcher;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan UnreachableLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the cached copy for <paramref name="url"/>'s host is missing or stale (a fetch would be made).</summary>
    public bool NeedsFetch(Uri url) =>
        !_entries.TryGetValue(Key(url), out var entry) || entry.Expires <= DateTimeOffset.UtcNow;

    /// <summary>The robots.txt of <paramref name="url"/>'s host, fetching it when not cached.</summary>
    public async Task<RobotsLookup> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var key = Key(url);
        _entries.TryGetValue(key, out var previous);
        if (previous is not null && previous.Expires > DateTimeOffset.UtcNow)
            return previous;

        var robotsUrl = new Uri(key + "/robots.txt");
        var result = await _fetcher.FetchAsync(robotsUrl, cancellationToken: cancellationToken).ConfigureAwait(false);
        RobotsLookup lookup;
        TimeSpan lifetime = Lifetime;
        if (result.Outcome == FetchOutcome.Ok)
            lookup = new RobotsLookup(RobotsTxt.Parse(result.Body), Reachable: true);
        else if (result.Outcome == FetchOutcome.HttpError && result.StatusCode is >= 400 and < 500)
            lookup = new RobotsLookup(RobotsTxt.AllowAll, Reachable: true);
        else if (result.Outcome is FetchOutcome.NotHtml or FetchOutcome.TooLarge or FetchOutcome.RedirectLoop or FetchOutcome.RedirectBlocked)
            lookup = new RobotsLookup(RobotsTxt.AllowAll, Reachable: true); // no usable file: treated like a missing one
        else
        {
            lookup = new RobotsLookup(RobotsTxt.DisallowAll, Reachable: false, result.Reason, result.Outcome)
            {
                FailuresInRow = previous is { Reachable: false } ? previous.FailuresInRow + 1 : 1,
            };
            lifetime = UnreachableLifetime;
        }
        lookup = lookup with { Expires = DateTimeOffset.UtcNow + lifetime };
        _entries[key] = lookup; // the cache keeps the rules, not the bytes
        return lookup with { Response = result };
    }

    private static string Key(Uri url) => url.GetLeftPart(UriPartial.Authority);
}

/// <summary>A host's robots.txt and whether it could be read (unreachable hosts are disallowed for a while);
/// when not, why, and how the fetch failed (a refused connection is told from a timeout).</summary>
public sealed record RobotsLookup(RobotsTxt Robots, bool Reachable, string? Reason = null, FetchOutcome? Failure = null)
{
    /// <summary>The robots.txt answer when this lookup fetched it (null from the cache), for archives.</summary>
    public FetchResult? Response { get; init; }

    /// <summary>When the cache asks the host again.</summary>
    public DateTimeOffset Expires { get; init; }

    /// <summary>Fetches of this host's robots.txt that failed in a row, this one included (0 when reachable).</summary>
    public int FailuresInRow { get; init; }
}
