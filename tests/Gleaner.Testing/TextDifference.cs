namespace Gleaner.Testing;

/// <summary>Where two texts compared line by line first part, for failure messages of listing and golden-file tests.</summary>
public static class TextDifference
{
    public static string FirstLine(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end)";
            var a = i < actualLines.Length ? actualLines[i] : "(end)";
            if (e != a)
                return $"line {i + 1}\n  expected: {e}\n  actual:   {a}";
        }
        return "(no line differs)";
    }
}
