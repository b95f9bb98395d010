namespace Gleaner.Archives;

/// <summary>Settings for <see cref="WarcHarvester"/>.</summary>
public sealed record WarcHarvestOptions
{
    /// <summary>Keep only pages whose host is one of these domains or under one (<c>example.com</c> takes <c>www.example.com</c>). Empty: all.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];

    /// <summary>Keep only articles published at or after this instant (the capture date stands in when the page gives none).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Keep only articles in these languages (ISO 639-1). Empty: all.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Also keep pages the <see cref="Extraction.ArticleClassifier"/> takes for listings (home, section, tag pages).</summary>
    public bool KeepListings { get; init; }

    /// <summary>Extraction threads.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Files read at the same time (one reader thread each).</summary>
    public int ConcurrentFiles { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>A response body is cut at this size once decoded.</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>How often, at most, a file's <see cref="WarcCheckpoint"/> is reported while it is read.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reader settings (size limits). Its issue callback and start offsets are set by the harvester.</summary>
    public WarcReaderOptions Reader { get; init; } = new();
}
