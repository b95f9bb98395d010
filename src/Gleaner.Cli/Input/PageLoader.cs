using Gleaner.Fetching;

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

    /// <summary>How URLs are fetched: the library's fetcher, with its User-Agent, time limits and redirects.</summary>
    public FetchOptions Fetch { get; init; } = new() { MaxBodyBytes = 64L * 1024 * 1024, MaxRetries = 0 };
}

/// <summary>
/// Reads pages from files (plain or gzip) and standard input within a size limit, and fetches http(s) URLs
/// with the library's <see cref="Fetcher"/>. Thread-safe; one instance shares its HTTP connections between inputs.
/// </summary>
internal sealed class PageLoader : IDisposable
{
    private readonly PageLoaderOptions _options;
    private readonly Lazy<Fetcher> _fetcher;

    public PageLoader(PageLoaderOptions? options = null)
    {
        _options = options ?? new PageLoaderOptions();
        _fetcher = new Lazy<Fetcher>(() => new Fetcher(_options.Fetch));
    }

    public async Task<LoadedPage> LoadAsync(PageInput input, string? pageUrl, CancellationToken cancellation)
    {
        switch (input.Kind)
        {
            case PageInputKind.File:
                return new LoadedPage(ReadFile(input.Name), null, pageUrl, null);
            case PageInputKind.StandardInput:
                await using (var stdin = Console.OpenStandardInput())
                    return new LoadedPage(DecompressIfGzip(await ReadLimitedAsync(stdin, cancellation)), null, pageUrl, null);
            case PageInputKind.Url:
                return await FetchAsync(new Uri(input.Name), cancellation);
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
            var length = file.CanSeek ? file.Length : 0; // 0 too for files whose length is not known ahead (/proc)
            if (length > _options.MaxPageBytes)
                throw TooBig();
            var raw = length > 0 ? ReadAsLong(file, (int)length) : ReadLimitedAsync(file, CancellationToken.None).GetAwaiter().GetResult();
            if (gzipByName && !ContentDecoding.IsGzip(raw))
                throw new PageLoadException("not a gzip file (the name ends in .gz)");
            return DecompressIfGzip(raw);
        }
        catch (FileNotFoundException) { throw new PageLoadException("no such file"); }
        catch (DirectoryNotFoundException) { throw new PageLoadException("no such file"); }
        catch (UnauthorizedAccessException) { throw new PageLoadException("permission denied"); }
        catch (IOException e) { throw new PageLoadException($"cannot read: {e.Message}", e); }
    }

    /// <summary>Decompresses gzip found by its magic bytes (an HTML page never starts with them), within the size limit.</summary>
    private byte[] DecompressIfGzip(byte[] raw)
    {
        if (!ContentDecoding.IsGzip(raw))
            return raw;
        try
        {
            return ContentDecoding.DecodeWhole(raw, "gzip", _options.MaxPageBytes) ?? throw TooBig();
        }
        catch (InvalidDataException e)
        {
            throw new PageLoadException(e.Message, e);
        }
    }

    /// <summary>A file's bytes as long as it was when opened (a file still being written is read that far), read
    /// straight into an array of that size: no staging chunk, no growing copies, no zeroing first.</summary>
    private static byte[] ReadAsLong(FileStream file, int length)
    {
        var raw = GC.AllocateUninitializedArray<byte>(length);
        var read = file.ReadAtLeast(raw, length, throwOnEndOfStream: false);
        return read == length ? raw : raw.AsSpan(0, read).ToArray();
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

    private async Task<LoadedPage> FetchAsync(Uri url, CancellationToken cancellation)
    {
        var result = await _fetcher.Value.FetchAsync(url, cancellationToken: cancellation);
        return result.Outcome switch
        {
            FetchOutcome.Ok => new LoadedPage(result.Body, result.ContentType, result.FinalUrl.AbsoluteUri, result.FetchedAt),
            FetchOutcome.TooLarge => throw TooBig(),
            _ => throw new PageLoadException(result.Reason ?? result.Outcome.ToString()),
        };
    }

    public void Dispose()
    {
        if (_fetcher.IsValueCreated)
            _fetcher.Value.Dispose();
    }
}
