namespace Gleaner.Archives;

/// <summary>A WARC file to harvest (<c>-</c> for standard input), and where a previous run stopped in it
/// (records at or before that position are skipped).</summary>
public sealed record WarcSource(string Path, WarcPosition? ResumeAfter = null)
{
    /// <summary>The <see cref="Path"/> that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// Opens the input at a byte offset (0, or the <see cref="WarcPosition.Offset"/> of <see cref="ResumeAfter"/>),
    /// for inputs that are not local files (a WARC file streamed over HTTP); null: <see cref="Path"/> is a file.
    /// </summary>
    public Func<long, CancellationToken, Task<Stream>>? Open { get; init; }
}

/// <summary>What <see cref="WarcHarvester.RunAsync"/> yields.</summary>
public abstract record WarcHarvestEvent(string File);

/// <summary>An article found in a response (or resource) record.</summary>
public sealed record WarcArticle(string File, WarcPosition Position, string? RecordId, Article Article) : WarcHarvestEvent(File)
{
    /// <summary>The record's number in this run's reading of the file, for resume bookkeeping.</summary>
    internal long Sequence { get; init; }
}

/// <summary>A problem in a file: damage the reader stepped over, a body that would not decode, a file that would not open.</summary>
public sealed record WarcHarvestIssue(string File, WarcIssue Issue, bool FileFailed = false) : WarcHarvestEvent(File);

/// <summary>
/// Every record of <see cref="WarcHarvestEvent.File"/> up to and including <see cref="Position"/> has been
/// handled, and every <see cref="WarcArticle"/> among them was yielded and its consumer has finished with it.
/// Saving this lets a later run resume after it (<see cref="WarcSource.ResumeAfter"/>). <see cref="Done"/>: the whole file.
/// </summary>
public sealed record WarcCheckpoint(string File, WarcPosition? Position, bool Done) : WarcHarvestEvent(File);
