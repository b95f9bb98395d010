using System.IO.Compression;
using System.Text;
using Gleaner.Archives;
using static Gleaner.Tests.Archives.WarcFiles;

namespace Gleaner.Tests.Archives;

public class HttpResponseTests
{
    private const string Html = "<html><body><p>Ünïcode story text, long enough to compress well. Ünïcode story text.</p></body></html>";

    private static string Decode(byte[] message)
    {
        var response = Gleaner.Archives.HttpResponse.Parse(message)!;
        using var body = response.DecodeBody();
        return Encoding.UTF8.GetString(body.Span);
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var stream = open(output))
            stream.Write(bytes);
        return output.ToArray();
    }

    private static byte[] Chunk(byte[] bytes, int size)
    {
        var output = new List<byte>();
        for (var at = 0; at < bytes.Length; at += size)
        {
            var part = bytes.AsSpan(at, Math.Min(size, bytes.Length - at));
            output.AddRange(Encoding.ASCII.GetBytes($"{part.Length:x};ext=1\r\n"));
            output.AddRange(part.ToArray());
            output.AddRange("\r\n"u8.ToArray());
        }
        output.AddRange("0\r\n\r\n"u8.ToArray());
        return [.. output];
    }

    [Fact]
    public void UndoesChunkedTransferEncoding()
    {
        var message = HttpResponseBytes(Chunk(Encoding.UTF8.GetBytes(Html), 10), "text/html", headers: ("Transfer-Encoding", "chunked"));
        Assert.Equal(Html, Decode(message));
    }

    [Fact]
    public void TakesABodyMarkedChunkedButStoredDecodedAsItIs()
    {
        var message = HttpResponseBytes(Encoding.UTF8.GetBytes(Html), "text/html", headers: ("Transfer-Encoding", "chunked"));
        Assert.Equal(Html, Decode(message));
    }

    [Fact]
    public void UndoesGzipDeflateAndBrotli()
    {
        var bytes = Encoding.UTF8.GetBytes(Html);
        Assert.Equal(Html, Decode(HttpResponseBytes(Compress(bytes, s => new GZipStream(s, CompressionLevel.Fastest)), "text/html", headers: ("Content-Encoding", "gzip"))));
        Assert.Equal(Html, Decode(HttpResponseBytes(Compress(bytes, s => new ZLibStream(s, CompressionLevel.Fastest)), "text/html", headers: ("Content-Encoding", "deflate"))));
        Assert.Equal(Html, Decode(HttpResponseBytes(Compress(bytes, s => new DeflateStream(s, CompressionLevel.Fastest)), "text/html", headers: ("Content-Encoding", "deflate"))));
        Assert.Equal(Html, Decode(HttpResponseBytes(Compress(bytes, s => new BrotliStream(s, CompressionLevel.Fastest)), "text/html", headers: ("Content-Encoding", "br"))));
    }

    [Fact]
    public void UndoesChunkingThenCompression()
    {
        var gzipped = Compress(Encoding.UTF8.GetBytes(Html), s => new GZipStream(s, CompressionLevel.Fastest));
        var message = HttpResponseBytes(Chunk(gzipped, 7), "text/html", headers: [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]);
        Assert.Equal(Html, Decode(message));
    }

    [Fact]
    public void CutsADecompressionBombAtTheLimit()
    {
        var bomb = Compress(new byte[5_000_000], s => new GZipStream(s, CompressionLevel.Optimal));
        var response = Gleaner.Archives.HttpResponse.Parse(HttpResponseBytes(bomb, "text/html", headers: ("Content-Encoding", "gzip")))!;
        using var body = response.DecodeBody(maxBytes: 100_000);
        Assert.Equal(100_000, body.Length);
    }

    [Fact]
    public void ReportsABodyThatIsNotInItsDeclaredEncoding()
    {
        var response = Gleaner.Archives.HttpResponse.Parse(HttpResponseBytes([0x1f, 0x8b, 1, 2, 3, 4, 5], "text/html", headers: ("Content-Encoding", "gzip")))!;
        Assert.Throws<InvalidDataException>(() => response.DecodeBody());
    }

    [Fact]
    public void ParsesStatusLineAndHeaders()
    {
        var response = Gleaner.Archives.HttpResponse.Parse("HTTP/1.0 404 Not Found\r\nServer: x\r\nX-Folded: a\r\n b\r\n\r\nbody"u8.ToArray())!;
        Assert.Equal("HTTP/1.0", response.Version);
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("Not Found", response.Reason);
        Assert.Equal("a b", response.Headers["x-folded"]);
        Assert.Equal("body", Encoding.ASCII.GetString(response.RawBody.Span));
        Assert.Null(Gleaner.Archives.HttpResponse.Parse("GET / HTTP/1.1\r\n\r\n"u8.ToArray()));
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", "x", true)]
    [InlineData("application/xhtml+xml", "x", true)]
    [InlineData("application/json", "<html>", false)]
    [InlineData(null, "\uFEFF  <!-- c --> <!DOCTYPE html><html>", true)]
    [InlineData("application/octet-stream", "<HTML><head>", true)]
    [InlineData(null, "{\"json\": 1}", false)]
    public void SniffsHtml(string? contentType, string body, bool expected) =>
        Assert.Equal(expected, HtmlSniffer.IsHtml(contentType, Encoding.UTF8.GetBytes(body)));
}
