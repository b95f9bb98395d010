using System.Globalization;
using Gleaner.Extraction;
using Gleaner.Fetching;
using Gleaner.Formats;

namespace Gleaner;

/// <summary>
/// One obvious call for each thing Gleaner does, for library users: extract an article from a page or a URL. The
/// Gleaner.Harvesting package adds <c>News.CrawlAsync</c>, <c>News.HarvestWarcAsync</c>, <c>News.HarvestCcNewsAsync</c>
/// and <c>News.SearchAsync</c> to this class (as extension members), with the store they need. Each call uses the
/// same classes the <c>gleaner</c> command does, with their defaults; reach for those classes
/// (<see cref="ArticleExtractor"/>, <see cref="Fetcher"/>, ...) for more control.
/// </summary>
public static partial class News
{
    private static readonly ArticleExtractor Extractor = new();
    /// <summary>The fetcher of calls given no fetch options (the harvesting facade shares it).</summary>
    internal static readonly Lazy<Fetcher> SharedFetcher = new(() => new Fetcher());

    /// <summary>Extracts the article of an HTML page.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="url">Where the page came from, if known: relative links are resolved against it and it stands in for a missing canonical URL.</param>
    /// <example><code>var article = News.Extract(File.ReadAllText("page.html"), "https://example.com/news/story");</code></example>
    public static Article Extract(string html, string? url = null) => Extractor.Extract(html, url);

    /// <summary>Extracts the article of an HTML page given as bytes, decoded by its byte order mark, <paramref name="contentType"/>'s charset, its <c>&lt;meta charset&gt;</c> or sniffing.</summary>
    public static Article Extract(ReadOnlySpan<byte> html, string? contentType = null, string? url = null) => Extractor.Extract(html, contentType, url);

    /// <summary>
    /// Fetches <paramref name="url"/> (redirects followed, gzip/deflate/brotli decoded, time and size bounded, the
    /// library's User-Agent) and extracts its article; <see cref="Article.Fetched"/> is set.
    /// </summary>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <param name="options">Fetch settings (User-Agent, timeouts, size limit); the defaults when null.</param>
    /// <param name="cancellationToken">Stops the fetch.</param>
    /// <exception cref="HttpRequestException">The page could not be fetched; the message says why (<c>http 404</c>, <c>timeout</c>, ...).</exception>
    /// <example><code>var article = await News.ExtractFromUrlAsync("https://example.com/news/story");</code></example>
    public static async Task<Article> ExtractFromUrlAsync(string url, FetchOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL", nameof(url));
        var ownFetcher = options is null ? null : new Fetcher(options);
        try
        {
            var result = await (ownFetcher ?? SharedFetcher.Value).FetchAsync(uri, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.Outcome != FetchOutcome.Ok)
                throw new HttpRequestException($"{url}: {result.Reason ?? result.Outcome.ToString()}", null,
                    result.StatusCode > 0 ? (System.Net.HttpStatusCode)result.StatusCode : null);
            var article = Extractor.Extract(result.Body, result.ContentType, result.FinalUrl.AbsoluteUri);
            article.Fetched = IsoDates.FormatSeconds(result.FetchedAt);
            return article;
        }
        finally
        {
            ownFetcher?.Dispose();
        }
    }
}
