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

    /// <summary>Stores keep the signatures of their records: a new record matches old ones only while the function gives the same
    /// values, so any change to the shingling or hashing shows here (values from the first, scalar implementation).</summary>
    [Fact]
    public void SignaturesKeepTheValuesStoresHold()
    {
        const string text = "Der Bürgermeister von MÜNCHEN sagte am Dienstag, dass die Straßenbahn 2025 wieder fährt. The Mayor's office said 42 new " +
            "trams would run; 東京都は新しい政策を発表した. Ärger, İstanbul und ΣΊΣΥΦΟΣ: nothing else changes here today.";
        uint[] expected =
        [
            31789391u, 139140080u, 324234949u, 24518862u, 221162013u, 84190094u, 116934310u, 62972744u, 242233896u,
            108288168u, 6872560u, 76838844u, 47738087u, 36368851u, 111683126u, 95950594u, 1003164u, 49372508u,
            57616212u, 104189548u, 88063296u, 190091140u, 58251027u, 206842081u, 132618260u, 27447887u, 55248655u,
            415243358u, 93212313u, 23474454u, 16694037u, 52086704u, 196259059u, 34017058u, 1789055u, 100226276u,
            59091406u, 61234494u, 59674041u, 95812373u, 9558005u, 88631308u, 141824306u, 99243793u, 201415861u,
            35242737u, 77092057u, 42276229u, 68088150u, 173818244u, 161173496u, 81689383u, 24915530u, 237936373u,
            96445890u, 149003367u, 200806703u, 2267957u, 36277147u, 263208182u, 61048523u, 96202927u, 105037349u,
            111470820u, 44651223u, 1607487u, 1984084u, 112155284u, 20224258u, 85042759u, 51988521u, 21922272u,
        ];
        Assert.Equal(expected, MinHash.Signature(text));
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
