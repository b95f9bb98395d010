namespace Gleaner.Web;

/// <summary>Settings of <c>gleaner serve</c>.</summary>
public sealed record ServeOptions
{
    /// <summary>The <c>--store</c> value (an SQLite file or a PostgreSQL address); null means gleaner.db.</summary>
    public string? Store { get; init; }

    /// <summary>Lets <c>POST /api/extract</c> fetch a URL (never from loopback, private or link-local addresses).</summary>
    public bool AllowFetch { get; init; }

    /// <summary>When set, every request that is not a read (POST) must carry <c>Authorization: Bearer</c> with this token.</summary>
    public string? Token { get; init; }

    /// <summary>Largest request body accepted (the HTML given to extract).</summary>
    public long MaxRequestBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>How long one request may take before it is answered 503.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one search may run in the store.</summary>
    public TimeSpan SearchTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most store connections open at once: requests beyond wait for one.</summary>
    public int StoreConnections { get; init; } = DefaultStoreConnections;

    /// <summary>
    /// One store connection per core (at least 2): a search is CPU work in SQLite, so connections beyond the cores only
    /// share them, and each keeps its own page cache (up to 64 MB, see the store) that the others do not hit. At 1,000,000
    /// records on 2 cores, 16 clients searching: 4 connections gave 9-10 searches a second at 32-35 ms of CPU each, peak
    /// memory 375-381 MB; 2 connections 11-12 a second at 28-29 ms, 252 MB.
    /// </summary>
    public static int DefaultStoreConnections => Math.Max(2, Environment.ProcessorCount);

    /// <summary>Largest page a URL fetch for extract reads.</summary>
    public int MaxFetchBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>
    /// Lets extract fetch from loopback and private addresses. Only tests set it (to fetch from their own
    /// server on 127.0.0.1); <c>gleaner serve</c> has no option for it.
    /// </summary>
    internal bool AllowPrivateAddresses { get; init; }
}
