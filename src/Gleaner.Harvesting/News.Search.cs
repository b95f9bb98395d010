using Gleaner.Storage;

namespace Gleaner;

/// <summary>
/// The store calls of the <see cref="News"/> facade (crawl, WARC and CC-NEWS harvests, search): extension members of
/// <see cref="News"/>, so they read <c>News.CrawlAsync(...)</c> like the extraction calls once this package is referenced.
/// </summary>
public static partial class NewsHarvesting
{
    extension(News)
    {
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
}
