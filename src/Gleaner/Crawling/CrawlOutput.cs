using Gleaner.Fetching;

namespace Gleaner.Crawling;

/// <summary>
/// Where a crawl puts what it finds. Saving must be idempotent by URL (saving a record again replaces
/// it): a crawl killed between saving an article and marking its URL done fetches and saves it again on
/// resume, and the article must still be stored once.
/// </summary>
public interface ICrawlOutput
{
    Task SaveAsync(Article article, CancellationToken cancellationToken);

    /// <summary>Every response fetched (pages, feeds, sitemaps), for archives; does nothing by default.</summary>
    Task RecordResponseAsync(FetchResult response, CancellationToken cancellationToken) => Task.CompletedTask;
}
