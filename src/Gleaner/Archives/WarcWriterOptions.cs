using System.IO.Compression;

namespace Gleaner.Archives;

/// <summary>Settings for <see cref="WarcWriter"/>.</summary>
public sealed record WarcWriterOptions
{
    /// <summary>A file that reaches this size is closed and the next record starts a new one (about 1 GB, as web archives customarily do).</summary>
    public long MaxFileBytes { get; init; } = 1_000_000_000;

    /// <summary>Compress each record as its own gzip member. Null: when the file name ends in <c>.gz</c>
    /// (always, for a writer over a stream).</summary>
    public bool? Compress { get; init; }

    /// <summary>gzip level for each record.</summary>
    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Optimal;

    /// <summary>The <c>software</c> field of each file's warcinfo record: <c>Gleaner/</c> and the library's version by default.</summary>
    public string Software { get; init; } = DefaultSoftware;

    private static readonly string DefaultSoftware = "Gleaner/" + LibraryVersion();

    private static string LibraryVersion()
    {
        var version = typeof(WarcWriterOptions).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+'); // the source-revision suffix the SDK appends
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>More warcinfo fields (e.g. <c>operator</c>, <c>robots</c>, <c>isPartOf</c>, <c>description</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> InfoFields { get; init; } = [];
}
