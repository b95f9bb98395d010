using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using Gleaner.Archives;
using Gleaner.Fetching;

namespace Gleaner.Tests.Fetching;

/// <summary>The one content decoder, as the fetcher, archived responses and gzip files use it.</summary>
public class ContentDecodingTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<html><body><p>" + string.Concat(Enumerable.Repeat("A decoded story. ", 200)) + "</p></body></html>");

    private static byte[] Compress(Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var encoder = open(output))
            encoder.Write(Page);
        return output.ToArray();
    }

    private static byte[] Gzip() => Compress(s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true));
    private static byte[] Zlib() => Compress(s => new ZLibStream(s, CompressionLevel.Fastest, leaveOpen: true));
    private static byte[] RawDeflate() => Compress(s => new DeflateStream(s, CompressionLevel.Fastest, leaveOpen: true));
    private static byte[] Brotli() => Compress(s => new BrotliStream(s, CompressionLevel.Fastest, leaveOpen: true));

    public static TheoryData<string, string> Encodings() => new()
    {
        { "gzip", "gzip" }, { "zlib", "deflate" }, { "raw", "deflate" }, { "br", "br" }, { "plain", "gzip" }, { "plain", "identity" },
    };

    private static byte[] Encoded(string form) => form switch
    {
        "gzip" => Gzip(),
        "zlib" => Zlib(),
        "raw" => RawDeflate(),
        "br" => Brotli(),
        _ => Page,
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryFormDecodesAlikeInMemory(string form, string encoding) =>
        Assert.Equal(Page, ContentDecoding.DecodeWhole(Encoded(form), encoding, 1 << 20));

    [Theory]
    [MemberData(nameof(Encodings))]
    public void ArchivedResponsesDecodeEveryFormAlike(string form, string encoding)
    {
        var message = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {encoding}\r\n\r\n").Concat(Encoded(form)).ToArray();
        using var body = HttpResponse.Parse(message)!.DecodeBody();
        Assert.Equal(Page, body.Span.ToArray());
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task TheFetcherDecodesEveryFormAlike(string form, string encoding)
    {
        using var fetcher = new Fetcher(handler: new FixedAnswer(Encoded(form), encoding));
        var result = await fetcher.FetchAsync(new Uri("http://127.0.0.1/page"));
        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(Page, result.Body);
    }

    [Fact]
    public void TruncatedGzipIsAnErrorNotHalfABody()
    {
        var gzip = Gzip();
        var error = Assert.Throws<InvalidDataException>(() => ContentDecoding.DecodeWhole(gzip[..(gzip.Length - 6)], "gzip", 1 << 20));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void SeveralGzipMembersDecodeWhole()
    {
        // The trailer states the last member's length only: the output grows past it.
        var decoded = ContentDecoding.DecodeWhole([.. Gzip(), .. Gzip()], "gzip", 1 << 20);
        Assert.Equal([.. Page, .. Page], decoded!);
    }

    [Fact]
    public void ATrailerClaimingAHugeLengthIsRefusedWithoutAllocatingIt()
    {
        var gzip = Gzip();
        BinaryPrimitives.WriteUInt32LittleEndian(gzip.AsSpan(gzip.Length - 4), uint.MaxValue);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<InvalidDataException>(() => ContentDecoding.DecodeWhole(gzip, "gzip", 1L << 30));
        // The output is sized by the data (at most 1032 times it, deflate's largest ratio), not by the claim.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < gzip.Length * 1032L + (1 << 20));
    }

    [Fact]
    public void DecodingStopsAtTheLimit() => Assert.Null(ContentDecoding.DecodeWhole(Gzip(), "gzip", 100));

    [Fact]
    public void ABodyOfExactlyTheLimitDecodesAndOneByteMoreDoesNot()
    {
        // Sized by its trailer, the gzip body fills its buffer exactly: only the read after it tells the end.
        Assert.Equal(Page, ContentDecoding.DecodeWhole(Gzip(), "gzip", Page.Length));
        Assert.Null(ContentDecoding.DecodeWhole(Gzip(), "gzip", Page.Length - 1));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("deflate")]
    public void ABodyWithoutATrailerGrowsToItsLengthWithinTheLimit(string encoding)
    {
        // 200 KB of text: no trailer states it, so the output starts small and grows, up to the limit and no further.
        var large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 12_000).Select(i => $"line {i} of a story. ")));
        using var output = new MemoryStream();
        using (Stream encoder = encoding == "br" ? new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true) : new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            encoder.Write(large);
        var encoded = output.ToArray();
        Assert.Equal(large, ContentDecoding.DecodeWhole(encoded, encoding, 1 << 20));
        Assert.Equal(large, ContentDecoding.DecodeWhole(encoded, encoding, large.Length));
        Assert.Null(ContentDecoding.DecodeWhole(encoded, encoding, large.Length - 1));
    }

    [Fact]
    public void AnUnknownEncodingIsNamed() =>
        Assert.Contains("compress", Assert.Throws<InvalidDataException>(() => ContentDecoding.DecodeWhole(Page, "compress", 1 << 20)).Message);

    /// <summary>Answers every request with the same encoded body.</summary>
    private sealed class FixedAnswer(byte[] body, string encoding) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "text/html; charset=utf-8");
            content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
