namespace Gleaner.Archives;

/// <summary>Running counts of a harvest, safe to read from another thread (for a progress display).</summary>
public sealed class WarcHarvestProgress
{
    private long _finishedFileBytes;
    private long _records;
    private long _pages;
    private long _articles;
    private long _issues;
    private readonly List<WarcReader> _open = [];

    /// <summary>Bytes of the files read so far (compressed bytes for .warc.gz).</summary>
    public long BytesRead
    {
        get
        {
            lock (_open)
            {
                var total = Volatile.Read(ref _finishedFileBytes);
                foreach (var reader in _open)
                    total += reader.BytesRead;
                return total;
            }
        }
    }

    /// <summary>WARC records read.</summary>
    public long Records => Volatile.Read(ref _records);

    /// <summary>HTML pages (200 responses and resources) examined.</summary>
    public long Pages => Volatile.Read(ref _pages);

    /// <summary>Articles kept.</summary>
    public long Articles => Volatile.Read(ref _articles);

    /// <summary>Problems reported.</summary>
    public long Issues => Volatile.Read(ref _issues);

    internal void Opened(WarcReader reader)
    {
        lock (_open)
            _open.Add(reader);
    }

    internal void Closed(WarcReader reader)
    {
        lock (_open)
        {
            _open.Remove(reader);
            _finishedFileBytes += reader.BytesRead;
        }
    }

    internal void AddRecord() => Interlocked.Increment(ref _records);

    internal void AddPage() => Interlocked.Increment(ref _pages);

    internal void AddArticle() => Interlocked.Increment(ref _articles);

    internal void AddIssue() => Interlocked.Increment(ref _issues);
}
