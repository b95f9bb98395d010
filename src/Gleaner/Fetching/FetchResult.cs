namespace Gleaner.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchOutcome
{
    /// <summary>2xx with a body of an accepted type.</summary>
    Ok,

    /// <summary>304 to a conditional request: the copy we have is current.</summary>
    NotModified,

    /// <summary>A final 4xx or 5xx answer (after retries).</summary>
    HttpError,

    /// <summary>The content type is not one we read (images, PDF, video...): recorded and skipped, body not downloaded.</summary>
    NotHtml,

    /// <summary>The body exceeded <see cref="FetchOptions.MaxBodyBytes"/>.</summary>
    TooLarge,

    /// <summary>No answer within <see cref="FetchOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The connection could not be made or broke (after retries).</summary>
    ConnectionFailed,

    /// <summary>The body could not be read to the end (truncated, bad compression).</summary>
    BrokenBody,

    /// <summary>More than <see cref="FetchOptions.MaxRedirects"/> hops, or a hop back to an address already visited.</summary>
    RedirectLoop,

    /// <summary>A redirect target the caller refused (robots.txt, scope).</summary>
    RedirectBlocked,

    /// <summary>A redirect, returned as such when the caller follows redirects itself (see <see cref="FetchResult.RedirectTarget"/>).</summary>
    Redirect,
}

/// <summary>One HTTP response header.</summary>
public readonly record struct HttpHeader(string Name, string Value);

/// <summary>What a fetch produced. <see cref="Body"/> is empty unless <see cref="Outcome"/> is <see cref="FetchOutcome.Ok"/>.</summary>
public sealed class FetchResult
{
    public required Uri RequestedUrl { get; init; }

    /// <summary>Where the body came from after redirects.</summary>
    public required Uri FinalUrl { get; init; }

    public required FetchOutcome Outcome { get; init; }

    /// <summary>The last HTTP status, 0 when there was no answer.</summary>
    public int StatusCode { get; init; }

    /// <summary>A short reason for the failure, for logs and <c>--report</c> (<c>http 404</c>, <c>timeout</c>...).</summary>
    public string? Reason { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>Where a <see cref="FetchOutcome.Redirect"/> points.</summary>
    public Uri? RedirectTarget { get; init; }

    public string? ContentType { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>When the server asked us to come back (Retry-After longer than we wait in place).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The HTTP version of the final answer (1.1, 2.0).</summary>
    public Version? HttpVersion { get; init; }

    /// <summary>The final answer's headers (content headers included), with their values as received, for archives.</summary>
    public IReadOnlyList<HttpHeader> Headers { get; init; } = [];

    /// <summary>The final answer's reason phrase as received (<c>OK</c>, <c>Not Found</c>), for archives.</summary>
    public string? ReasonPhrase { get; init; }

    /// <summary>The last request sent, as sent (method, address and headers, the client's defaults included), for archives.</summary>
    public string RequestMethod { get; init; } = "GET";

    /// <summary>The headers of the last request sent, for archives (a <c>request</c> record).</summary>
    public IReadOnlyList<HttpHeader> RequestHeaders { get; init; } = [];

    /// <summary>The IP address of the server that answered, when the fetcher made the connection itself (its default handler).</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>The body as it came over the wire, before content decoding (gzip, brotli...), when
    /// <see cref="FetchOptions.KeepWireBody"/> is set and <see cref="Outcome"/> is <see cref="FetchOutcome.Ok"/>; null otherwise.</summary>
    public byte[]? WireBody { get; init; }

    /// <summary>When the final answer arrived.</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>Requests sent, retries and redirect hops included.</summary>
    public int Requests { get; init; }

    /// <summary>Whether a later try could succeed (timeouts, connection errors, 429, 5xx).</summary>
    public bool IsTransient => Outcome is FetchOutcome.Timeout or FetchOutcome.ConnectionFailed
        || (Outcome == FetchOutcome.HttpError && (StatusCode == 429 || StatusCode >= 500));
}
