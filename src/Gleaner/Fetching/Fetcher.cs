using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace Gleaner.Fetching;

/// <summary>
/// Decides whether a redirect hop may be followed; returns null to follow it or a reason to refuse
/// (robots.txt, scope). It may also wait (politeness) before answering.
/// </summary>
public delegate ValueTask<string?> RedirectCheck(Uri target, CancellationToken cancellationToken);

/// <summary>
/// Fetches pages over HTTP with bounded time, size and redirects, retrying transient failures.
/// HTTP/2 is used where the server offers it (ALPN over TLS), gzip, deflate and brotli are decoded.
/// Redirects are followed here, hop by hop, so each hop can be checked (<see cref="RedirectCheck"/>).
/// Retries are a small loop of our own rather than a resilience pipeline: a retry must stay inside
/// the caller's per-host turn (one request at a time per host), a Retry-After longer than
/// <see cref="FetchOptions.MaxRetryAfterWait"/> must be handed back to the frontier instead of being
/// slept on, and each attempt needs its own body-size and timeout accounting; a generic handler
/// pipeline hides all three. Thread-safe.
/// </summary>
public sealed class Fetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly FetchOptions _options;
    // The address each host:port was last connected to, for archives (HttpClient does not tell which connection served a request).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _remoteAddresses = new(StringComparer.OrdinalIgnoreCase);

    public Fetcher(FetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new FetchOptions();
        handler ??= new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None, // decoded in ReadBodyAsync, to detect truncated gzip
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            EnableMultipleHttp2Connections = true,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // per attempt, below
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (!_client.DefaultRequestHeaders.UserAgent.TryParseAdd(_options.UserAgent))
            _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", ContentDecoding.AcceptEncoding);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/feed+json;q=0.9,*/*;q=0.5");
    }

    public FetchOptions Options => _options;

    /// <summary>Opens the connection as the handler would, remembering the server's address.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            if (socket.RemoteEndPoint is IPEndPoint remote)
                _remoteAddresses[AddressKey(context.DnsEndPoint.Host, context.DnsEndPoint.Port)] =
                    (remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address).ToString();
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string AddressKey(string host, int port) => string.Concat(host, ":", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Fetches <paramref name="url"/>, following redirects (each one passed to <paramref name="redirectCheck"/>
    /// when given), with a conditional request when <paramref name="etag"/> or <paramref name="lastModified"/> is known.
    /// With <paramref name="followRedirects"/> false, a redirect comes back as <see cref="FetchOutcome.Redirect"/>
    /// (a crawler queues the target in its frontier, where known URLs end loops).
    /// Never throws for network or HTTP failures: they come back as the result's outcome and reason.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, RedirectCheck? redirectCheck = null, string? etag = null,
        string? lastModified = null, bool followRedirects = true, CancellationToken cancellationToken = default)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        var requests = 0;
        for (var hop = 0; ; hop++)
        {
            var (result, location) = await FetchWithRetriesAsync(url, current, hop == 0 ? etag : null, hop == 0 ? lastModified : null, requests, cancellationToken).ConfigureAwait(false);
            requests = result.Requests;
            if (location is null || !followRedirects)
                return result;
            if (hop >= _options.MaxRedirects)
                return Fail(url, current, FetchOutcome.RedirectLoop, $"more than {_options.MaxRedirects} redirects", result.StatusCode, requests);
            if (!visited.Add(location.AbsoluteUri))
                return Fail(url, location, FetchOutcome.RedirectLoop, "redirect loop", result.StatusCode, requests);
            if (redirectCheck is not null && await redirectCheck(location, cancellationToken).ConfigureAwait(false) is { } refusal)
                return Fail(url, location, FetchOutcome.RedirectBlocked, $"redirect to {location.AbsoluteUri}: {refusal}", result.StatusCode, requests);
            current = location;
        }
    }

    /// <summary>One hop: sends the request, retrying transient failures. Returns the redirect target when the answer is a redirect.</summary>
    private async Task<(FetchResult Result, Uri? Location)> FetchWithRetriesAsync(Uri requested, Uri url, string? etag, string? lastModified,
        int requestsSoFar, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            requestsSoFar++;
            var (result, location) = await SendOnceAsync(requested, url, etag, lastModified, requestsSoFar, cancellationToken).ConfigureAwait(false);
            if (!result.IsTransient || attempt >= _options.MaxRetries)
                return (result, location);
            var wait = result.RetryAfter ?? TimeSpan.FromTicks(_options.RetryBaseDelay.Ticks << attempt);
            if (wait > _options.MaxRetryAfterWait)
                return (result, null); // the frontier schedules the next try
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(FetchResult, Uri?)> SendOnceAsync(Uri requested, Uri url, string? etag, string? lastModified, int requests,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        // HttpClient's DefaultRequestVersion only applies to its helper methods, not to a message built here.
        using var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
            request.Headers.IfNoneMatch.Add(tag);
        if (lastModified is not null && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
            request.Headers.IfModifiedSince = since;

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Fail(requested, url, FetchOutcome.Timeout, "timeout", 0, requests), null);
        }
        catch (HttpRequestException e)
        {
            return (Fail(requested, url, FetchOutcome.ConnectionFailed, "connection failed: " + ShortMessage(e), 0, requests), null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var headers = CollectHeaders(response);
            var common = new ResultBase(requested, url, status, response.Version, headers, requests,
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"),
                response.Content.Headers.ContentType?.ToString())
            {
                ReasonPhrase = response.ReasonPhrase,
                RequestHeaders = CollectHeaders(request.Headers.NonValidated, null),
                RemoteAddress = _remoteAddresses.TryGetValue(AddressKey(url.IdnHost, url.Port), out var address) ? address : null,
            };

            if (status is >= 300 and < 400 && status != 304)
            {
                var location = response.Headers.Location;
                if (location is null)
                    return (common.Make(FetchOutcome.HttpError, $"http {status} without Location"), null);
                var target = location.IsAbsoluteUri ? location : new Uri(url, location);
                if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
                    return (common.Make(FetchOutcome.RedirectBlocked, $"redirect to {target.Scheme}: URL"), null);
                return (common.Make(FetchOutcome.Redirect, $"http {status} to {target.AbsoluteUri}", redirectTarget: target), target);
            }
            if (status == 304)
                return (common.Make(FetchOutcome.NotModified, null), null);
            if (status >= 400)
                return (common.Make(FetchOutcome.HttpError, $"http {status}", retryAfter: RetryAfter(response)), null);

            if (!IsReadableType(response.Content.Headers.ContentType?.MediaType))
                return (common.Make(FetchOutcome.NotHtml, $"not html: {response.Content.Headers.ContentType?.MediaType}"), null);
            if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
                return (common.Make(FetchOutcome.TooLarge, $"body larger than {_options.MaxBodyBytes} bytes"), null);

            try
            {
                var (body, wire) = await ReadBodyAsync(response.Content, timeout.Token).ConfigureAwait(false);
                if (body is null)
                    return (common.Make(FetchOutcome.TooLarge, $"body larger than {_options.MaxBodyBytes} bytes"), null);
                return ((common with { WireBody = wire }).Make(FetchOutcome.Ok, null, body), null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (common.Make(FetchOutcome.Timeout, "timeout reading body"), null);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
            {
                return (common.Make(FetchOutcome.BrokenBody, "broken body: " + ShortMessage(e)), null);
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/>'s body as a stream from byte <paramref name="offset"/> on, for large files read as
    /// they arrive (web archives): no size limit, no content decoding (<c>Accept-Encoding: identity</c>), no retries.
    /// A server that ignores the <c>Range</c> request sends the whole body, and the first bytes are skipped here.
    /// <see cref="FetchOptions.Timeout"/> bounds the wait for the answer's headers; the caller bounds the reads.
    /// </summary>
    /// <exception cref="HttpRequestException">No connection, or an answer other than 200/206 (the message names the status).</exception>
    public async Task<Stream> OpenReadAsync(Uri url, long offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");
        if (offset > 0)
            request.Headers.Range = new RangeHeaderValue(offset, null);
        HttpResponseMessage response;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_options.Timeout);
            try
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException($"{url}: no answer within {_options.Timeout.TotalSeconds:0} s", e);
            }
        }
        try
        {
            var status = (int)response.StatusCode;
            var partial = status == 206 && response.Content.Headers.ContentRange?.From == offset;
            if (!partial && status != 200)
                throw new HttpRequestException($"{url}: http {status}", null, response.StatusCode);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (!partial && offset > 0)
                await SkipAsync(body, offset, cancellationToken).ConfigureAwait(false);
            return body; // disposing it releases the response
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task SkipAsync(Stream body, long offset, CancellationToken cancellationToken)
    {
        var count = offset;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (count > 0)
            {
                var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    throw new IOException($"the body ends before byte {offset}");
                count -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the body up to the size limit; null when it is larger (the rest is never downloaded). With
    /// <see cref="FetchOptions.KeepWireBody"/>, also the bytes as received.</summary>
    private async Task<(byte[]? Body, byte[]? Wire)> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var raw = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[]? wire = null;
        if (_options.KeepWireBody)
        {
            using var received = new MemoryStream();
            var chunk = new byte[81920];
            int count;
            while ((count = await raw.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (received.Length + count > _options.MaxBodyBytes)
                    return (null, null);
                received.Write(chunk, 0, count);
            }
            wire = received.ToArray();
            raw = new MemoryStream(wire, writable: false);
        }
        var encoding = content.Headers.ContentEncoding.LastOrDefault();
        var head = new byte[ContentDecoding.HeadBytes];
        var headLength = await raw.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        await using var stream = ContentDecoding.Decode(new PrefixedStream(head[..headLength], raw), encoding, head.AsSpan(0, headLength), out var gzipTail)
            ?? throw new InvalidDataException($"unknown content encoding {encoding}");
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var body = new MemoryStream();
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (gzipTail is not null && !ContentDecoding.EndsWithItsTrailer(gzipTail, body.GetBuffer().AsSpan(0, (int)body.Length)))
                        throw new InvalidDataException("gzip body cut short");
                    return (body.ToArray(), wire);
                }
                if (body.Length + read > _options.MaxBodyBytes)
                    return (null, null);
                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Pages, feeds, sitemaps (also gzipped or untyped) and robots.txt are read; media and documents are not.</summary>
    internal static bool IsReadableType(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType))
            return true; // sniffed from the content
        mediaType = mediaType.ToLowerInvariant();
        return mediaType is "text/html" or "application/xhtml+xml" or "text/xml" or "application/xml" or "text/plain"
                   or "application/json" or "application/gzip" or "application/x-gzip" or "application/octet-stream"
               || mediaType.EndsWith("+xml", StringComparison.Ordinal)
               || mediaType.EndsWith("+json", StringComparison.Ordinal);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>The headers with their values as received (not re-formatted by parsing).</summary>
    private static List<HttpHeader> CollectHeaders(HttpResponseMessage response) =>
        CollectHeaders(response.Headers.NonValidated, response.Content.Headers.NonValidated);

    private static List<HttpHeader> CollectHeaders(HttpHeadersNonValidated first, HttpHeadersNonValidated? second)
    {
        var headers = new List<HttpHeader>();
        foreach (var header in first)
            foreach (var value in header.Value)
                headers.Add(new HttpHeader(header.Key, value));
        if (second is { } more)
            foreach (var header in more)
                foreach (var value in header.Value)
                    headers.Add(new HttpHeader(header.Key, value));
        return headers;
    }

    private static string ShortMessage(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
            inner = inner.InnerException;
        return inner == e ? e.Message : $"{e.Message} ({inner.Message})";
    }

    private static FetchResult Fail(Uri requested, Uri url, FetchOutcome outcome, string reason, int status, int requests) => new()
    {
        RequestedUrl = requested,
        FinalUrl = url,
        Outcome = outcome,
        Reason = reason,
        StatusCode = status,
        Requests = requests,
        FetchedAt = DateTimeOffset.UtcNow,
    };

    private sealed record ResultBase(Uri Requested, Uri Url, int Status, Version Version, List<HttpHeader> Headers, int Requests,
        string? ETag, string? LastModified, string? ContentType)
    {
        public string? ReasonPhrase { get; init; }
        public IReadOnlyList<HttpHeader> RequestHeaders { get; init; } = [];
        public string? RemoteAddress { get; init; }
        public byte[]? WireBody { get; init; }

        public FetchResult Make(FetchOutcome outcome, string? reason, byte[]? body = null, TimeSpan? retryAfter = null, Uri? redirectTarget = null) => new()
        {
            RequestedUrl = Requested,
            FinalUrl = Url,
            Outcome = outcome,
            Reason = reason,
            StatusCode = Status,
            HttpVersion = Version,
            Headers = Headers,
            Requests = Requests,
            ETag = ETag,
            LastModified = LastModified,
            ContentType = ContentType,
            Body = body ?? [],
            RetryAfter = retryAfter,
            RedirectTarget = redirectTarget,
            FetchedAt = DateTimeOffset.UtcNow,
            ReasonPhrase = ReasonPhrase,
            RequestHeaders = RequestHeaders,
            RemoteAddress = RemoteAddress,
            WireBody = WireBody,
        };
    }

    public void Dispose() => _client.Dispose();
}
