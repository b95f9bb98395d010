using System.Globalization;
using System.Text;
using Gleaner.Fetching;

namespace Gleaner.Archives;

/// <summary>An archived HTTP response: status line, header fields and the body as stored.</summary>
public sealed class HttpResponse
{
    private HttpResponse(string version, int statusCode, string reason, HeaderFields headers, ReadOnlyMemory<byte> rawBody)
    {
        Version = version;
        StatusCode = statusCode;
        Reason = reason;
        Headers = headers;
        RawBody = rawBody;
    }

    /// <summary>e.g. <c>HTTP/1.1</c>.</summary>
    public string Version { get; }

    public int StatusCode { get; }

    public string Reason { get; }

    public HeaderFields Headers { get; }

    /// <summary>The body as archived: possibly chunked and compressed (see <see cref="DecodeBody"/>).</summary>
    public ReadOnlyMemory<byte> RawBody { get; }

    /// <summary>The <c>Content-Type</c> header.</summary>
    public string? ContentType => Headers["Content-Type"];

    /// <summary>Parses an HTTP response message; null when <paramref name="message"/> does not start with a status line.</summary>
    public static HttpResponse? Parse(ReadOnlyMemory<byte> message)
    {
        var span = message.Span;
        var at = 0;
        if (!TryReadLine(span, ref at, out var statusLine) || !statusLine.StartsWith("HTTP/"u8))
            return null;
        var firstSpace = statusLine.IndexOf((byte)' ');
        if (firstSpace < 0)
            return null;
        var rest = statusLine[(firstSpace + 1)..].TrimStart((byte)' ');
        var secondSpace = rest.IndexOf((byte)' ');
        var codeText = secondSpace < 0 ? rest : rest[..secondSpace];
        if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            return null;
        var reason = secondSpace < 0 ? "" : Encoding.Latin1.GetString(rest[(secondSpace + 1)..]);

        var headers = new HeaderFields();
        while (TryReadLine(span, ref at, out var line) && !line.IsEmpty)
        {
            if (line[0] is (byte)' ' or (byte)'\t' && headers.Count > 0)
            {
                headers.AppendToLast(Encoding.Latin1.GetString(line.Trim(" \t"u8)));
                continue;
            }
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
                continue; // a broken header line is ignored, as browsers do
            headers.Add(FieldNames.Get(line[..colon].Trim(" \t"u8)), Encoding.Latin1.GetString(line[(colon + 1)..].Trim(" \t"u8)));
        }
        return new HttpResponse(Encoding.ASCII.GetString(statusLine[..firstSpace]), status, reason, headers, message[at..]);
    }

    private static bool TryReadLine(ReadOnlySpan<byte> span, ref int at, out ReadOnlySpan<byte> line)
    {
        if (at >= span.Length)
        {
            line = default;
            return false;
        }
        var end = span[at..].IndexOf((byte)'\n');
        var lineEnd = end < 0 ? span.Length : at + end;
        line = span[at..lineEnd];
        if (line.EndsWith((byte)'\r'))
            line = line[..^1];
        at = end < 0 ? span.Length : lineEnd + 1;
        return true;
    }

    /// <summary>
    /// The body with <c>Transfer-Encoding: chunked</c> and <c>Content-Encoding</c> gzip, deflate and br undone,
    /// cut at <paramref name="maxBytes"/> (which bounds decompression bombs). A body marked chunked that is not
    /// (archives often store it decoded) is taken as it is.
    /// </summary>
    /// <exception cref="InvalidDataException">The body is not in the content encoding its header names, or the encoding is unknown.</exception>
    public PooledBuffer DecodeBody(int maxBytes = 32 * 1024 * 1024)
    {
        var body = new PooledBuffer(Math.Min(RawBody.Length, maxBytes));
        try
        {
            var raw = RawBody.Span;
            if (!Contains(Headers["Transfer-Encoding"], "chunked") || !TryDechunk(raw, body, maxBytes))
                body.Append(raw[..Math.Min(raw.Length, maxBytes)]);

            var encodings = Headers["Content-Encoding"];
            if (string.IsNullOrWhiteSpace(encodings))
                return body;
            var names = encodings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            for (var i = names.Length - 1; i >= 0; i--)
            {
                var decoded = Decompress(body, names[i].ToLowerInvariant(), maxBytes);
                if (!ReferenceEquals(decoded, body))
                {
                    body.Dispose();
                    body = decoded;
                }
            }
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private static bool Contains(string? list, string token) =>
        list is not null && list.Contains(token, StringComparison.OrdinalIgnoreCase);

    /// <summary>Undoes chunked framing (RFC 9112 7.1) into <paramref name="output"/>; false (with the output empty)
    /// when the bytes are not chunked after all.</summary>
    private static bool TryDechunk(ReadOnlySpan<byte> raw, PooledBuffer output, int maxBytes)
    {
        var at = 0;
        while (at < raw.Length)
        {
            var lineEnd = raw[at..].IndexOf((byte)'\n');
            if (lineEnd < 0 && at == 0)
                return false;
            if (lineEnd < 0)
                break; // a cut-off size line at the end: keep what we have
            var sizeText = raw.Slice(at, lineEnd).TrimEnd((byte)'\r');
            var extension = sizeText.IndexOf((byte)';');
            if (extension >= 0)
                sizeText = sizeText[..extension];
            if (!long.TryParse(sizeText.Trim((byte)' '), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                if (at == 0)
                {
                    output.Length = 0;
                    return false;
                }
                break;
            }
            at += lineEnd + 1;
            if (size == 0)
                break;
            var take = (int)Math.Min(size, raw.Length - at);
            take = Math.Min(take, maxBytes - output.Length);
            output.Append(raw.Slice(at, take));
            if (output.Length >= maxBytes || take < size)
                break;
            at += take;
            if (at < raw.Length && raw[at] == '\r')
                at++;
            if (at < raw.Length && raw[at] == '\n')
                at++;
        }
        return true;
    }

    private static PooledBuffer Decompress(PooledBuffer input, string encoding, int maxBytes)
    {
        if (encoding == "identity")
            return input;
        var raw = new MemoryStream(input.Array, 0, input.Length, writable: false);
        var decoder = ContentDecoding.Decode(raw, encoding, input.Span, out _)
            ?? throw new InvalidDataException($"unsupported Content-Encoding '{encoding}'");
        return ReferenceEquals(decoder, raw) ? input : Inflate(decoder, input.Length, maxBytes, encoding);
    }

    private static PooledBuffer Inflate(Stream decoder, int inputLength, int maxBytes, string encoding)
    {
        var output = new PooledBuffer(Math.Min(maxBytes, Math.Max(inputLength * 4, 4096)));
        try
        {
            using var _ = decoder;
            while (output.Length < maxBytes)
            {
                output.Reserve(Math.Min(64 * 1024, maxBytes - output.Length));
                var free = output.Free;
                var read = decoder.Read(free[..Math.Min(free.Length, maxBytes - output.Length)]);
                if (read <= 0)
                    break;
                output.Length += read;
            }
            return output;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            output.Dispose();
            throw new InvalidDataException($"body is not valid {encoding} ({e.Message})", e);
        }
    }
}
