namespace Gleaner.Cli.Tests;

public class OrderedParallelTests
{
    [Fact]
    public async Task ResultsComeInInputOrderWhateverTheFinishingOrder()
    {
        var items = Enumerable.Range(0, 200).ToList();
        var consumed = new List<int>();

        await OrderedParallel.ForEachInOrderAsync(
            items,
            jobs: 4,
            async (item, token) =>
            {
                await Task.Delay((item * 7919) % 5, token);   // later items often finish first
                return item * 2;
            },
            (item, result) =>
            {
                Assert.Equal(item * 2, result);
                consumed.Add(item);
            },
            CancellationToken.None);

        Assert.Equal(items, consumed);
    }

    [Fact]
    public async Task NeverMoreThanJobsRunAtOnceNorMoreThanTheWindowWaiting()
    {
        const int jobs = 3;
        var running = 0;
        var maxRunning = 0;
        var started = 0;
        var consumedCount = 0;
        var maxAhead = 0;

        await OrderedParallel.ForEachInOrderAsync(
            Enumerable.Range(0, 100),
            jobs,
            async (item, token) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                InterlockedMax(ref maxAhead, Interlocked.Increment(ref started) - Volatile.Read(ref consumedCount));
                await Task.Delay(1, token);
                Interlocked.Decrement(ref running);
                return item;
            },
            (_, _) => Interlocked.Increment(ref consumedCount),
            CancellationToken.None);

        Assert.InRange(maxRunning, 1, jobs);
        Assert.InRange(maxAhead, 1, jobs * 4 + 1);
        Assert.Equal(100, consumedCount);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
