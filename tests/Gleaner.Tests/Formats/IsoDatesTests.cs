using Gleaner.Formats;

namespace Gleaner.Tests.Formats;

public sealed class IsoDatesTests
{
    [Theory]
    [InlineData("2024-05-01T10:00:00+02:00", "2024-05-01T10:00:00+02:00")]
    [InlineData("2024-05-01T10:00:00+0200", "2024-05-01T10:00:00+02:00")]
    [InlineData("2024-05-01T08:00:00Z", "2024-05-01T08:00:00+00:00")]
    [InlineData("2024-05-01T23:30:00.250-04:00", "2024-05-01T23:30:00.25-04:00")]
    [InlineData("2024-05-01T10:00:00", "2024-05-01T10:00:00")]
    [InlineData("2024-05-01T10:00", "2024-05-01T10:00:00")]
    [InlineData("2024-05-03 21:15:00", "2024-05-03T21:15:00")]
    [InlineData("2024-05-03 21:15:00.5", "2024-05-03T21:15:00.5")]
    [InlineData("2024-05-02", "2024-05-02")]
    public void KeepsTheOffsetOrItsAbsence(string given, string normalized)
    {
        Assert.Equal(normalized, IsoDates.Normalize(given));
        Assert.Equal(normalized, IsoDates.Normalize(normalized));
    }

    [Fact]
    public void ATimeWithoutOffsetCountsAsUtcForSortingAndFilters() =>
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 21, 15, 0, TimeSpan.Zero), IsoDates.ToInstant("2024-05-03 21:15:00"));

    [Fact]
    public void FormatsAnInstantToTheSecondWithItsOwnOffsetInTheNormalisedForm()
    {
        var fetched = new DateTimeOffset(2024, 5, 3, 21, 15, 7, 480, TimeSpan.FromHours(2));
        Assert.Equal("2024-05-03T21:15:07+02:00", IsoDates.FormatSeconds(fetched));
        Assert.Equal("2024-05-03T19:15:07+00:00", IsoDates.FormatSeconds(fetched.ToUniversalTime()));
        Assert.Equal(IsoDates.FormatSeconds(fetched), IsoDates.Normalize(IsoDates.FormatSeconds(fetched)));
    }
}
