namespace Gleaner.Cli;

/// <summary>Runs work on many items in parallel and hands the results back in the items' order.</summary>
internal static class OrderedParallel
{
    /// <summary>
    /// Runs <paramref name="work"/> on at most <paramref name="jobs"/> items at once and calls
    /// <paramref name="consume"/> (on one thread at a time) in input order. Results wait in a window of a
    /// few items per job: a slow item holds back the output, never memory beyond the window.
    /// </summary>
    public static async Task ForEachInOrderAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int jobs,
        Func<TItem, CancellationToken, Task<TResult>> work,
        Action<TItem, TResult> consume,
        CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        // Enough started items that every job stays busy while the output waits for the oldest one.
        var window = jobs * 4;
        using var gate = new SemaphoreSlim(jobs);
        var pending = new Queue<(TItem Item, Task<TResult> Result)>(window);

        foreach (var item in items)
        {
            if (pending.Count >= window)
            {
                var (done, result) = pending.Dequeue();
                consume(done, await result.ConfigureAwait(false));
            }
            pending.Enqueue((item, RunGatedAsync(item)));
        }
        while (pending.Count > 0)
        {
            var (done, result) = pending.Dequeue();
            consume(done, await result.ConfigureAwait(false));
        }

        async Task<TResult> RunGatedAsync(TItem item)
        {
            // SemaphoreSlim serves waiters first come, first served, so items start roughly in order.
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                return await Task.Run(() => work(item, cancellation), cancellation).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
