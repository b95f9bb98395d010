namespace Gleaner.Archives;

/// <summary>Settings for <see cref="WarcReader"/>. The defaults suit news archives such as CC-NEWS.</summary>
public sealed record WarcReaderOptions
{
    /// <summary>Records whose block is larger are skipped (and reported) instead of held in memory.</summary>
    public long MaxRecordBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>A record's header lines longer than this in all are taken for garbage.</summary>
    public int MaxHeaderBytes { get; init; } = 256 * 1024;

    /// <summary>Receives each problem the reader stepped over. Called on the reading thread.</summary>
    public Action<WarcIssue>? OnIssue { get; init; }

    /// <summary>Start reading at this file offset: where a record (plain WARC) or a gzip member starts,
    /// as given by <see cref="WarcRecord.Offset"/>. Used to resume.</summary>
    public long StartOffset { get; init; }

    /// <summary>With <see cref="StartOffset"/>: how many decompressed bytes of that gzip member to skip
    /// (<see cref="WarcRecord.OffsetInMember"/>; 0 except for whole-file gzip).</summary>
    public long StartOffsetInMember { get; init; }
}
