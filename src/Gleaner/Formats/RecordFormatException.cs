namespace Gleaner.Formats;

/// <summary>A record that cannot be read; names the input and the 1-based line where reading failed.</summary>
public sealed class RecordFormatException : FormatException
{
    public RecordFormatException(string? source, int line, string reason)
        : base($"{source ?? "<input>"}:{line}: {reason}")
    {
        InputName = source;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file (or other input name) the record came from, when known.</summary>
    public string? InputName { get; }

    /// <summary>The 1-based line number where the problem was found.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
