using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;

namespace Gleaner.Cli.Input;

/// <summary>A page's bytes and what is known about them before extraction.</summary>
/// <param name="Bytes">The page, decompressed.</param>
/// <param name="ContentType">The HTTP Content-Type (with its charset), for URLs.</param>
/// <param name="Url">The page's address: the final URL after redirects, or the one the user gave.</param>
/// <param name="Fetched">When a URL was fetched.</param>
internal sealed record LoadedPage(byte[] Bytes, string? ContentType, string? Url, DateTimeOffset? Fetched);

/// <summary>Why one input could not be read; the message names the reason, not the input.</summary>
internal sealed class PageLoadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Limits for reading pages. The defaults keep one bad input from stalling or exhausting a run.</summary>
internal sealed record PageLoaderOptions
{
    /// <summary>Largest page accepted, after decompression. Larger inputs fail as "too big".</summary>
    public long MaxPageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Time to open a connection to a web server.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time for a whole fetch: connect, redirects, headers and body.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRedirects { get; init; } = 5;
}

/// <summary>
/// Reads pages from files (plain or gzip), standard input and http(s) URLs, within size and time
/// limits. Thread-safe; one instance shares its HTTP connections between inputs.
/// </summary>
internal sealed class PageLoader : IDisposable
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    private readonly PageLoaderOptions _options;
    private readonly Lazy<HttpClient> _http;

    public PageLoader(PageLoaderOptions? options = null)
    {
        _options = options ?? new PageLoaderOptions();
        _http = new Lazy<HttpClient>(CreateHttpClient);
    }

    public static string Version { get; } = ReadVersion();

    /// <summary>The User-Agent sent with every request: <c>Gleaner/&lt;version&gt;</c>.</summary>
    public static string UserAgent { get; } = "Gleaner/" + Version;

    public async Task<LoadedPage> LoadAsync(PageInput input, string? pageUrl, CancellationToken cancellation)
    {
        switch (input.Kind)
        {
            case PageInputKind.File:
                return new LoadedPage(ReadFile(input.Name), null, pageUrl, null);
            case PageInputKind.StandardInput:
                await using (var stdin = Console.OpenStandardInput())
                    return new LoadedPage(await DecompressIfGzipAsync(await ReadLimitedAsync(stdin, cancellation), cancellation), null, pageUrl, null);
            case PageInputKind.Url:
                return await FetchAsync(input.Name, cancellation);
            default:
                throw new PageLoadException(input.Problem ?? "cannot be read");
        }
    }

    private byte[] ReadFile(string path)
    {
        try
        {
            var gzipByName = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (!gzipByName && file.Length > _options.MaxPageBytes)
                throw TooBig();
            var raw = ReadLimitedAsync(file, CancellationToken.None).GetAwaiter().GetResult();
            if (gzipByName && !raw.AsSpan().StartsWith(GzipMagic))
                throw new PageLoadException("not a gzip file (the name ends in .gz)");
            return DecompressIfGzipAsync(raw, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (FileNotFoundException) { throw new PageLoadException("no such file"); }
        catch (DirectoryNotFoundException) { throw new PageLoadException("no such file"); }
        catch (UnauthorizedAccessException) { throw new PageLoadException("permission denied"); }
        catch (IOException e) { throw new PageLoadException($"cannot read: {e.Message}", e); }
    }

    /// <summary>Decompresses gzip found by its magic bytes (an HTML page never starts with them), within the size limit.</summary>
    private async Task<byte[]> DecompressIfGzipAsync(byte[] raw, CancellationToken cancellation)
    {
        if (!raw.AsSpan().StartsWith(GzipMagic))
            return raw;
        try
        {
            await using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            var decoded = await ReadLimitedAsync(gzip, cancellation);
            if (!EndsWithItsTrailer(raw, decoded))
                throw new PageLoadException("truncated gzip data (the data ends before its checksum and length do)");
            return decoded;
        }
        catch (InvalidDataException e)
        {
            throw new PageLoadException($"corrupt gzip data: {e.Message}", e);
        }
    }

    /// <summary>
    /// GZipStream ends quietly when the data is cut short, so the last member's trailer (the CRC-32 and length
    /// of its decoded bytes, which are the last of the output) is checked against what was decoded.
    /// </summary>
    private static bool EndsWithItsTrailer(byte[] raw, byte[] decoded)
    {
        const int HeaderAndTrailer = 18;
        if (raw.Length < HeaderAndTrailer)
            return false;
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(raw.Length - 8));
        var length = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(raw.Length - 4));
        return length <= decoded.Length && Crc32.HashToUInt32(decoded.AsSpan(decoded.Length - (int)length)) == crc;
    }

    private async Task<byte[]> ReadLimitedAsync(Stream stream, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > _options.MaxPageBytes)
                throw TooBig();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private PageLoadException TooBig() =>
        new($"too big: larger than the {_options.MaxPageBytes / (1024 * 1024)} MiB limit");

    private async Task<LoadedPage> FetchAsync(string url, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(_options.FetchTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await _http.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
                throw new PageLoadException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
            if (response.Content.Headers.ContentLength > _options.MaxPageBytes)
                throw TooBig();
            var fetched = DateTimeOffset.UtcNow;
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            var bytes = await ReadLimitedAsync(body, deadline.Token);
            var finalUrl = response.RequestMessage?.RequestUri?.AbsoluteUri ?? url;
            return new LoadedPage(bytes, response.Content.Headers.ContentType?.ToString(), finalUrl, fetched);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new PageLoadException($"timed out after {_options.FetchTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new PageLoadException(e.InnerException is { } inner and not HttpRequestException
                ? $"{e.Message} ({inner.Message})"
                : e.Message, e);
        }
        catch (IOException e)
        {
            throw new PageLoadException($"connection failed: {e.Message}", e);
        }
    }

    private HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = _options.ConnectTimeout,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = _options.MaxRedirects,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
        };
        var client = new HttpClient(handler)
        {
            // Each fetch has its own deadline (FetchTimeout) covering the body too.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xhtml+xml", 0.9));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
        return client;
    }

    private static string ReadVersion()
    {
        var informational = typeof(PageLoader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (informational is null)
            return "0.0.0";
        var plus = informational.IndexOf('+');   // drop the source-revision suffix the SDK appends
        return plus < 0 ? informational : informational[..plus];
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
            _http.Value.Dispose();
    }
}
