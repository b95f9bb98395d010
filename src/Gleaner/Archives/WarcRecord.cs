using System.Globalization;

namespace Gleaner.Archives;

/// <summary>
/// One WARC record: its header fields and its block. The block lives in a pooled buffer: dispose the record
/// when done with it, and do not use <see cref="Block"/> after that.
/// </summary>
public sealed class WarcRecord : IDisposable
{
    private readonly PooledBuffer _block;

    internal WarcRecord(string version, HeaderFields headers, WarcRecordType type, long offset, long offsetInMember, PooledBuffer block)
    {
        Version = version;
        Headers = headers;
        Type = type;
        Offset = offset;
        OffsetInMember = offsetInMember;
        _block = block;
        Date = ParseDate(headers["WARC-Date"]);
    }

    /// <summary>The version line, e.g. <c>WARC/1.1</c>.</summary>
    public string Version { get; }

    /// <summary>All header fields in order.</summary>
    public HeaderFields Headers { get; }

    /// <summary>The <c>WARC-Type</c>.</summary>
    public WarcRecordType Type { get; }

    /// <summary>File offset of the record, or of the gzip member that holds it in a compressed file.</summary>
    public long Offset { get; }

    /// <summary>Decompressed bytes before the record in its gzip member: 0 with one member per record.</summary>
    public long OffsetInMember { get; }

    /// <summary><c>WARC-Record-ID</c>, e.g. <c>&lt;urn:uuid:...&gt;</c>.</summary>
    public string? RecordId => Headers["WARC-Record-ID"];

    /// <summary><c>WARC-Target-URI</c> (angle brackets some writers add are removed).</summary>
    public string? TargetUri => Headers["WARC-Target-URI"]?.Trim('<', '>');

    /// <summary><c>WARC-Date</c>: when the content was captured.</summary>
    public DateTimeOffset? Date { get; }

    /// <summary>The block's <c>Content-Type</c>.</summary>
    public string? ContentType => Headers["Content-Type"];

    /// <summary>The block: exactly Content-Length bytes, as stored.</summary>
    public ReadOnlyMemory<byte> Block => _block.Memory;

    /// <summary>Whether the block is an HTTP response message (response and revisit records of HTTP captures).</summary>
    public bool HoldsHttpResponse =>
        Type is WarcRecordType.Response or WarcRecordType.Revisit
        && (ContentType?.Contains("msgtype=response", StringComparison.OrdinalIgnoreCase) == true
            || Block.Span.StartsWith("HTTP/"u8));

    /// <summary>Parses the block as an HTTP response; null when it is none.</summary>
    public HttpResponse? ReadHttpResponse() => HoldsHttpResponse ? HttpResponse.Parse(Block) : null;

    private static DateTimeOffset? ParseDate(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;

    public void Dispose() => _block.Dispose();
}
