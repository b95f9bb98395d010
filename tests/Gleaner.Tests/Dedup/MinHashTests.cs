using Gleaner.Dedup;

namespace Gleaner.Tests.Dedup;

public class MinHashTests
{
    private const string Story =
        "The city council approved a plan on Tuesday to rebuild the old harbour bridge, which has been closed to traffic since a storm damaged it last winter. " +
        "The work will cost about twelve million euros and should take two years, the mayor told reporters after the vote. " +
        "Ferry services will run every twenty minutes while the bridge is closed, and parking near the harbour will be free for residents.";

    private const string SameTopic =
        "Residents of the harbour district say they have waited too long for the bridge to reopen after last winter's storm. " +
        "Shop owners near the water report that their sales have fallen by half, and several cafes have closed for good. " +
        "Some welcomed the council's decision but asked why the repairs could not start before the summer season.";

    [Fact]
    public void IdenticalBodiesHaveIdenticalSignatures()
    {
        var a = MinHash.Signature(Story)!;
        Assert.Equal(1.0, MinHash.Similarity(a, MinHash.Signature(Story)!));
        Assert.Equal(1.0, MinHash.Similarity(a, MinHash.Signature(Story.ToUpperInvariant().Replace(",", " ;"))!));
    }

    [Fact]
    public void AnEditedCopyStaysCloseAndShareBandKeys()
    {
        var copy = Story.Replace("Tuesday", "Monday").Replace("about twelve", "nearly twelve") + " This story was first published by a news agency.";
        var a = MinHash.Signature(Story)!;
        var b = MinHash.Signature(copy)!;
        Assert.True(MinHash.Similarity(a, b) >= 0.5, $"similarity {MinHash.Similarity(a, b)}");
        var ka = new long[MinHash.Bands];
        var kb = new long[MinHash.Bands];
        MinHash.BandKeys(a, ka);
        MinHash.BandKeys(b, kb);
        Assert.NotEmpty(ka.Intersect(kb));
    }

    [Fact]
    public void ADifferentArticleOnTheSameTopicIsFarApart()
    {
        var similarity = MinHash.Similarity(MinHash.Signature(Story)!, MinHash.Signature(SameTopic)!);
        Assert.True(similarity < 0.2, $"similarity {similarity}");
    }

    [Fact]
    public void ShortBodiesGetNoSignature()
    {
        Assert.Null(MinHash.Signature(null));
        Assert.Null(MinHash.Signature(""));
        Assert.Null(MinHash.Signature("Too short to say anything about copies."));
    }

    [Fact]
    public void ChineseTextIsShingledByCharacter()
    {
        const string text = "市议会周二批准了重建旧港口大桥的计划该桥自去年冬天风暴损坏后一直禁止通行";
        var a = MinHash.Signature(text)!;
        var b = MinHash.Signature(text.Replace("周二", "周一"))!;
        Assert.True(MinHash.Similarity(a, b) >= 0.5);
    }

    [Fact]
    public void SignaturesRoundTripThroughBytes()
    {
        var signature = MinHash.Signature(Story)!;
        Assert.Equal(signature, MinHash.FromBytes(MinHash.ToBytes(signature)));
        Assert.Throws<ArgumentException>(() => MinHash.FromBytes(new byte[7]));
    }

    [Fact]
    public void TheBestCandidateAboveTheThresholdWins()
    {
        var a = MinHash.Signature(Story)!;
        var near = MinHash.Signature(Story + " One more sentence at the end of it.")!;
        var far = MinHash.Signature(SameTopic)!;
        var match = StoryMatcher.BestMatch(a, [new StoryCandidate(5, 5, far), new StoryCandidate(9, 3, near)], 0.5);
        Assert.Equal(3, match!.Value.StoryId);
        Assert.Null(StoryMatcher.BestMatch(a, [new StoryCandidate(5, 5, far)], 0.5));
    }
}
