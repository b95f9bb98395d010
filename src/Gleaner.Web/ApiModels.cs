using Gleaner.Storage;

namespace Gleaner.Web;

/// <summary>Links of one record: the JSON, the web page, the story.</summary>
public sealed record RecordLinks(string Self, string Page, string Story);

/// <summary>A stored record: the article and what the store knows about it.</summary>
/// <param name="Aliases">Other addresses of the same page (exact copies the crawl found at other URLs of the host).</param>
public sealed record StoredRecord(long Id, Article Article, string FirstSeen, string LastSaved, long StoryId, IReadOnlyList<string> Aliases, RecordLinks Links);

/// <summary>Links to neighbouring pages of results (absent at either end).</summary>
public sealed record PageLinks(string Self, string? Prev, string? Next);

/// <summary>One search result.</summary>
/// <param name="Snippet">A passage of the text around the matched words (plain text).</param>
/// <param name="SnippetHtml">The same passage HTML-encoded, the matched words in &lt;mark&gt;: safe to insert into a page.</param>
public sealed record SearchResult(
    string Url, string? Title, string? SourceDomain, string? SiteName, string? Published, string? Language, IReadOnlyList<string> Authors,
    string? Section, double Score, string Snippet, string SnippetHtml, long StoryId, int StoryCopies, RecordLinks Links);

/// <summary>A page of search results.</summary>
public sealed record SearchResponse(string Query, string Sort, int Page, int PerPage, IReadOnlyList<SearchResult> Results, PageLinks Links);

/// <summary>One copy of a story.</summary>
public sealed record StoryCopy(
    string Url, string? Title, string? SourceDomain, string? SiteName, string? Published, string? Language, IReadOnlyList<string> Authors,
    string? Description, string FirstSeen, RecordLinks Links);

/// <summary>A story: its copies, earliest published first.</summary>
public sealed record StoryResponse(long Id, int Copies, int Sites, IReadOnlyList<StoryCopy> Records);

/// <summary>The largest stories.</summary>
public sealed record StoriesResponse(IReadOnlyList<Story> Stories);

/// <summary>A count under a key (a site, a language, a day).</summary>
public sealed record KeyCount(string Key, long Count);

/// <summary>Counts of the records that pass the filters.</summary>
public sealed record StatsResponse(long Articles, long Stories, IReadOnlyList<KeyCount> BySite, IReadOnlyList<KeyCount> ByLanguage, IReadOnlyList<KeyCount> ByDay);

/// <summary>The server is up and its store answers.</summary>
public sealed record HealthResponse(string Status, string Backend);

/// <summary>What to extract: a URL to fetch (needs <c>--allow-fetch</c>).</summary>
public sealed record ExtractUrlRequest(string Url);

/// <summary>A crawl's frontier, as written to the store by <c>gleaner crawl</c>.</summary>
public sealed record CrawlStatus(long Queued, long Fetching, long Done, long Failed, long Skipped, long BusyHosts, string? NextReadyAt, IReadOnlyList<CrawlIssue> Issues);

/// <summary>Failed or skipped URLs of one reason.</summary>
public sealed record CrawlIssue(string State, string Reason, long Count, string Example);

/// <summary>One WARC file of a <c>gleaner warc</c> harvest.</summary>
public sealed record WarcFileStatus(string Path, bool Done, long? ResumeOffset, string Updated);

/// <summary>What crawls and WARC harvests writing to this store have done; null parts have never run here.</summary>
public sealed record HarvestStatusResponse(CrawlStatus? Crawl, IReadOnlyList<WarcFileStatus>? Warc);
