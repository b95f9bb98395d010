using Gleaner.Crawling;

namespace Gleaner.Tests.Crawling;

public class HostHealthTests
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    [Fact]
    public void AHostWhoseLinksKeepFailingWaitsLongerForItsTurnAndOthersDoNot()
    {
        var health = new HostHealth();
        var delay = TimeSpan.FromSeconds(1);
        for (var i = 0; i < HostHealth.FailuresBeforePenalty - 1; i++)
            health.Count("https://dead.example.com", failed: true);
        Assert.Equal(delay, health.Turn("https://dead.example.com", delay, Longest)); // a few dead links are normal

        health.Count("https://dead.example.com", failed: true);
        Assert.Equal(TimeSpan.FromSeconds(4), health.Turn("https://dead.example.com", delay, Longest));
        Assert.Equal(HostHealth.LeastPenalty, health.Turn("https://dead.example.com", TimeSpan.Zero, Longest));
        Assert.Equal(Longest, health.Turn("https://dead.example.com", TimeSpan.FromSeconds(30), Longest));
        Assert.Equal(delay, health.Turn("https://www.example.com", delay, Longest));
    }

    [Fact]
    public void AHostThatMostlyAnswersKeepsItsTurnDespiteManyFailures()
    {
        var health = new HostHealth();
        for (var i = 0; i < 40; i++)
            health.Count("https://big.example.com", failed: i % 4 == 0); // 10 failures, 30 good answers
        Assert.Equal(TimeSpan.FromSeconds(1), health.Turn("https://big.example.com", TimeSpan.FromSeconds(1), Longest));
    }
}
