using System.Globalization;
using System.IO.Compression;
using System.Text;
using Gleaner.Archives;

namespace Gleaner.Tests.Archives;

/// <summary>Builds WARC bytes by hand for tests, including broken ones.</summary>
internal static class WarcFiles
{
    public static byte[] Record(string type, string? uri, byte[] block, string? contentType = null, long? claimedLength = null,
        string date = "2024-03-05T06:07:08Z", params (string Name, string Value)[] extra)
    {
        var header = new StringBuilder();
        header.Append("WARC/1.0\r\n");
        header.Append("WARC-Type: ").Append(type).Append("\r\n");
        header.Append("WARC-Record-ID: <urn:uuid:").Append(Guid.NewGuid()).Append(">\r\n");
        header.Append("WARC-Date: ").Append(date).Append("\r\n");
        if (uri is not null)
            header.Append("WARC-Target-URI: ").Append(uri).Append("\r\n");
        if (contentType is not null)
            header.Append("Content-Type: ").Append(contentType).Append("\r\n");
        foreach (var (name, value) in extra)
            header.Append(name).Append(": ").Append(value).Append("\r\n");
        header.Append("Content-Length: ").Append((claimedLength ?? block.Length).ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    public static byte[] HttpResponse(string html, string contentType = "text/html; charset=utf-8", int status = 200, params (string Name, string Value)[] headers) =>
        HttpResponseBytes(Encoding.UTF8.GetBytes(html), contentType, status, headers);

    public static byte[] HttpResponseBytes(byte[] body, string? contentType, int status = 200, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Other")}\r\n");
        if (contentType is not null)
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    public static byte[] Response(string uri, string html, string date = "2024-03-05T06:07:08Z") =>
        Record("response", uri, HttpResponse(html), "application/http; msgtype=response", date: date);

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        return output.ToArray();
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static string Page(int n) =>
        $"<!doctype html><html><head><title>Story {n}</title></head><body><p>Paragraph of story number {n}.</p></body></html>";

    /// <summary>Reads every record of <paramref name="bytes"/>: (type, target URI, offset, block text) and the issues.</summary>
    public static (List<(WarcRecordType Type, string? Uri, long Offset, long InMember, string Block)> Records, List<WarcIssue> Issues) ReadAll(
        byte[] bytes, WarcReaderOptions? options = null)
    {
        var issues = new List<WarcIssue>();
        var records = new List<(WarcRecordType, string?, long, long, string)>();
        using var reader = new WarcReader(new MemoryStream(bytes, (int)(options?.StartOffset ?? 0), bytes.Length - (int)(options?.StartOffset ?? 0)),
            (options ?? new WarcReaderOptions()) with { OnIssue = issues.Add });
        while (reader.Read() is { } record)
        {
            using (record)
                records.Add((record.Type, record.TargetUri, record.Offset, record.OffsetInMember, Encoding.UTF8.GetString(record.Block.Span)));
        }
        Assert.Equal(issues.Count, reader.IssueCount);
        return (records, issues);
    }
}
