using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Gleaner.Extraction;
using Gleaner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Gleaner.Web;

/// <summary>The JSON API under <c>/api</c>.</summary>
internal static class Api
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Gleaner");
        api.MapGet("/health", HealthAsync).WithSummary("The server is up and its store answers");
        api.MapGet("/search", SearchAsync).WithSummary("Full-text search with filters, sort and pages")
            .ProducesProblem(400).ProducesProblem(503);
        api.MapGet("/articles", ArticleAsync).WithSummary("One record by its URL (key); ETag and If-None-Match supported")
            .Produces<StoredRecord>(200).Produces(304).ProducesProblem(404);
        api.MapGet("/articles/{id:long}", ArticleByIdAsync).WithSummary("One record by its id in the store; ETag and If-None-Match supported")
            .Produces<StoredRecord>(200).Produces(304).ProducesProblem(404);
        api.MapGet("/stories", StoriesAsync).WithSummary("The largest stories (groups of near-identical articles)");
        api.MapGet("/stories/{id:long}", StoryAsync).WithSummary("A story and its copies, earliest published first").ProducesProblem(404);
        api.MapGet("/stats", StatsAsync).WithSummary("Counts by site, language and day");
        api.MapGet("/status", StatusAsync).WithSummary("What crawls and WARC harvests writing to this store have done");
        api.MapGet("/export", ExportAsync).WithSummary("Every record that passes the filters, streamed as JSON Lines or CSV")
            .Produces(200, contentType: "application/jsonl").Produces(200, contentType: "text/csv").DisableRequestTimeout();
        api.MapPost("/extract", ExtractAsync)
            .WithSummary("Extract a record from HTML in the body (text/html), or from a URL ({\"url\": ...}, needs --allow-fetch); nothing is stored")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Two bodies: the page itself, or a URL to fetch. (Accepts metadata would make routing answer 404 for others, not 415.)
                var page = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/html"] = page,
                        ["application/json"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Required = new HashSet<string> { "url" },
                                Properties = new Dictionary<string, IOpenApiSchema> { ["url"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" } },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<Article>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(502);
        api.MapFallback(() => Problems.NotFound("no such API endpoint"));
    }

    private static async Task<IResult> HealthAsync(StorePool pool, CancellationToken cancellationToken)
    {
        // A lookup by key: proves the database answers, at the cost of one index probe.
        await pool.RunAsync(store => store.GetAsync("gleaner:health", cancellationToken), cancellationToken);
        return TypedResults.Ok(new HealthResponse("ok", pool.Backend == StoreBackend.Sqlite ? "sqlite" : "postgresql"));
    }

    private static async Task<IResult> SearchAsync([AsParameters] SearchParameters search, [AsParameters] FilterParameters filters, StorePool pool, ServeOptions options, HttpContext context)
    {
        var request = search.ToRequest(filters, options.SearchTimeout);
        var hits = await pool.RunAsync(store => store.SearchAsync(request, context.RequestAborted), context.RequestAborted);
        var results = new List<SearchResult>(hits.Count);
        foreach (var hit in hits)
        {
            var a = hit.Stored.Article;
            var key = a.Url ?? "";
            results.Add(new SearchResult(key, a.Title, a.SourceDomain, a.SiteName, a.Published, a.Language, a.Authors, a.Section,
                Math.Round(hit.Score, 6), Html.PlainSnippet(hit.Snippet), Html.SnippetHtml(hit.Snippet), hit.Stored.StoryId, hit.StoryCopies,
                Links(key, hit.Stored.StoryId)));
        }
        var page = search.PageNumber;
        var more = hits.Count == search.PageSize && (long)(page + 1) * search.PageSize <= SearchParameters.MaxDepth;
        var links = new PageLinks("/api/search?" + search.QueryString(filters, page),
            page > 1 ? "/api/search?" + search.QueryString(filters, page - 1) : null,
            more ? "/api/search?" + search.QueryString(filters, page + 1) : null);
        // RFC 8288 links too, for clients that follow headers rather than bodies.
        var header = new List<string>();
        if (links.Prev is not null)
            header.Add($"<{links.Prev}>; rel=\"prev\"");
        if (links.Next is not null)
            header.Add($"<{links.Next}>; rel=\"next\"");
        if (header.Count > 0)
            context.Response.Headers.Append(HeaderNames.Link, string.Join(", ", header));
        return TypedResults.Ok(new SearchResponse(request.Query, search.SortName, page, search.PageSize, results, links));
    }

    private static async Task<IResult> ArticleAsync([FromQuery] string? url, StorePool pool, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new BadParameterException("the parameter 'url' (the record's key) is missing");
        var stored = await pool.RunAsync(store => store.GetAsync(url, context.RequestAborted), context.RequestAborted);
        return stored is null ? Problems.NotFound($"no record is stored under '{FilterParameters.Shorten(url)}'") : Record(stored, context);
    }

    private static async Task<IResult> ArticleByIdAsync(long id, StorePool pool, HttpContext context)
    {
        var stored = await pool.RunAsync(store => store.GetByIdAsync(id, context.RequestAborted), context.RequestAborted);
        return stored is null ? Problems.NotFound($"no record has the id {id}") : Record(stored, context);
    }

    /// <summary>A record as JSON with its ETag and Last-Modified, or 304 when the client's copy is current.</summary>
    private static IResult Record(StoredArticle stored, HttpContext context)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(ToRecord(stored), Json.Info<StoredRecord>());
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(XxHash64.Hash(body)) + "\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = stored.LastSaved;
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        if (IsNotModified(context.Request, etag, stored.LastSaved))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    /// <summary>RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison for If-None-Match.</summary>
    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastSaved)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            foreach (var candidate in ifNoneMatch)
                if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false))
                    return true;
            return false;
        }
        // HTTP dates have whole seconds.
        return headers.IfModifiedSince is { } since && lastSaved.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    private static async Task<IResult> StoriesAsync([AsParameters] FilterParameters filters, [FromQuery] int? limit, StorePool pool, CancellationToken cancellationToken)
    {
        var filter = filters.ToFilter();
        var count = limit ?? 20;
        if (count is < 1 or > 200)
            throw new BadParameterException($"the parameter 'limit' ({count}) must be between 1 and 200");
        var stories = await pool.RunAsync(store => store.GetStoriesAsync(filter, count, cancellationToken), cancellationToken);
        return TypedResults.Ok(new StoriesResponse(stories));
    }

    private static async Task<IResult> StoryAsync(long id, StorePool pool, CancellationToken cancellationToken)
    {
        var story = await LoadStoryAsync(pool, id, cancellationToken);
        if (story is null)
            return Problems.NotFound($"no story {id}");
        return TypedResults.Ok(story);
    }

    internal static async Task<StoryResponse?> LoadStoryAsync(StorePool pool, long id, CancellationToken cancellationToken)
    {
        var records = await pool.RunAsync(store => store.GetStoryAsync(id, cancellationToken), cancellationToken);
        if (records.Count == 0)
            return null;
        var copies = new List<StoryCopy>(records.Count);
        var sites = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stored in records)
        {
            var a = stored.Article;
            sites.Add(a.SourceDomain ?? a.SiteName ?? "");
            copies.Add(new StoryCopy(a.Url ?? "", a.Title, a.SourceDomain, a.SiteName, a.Published, a.Language, a.Authors, a.Description,
                StoredArticleLines.FormatTime(stored.FirstSeen), Links(a.Url ?? "", stored.StoryId)));
        }
        return new StoryResponse(id, copies.Count, sites.Count, copies);
    }

    private static async Task<IResult> StatsAsync([AsParameters] FilterParameters filters, StorePool pool, CancellationToken cancellationToken)
    {
        var filter = filters.ToFilter();
        var stats = await pool.RunAsync(store => store.GetStatisticsAsync(filter, cancellationToken), cancellationToken);
        return TypedResults.Ok(new StatsResponse(stats.Articles, stats.Stories, Counts(stats.BySite), Counts(stats.ByLanguage), Counts(stats.ByDay)));
    }

    private static List<KeyCount> Counts(IReadOnlyList<KeyValuePair<string, long>> pairs)
    {
        var counts = new List<KeyCount>(pairs.Count);
        foreach (var pair in pairs)
            counts.Add(new KeyCount(pair.Key, pair.Value));
        return counts;
    }

    private static async Task<IResult> StatusAsync(StorePool pool, CancellationToken cancellationToken) =>
        TypedResults.Ok(await pool.RunAsync(store => HarvestStatus.ReadAsync(store, cancellationToken), cancellationToken));

    private static async Task ExportAsync([AsParameters] FilterParameters filters, [FromQuery] string? format, StorePool pool, HttpContext context)
    {
        var filter = filters.ToFilter();
        var csv = (format ?? "jsonl").Trim().ToLowerInvariant() switch
        {
            "jsonl" => false,
            "csv" => true,
            _ => throw new BadParameterException($"the parameter 'format' ('{FilterParameters.Shorten(format!)}') must be jsonl or csv"),
        };
        var cancellationToken = context.RequestAborted;
        var store = await pool.StartExportAsync(cancellationToken);
        if (store is null)
        {
            context.Response.Headers.RetryAfter = "30";
            await Problems.Create(StatusCodes.Status503ServiceUnavailable, "Too many exports",
                $"{StorePool.MaxExports} exports are already streaming; try again when one has finished").ExecuteAsync(context);
            return;
        }
        try
        {
            context.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"gleaner-export.{(csv ? "csv" : "jsonl")}\"";
            await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            if (csv)
                await writer.WriteLineAsync(StoredArticleLines.CsvHeader);
            await foreach (var stored in store.ExportAsync(filter, cancellationToken))
                await writer.WriteLineAsync(csv ? StoredArticleLines.CsvLine(stored) : StoredArticleLines.JsonLine(stored));
        }
        finally
        {
            await store.DisposeAsync();
            pool.EndExport();
        }
    }

    private static async Task<IResult> ExtractAsync(HttpContext context, ServeOptions options, PageFetcher fetcher, [FromQuery] string? url)
    {
        var request = context.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        var cancellationToken = context.RequestAborted;
        byte[] html;
        string? contentType;
        string? pageUrl;
        if (mediaType == "application/json")
        {
            var body = await PageFetcher.ReadBoundedAsync(request.Body, 64 * 1024, cancellationToken)
                ?? throw new PayloadTooLargeException("a JSON request to extract is larger than 64 KB");
            ExtractUrlRequest? target;
            try
            {
                target = JsonSerializer.Deserialize(body, Json.Info<ExtractUrlRequest>());
            }
            catch (JsonException e)
            {
                throw new BadParameterException($"the body is not the JSON object {{\"url\": \"...\"}}: {e.Message}");
            }
            if (string.IsNullOrWhiteSpace(target?.Url))
                throw new BadParameterException("the body has no \"url\"");
            if (!options.AllowFetch)
                return Problems.Forbidden("fetching URLs is off: start gleaner serve with --allow-fetch, or POST the page's HTML as text/html");
            try
            {
                (html, contentType, pageUrl) = await fetcher.FetchAsync(target.Url, cancellationToken);
            }
            catch (FetchRefusedException e)
            {
                return Problems.Forbidden("refused to fetch: " + e.Message);
            }
            catch (FetchFailedException e)
            {
                return Problems.Create(StatusCodes.Status502BadGateway, "The page could not be fetched", e.Message);
            }
        }
        else if (mediaType is "text/html" or "application/xhtml+xml" or "application/octet-stream" or "text/plain")
        {
            html = await PageFetcher.ReadBoundedAsync(request.Body, options.MaxRequestBytes, cancellationToken)
                ?? throw new PayloadTooLargeException($"the page is larger than {options.MaxRequestBytes:N0} bytes (the limit)");
            contentType = request.ContentType;
            pageUrl = string.IsNullOrWhiteSpace(url) ? null : Html.SafeUrl(url)
                ?? throw new BadParameterException($"the parameter 'url' ('{FilterParameters.Shorten(url)}') is not an absolute http or https address");
        }
        else
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "POST the page as text/html (with ?url= its address, optionally), or {\"url\": \"...\"} as application/json");
        }
        var article = new ArticleExtractor().Extract(html, contentType, pageUrl);
        return TypedResults.Json(article, Json.Info<Article>(), "application/json; charset=utf-8");
    }

    internal static StoredRecord ToRecord(StoredArticle stored) =>
        new(stored.Id, stored.Article, StoredArticleLines.FormatTime(stored.FirstSeen), StoredArticleLines.FormatTime(stored.LastSaved),
            stored.StoryId, stored.Aliases, Links(stored.Article.Url ?? "", stored.StoryId));

    private static RecordLinks Links(string key, long storyId) =>
        new("/api/articles?url=" + Html.Query(key), "/article?url=" + Html.Query(key), "/api/stories/" + storyId.ToString(CultureInfo.InvariantCulture));
}

/// <summary>The request body is over a limit.</summary>
internal sealed class PayloadTooLargeException(string message) : Exception(message);
