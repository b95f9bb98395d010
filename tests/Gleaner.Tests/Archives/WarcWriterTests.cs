using System.Text;
using Gleaner.Archives;

namespace Gleaner.Tests.Archives;

public sealed class WarcWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-warc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DateTimeOffset When = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static byte[] ResponseMessage(int i) => HttpMessages.Response(200, "OK",
        [new("Content-Type", "text/html; charset=utf-8"), new("Content-Encoding", "gzip")], Encoding.UTF8.GetBytes(WarcFiles.Page(i)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WhatIsWrittenReadsBackByteForByte(bool compress)
    {
        using var file = new MemoryStream();
        var written = new List<(string Id, string Uri, byte[] Block)>();
        using (var writer = new WarcWriter(file, new WarcWriterOptions { Compress = compress }))
        {
            for (var i = 0; i < 5; i++)
            {
                var uri = $"https://news.example/story/{i}";
                var request = HttpMessages.Request("GET", new Uri(uri), [new("User-Agent", "Gleaner-test")]);
                var response = ResponseMessage(i);
                var (responseId, requestId) = writer.WriteExchange(uri, When, request, response, "192.0.2.7");
                written.Add((responseId, uri, response));
                written.Add((requestId, uri, request));
            }
        }

        var issues = new List<WarcIssue>();
        using var reader = new WarcReader(new MemoryStream(file.ToArray()), new WarcReaderOptions { OnIssue = issues.Add });
        using var info = reader.Read()!;
        Assert.Equal(WarcRecordType.Warcinfo, info.Type);
        Assert.Contains("software: Gleaner", Encoding.UTF8.GetString(info.Block.Span));
        foreach (var (id, uri, block) in written)
        {
            using var record = reader.Read()!;
            Assert.Equal(id, record.RecordId);
            Assert.Equal(uri, record.TargetUri);
            Assert.Equal(When, record.Date);
            Assert.Equal("192.0.2.7", record.Headers["WARC-IP-Address"]);
            Assert.Equal(info.RecordId, record.Headers["WARC-Warcinfo-ID"]);
            Assert.Equal(block, record.Block.ToArray());
            Assert.Equal(WarcWriter.Sha1Digest(block), record.Headers["WARC-Block-Digest"]);
            Assert.Matches("^<urn:uuid:[0-9a-f-]{36}>$", record.RecordId);
        }
        Assert.Null(reader.Read());
        Assert.Empty(issues);
        Assert.Equal(compress, reader.IsCompressed);
    }

    [Fact]
    public void ResponseRecordsCarryHttpAndPayloadDigest()
    {
        using var file = new MemoryStream();
        using (var writer = new WarcWriter(file))
            writer.WriteResponse("https://news.example/a", When, ResponseMessage(1));
        using var reader = new WarcReader(new MemoryStream(file.ToArray()));
        reader.Read()!.Dispose();
        using var record = reader.Read()!;

        Assert.Equal(WarcRecordType.Response, record.Type);
        Assert.Equal("application/http; msgtype=response", record.ContentType);
        var http = record.ReadHttpResponse()!;
        Assert.Equal("gzip", http.Headers["X-Crawler-Content-Encoding"]);
        Assert.Null(http.Headers["Content-Encoding"]); // the body is stored decoded
        using var body = http.DecodeBody();
        Assert.Equal(WarcFiles.Page(1), Encoding.UTF8.GetString(body.Span));
        Assert.Equal(WarcWriter.Sha1Digest(body.Span), record.Headers["WARC-Payload-Digest"]);
    }

    [Fact]
    public void Sha1DigestIsBase32()
    {
        // SHA-1 of the empty string, da39a3ee..., in base32.
        Assert.Equal("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", WarcWriter.Sha1Digest([]));
    }

    [Fact]
    public void RollsOverToNumberedFilesAndNeverOverwrites()
    {
        var path = Path.Combine(_folder, "crawl.warc.gz");
        File.WriteAllText(Path.Combine(_folder, "crawl-00001.warc.gz"), "taken");
        var uris = new List<string>();
        IReadOnlyList<string> paths;
        using (var writer = new WarcWriter(path, new WarcWriterOptions { MaxFileBytes = 3_000 }))
        {
            for (var i = 0; i < 12; i++)
            {
                var uri = $"https://news.example/{i}";
                writer.WriteResponse(uri, When, ResponseMessage(i));
                uris.Add(uri);
            }
            paths = writer.Paths;
        }

        Assert.True(paths.Count >= 3);
        Assert.Equal(path, paths[0]);
        Assert.Equal(Path.Combine(_folder, "crawl-00002.warc.gz"), paths[1]);
        Assert.Equal("taken", File.ReadAllText(Path.Combine(_folder, "crawl-00001.warc.gz")));
        var read = new List<string>();
        foreach (var file in paths)
        {
            using var reader = WarcReader.Open(file);
            using var info = reader.Read()!;
            Assert.Equal(WarcRecordType.Warcinfo, info.Type);
            Assert.Equal(Path.GetFileName(file), info.Headers["WARC-Filename"]);
            while (reader.Read() is { } record)
                using (record)
                    read.Add(record.TargetUri!);
        }
        Assert.Equal(uris, read);
    }

    [Fact]
    public void ConcurrentWritersProduceWholeRecords()
    {
        var path = Path.Combine(_folder, "parallel.warc.gz");
        using (var writer = new WarcWriter(path))
            Parallel.For(0, 200, i => writer.WriteResponse($"https://news.example/{i}", When, ResponseMessage(i)));

        var issues = new List<WarcIssue>();
        using var reader = WarcReader.Open(path, new WarcReaderOptions { OnIssue = issues.Add });
        var uris = new HashSet<string>();
        while (reader.Read() is { } record)
            using (record)
                if (record.Type == WarcRecordType.Response)
                    uris.Add(record.TargetUri!);
        Assert.Empty(issues);
        Assert.Equal(200, uris.Count);
    }
}
