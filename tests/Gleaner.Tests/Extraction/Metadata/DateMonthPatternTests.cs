using System.Text;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Tests.Extraction.Metadata;

/// <summary>The date patterns' month names are written out as constants (DateParser.MonthPattern.cs) so that the
/// patterns are source-generated; the month tables stay their home, and these fail when the two drift apart.</summary>
public class DateMonthPatternTests
{
    [Fact]
    public void MonthConstantsAreWhatTheMonthTablesMake()
    {
        var alternation = DateParser.MonthAlternationOfTables();
        var start = DateParser.MonthStartOfTables();
        Assert.True(alternation == DateParser.MonthAlternation && start == DateParser.MonthStart,
            "The month tables changed: replace src/Gleaner/Extraction/Metadata/DateParser.MonthPattern.cs with\n" + SourceOf(alternation, start));
    }

    [Theory]
    [InlineData("27 septiembre 2021", "2021-09-27")]
    [InlineData("Sept. 27, 2021", "2021-09-27")]
    [InlineData("2021. szeptember 27.", "2021-09-27")]
    [InlineData("27 ΙΟΥΝΙΟΥ 2021", "2021-06-27")]
    [InlineData("3 كانون الثاني 2022", "2022-01-03")]
    [InlineData("12 مهر 1401", "2022-10-04")]
    public void MonthNamesAsWrittenAndAsLookedUpMatch(string text, string expected)
    {
        Assert.True(DateParser.TryFind(text, monthFirstForSlashes: false, out var date));
        Assert.Equal(expected, date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The constants' file, one line of the alternation per first letter.</summary>
    private static string SourceOf(string alternation, string start)
    {
        var source = new StringBuilder();
        source.Append("namespace Gleaner.Extraction.Metadata;\n\ninternal static partial class DateParser\n{\n");
        source.Append("    // Written out from the month tables (MonthAlternationOfTables, MonthStartOfTables) so the date patterns can be\n");
        source.Append("    // source-generated; a test fails, printing this file's new text, when a table changes and this does not.\n\n");
        source.Append("    internal const string MonthAlternation =");
        var names = alternation.Split('|');
        for (var i = 0; i < names.Length;)
        {
            var first = char.ToLowerInvariant(names[i][0]);
            var line = new StringBuilder();
            for (; i < names.Length && char.ToLowerInvariant(names[i][0]) == first; i++)
                line.Append(names[i]).Append(i < names.Length - 1 ? "|" : "");
            source.Append("\n        @\"").Append(line).Append('"').Append(i < names.Length ? " +" : ";");
        }
        source.Append("\n\n    internal const string MonthStart = @\"").Append(start.Replace("\"", "\"\"")).Append("\";\n}\n");
        return source.ToString();
    }
}
