namespace Gleaner.Fetching;

/// <summary>Settings for <see cref="Fetcher"/>. Every limit is bounded by default.</summary>
public sealed record FetchOptions
{
    /// <summary>The default User-Agent: a product token robots.txt groups can name, a version and where to read about it.</summary>
    public const string DefaultUserAgent = "GleanerBot/0.1 (+https://github.com/gleaner/gleaner; news harvester)";

    /// <summary>Sent with every request; its first word is the product token matched against robots.txt groups.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Time allowed to open a connection (TCP and TLS).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one request from sending it to the last body byte.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bodies larger than this (after decompression) are aborted while streaming and reported as too large.</summary>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Redirect hops followed before giving up.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Retries after a connection error, a timeout, 429 or a 5xx answer.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First retry delay when the server gives no Retry-After; doubled each retry.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Keep the body as received, before content decoding, in <see cref="FetchResult.WireBody"/> (for archives that store it verbatim).</summary>
    public bool KeepWireBody { get; init; }

    /// <summary>A Retry-After longer than this is not waited for in place: the fetch fails and reports when to come back.</summary>
    public TimeSpan MaxRetryAfterWait { get; init; } = TimeSpan.FromSeconds(60);
}
