using Gleaner.Crawling;
using Gleaner.Storage;

namespace Gleaner;

public static partial class NewsHarvesting
{
    extension(News)
    {
        /// <summary>
        /// Crawls sites into a store: finds their articles (feeds, sitemaps, links), fetches them politely (robots.txt, one
        /// request at a time per host with <see cref="CrawlOptions.Delay"/> between them) and stores each article once.
        /// The crawl frontier lives in the store's database, so a crawl stopped by cancellation, <c>kill -9</c> or a crash
        /// continues where it was on the next call, and calling again with the same start URLs later polls every feed,
        /// sitemap and listing page known for those sites (conditional requests) and stores only what is new.
        /// </summary>
        /// <param name="startUrls">Homepages, section pages, feeds or sitemaps; none to continue the crawl in the store.</param>
        /// <param name="store">An SQLite file (created if missing; null: <c>gleaner.db</c>) or a PostgreSQL connection (<c>postgres://...</c>).</param>
        /// <param name="options">Politeness, limits and filters; null for the defaults.</param>
        /// <param name="onEvent">Called for each URL handled (from worker threads), for a log.</param>
        /// <param name="cancellationToken">Stops the crawl; the result then says <see cref="CrawlResult.Stopped"/>.</param>
        /// <returns>The counts of the run and the start URLs that could not be read.</returns>
        /// <exception cref="StoreException">The store cannot be opened.</exception>
        /// <example>
        /// <code>
        /// var result = await News.CrawlAsync(["https://example.com/"], "news.db");
        /// Console.WriteLine($"{result.Statistics.Stored} new articles");
        /// </code>
        /// </example>
        public static async Task<CrawlResult> CrawlAsync(IEnumerable<string> startUrls, string? store = null, CrawlOptions? options = null,
            Action<CrawlEvent>? onEvent = null, CancellationToken cancellationToken = default)
        {
            await using var articles = await ArticleStores.OpenAsync(store, new StoreOptions { CreateIfMissing = true }, cancellationToken).ConfigureAwait(false);
            return await CrawlAsync(startUrls, articles, options, onEvent, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>As <see cref="CrawlAsync(IEnumerable{string}, string?, CrawlOptions?, Action{CrawlEvent}?, CancellationToken)"/>, into a store already open.</summary>
        public static async Task<CrawlResult> CrawlAsync(IEnumerable<string> startUrls, IArticleStore store, CrawlOptions? options = null,
            Action<CrawlEvent>? onEvent = null, CancellationToken cancellationToken = default)
        {
            await using var frontier = await StoreFrontier.OpenAsync(store, cancellationToken).ConfigureAwait(false);
            using var crawler = new Crawler(frontier, new StoreCrawlOutput(store), options) { OnEvent = onEvent };
            return await crawler.CrawlAsync(startUrls, cancellationToken).ConfigureAwait(false);
        }
    }
}
