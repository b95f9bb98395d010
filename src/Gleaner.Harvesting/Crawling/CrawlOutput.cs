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

    /// <summary>An article URL found by a discovery-only crawl (<see cref="CrawlOptions.ListOnly"/>), once each; does nothing by default.</summary>
    Task ListAsync(ListedUrl item, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Another address of the record saved under <paramref name="recordUrl"/>: a page of the same host with exactly
    /// its text (a trailing slash, a <c>?p=N</c> link, no canonical to say so), which is not stored again; does nothing by default.</summary>
    Task AddAliasAsync(string recordUrl, string alias, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>An article URL a crawl would fetch: its date where the feed, sitemap or page gives one, how it was found
/// (<c>feed</c>, <c>sitemap</c> or <c>link</c>) and where.</summary>
public readonly record struct ListedUrl(string Url, DateTimeOffset? Date, string Via, string? FoundIn);
