namespace Gleaner.Archives;

/// <summary>The <c>WARC-Type</c> of a record (WARC 1.0/1.1).</summary>
public enum WarcRecordType
{
    /// <summary>A type this reader does not know; the record is still returned.</summary>
    Unknown,
    Warcinfo,
    Response,
    Resource,
    Request,
    Metadata,
    Revisit,
    Conversion,
    Continuation,
}

internal static class WarcRecordTypes
{
    public static WarcRecordType Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "warcinfo" => WarcRecordType.Warcinfo,
        "response" => WarcRecordType.Response,
        "resource" => WarcRecordType.Resource,
        "request" => WarcRecordType.Request,
        "metadata" => WarcRecordType.Metadata,
        "revisit" => WarcRecordType.Revisit,
        "conversion" => WarcRecordType.Conversion,
        "continuation" => WarcRecordType.Continuation,
        _ => WarcRecordType.Unknown,
    };

    public static string Name(WarcRecordType type) => type switch
    {
        WarcRecordType.Warcinfo => "warcinfo",
        WarcRecordType.Response => "response",
        WarcRecordType.Resource => "resource",
        WarcRecordType.Request => "request",
        WarcRecordType.Metadata => "metadata",
        WarcRecordType.Revisit => "revisit",
        WarcRecordType.Conversion => "conversion",
        WarcRecordType.Continuation => "continuation",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no WARC-Type name"),
    };
}
