using System.Collections.Concurrent;
using Gleaner.Storage;

namespace Gleaner.Web;

/// <summary>
/// The coverage chart's counts for recent filters, kept for <see cref="Lifetime"/>: each count scans every record that
/// passes the filter, and a chart of articles per day need not be newer than a minute.
/// </summary>
internal sealed class CoverageCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Most filters remembered; past it the cache starts again empty (filters come from requests: bounded).</summary>
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<ArticleFilter, (DateTime Until, (StoreStatistics, IReadOnlyList<CoverageSeries>) Value)> _entries = new();

    public async Task<(StoreStatistics All, IReadOnlyList<CoverageSeries> Series)> GetAsync(
        ArticleFilter filter, Func<Task<(StoreStatistics, IReadOnlyList<CoverageSeries>)>> load)
    {
        var now = DateTime.UtcNow;
        if (_entries.TryGetValue(filter, out var entry) && entry.Until > now)
            return entry.Value;
        var value = await load();
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[filter] = (now + Lifetime, value);
        return value;
    }
}
