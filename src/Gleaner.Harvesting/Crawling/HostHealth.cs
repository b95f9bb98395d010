using System.Collections.Concurrent;

namespace Gleaner.Crawling;

/// <summary>
/// Answers per host in this run. A host whose URLs keep failing (dead links, a broken subdomain, an overloaded
/// server) loses priority: its turn comes back later than the delay, so workers spend their time on hosts that give
/// articles, and the failing host is still crawled, only slower. Thread-safe.
/// </summary>
internal sealed class HostHealth
{
    /// <summary>Failures seen before a host can lose priority: a few dead links are normal on any site.</summary>
    public const int FailuresBeforePenalty = 10;

    /// <summary>A host loses priority when its failures outnumber its good answers this many times over.</summary>
    public const int FailuresPerSuccess = 3;

    /// <summary>The least wait for a failing host's next turn (also when the crawl's delay is 0).</summary>
    public static readonly TimeSpan LeastPenalty = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (int Ok, int Failed)> _counts = new(StringComparer.Ordinal);

    public void Count(string host, bool failed) =>
        _counts.AddOrUpdate(host, failed ? (0, 1) : (1, 0), (_, c) => failed ? (c.Ok, c.Failed + 1) : (c.Ok + 1, c.Failed));

    /// <summary>The wait before <paramref name="host"/>'s next turn: <paramref name="delay"/>, or four times it (at least
    /// <see cref="LeastPenalty"/>, at most <paramref name="longest"/>) for a host that keeps failing.</summary>
    public TimeSpan Turn(string host, TimeSpan delay, TimeSpan longest)
    {
        if (!_counts.TryGetValue(host, out var c) || c.Failed < FailuresBeforePenalty || c.Failed <= FailuresPerSuccess * c.Ok)
            return delay;
        var penalty = delay * 4 < LeastPenalty ? LeastPenalty : delay * 4;
        return penalty > longest ? (delay > longest ? delay : longest) : penalty;
    }
}
