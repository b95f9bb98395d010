namespace Gleaner.Archives;

/// <summary>
/// Something wrong in a WARC file that the reader stepped over: a corrupt or truncated gzip member,
/// a record whose Content-Length does not fit, garbage between records, a record over the size limit.
/// <paramref name="Offset"/> is the byte offset in the file (of the gzip member, for compressed files).
/// </summary>
public sealed record WarcIssue(long Offset, string Message)
{
    public override string ToString() => $"offset {Offset}: {Message}";
}
