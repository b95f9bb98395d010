using System.Globalization;
using Gleaner.Extraction;
using Gleaner.Fetching;
using Gleaner.Storage;

namespace Gleaner;

/// <summary>
/// One obvious call for each thing Gleaner does, for library users: extract an article from a page or a URL,
/// search a store; <c>News.Warc.cs</c> harvests web archives and <c>News.Crawl.cs</c> crawls sites. Each call uses the
/// same classes the <c>gleaner</c> command does, with their defaults; reach for those classes
/// (<see cref="ArticleExtractor"/>, <see cref="Fetcher"/>, <see cref="ArticleStores"/>, ...) for more control.
/// </summary>
public static partial class News
{
    private static readonly ArticleExtractor Extractor = new();
    private static readonly Lazy<Fetcher> SharedFetcher = new(() => new Fetcher());

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
            article.Fetched = result.FetchedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            return article;
        }
        finally
        {
            ownFetcher?.Dispose();
        }
    }

    /// <summary>
    /// Searches a store: words, <c>"phrases"</c>, <c>OR</c>, <c>-excluded</c> and <c>field:value</c> terms, as
    /// <c>gleaner search</c> takes them; the best matches first.
    /// </summary>
    /// <param name="store">A SQLite file or a PostgreSQL connection (as <c>--store</c> takes it); <c>gleaner.db</c> when null.</param>
    /// <param name="query">What to look for.</param>
    /// <param name="limit">How many results at most.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <example><code>foreach (var hit in await News.SearchAsync("news.db", "flood warning", limit: 10))
    ///     Console.WriteLine($"{hit.Stored.Article.Title}  {hit.Stored.Article.Url}");</code></example>
    public static async Task<IReadOnlyList<SearchHit>> SearchAsync(string? store, string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var opened = await ArticleStores.OpenAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await opened.SearchAsync(new SearchRequest(query) { Limit = limit }, cancellationToken).ConfigureAwait(false);
    }
}
