using System.Collections.Concurrent;
using Gleaner.Storage;

namespace Gleaner.Web;

/// <summary>
/// The coverage chart's counts for recent filters, kept for <see cref="Lifetime"/>: each count scans every record that
/// passes the filter, and a chart of articles per day need not be newer than a minute. A count runs to its end even when
/// the request that started it gives up, so the page asked again finds it done; requests for the same filter share it.
/// </summary>
internal sealed class CoverageCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Most filters remembered; past it the cache starts again empty (filters come from requests: bounded).</summary>
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<ArticleFilter, (DateTime Until, Task<(StoreStatistics, IReadOnlyList<CoverageSeries>)> Counts)> _entries = new();

    public Task<(StoreStatistics All, IReadOnlyList<CoverageSeries> Series)> GetAsync(
        ArticleFilter filter, Func<Task<(StoreStatistics, IReadOnlyList<CoverageSeries>)>> load)
    {
        var now = DateTime.UtcNow;
        if (_entries.TryGetValue(filter, out var entry) && entry.Until > now && !entry.Counts.IsFaulted && !entry.Counts.IsCanceled)
            return entry.Counts;
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        var counts = Task.Run(load);
        // Kept from when the counts are done (an unfinished count is kept until then too).
        _entries[filter] = (DateTime.MaxValue, counts);
        _ = counts.ContinueWith(done => _entries[filter] = (DateTime.UtcNow + Lifetime, done), TaskScheduler.Default);
        return counts;
    }
}
