using System.Globalization;
using System.Text;

namespace Gleaner.Archives;

/// <summary>
/// Builds the HTTP/1.1 messages a <c>request</c> or <c>response</c> record holds, from what an HTTP client
/// reports (HttpClient does not expose the bytes on the wire).
/// </summary>
public static class HttpMessages
{
    // Headers that describe the wire form of a body that the client already decoded; they are kept under
    // these names (as Common Crawl does) so that readers do not try to decode the body again.
    private static readonly (string Name, string Renamed)[] WireHeaders =
    [
        ("Content-Encoding", "X-Crawler-Content-Encoding"),
        ("Transfer-Encoding", "X-Crawler-Transfer-Encoding"),
        ("Content-Length", "X-Crawler-Content-Length"),
    ];

    /// <summary>A response message. With <paramref name="bodyIsDecoded"/> (the client undid gzip or chunking),
    /// Content-Encoding, Transfer-Encoding and Content-Length are renamed <c>X-Crawler-...</c> and a
    /// Content-Length of the body as stored is added.</summary>
    public static byte[] Response(int statusCode, string? reason, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body,
        bool bodyIsDecoded = true, string version = "HTTP/1.1")
    {
        var head = new StringBuilder(1024);
        head.Append(version).Append(' ').Append(statusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(reason ?? "").Append("\r\n");
        foreach (var (name, value) in headers)
        {
            var written = name;
            if (bodyIsDecoded)
                foreach (var (wire, renamed) in WireHeaders)
                    if (string.Equals(name, wire, StringComparison.OrdinalIgnoreCase))
                        written = renamed;
            AppendHeader(head, written, value);
        }
        if (bodyIsDecoded)
            AppendHeader(head, "Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
        head.Append("\r\n");
        return Concat(head, body);
    }

    /// <summary>A request message: <c>METHOD path HTTP/1.1</c>, a Host header, then <paramref name="headers"/>.</summary>
    public static byte[] Request(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body = default)
    {
        var head = new StringBuilder(512);
        head.Append(method).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        var hasHost = false;
        foreach (var (name, _) in headers)
            hasHost |= string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase);
        if (!hasHost)
            AppendHeader(head, "Host", uri.IsDefaultPort ? uri.Host : uri.Authority);
        foreach (var (name, value) in headers)
            AppendHeader(head, name, value);
        head.Append("\r\n");
        return Concat(head, body);
    }

    /// <summary>Index of the body after the blank line ending the headers, or -1 when there is none.</summary>
    internal static int BodyStart(ReadOnlySpan<byte> message)
    {
        var crlf = message.IndexOf("\r\n\r\n"u8);
        if (crlf >= 0)
            return crlf + 4;
        var lf = message.IndexOf("\n\n"u8);
        return lf >= 0 ? lf + 2 : -1;
    }

    private static void AppendHeader(StringBuilder head, string name, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            value = value.Replace("\r", " ").Replace("\n", " ");
        head.Append(name).Append(": ").Append(value).Append("\r\n");
    }

    private static byte[] Concat(StringBuilder head, ReadOnlySpan<byte> body)
    {
        var text = head.ToString();
        var bytes = new byte[Encoding.Latin1.GetByteCount(text) + body.Length];
        var written = Encoding.Latin1.GetBytes(text, bytes);
        body.CopyTo(bytes.AsSpan(written));
        return bytes;
    }
}
