using System.Text;
using Gleaner.Archives;
using static Gleaner.Tests.Archives.WarcFiles;

namespace Gleaner.Tests.Archives;

/// <summary>
/// Multi-gigabyte inputs made up on the fly (never on disk) are read in constant memory. The heap is the
/// whole process's, so these run alone: tests beside them would inflate it.
/// </summary>
[Collection(nameof(LargeWarcTests))]
public class LargeWarcTests
{
    // A reader that buffered the input would hold gigabytes; one that streams holds a record or two.
    private const long HeapCeiling = 256L * 1024 * 1024;

    [Fact]
    public void ReadsAThreeGigabytePlainWarcInConstantMemory()
    {
        var story = Response("https://news.example/story", Page(1) + new string('s', 100_000));
        var huge = Response("https://news.example/video", new string('v', 2_000_000));
        var unit = Concat(story, huge);
        const long repeats = 1_450; // about 3.05 GB
        using var input = new RepeatingStream(unit, repeats);

        var (records, issues, maxHeap, bytesRead) = ReadThrough(input, new WarcReaderOptions { MaxRecordBytes = 1_000_000 });

        Assert.True(input.Length > 3_000_000_000L);
        Assert.Equal(repeats, records);
        Assert.Equal(repeats, issues); // every huge record skipped and reported
        Assert.Equal(input.Length, bytesRead);
        Assert.True(maxHeap < HeapCeiling, $"managed heap reached {maxHeap:N0} bytes");
    }

    [Fact]
    public void ReadsAGigabyteOfGzipMembersInConstantMemory()
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 200_000; i++)
            text.Append("<p>Paragraph ").Append(i).Append(" of a long story about archives and harvests.</p>\n");
        var member = Gzip(Response("https://news.example/story", text.ToString()));
        var decodedPerRecord = Response("https://news.example/story", text.ToString()).Length;
        var repeats = 1_100_000_000L / decodedPerRecord;
        using var input = new RepeatingStream(member, repeats);

        var (records, issues, maxHeap, bytesRead) = ReadThrough(input, new WarcReaderOptions());

        Assert.Equal(repeats, records);
        Assert.Equal(0, issues);
        Assert.Equal(input.Length, bytesRead);
        Assert.True(maxHeap < HeapCeiling, $"managed heap reached {maxHeap:N0} bytes");
    }

    private static (long Records, long Issues, long MaxHeap, long BytesRead) ReadThrough(Stream input, WarcReaderOptions options)
    {
        long issues = 0, records = 0, maxHeap = 0;
        using var reader = new WarcReader(input, options with { OnIssue = _ => issues++ });
        while (reader.Read() is { } record)
        {
            using (record)
            {
                Assert.Equal(WarcRecordType.Response, record.Type);
                records++;
                // Live memory after a collection: garbage not yet collected says nothing about what the reader holds.
                if (records % 500 == 0)
                    maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: true));
            }
        }
        return (records, issues, maxHeap, reader.BytesRead);
    }

    /// <summary>A read-only stream of <c>repeats</c> copies of <c>unit</c>, made as it is read.</summary>
    private sealed class RepeatingStream(byte[] unit, long repeats) : Stream
    {
        private long _position;

        public override long Length { get; } = unit.LongLength * repeats;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> destination)
        {
            var written = 0;
            while (written < destination.Length && _position < Length)
            {
                var inUnit = (int)(_position % unit.Length);
                var step = Math.Min(destination.Length - written, unit.Length - inUnit);
                step = (int)Math.Min(step, Length - _position);
                unit.AsSpan(inUnit, step).CopyTo(destination[written..]);
                written += step;
                _position += step;
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

[CollectionDefinition(nameof(LargeWarcTests), DisableParallelization = true)]
public class LargeWarcTestsRunAlone;
