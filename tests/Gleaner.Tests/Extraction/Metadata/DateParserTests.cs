using System.Text.RegularExpressions;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Tests.Extraction.Metadata;

public class DateParserTests
{
    /// <summary>The month-name patterns are source-generated from a constant alternation; it must list every name of the
    /// month tables, longest first (a shorter name must not win over a longer one at the same place).</summary>
    [Fact]
    public void MonthAlternationListsEveryMonthName()
    {
        var expected = string.Join("|", DateParser.MonthNumbers.Keys.Concat(DateParser.SolarHijriMonths.Keys).Distinct()
            .OrderByDescending(name => name.Length).Select(Regex.Escape));
        Assert.True(expected == DateParser.MonthAlternation,
            $"DateParser.MonthAlternation is out of date with the month tables; set it to:\n{expected}");
    }

    [Theory]
    [InlineData("Published 27. September 2021, 19:52", "2021-09-27")]
    [InlineData("3 de marzo de 2022", "2022-03-03")]
    [InlineData("Sep. 27 2021", "2021-09-27")]
    [InlineData("2021. szeptember 27.", "2021-09-27")]
    [InlineData("27 сентября 2021 г.", "2021-09-27")]
    [InlineData("2021年9月27日", "2021-09-27")]
    public void FindsMonthNameAndNumericDates(string text, string expected)
    {
        Assert.True(DateParser.TryFind(text, monthFirstForSlashes: false, out var date));
        Assert.Equal(expected, date.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
