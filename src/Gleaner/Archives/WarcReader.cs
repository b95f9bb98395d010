using System.Buffers;
using System.Text;

namespace Gleaner.Archives;

/// <summary>
/// Reads WARC 1.0/1.1 records one after another from a plain <c>.warc</c> or a <c>.warc.gz</c> (one gzip
/// member per record, or the whole file in one or more members), in constant memory: only the current
/// record's block is held, and a block over <see cref="WarcReaderOptions.MaxRecordBytes"/> is skipped.
/// Damage (a corrupt or truncated gzip member, a Content-Length that does not fit, garbage) is reported
/// through <see cref="WarcReaderOptions.OnIssue"/> with its file offset, and reading goes on at the next record.
/// Not thread-safe: one reader per file; the records it returns may be handed to other threads.
/// </summary>
public sealed class WarcReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private static ReadOnlySpan<byte> RecordStart => "WARC/1."u8;
    private static ReadOnlySpan<byte> RecordEnd => "\r\n\r\n"u8;

    private readonly WarcReaderOptions _options;
    private readonly Stream _input;
    private readonly GzipMemberStream? _gzip;
    private readonly long _plainStart;
    // Stream position of decoded position 0 in a plain input that can seek (to go back after a false length); -1 otherwise.
    private readonly long _plainStreamStart = -1;
    // A block is held in one array, so no limit may exceed the largest array there can be.
    private readonly long _maxRecordBytes;
    // (decoded position, file offset) of the gzip members that may still hold the current record's start.
    private readonly List<(long Decoded, long Offset)> _members = [];

    private byte[] _buffer;
    private int _position;
    private int _length;
    private long _bufferDecoded; // decoded position of _buffer[0]
    private bool _inputEnded;
    private long _bytesRead;
    private int _issueCount;

    /// <summary>Reads <paramref name="stream"/>, which must be positioned at <see cref="WarcReaderOptions.StartOffset"/>.
    /// Compression is recognised from the bytes, not the name.</summary>
    public WarcReader(Stream stream, WarcReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _options = options ?? new WarcReaderOptions();
        _maxRecordBytes = Math.Clamp(_options.MaxRecordBytes, 0, Array.MaxLength);
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var sniffed = 0;
        while (sniffed < 2)
        {
            var read = stream.Read(_buffer, sniffed, 2 - sniffed);
            if (read <= 0)
                break;
            sniffed += read;
        }
        if (sniffed == 2 && _buffer[0] == 0x1f && _buffer[1] == 0x8b)
        {
            IsCompressed = true;
            _gzip = new GzipMemberStream(stream, _buffer.AsSpan(0, 2), _options.StartOffset, Report)
            {
                MemberStarted = (offset, decoded) => _members.Add((decoded, offset)),
            };
            _input = _gzip;
            SkipDecoded(_options.StartOffsetInMember);
        }
        else
        {
            _input = stream;
            _length = sniffed;
            _plainStart = _options.StartOffset;
            if (stream.CanSeek)
                _plainStreamStart = stream.Position - sniffed;
        }
    }

    /// <summary>Opens a file, starting at <see cref="WarcReaderOptions.StartOffset"/>.</summary>
    public static WarcReader Open(string path, WarcReaderOptions? options = null)
    {
        options ??= new WarcReaderOptions();
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            var start = options.StartOffset;
            if (options.StartOffsetInMember > 0 && !LooksGzipped(file, start))
                start += options.StartOffsetInMember; // plain WARC: offsets are file offsets
            file.Seek(start, SeekOrigin.Begin);
            return new WarcReader(file, options with { StartOffset = start });
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static bool LooksGzipped(FileStream file, long offset)
    {
        Span<byte> magic = stackalloc byte[2];
        file.Seek(offset, SeekOrigin.Begin);
        return file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    /// <summary>True when the input is gzip-compressed.</summary>
    public bool IsCompressed { get; }

    /// <summary>File offset reached in the (compressed) input; safe to read from another thread, for progress.</summary>
    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <summary>Number of problems reported so far.</summary>
    public int IssueCount => _issueCount;

    /// <summary>The next record, or null at the end of the input. The caller disposes it.</summary>
    public WarcRecord? Read()
    {
        while (true)
        {
            if (!SkipBlankLines())
            {
                NoteProgress();
                return null;
            }
            var start = _bufferDecoded + _position;
            var (offset, offsetInMember) = Locate(start);
            ForgetMembersBefore(start);

            var header = ReadHeader(offset, out var version, out var headers, out var headerProblem);
            if (header == HeaderResult.End)
            {
                Report(new WarcIssue(offset, "WARC record header truncated at the end of the input"));
                return null;
            }
            if (header == HeaderResult.NotARecord)
            {
                SkipGarbage(offset);
                continue;
            }
            if (header == HeaderResult.Bad)
            {
                Report(new WarcIssue(offset, headerProblem!));
                _position++;
                ResyncToRecordStart();
                continue;
            }

            var lengthText = headers!["Content-Length"];
            if (!long.TryParse(lengthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var contentLength))
            {
                Report(new WarcIssue(offset, lengthText is null ? "WARC record without Content-Length; skipped" : $"WARC record with a bad Content-Length '{lengthText}'; skipped"));
                ResyncToRecordStart();
                continue;
            }

            var type = WarcRecordTypes.Parse(headers["WARC-Type"]);
            if (contentLength > _maxRecordBytes)
            {
                Report(new WarcIssue(offset, $"{headers["WARC-Type"]} record of {contentLength} bytes ({headers["WARC-Target-URI"]}) is over the {_maxRecordBytes}-byte limit; skipped"));
                var skipped = SkipBlock(start, memberPerRecord: _gzip is not null && offsetInMember == 0, contentLength);
                if (skipped == SkipResult.Truncated)
                {
                    Report(new WarcIssue(offset, "the skipped record is truncated at the end of the input"));
                    return null;
                }
                if (skipped == SkipResult.Resynchronised)
                {
                    Report(new WarcIssue(offset, $"the skipped record's Content-Length {contentLength} runs past the next record, which is read"));
                    NoteProgress();
                    continue;
                }
                if (!ReadRecordEnd(out _))
                {
                    Report(new WarcIssue(offset, $"no record end after the skipped record's {contentLength} bytes (wrong Content-Length?)"));
                    ResyncToRecordStart();
                }
                NoteProgress();
                continue;
            }

            var blockStart = _bufferDecoded + _position;
            var block = new PooledBuffer((int)contentLength);
            var got = ReadBlock(block, (int)contentLength);
            if (got < contentLength)
            {
                Report(new WarcIssue(offset, $"{headers["WARC-Type"]} record ({headers["WARC-Target-URI"]}) truncated: Content-Length {contentLength}, only {got} bytes left; skipped"));
                Unread(block.Span, blockStart);
                block.Dispose();
                if (ResyncToRecordStart())
                    continue;
                return null;
            }
            if (!ReadRecordEnd(out var atEnd) && !atEnd)
            {
                Report(new WarcIssue(offset, $"{headers["WARC-Type"]} record ({headers["WARC-Target-URI"]}) does not end where its Content-Length {contentLength} says; skipped"));
                Unread(block.Span, blockStart);
                block.Dispose();
                ResyncToRecordStart();
                continue;
            }
            NoteProgress();
            return new WarcRecord(version!, headers, type, offset, offsetInMember, block);
        }
    }

    private void NoteProgress() =>
        Volatile.Write(ref _bytesRead, _gzip?.CompressedPosition ?? _plainStart + _bufferDecoded + _position);

    private enum HeaderResult { Ok, End, NotARecord, Bad }

    /// <summary>Parses the version line and header fields at the current position; consumes them only on success.</summary>
    private HeaderResult ReadHeader(long offset, out string? version, out HeaderFields? headers, out string? problem)
    {
        version = null;
        headers = null;
        problem = null;
        if (!Ensure(RecordStart.Length))
            return _length - _position == 0 ? HeaderResult.End : HeaderResult.NotARecord;
        if (!_buffer.AsSpan(_position).StartsWith("WARC/"u8))
            return HeaderResult.NotARecord;

        var at = _position;
        var fields = new HeaderFields();
        var first = true;
        while (true)
        {
            var lineEnd = FindLineEnd(ref at);
            if (lineEnd < 0)
            {
                if (at - _position >= _options.MaxHeaderBytes)
                {
                    problem = $"WARC record header longer than {_options.MaxHeaderBytes} bytes; skipped";
                    return HeaderResult.Bad;
                }
                return HeaderResult.End;
            }
            var line = _buffer.AsSpan(at, lineEnd - at);
            at = lineEnd + 1;
            if (line.EndsWith((byte)'\r'))
                line = line[..^1];
            if (first)
            {
                version = Encoding.ASCII.GetString(line.Trim((byte)' '));
                first = false;
                continue;
            }
            if (line.IsEmpty)
                break;
            if (line[0] is (byte)' ' or (byte)'\t' && fields.Count > 0)
            {
                fields.AppendToLast(Encoding.UTF8.GetString(line.Trim(" \t"u8)));
                continue;
            }
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                problem = $"bad WARC header line '{Encoding.UTF8.GetString(line[..Math.Min(line.Length, 80)])}'; record skipped";
                return HeaderResult.Bad;
            }
            fields.Add(FieldNames.Get(line[..colon].Trim(" \t"u8)), Encoding.UTF8.GetString(line[(colon + 1)..].Trim(" \t"u8)));
        }
        _position = at;
        headers = fields;
        return HeaderResult.Ok;
    }

    /// <summary>Index of the next '\n' from <paramref name="from"/>, reading more input as needed
    /// (<paramref name="from"/> moves with the buffer); -1 at the end of the input or past the header limit.</summary>
    private int FindLineEnd(ref int from)
    {
        var searched = from;
        while (true)
        {
            var found = _buffer.AsSpan(searched, _length - searched).IndexOf((byte)'\n');
            if (found >= 0)
                return searched + found;
            searched = _length;
            if (_length - _position >= _options.MaxHeaderBytes)
            {
                from = _length;
                return -1;
            }
            var before = _position;
            if (!FillMore())
            {
                from = _length;
                return -1;
            }
            var moved = before - _position;
            from -= moved;
            searched -= moved;
        }
    }

    /// <summary>Skips CR and LF between records. False at the end of the input.</summary>
    private bool SkipBlankLines()
    {
        while (true)
        {
            while (_position < _length && _buffer[_position] is (byte)'\r' or (byte)'\n')
                _position++;
            if (_position < _length)
                return true;
            if (!FillMore())
                return false;
        }
    }

    private void SkipGarbage(long offset)
    {
        var from = _bufferDecoded + _position;
        _position++;
        var found = ResyncToRecordStart();
        var skipped = _bufferDecoded + _position - from;
        Report(new WarcIssue(offset, found
            ? $"{skipped} bytes that are not a WARC record skipped"
            : $"{skipped} bytes at the end that are not a WARC record skipped"));
    }

    /// <summary>Moves to the next "WARC/1." from the current position. False (at the end) when there is none.</summary>
    private bool ResyncToRecordStart()
    {
        while (true)
        {
            var found = _buffer.AsSpan(_position, _length - _position).IndexOf(RecordStart);
            if (found >= 0)
            {
                _position += found;
                return true;
            }
            _position = Math.Max(_position, _length - (RecordStart.Length - 1));
            if (!FillMore())
            {
                _position = _length;
                return false;
            }
        }
    }

    /// <summary>Reads the "\r\n\r\n" that closes a record. <paramref name="atEnd"/>: the input ended instead,
    /// with nothing but (part of) that marker, which is taken as a complete last record.</summary>
    private bool ReadRecordEnd(out bool atEnd)
    {
        atEnd = false;
        Ensure(RecordEnd.Length);
        var available = _buffer.AsSpan(_position, Math.Min(RecordEnd.Length, _length - _position));
        if (available.Length == RecordEnd.Length)
        {
            if (!available.SequenceEqual(RecordEnd))
                return false;
            _position += RecordEnd.Length;
            return true;
        }
        if (!RecordEnd.StartsWith(available))
            return false;
        _position += available.Length;
        atEnd = true;
        return false;
    }

    /// <summary>Copies the next <paramref name="count"/> bytes into <paramref name="block"/>, reading large
    /// blocks straight from the input. Returns how many there were.</summary>
    private int ReadBlock(PooledBuffer block, int count)
    {
        var fromBuffer = Math.Min(count, _length - _position);
        block.Append(_buffer.AsSpan(_position, fromBuffer));
        _position += fromBuffer;
        while (block.Length < count && !_inputEnded)
        {
            var read = _input.Read(block.Array, block.Length, count - block.Length);
            if (read <= 0)
            {
                _inputEnded = true;
                break;
            }
            block.Length += read;
            _bufferDecoded += read; // those bytes went past the buffer: keep positions right
        }
        return block.Length;
    }

    private enum SkipResult { Done, Truncated, Resynchronised }

    /// <summary>
    /// Skips a block of <paramref name="count"/> bytes without holding it. A false Content-Length (10^12) must
    /// not swallow the records after it: in a file of one gzip member per record, a block ends with its
    /// member, so the next member is the next record; in a plain file that can seek, when the input ends
    /// before the block does, reading goes back to the first line after the header that starts a record.
    /// </summary>
    private SkipResult SkipBlock(long recordStart, bool memberPerRecord, long count)
    {
        long? firstRecordLine = null;
        var canGoBack = _plainStreamStart >= 0;
        while (count > 0)
        {
            if (_position == _length && !FillMore())
            {
                if (firstRecordLine is not { } at || !canGoBack)
                    return SkipResult.Truncated;
                _input.Seek(_plainStreamStart + at, SeekOrigin.Begin);
                _bufferDecoded = at;
                _position = _length = 0;
                _inputEnded = false;
                return SkipResult.Resynchronised;
            }
            var step = (int)Math.Min(count, _length - _position);
            if (memberPerRecord && NextMemberStart(recordStart) is { } member && member < _bufferDecoded + _position + step)
            {
                _position = (int)(member - _bufferDecoded);
                return SkipResult.Resynchronised;
            }
            if (canGoBack && firstRecordLine is null)
                firstRecordLine = FindRecordLine(_position, step);
            _position += step;
            count -= step;
        }
        return SkipResult.Done;
    }

    /// <summary>Decoded position of the first gzip member that starts after <paramref name="decoded"/>, if one has.</summary>
    private long? NextMemberStart(long decoded)
    {
        foreach (var (memberDecoded, _) in _members)
            if (memberDecoded > decoded)
                return memberDecoded;
        return null;
    }

    /// <summary>Decoded position of the first "WARC/1." at a line start among the <paramref name="count"/> bytes at <paramref name="from"/>.</summary>
    private long? FindRecordLine(int from, int count)
    {
        var searched = 0;
        while (true)
        {
            var found = _buffer.AsSpan(from + searched, count - searched).IndexOf(RecordStart);
            if (found < 0)
                return null;
            var index = from + searched + found;
            if (index == 0 || _buffer[index - 1] == (byte)'\n')
                return _bufferDecoded + index;
            searched += found + 1;
        }
    }

    /// <summary>Skips <paramref name="count"/> bytes without holding them. False if the input ends first.</summary>
    private bool Discard(long count)
    {
        while (count > 0)
        {
            if (_position == _length && !FillMore())
                return false;
            var step = (int)Math.Min(count, _length - _position);
            _position += step;
            count -= step;
        }
        return true;
    }

    /// <summary>Puts <paramref name="bytes"/> (which started at decoded position <paramref name="decodedStart"/>)
    /// back in front of the unread input, so they can be searched for the next record.</summary>
    private void Unread(ReadOnlySpan<byte> bytes, long decodedStart)
    {
        var rest = _length - _position;
        var combined = ArrayPool<byte>.Shared.Rent(Math.Max(InitialBufferSize, bytes.Length + rest));
        bytes.CopyTo(combined);
        _buffer.AsSpan(_position, rest).CopyTo(combined.AsSpan(bytes.Length));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = combined;
        _bufferDecoded = decodedStart;
        _position = 0;
        _length = bytes.Length + rest;
    }

    private void SkipDecoded(long count)
    {
        if (!Discard(count))
            Report(new WarcIssue(_options.StartOffset, $"the input ends before the start position {_options.StartOffset}+{count}"));
    }

    /// <summary>Makes <paramref name="count"/> bytes available from the current position, unless the input ends first.</summary>
    private bool Ensure(int count)
    {
        while (_length - _position < count)
            if (!FillMore())
                return false;
        return true;
    }

    /// <summary>Reads more input after the unread bytes, dropping consumed ones. False at the end.</summary>
    private bool FillMore()
    {
        if (_inputEnded)
            return false;
        if (_position > 0)
        {
            _buffer.AsSpan(_position, _length - _position).CopyTo(_buffer);
            _bufferDecoded += _position;
            _length -= _position;
            _position = 0;
        }
        if (_length == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var read = _input.Read(_buffer, _length, _buffer.Length - _length);
        if (read <= 0)
        {
            _inputEnded = true;
            return false;
        }
        _length += read;
        return true;
    }

    /// <summary>File offset of the gzip member holding decoded position <paramref name="decoded"/>, and the position in it.</summary>
    private (long Offset, long InMember) Locate(long decoded)
    {
        if (_gzip is null)
            return (_plainStart + decoded, 0);
        for (var i = _members.Count - 1; i >= 0; i--)
            if (_members[i].Decoded <= decoded)
                return (_members[i].Offset, decoded - _members[i].Decoded);
        return (_options.StartOffset, decoded);
    }

    private void ForgetMembersBefore(long decoded)
    {
        var keepFrom = 0;
        for (var i = 1; i < _members.Count && _members[i].Decoded <= decoded; i++)
            keepFrom = i;
        if (keepFrom > 0)
            _members.RemoveRange(0, keepFrom);
    }

    private void Report(WarcIssue issue)
    {
        _issueCount++;
        _options.OnIssue?.Invoke(issue);
    }

    public void Dispose()
    {
        _input.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }
}
