using System.Buffers.Binary;
using System.IO.Compression;

namespace Gleaner.Fetching;

/// <summary>
/// Decodes Content-Encoding ourselves rather than with the handler's automatic decompression: a gzip
/// body cut short decompresses without any error, so the gzip trailer (the uncompressed length, last
/// 4 bytes) is checked against what was decoded, and a truncated body is reported, not stored half.
/// </summary>
internal static class ContentDecoding
{
    public const string AcceptEncoding = "gzip, deflate, br";

    /// <summary>A stream decoding <paramref name="encoding"/>, or the raw stream when not encoded; null when the encoding is unknown.</summary>
    public static Stream? Decode(Stream raw, string? encoding, out TailKeepingStream? gzipTail)
    {
        gzipTail = null;
        switch (encoding?.Trim().ToLowerInvariant())
        {
            case null or "" or "identity":
                return raw;
            case "gzip" or "x-gzip":
                gzipTail = new TailKeepingStream(raw);
                return new GZipStream(gzipTail, CompressionMode.Decompress);
            case "deflate":
                return new ZLibStream(raw, CompressionMode.Decompress);
            case "br":
                return new BrotliStream(raw, CompressionMode.Decompress);
            default:
                return null;
        }
    }

    /// <summary>Whether the gzip trailer's length (mod 2^32) matches the bytes decoded.</summary>
    public static bool GzipComplete(TailKeepingStream tail, long decodedLength)
    {
        // Read what is left of the member (the trailer may not have been consumed yet) so the tail is the real end.
        Span<byte> scratch = stackalloc byte[512];
        while (tail.Read(scratch) > 0)
        {
        }
        if (tail.TotalRead < 18) // header (10) + trailer (8)
            return false;
        var size = BinaryPrimitives.ReadUInt32LittleEndian(tail.Tail[4..]);
        return size == (uint)decodedLength;
    }
}

/// <summary>Passes reads through and remembers the last 8 bytes read (a gzip trailer).</summary>
internal sealed class TailKeepingStream(Stream inner) : Stream
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

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => TotalRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
