using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using Gleaner.Formats;

namespace Gleaner.Archives;

/// <summary>
/// Decodes concatenated gzip members one member at a time, so that the file offset of each member is
/// known: a <c>.warc.gz</c> holds one member per record (or one for the whole file), and that offset is
/// what locates a record. .NET's GZipStream hides member boundaries and reads past them, so the gzip
/// framing is parsed here and only the deflate data goes to <see cref="DeflateStream"/>. Where that data
/// ended is then found from the member's trailer (CRC-32 and length of the decoded bytes), which also
/// checks the data. A corrupt or truncated member is reported and decoding goes on at the next member header.
/// </summary>
internal sealed class GzipMemberStream : ReadOnlyStream
{
    private const int InitialBufferSize = 64 * 1024;
    private const int TrailerLength = 8;
    private const int MinHeaderLength = 10;

    // A gzip header's optional name and comment are short; a longer one means we are not in a header.
    private const int MaxHeaderLength = 64 * 1024;

    // Bytes kept before the last chunk given to the inflater when the buffer is refilled: the deflate
    // data may end (and the trailer begin) a few bytes before that chunk.
    private const int KeepBehind = 16;

    private static ReadOnlySpan<byte> Magic => [0x1f, 0x8b, 0x08];

    private readonly Stream _source;
    private readonly Action<WarcIssue> _report;
    private readonly InflaterFeed _feed;
    private byte[] _buffer;
    private long _bufferStart; // file offset of _buffer[0]
    private int _position;
    private int _end;
    private bool _sourceEnded;

    private DeflateStream? _inflater;
    private readonly Crc32 _crc = new();
    private long _memberOffset;
    private long _deflateStart;
    private long _lastFeedStart;
    private bool _feedHitEnd;
    private uint _memberLength;
    private long _decoded;

    /// <param name="source">The compressed bytes that follow <paramref name="alreadyRead"/>.</param>
    /// <param name="alreadyRead">Bytes the caller already took from <paramref name="source"/> (to sniff the format).</param>
    /// <param name="startOffset">File offset of the first byte of <paramref name="alreadyRead"/>.</param>
    /// <param name="report">Receives what was wrong and skipped.</param>
    public GzipMemberStream(Stream source, ReadOnlySpan<byte> alreadyRead, long startOffset, Action<WarcIssue> report)
    {
        _source = source;
        _report = report;
        _bufferStart = startOffset;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(InitialBufferSize, alreadyRead.Length * 2));
        alreadyRead.CopyTo(_buffer);
        _end = alreadyRead.Length;
        _feed = new InflaterFeed(this);
    }

    /// <summary>Called with (file offset, decoded position) when a member starts.</summary>
    public Action<long, long>? MemberStarted { get; set; }

    /// <summary>File offset up to which the compressed input has been consumed.</summary>
    public long CompressedPosition => _bufferStart + _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
            return 0;
        while (true)
        {
            if (_inflater is null && !TryStartMember())
                return 0;
            int count;
            try
            {
                count = _inflater!.Read(destination);
            }
            catch (InvalidDataException e)
            {
                if (_feedHitEnd)
                    FailMember($"gzip member truncated ({e.Message})", resyncFrom: null);
                else
                    FailMember($"corrupt gzip member ({e.Message}); skipped to the next member", resyncFrom: _memberOffset + 1);
                continue;
            }
            if (count > 0)
            {
                _crc.Append(destination[..count]);
                _memberLength += (uint)count;
                _decoded += count;
                return count;
            }
            EndMember();
        }
    }

    /// <summary>The inflater has stopped: find the trailer right after the deflate data, check it, step past it.</summary>
    private void EndMember()
    {
        Span<byte> trailer = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], _memberLength);

        var searchFrom = Math.Max(_deflateStart, _lastFeedStart - KeepBehind);
        // The trailer starts at or before the end of what the inflater was given; make its 8 bytes available.
        while (_end - _position < TrailerLength && !_sourceEnded)
            Fill(searchFrom);
        // The inflater's last refill at the end of a large member may have dropped bytes before searchFrom.
        var from = (int)Math.Max(0, searchFrom - _bufferStart);
        var limit = Math.Min(_end, _position + TrailerLength);
        var found = from < limit ? _buffer.AsSpan(from, limit - from).IndexOf(trailer) : -1;
        if (found >= 0)
        {
            _position = from + found + TrailerLength;
            CloseInflater();
            return;
        }
        if (_feedHitEnd)
            FailMember("gzip member truncated", resyncFrom: null);
        else
            FailMember("gzip member fails its CRC-32/length check (corrupt, or cut in its trailer)", resyncFrom: searchFrom + 1);
    }

    /// <summary>Reports the current member and moves on: to the next member header at or after <paramref name="resyncFrom"/>, or to the end.</summary>
    private void FailMember(string message, long? resyncFrom)
    {
        _report(new WarcIssue(_memberOffset, message));
        CloseInflater();
        if (resyncFrom is null)
        {
            _position = _end;
            _sourceEnded = true;
            return;
        }
        // Bytes already dropped from the buffer cannot be searched again; resume at the oldest still held.
        _position = (int)(Math.Clamp(resyncFrom.Value, _bufferStart, _bufferStart + _end) - _bufferStart);
        SkipToMemberHeader(reportGarbage: false);
    }

    private void CloseInflater()
    {
        _inflater?.Dispose();
        _inflater = null;
    }

    private bool TryStartMember()
    {
        while (true)
        {
            if (_end - _position < MinHeaderLength && !_sourceEnded)
                Fill(_bufferStart + _position);
            if (_position >= _end)
                return false;
            if (TryParseHeader(out var headerLength))
            {
                _memberOffset = _bufferStart + _position;
                _position += headerLength;
                _deflateStart = _bufferStart + _position;
                _lastFeedStart = _deflateStart;
                _feedHitEnd = false;
                _crc.Reset();
                _memberLength = 0;
                _inflater = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
                MemberStarted?.Invoke(_memberOffset, _decoded);
                return true;
            }
            if (!SkipToMemberHeader(reportGarbage: true))
                return false;
        }
    }

    /// <summary>Moves to the next gzip magic after the current position. False at the end of the input.</summary>
    private bool SkipToMemberHeader(bool reportGarbage)
    {
        var garbageStart = _bufferStart + _position;
        var searchAt = _position + (reportGarbage ? 1 : 0);
        while (true)
        {
            var found = searchAt < _end ? _buffer.AsSpan(searchAt, _end - searchAt).IndexOf(Magic) : -1;
            if (found >= 0)
            {
                _position = searchAt + found;
                if (reportGarbage)
                    _report(new WarcIssue(garbageStart, $"{_bufferStart + _position - garbageStart} bytes that are not a gzip member skipped"));
                return true;
            }
            // Keep the last bytes: the magic may straddle the refill.
            _position = Math.Max(_position, _end - (Magic.Length - 1));
            if (_sourceEnded || !Fill(_bufferStart + _position))
            {
                var skipped = _bufferStart + _end - garbageStart;
                _position = _end;
                if (reportGarbage && skipped > 0)
                    _report(new WarcIssue(garbageStart, $"{skipped} bytes at the end that are not a gzip member skipped"));
                return false;
            }
            searchAt = _position;
        }
    }

    /// <summary>Parses a gzip member header at the current position (RFC 1952 2.3), making its bytes available.</summary>
    private bool TryParseHeader(out int length)
    {
        length = 0;
        if (!Ensure(MinHeaderLength))
            return false;
        var header = _buffer.AsSpan(_position);
        if (!header.StartsWith(Magic) || (header[3] & 0xE0) != 0)
            return false;
        var flags = header[3];
        var at = MinHeaderLength;
        if ((flags & 0x04) != 0) // FEXTRA
        {
            if (!Ensure(at + 2))
                return false;
            at += 2 + BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(_position + at));
        }
        foreach (var flag in (ReadOnlySpan<byte>)[0x08, 0x10]) // FNAME, FCOMMENT: zero-terminated
        {
            if ((flags & flag) == 0)
                continue;
            while (true)
            {
                if (at >= MaxHeaderLength || !Ensure(at + 1))
                    return false;
                if (_buffer[_position + at++] == 0)
                    break;
            }
        }
        if ((flags & 0x02) != 0) // FHCRC
            at += 2;
        if (at > MaxHeaderLength || !Ensure(at))
            return false;
        length = at;
        return true;
    }

    /// <summary>Makes <paramref name="count"/> bytes available from the current position, unless the input ends first.</summary>
    private bool Ensure(int count)
    {
        while (_end - _position < count)
            if (_sourceEnded || !Fill(_bufferStart + _position))
                return false;
        return true;
    }

    /// <summary>Reads more input, dropping buffered bytes before <paramref name="keepFrom"/> (a file offset). False at the end.</summary>
    private bool Fill(long keepFrom)
    {
        if (_sourceEnded)
            return false;
        var keep = (int)Math.Clamp(keepFrom - _bufferStart, 0, _end);
        if (keep > 0)
        {
            _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
            _bufferStart += keep;
            _position -= keep;
            _end -= keep;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var read = _source.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _sourceEnded = true;
            return false;
        }
        _end += read;
        return true;
    }

    /// <summary>Where the inflater should keep buffered input from: a little before its last chunk, or the
    /// whole current member when that is small, so that a corrupt member can be searched again for the next header.</summary>
    private long KeepFromWhileInflating()
    {
        var current = _bufferStart + _position;
        return current - _memberOffset <= _buffer.Length / 2 ? _memberOffset : current - KeepBehind;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseInflater();
            _source.Dispose();
            var buffer = Interlocked.Exchange(ref _buffer, []);
            if (buffer.Length > 0)
                ArrayPool<byte>.Shared.Return(buffer);
        }
        base.Dispose(disposing);
    }

    public override long Position { get => _decoded; set => throw new NotSupportedException(); }

    /// <summary>What the inflater reads from: the buffered compressed input, chunk by chunk, so the last chunk is known.</summary>
    private sealed class InflaterFeed(GzipMemberStream owner) : ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> destination)
        {
            if (destination.IsEmpty)
                return 0;
            if (owner._position == owner._end && !owner.Fill(owner.KeepFromWhileInflating()))
            {
                owner._feedHitEnd = true;
                return 0;
            }
            var count = Math.Min(destination.Length, owner._end - owner._position);
            owner._buffer.AsSpan(owner._position, count).CopyTo(destination);
            owner._lastFeedStart = owner._bufferStart + owner._position;
            owner._position += count;
            return count;
        }
    }
}
