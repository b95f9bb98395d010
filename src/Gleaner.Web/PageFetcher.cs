using System.Net;
using System.Net.Sockets;

namespace Gleaner.Web;

/// <summary>A URL that extract refuses to fetch; the message says why.</summary>
internal sealed class FetchRefusedException(string message) : Exception(message);

/// <summary>
/// Fetches one page for <c>POST /api/extract</c> with a URL. Guards against server-side request forgery: every
/// connection (redirects included) goes to an address resolved here and checked first, so neither a name that
/// resolves to 127.0.0.1 nor a redirect to a private address reaches the server's own network.
/// </summary>
internal sealed class PageFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly int _maxBytes;

    public PageFetcher(ServeOptions options)
    {
        _maxBytes = options.MaxFetchBytes;
        var allowPrivate = options.AllowPrivateAddresses;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                if (addresses.Length == 0)
                    throw new FetchRefusedException($"the host {context.DnsEndPoint.Host} has no address");
                foreach (var address in addresses)
                    if (!allowPrivate && !IsPublic(address))
                        throw new FetchRefusedException($"the host {context.DnsEndPoint.Host} resolves to {address}, a loopback, private or reserved address");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    // Connect to the very addresses checked above, not to a fresh lookup of the name.
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Gleaner/0.1 (+serve extract)");
    }

    /// <summary>The page's bytes, its content type and its final URL (after redirects).</summary>
    public async Task<(byte[] Body, string? ContentType, string Url)> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new BadParameterException($"the url '{FilterParameters.Shorten(url)}' is not an absolute http or https address");
        try
        {
            using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new FetchFailedException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > _maxBytes)
                throw new FetchFailedException($"{uri} is larger than {_maxBytes:N0} bytes (the limit)");
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var body = await ReadBoundedAsync(stream, _maxBytes, cancellationToken)
                ?? throw new FetchFailedException($"{uri} is larger than {_maxBytes:N0} bytes (the limit)");
            return (body, response.Content.Headers.ContentType?.ToString(), response.RequestMessage?.RequestUri?.AbsoluteUri ?? uri.AbsoluteUri);
        }
        catch (HttpRequestException e) when (Find<FetchRefusedException>(e) is { } refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new FetchFailedException($"cannot fetch {uri}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchFailedException($"{uri} did not answer within {_client.Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Reads the whole stream, or returns null as soon as it is longer than <paramref name="maxBytes"/>.</summary>
    internal static async Task<byte[]?> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>True for addresses on the public internet; false for loopback, private, link-local, shared, multicast and reserved ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128) // shared address space (carrier NAT)
                || (b[0] == 169 && b[1] == 254) // link-local (cloud metadata services)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))); // benchmarking
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            return false;
        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6[4..12].IndexOfAnyExcept((byte)0) < 0)
            return IsPublic(new IPAddress(v6[12..16]));
        if (v6[0] == 0x20 && v6[1] == 0x02)
            return IsPublic(new IPAddress(v6[2..6]));
        return true;
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is T found)
                return found;
        return null;
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The URL to extract could not be fetched (an error status, too large, too slow, unreachable).</summary>
internal sealed class FetchFailedException(string message) : Exception(message);
