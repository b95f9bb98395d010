using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Gleaner.Archives;

/// <summary>
/// Writes WARC 1.1 records: each file opens with a <c>warcinfo</c> record, then <c>request</c>, <c>response</c>
/// (or any) records with <c>WARC-Record-ID</c>, <c>WARC-Date</c>, <c>WARC-Target-URI</c>, <c>WARC-IP-Address</c>,
/// and SHA-1 block and payload digests in base32. With compression each record is its own gzip member, so
/// a reader can seek to any record. Each record is written whole in one go and flushed, so a crash leaves at
/// most a cut last record, which readers report and skip.
/// <para>Files roll over at <see cref="WarcWriterOptions.MaxFileBytes"/>: the first file is the given path
/// (<c>crawl.warc.gz</c>), the next ones insert a serial before the extension (<c>crawl-00001.warc.gz</c>,
/// <c>crawl-00002.warc.gz</c>, ...). An existing file is never overwritten: a taken name moves on to the next serial.</para>
/// Thread-safe: concurrent fetchers can share one writer.
/// </summary>
public sealed class WarcWriter : IDisposable
{
    private const string WarcVersion = "WARC/1.1";

    private readonly WarcWriterOptions _options;
    private readonly object _gate = new();
    private readonly string? _basePath;
    private readonly string _extension = "";
    private readonly bool _compress;
    private readonly List<string> _paths = [];
    private readonly bool _ownsStream;
    private Stream? _stream;
    private string? _warcinfoId;
    private int _serial;
    private bool _disposed;

    /// <summary>Writes to <paramref name="path"/> and, past the size limit, to numbered files beside it.</summary>
    public WarcWriter(string path, WarcWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _options = options ?? new WarcWriterOptions();
        foreach (var extension in (string[])[".warc.gz", ".warc", ".gz"])
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                _extension = path[^extension.Length..];
                break;
            }
        }
        _basePath = path[..^_extension.Length];
        _compress = _options.Compress ?? path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        _ownsStream = true;
    }

    /// <summary>Writes to one stream, without rolling over. Compressed unless <see cref="WarcWriterOptions.Compress"/> is false.</summary>
    public WarcWriter(Stream stream, WarcWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _options = options ?? new WarcWriterOptions();
        _compress = _options.Compress ?? true;
        _stream = stream;
    }

    /// <summary>The file being written, if writing to files.</summary>
    public string? CurrentPath
    {
        get { lock (_gate) return _paths.Count > 0 ? _paths[^1] : null; }
    }

    /// <summary>Every file written so far, in order.</summary>
    public IReadOnlyList<string> Paths
    {
        get { lock (_gate) return _paths.ToArray(); }
    }

    /// <summary>Writes a <c>response</c> record holding a whole HTTP response message (status line, headers, body;
    /// see <see cref="HttpMessages.Response"/>). Returns its record ID.</summary>
    public string WriteResponse(string targetUri, DateTimeOffset date, ReadOnlySpan<byte> httpResponse, string? ipAddress = null, string? concurrentTo = null)
    {
        var payload = HttpMessages.BodyStart(httpResponse);
        return WriteRecord(WarcRecordType.Response, targetUri, date, "application/http; msgtype=response", httpResponse,
            ipAddress, concurrentTo, payload >= 0 ? httpResponse[payload..] : default, hasPayload: payload >= 0);
    }

    /// <summary>Writes a <c>request</c> record holding a whole HTTP request message. Returns its record ID.</summary>
    public string WriteRequest(string targetUri, DateTimeOffset date, ReadOnlySpan<byte> httpRequest, string? ipAddress = null, string? concurrentTo = null)
    {
        return WriteRecord(WarcRecordType.Request, targetUri, date, "application/http; msgtype=request", httpRequest,
            ipAddress, concurrentTo, default, hasPayload: false);
    }

    /// <summary>Writes one fetch: the response, then the request that points to it with <c>WARC-Concurrent-To</c>.</summary>
    public (string ResponseId, string RequestId) WriteExchange(string targetUri, DateTimeOffset date, ReadOnlySpan<byte> httpRequest, ReadOnlySpan<byte> httpResponse, string? ipAddress = null)
    {
        var responseId = WriteResponse(targetUri, date, httpResponse, ipAddress);
        var requestId = WriteRequest(targetUri, date, httpRequest, ipAddress, responseId);
        return (responseId, requestId);
    }

    /// <summary>Writes a <c>resource</c> record: a document captured without HTTP (e.g. a local file).</summary>
    public string WriteResource(string targetUri, DateTimeOffset date, string contentType, ReadOnlySpan<byte> content) =>
        WriteRecord(WarcRecordType.Resource, targetUri, date, contentType, content, null, null, content, hasPayload: true);

    /// <summary>Writes a <c>metadata</c> record about <paramref name="refersTo"/> (a record ID).</summary>
    public string WriteMetadata(string targetUri, DateTimeOffset date, string refersTo, IEnumerable<KeyValuePair<string, string>> fields) =>
        WriteRecord(WarcRecordType.Metadata, targetUri, date, "application/warc-fields", FormatFields(fields), null, refersTo, default, hasPayload: false, refersToField: true);

    private string WriteRecord(WarcRecordType type, string? targetUri, DateTimeOffset date, string contentType, ReadOnlySpan<byte> block,
        string? ipAddress, string? concurrentTo, ReadOnlySpan<byte> payload, bool hasPayload, bool refersToField = false)
    {
        var id = NewRecordId();
        var header = new StringBuilder(512);
        header.Append(WarcVersion).Append("\r\n");
        AppendField(header, "WARC-Type", WarcRecordTypes.Name(type));
        AppendField(header, "WARC-Record-ID", id);
        AppendField(header, "WARC-Date", FormatDate(date));
        if (targetUri is not null)
            AppendField(header, "WARC-Target-URI", targetUri);
        if (ipAddress is not null)
            AppendField(header, "WARC-IP-Address", ipAddress);
        if (concurrentTo is not null)
            AppendField(header, refersToField ? "WARC-Refers-To" : "WARC-Concurrent-To", concurrentTo);
        AppendField(header, "WARC-Block-Digest", Sha1Digest(block));
        if (hasPayload)
            AppendField(header, "WARC-Payload-Digest", Sha1Digest(payload));
        AppendField(header, "Content-Type", contentType);
        AppendField(header, "Content-Length", block.Length.ToString(CultureInfo.InvariantCulture));

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Rolling over is decided on the uncompressed size, an upper bound of what is written.
            var stream = StreamFor(header.Length + block.Length);
            var encoded = Encode(header, block, _warcinfoId);
            try
            {
                stream.Write(encoded.Span);
                stream.Flush();
            }
            finally
            {
                encoded.Dispose();
            }
        }
        return id;
    }

    /// <summary>The stream to write a record of <paramref name="size"/> bytes to, rolling over to a new file when it would pass the limit.</summary>
    private Stream StreamFor(long size)
    {
        if (_basePath is null)
        {
            EnsureWarcinfo(_stream!, null);
            return _stream!;
        }
        if (_stream is not null && _stream.Length > 0 && _stream.Length + size > _options.MaxFileBytes)
        {
            _stream.Dispose();
            _stream = null;
        }
        if (_stream is null)
        {
            string path;
            do
            {
                path = _serial == 0 ? _basePath + _extension : $"{_basePath}-{_serial:D5}{_extension}";
                _serial++;
            }
            while (File.Exists(path));
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
                Directory.CreateDirectory(directory);
            _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
            _paths.Add(path);
            _warcinfoId = null;
            EnsureWarcinfo(_stream, Path.GetFileName(path));
        }
        return _stream;
    }

    private void EnsureWarcinfo(Stream stream, string? fileName)
    {
        if (_warcinfoId is not null)
            return;
        var fields = new List<KeyValuePair<string, string>> { new("software", _options.Software), new("format", "WARC File Format 1.1"),
            new("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/") };
        fields.AddRange(_options.InfoFields);
        var block = FormatFields(fields);
        var id = NewRecordId();
        var header = new StringBuilder(256);
        header.Append(WarcVersion).Append("\r\n");
        AppendField(header, "WARC-Type", "warcinfo");
        AppendField(header, "WARC-Record-ID", id);
        AppendField(header, "WARC-Date", FormatDate(DateTimeOffset.UtcNow));
        if (fileName is not null)
            AppendField(header, "WARC-Filename", fileName);
        AppendField(header, "WARC-Block-Digest", Sha1Digest(block));
        AppendField(header, "Content-Type", "application/warc-fields");
        AppendField(header, "Content-Length", block.Length.ToString(CultureInfo.InvariantCulture));
        using var encoded = Encode(header, block, warcinfoId: null);
        stream.Write(encoded.Span);
        _warcinfoId = id;
    }

    /// <summary>The whole record as it goes to the file: header, block, end marker; one gzip member when compressing.</summary>
    private PooledBuffer Encode(StringBuilder header, ReadOnlySpan<byte> block, string? warcinfoId)
    {
        if (warcinfoId is not null)
            AppendField(header, "WARC-Warcinfo-ID", warcinfoId);
        header.Append("\r\n");
        var headerBytes = Encoding.UTF8.GetBytes(header.ToString());
        var plain = new PooledBuffer(headerBytes.Length + block.Length + 4);
        plain.Append(headerBytes);
        plain.Append(block);
        plain.Append("\r\n\r\n"u8);
        if (!_compress)
            return plain;
        using (plain)
        {
            var compressed = new PooledBufferStream(plain.Length / 3 + 64);
            using (var gzip = new GZipStream(compressed, _options.CompressionLevel, leaveOpen: true))
                gzip.Write(plain.Span);
            return compressed.Buffer;
        }
    }

    private static void AppendField(StringBuilder header, string name, string value)
    {
        // A line break inside a value would end the header early.
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            value = value.Replace("\r", " ").Replace("\n", " ");
        header.Append(name).Append(": ").Append(value).Append("\r\n");
    }

    private static byte[] FormatFields(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields)
            AppendField(text, name, value);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string NewRecordId() => $"<urn:uuid:{Guid.NewGuid():D}>";

    /// <summary>WARC-Date: UTC, to the second (readable by WARC 1.0 tools too).</summary>
    internal static string FormatDate(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>sha1:</c> and the SHA-1 of <paramref name="bytes"/> in base32 (RFC 4648), as WARC tools write digests.</summary>
    public static string Sha1Digest(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(bytes, hash);
        return "sha1:" + Base32(hash);
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5 + 8);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        while (text.Length % 8 != 0)
            text.Append('=');
        return text.ToString();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            if (_ownsStream)
                _stream?.Dispose();
            else
                _stream?.Flush();
            _stream = null;
        }
    }

    /// <summary>A write-only stream into a <see cref="PooledBuffer"/>, for compressing a record before it is written.</summary>
    private sealed class PooledBufferStream(int capacity) : Stream
    {
        public PooledBuffer Buffer { get; } = new(capacity);

        public override void Write(byte[] buffer, int offset, int count) => Buffer.Append(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer) => Buffer.Append(buffer);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Buffer.Length;
        public override long Position { get => Buffer.Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
