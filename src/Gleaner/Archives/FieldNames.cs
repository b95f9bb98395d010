using System.Text;

namespace Gleaner.Archives;

/// <summary>Returns one shared string for the header names seen in nearly every record, instead of a new one each time.</summary>
internal static class FieldNames
{
    private static readonly string[] Common =
    [
        "WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length", "Content-Type", "WARC-Target-URI",
        "WARC-IP-Address", "WARC-Warcinfo-ID", "WARC-Concurrent-To", "WARC-Block-Digest", "WARC-Payload-Digest",
        "WARC-Identified-Payload-Type", "WARC-Truncated", "WARC-Refers-To", "WARC-Refers-To-Target-URI",
        "WARC-Refers-To-Date", "WARC-Profile", "WARC-Filename", "WARC-Protocol",
        "Date", "Server", "Connection", "Transfer-Encoding", "Content-Encoding", "Cache-Control", "Vary",
        "Last-Modified", "ETag", "Expires", "Set-Cookie", "Location", "Content-Language",
    ];

    public static string Get(ReadOnlySpan<byte> name)
    {
        foreach (var common in Common)
            if (common.Length == name.Length && Ascii.EqualsIgnoreCase(name, common))
                return common;
        return Encoding.UTF8.GetString(name);
    }
}
