using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using Gleaner.Formats;

namespace Gleaner.Fetching;

/// <summary>
/// The one home of content decoding (HTTP <c>Content-Encoding</c>, gzip files and archived bodies): gzip,
/// deflate (zlib-wrapped as the standard says, or raw as many servers send it) and brotli. What servers get
/// wrong is forgiven the same way everywhere: a body labelled gzip that does not start with the gzip magic
/// bytes is taken as it is. Decoding is done here rather than by the HTTP handler because a gzip body cut
/// short decompresses without any error: the trailer is checked (see <see cref="EndsWithItsTrailer"/>).
/// </summary>
public static class ContentDecoding
{
    /// <summary>The <c>Accept-Encoding</c> the fetcher sends: what <see cref="Decode(Stream, string?, ReadOnlySpan{byte}, out TailKeepingStream?)"/> undoes.</summary>
    public const string AcceptEncoding = "gzip, deflate, br";

    /// <summary>Bytes <see cref="Decode(Stream, string?, ReadOnlySpan{byte}, out TailKeepingStream?)"/> looks at to tell formats apart.</summary>
    internal const int HeadBytes = 2;

    /// <summary>True when <paramref name="bytes"/> start with the gzip magic bytes (an HTML page or XML document never does).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>A zlib header: deflate method and a header checksum that divides by 31 (RFC 1950).</summary>
    private static bool IsZlib(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && (bytes[0] & 0x0F) == 8 && (bytes[0] << 8 | bytes[1]) % 31 == 0;

    /// <summary>
    /// A stream decoding <paramref name="encoding"/> from <paramref name="raw"/>, or <paramref name="raw"/> itself when
    /// it is not encoded (or labelled gzip but plain); null when the encoding is unknown. <paramref name="head"/> is
    /// the first bytes of <paramref name="raw"/> (at least <see cref="HeadBytes"/> when it has them), which
    /// <paramref name="raw"/> still yields. For gzip, <paramref name="gzipTail"/> keeps the last bytes read, for
    /// <see cref="EndsWithItsTrailer"/>.
    /// </summary>
    internal static Stream? Decode(Stream raw, string? encoding, ReadOnlySpan<byte> head, out TailKeepingStream? gzipTail)
    {
        gzipTail = null;
        switch (encoding?.Trim().ToLowerInvariant())
        {
            case null or "" or "identity":
                return raw;
            case "gzip" or "x-gzip":
                if (!IsGzip(head))
                    return raw; // a gzip header on a plain body: take it as it is
                gzipTail = new TailKeepingStream(raw);
                return new GZipStream(gzipTail, CompressionMode.Decompress);
            case "deflate":
                return IsZlib(head) ? new ZLibStream(raw, CompressionMode.Decompress) : new DeflateStream(raw, CompressionMode.Decompress);
            case "br":
                return new BrotliStream(raw, CompressionMode.Decompress);
            default:
                return null;
        }
    }

    /// <summary>
    /// Decodes a whole body held in memory. Null when the decoded body would be larger than <paramref name="maxBytes"/>
    /// (decoding stops there, which bounds decompression bombs).
    /// </summary>
    /// <exception cref="InvalidDataException">The encoding is unknown, the data is corrupt, or a gzip body is cut short.</exception>
    public static byte[]? DecodeWhole(byte[] raw, string? encoding, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var decoder = Decode(new MemoryStream(raw, writable: false), encoding, raw, out var gzipTail)
            ?? throw new InvalidDataException($"unsupported content encoding '{encoding}'");
        // Decoded straight into the body, which the trailer usually sizes exactly: no staging buffer, no final copy, and
        // no zeroing of memory the decoder overwrites.
        var body = GC.AllocateUninitializedArray<byte>(Math.Max(DeclaredGzipLength(raw, encoding, maxBytes), MinDecodedCapacity));
        var length = 0;
        Span<byte> probe = stackalloc byte[1];
        while (true)
        {
            if (length == body.Length)
            {
                // Full: one byte more tells whether the body goes on.
                if (ReadDecoded(decoder, probe, encoding) == 0)
                    break;
                if (length >= maxBytes)
                    return null;
                body = Grown(body, length, maxBytes);
                body[length++] = probe[0];
                continue;
            }
            var read = ReadDecoded(decoder, body.AsSpan(length), encoding);
            if (read == 0)
                break;
            length += read;
            if (length > maxBytes)
                return null;
        }
        if (gzipTail is not null && !EndsWithItsTrailer(gzipTail, body.AsSpan(0, length)))
            throw new InvalidDataException("truncated gzip data (the data ends before its checksum and length do)");
        return length == body.Length ? body : body.AsSpan(0, length).ToArray();
    }

    /// <summary>Where a body without a trailer to size it starts.</summary>
    private const int MinDecodedCapacity = 16 * 1024;

    private static int ReadDecoded(Stream decoder, Span<byte> into, string? encoding)
    {
        try
        {
            return decoder.Read(into);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"corrupt {encoding} data: {e.Message}", e);
        }
    }

    /// <summary>Twice the room, but no more than the limit allows (one byte past it shows it was passed).</summary>
    private static byte[] Grown(byte[] body, int length, long maxBytes)
    {
        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(body.Length * 2L, Math.Min(maxBytes + 1, Array.MaxLength)));
        body.AsSpan(0, length).CopyTo(grown);
        return grown;
    }

    /// <summary>
    /// The decoded length a gzip body's trailer states (the last member's, so exact for the usual single member), as a
    /// starting capacity that spares the output its doublings and final copy; 0 when not gzip. The trailer is input like
    /// any other: the capacity is capped by <paramref name="maxBytes"/> and by deflate's largest ratio (1032:1), and a
    /// wrong one only costs a resize.
    /// </summary>
    private static int DeclaredGzipLength(byte[] raw, string? encoding, long maxBytes)
    {
        if (encoding?.Trim().ToLowerInvariant() is not ("gzip" or "x-gzip") || !IsGzip(raw) || raw.Length < 18)
            return 0;
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(raw.Length - 4));
        return (int)Math.Min(declared, Math.Min(Math.Min(maxBytes, Array.MaxLength), raw.Length * 1032L));
    }

    /// <summary>
    /// GZipStream ends quietly when the data is cut short, so the last member's trailer (the CRC-32 and length of
    /// its decoded bytes, which are the last of <paramref name="decoded"/>) is checked against what was decoded.
    /// </summary>
    internal static bool EndsWithItsTrailer(TailKeepingStream tail, ReadOnlySpan<byte> decoded)
    {
        // Read what is left of the member (the trailer may not have been consumed yet) so the tail is the real end.
        Span<byte> scratch = stackalloc byte[512];
        while (tail.Read(scratch) > 0)
        {
        }
        if (tail.TotalRead < 18) // header (10) + trailer (8)
            return false;
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(tail.Tail);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(tail.Tail[4..]);
        return length <= decoded.Length && Crc32.HashToUInt32(decoded[^(int)length..]) == crc;
    }
}

/// <summary>Yields <c>head</c> and then the rest of <c>rest</c>: a stream whose first bytes were read to look at them.</summary>
internal sealed class PrefixedStream(byte[] head, Stream rest) : ReadOnlyStream
{
    private int _headAt;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headAt < head.Length)
            return TakeHead(buffer);
        return rest.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _headAt < head.Length ? ValueTask.FromResult(TakeHead(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int TakeHead(Span<byte> buffer)
    {
        var take = Math.Min(buffer.Length, head.Length - _headAt);
        head.AsSpan(_headAt, take).CopyTo(buffer);
        _headAt += take;
        return take;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            rest.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Passes reads through and remembers the last 8 bytes read (a gzip trailer).</summary>
internal sealed class TailKeepingStream(Stream inner) : ReadOnlyStream
{
    private readonly byte[] _tail = new byte[8];

    public long TotalRead { get; private set; }

    public ReadOnlySpan<byte> Tail => _tail;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Remember(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Remember(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Remember(ReadOnlySpan<byte> read)
    {
        if (read.Length >= 8)
            read[^8..].CopyTo(_tail);
        else if (read.Length > 0)
        {
            _tail.AsSpan(read.Length).CopyTo(_tail); // shift left
            read.CopyTo(_tail.AsSpan(8 - read.Length));
        }
        TotalRead += read.Length;
    }

    public override long Position { get => TotalRead; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
