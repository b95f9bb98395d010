using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gleaner.Crawling;
using Gleaner.Discovery;
using Gleaner.Storage;

namespace Gleaner.Web.Tests;

public sealed class ApiTests : IAsyncLifetime
{
    private TestStore _data = null!;
    private StorePool _pool = null!;

    public async Task InitializeAsync()
    {
        _data = await TestStore.CreateAsync();
        _pool = await StorePool.OpenAsync(_data.Path_, 4);
    }

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        await _data.DisposeAsync();
    }

    private HttpClient Client(ServeOptions? options = null) => new GleanerFactory(_pool, options ?? new ServeOptions()).CreateClient();

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Search_finds_records_with_encoded_highlighted_snippets_and_story_counts()
    {
        using var response = await Client().GetAsync("/api/search?q=earthquake&collapse=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        var results = json.GetProperty("results");
        Assert.Equal(1, results.GetArrayLength()); // two copies, one story
        var hit = results[0];
        Assert.Equal(2, hit.GetProperty("story_copies").GetInt32());
        Assert.Contains("<mark>earthquake</mark>", hit.GetProperty("snippet_html").GetString());
        Assert.DoesNotContain("<mark>", hit.GetProperty("snippet").GetString());
        Assert.StartsWith("/api/articles?url=https%3A%2F%2F", hit.GetProperty("links").GetProperty("self").GetString());
    }

    [Fact]
    public async Task Searches_leave_sqlite_allocation_statistics_off()
    {
        // Kept, they take one process-wide lock on each of a search's many allocations, which two searches running on
        // two cores contend for (SqliteLibrary turns them off before the store's first connection opens).
        using var response = await Client().GetAsync("/api/search?q=earthquake");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
    }

    [Fact]
    public async Task Search_snippets_of_a_hostile_record_are_html_encoded()
    {
        var json = await JsonOf(await Client().GetAsync("/api/search?q=hostile"));
        var html = json.GetProperty("results")[0].GetProperty("snippet_html").GetString()!;
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<a ", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Search_filters_by_language_site_and_dates()
    {
        var client = Client();
        var german = await JsonOf(await client.GetAsync("/api/search?q=erdbeben&lang=de"));
        Assert.Equal(TestStore.GermanUrl, german.GetProperty("results")[0].GetProperty("url").GetString());
        var none = await JsonOf(await client.GetAsync("/api/search?q=erdbeben&lang=en"));
        Assert.Equal(0, none.GetProperty("results").GetArrayLength());
        var site = await JsonOf(await client.GetAsync("/api/search?q=earthquake&site=example.org"));
        Assert.Equal(TestStore.CopyUrl, site.GetProperty("results")[0].GetProperty("url").GetString());
        Assert.Equal(1, site.GetProperty("results").GetArrayLength());
        var until = await JsonOf(await client.GetAsync("/api/search?q=earthquake&until=2024-02-29"));
        Assert.Equal(0, until.GetProperty("results").GetArrayLength());
        var since = await JsonOf(await client.GetAsync("/api/search?q=earthquake&since=2024-03-01&until=2024-03-01"));
        Assert.Equal(2, since.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Search_pages_link_to_each_other_in_the_body_and_the_link_header()
    {
        var client = Client();
        using var first = await client.GetAsync("/api/search?q=earthquake&sort=newest&per_page=1");
        var json = await JsonOf(first);
        Assert.Equal(TestStore.CopyUrl, json.GetProperty("results")[0].GetProperty("url").GetString()); // newest first
        var next = json.GetProperty("links").GetProperty("next").GetString()!;
        Assert.Contains("page=2", next);
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single());
        var second = await JsonOf(await client.GetAsync(next));
        Assert.Equal(TestStore.QuakeUrl, second.GetProperty("results")[0].GetProperty("url").GetString());
        var prev = second.GetProperty("links").GetProperty("prev").GetString()!;
        Assert.Contains("q=earthquake", prev);
        Assert.DoesNotContain("page=", prev.Replace("per_page=", "", StringComparison.Ordinal)); // the first page has no number
        var third = await JsonOf(await client.GetAsync(second.GetProperty("links").GetProperty("next").GetString()));
        Assert.Equal(0, third.GetProperty("results").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, third.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("/api/search?q=%22unclosed", "bad query")]
    [InlineData("/api/search", "'q'")]
    [InlineData("/api/search?q=a&sort=oldest", "'sort'")]
    [InlineData("/api/search?q=a&since=yesterday", "'since'")]
    [InlineData("/api/search?q=a&per_page=1000", "'per_page'")]
    [InlineData("/api/search?q=a&page=100000", "'page'")]
    [InlineData("/api/export?format=xml", "'format'")]
    public async Task Bad_requests_are_problem_details_naming_the_parameter(string path, string named)
    {
        using var response = await Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonOf(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(named, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_api_paths_and_records_are_404_problems()
    {
        var client = Client();
        using var path = await client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, path.StatusCode);
        Assert.Equal("application/problem+json", path.Content.Headers.ContentType?.MediaType);
        using var record = await client.GetAsync("/api/articles?url=https%3A%2F%2Fnowhere.example%2F");
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        Assert.Contains("nowhere.example", (await JsonOf(record)).GetProperty("detail").GetString());
        using var story = await client.GetAsync("/api/stories/987654");
        Assert.Equal(HttpStatusCode.NotFound, story.StatusCode);
    }

    [Fact]
    public async Task An_article_has_an_etag_and_answers_a_conditional_get_with_304()
    {
        var client = Client();
        var path = "/api/articles?url=" + Uri.EscapeDataString(TestStore.QuakeUrl);
        using var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = await JsonOf(first);
        Assert.Equal("Earthquake hits coastal town", json.GetProperty("article").GetProperty("title").GetString());
        Assert.Equal(_data.StoryId, json.GetProperty("story_id").GetInt64());
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task An_article_is_also_found_by_its_id_with_the_same_etag()
    {
        var client = Client();
        using var byUrl = await client.GetAsync("/api/articles?url=" + Uri.EscapeDataString(TestStore.QuakeUrl));
        var id = (await JsonOf(byUrl)).GetProperty("id").GetInt64();
        var path = $"/api/articles/{id}";
        using var byId = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal(TestStore.QuakeUrl, (await JsonOf(byId)).GetProperty("article").GetProperty("url").GetString());
        Assert.Equal(byUrl.Headers.ETag, byId.Headers.ETag);
        Assert.Equal([TestStore.QuakeAlias], (await JsonOf(byId)).GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        using var byAlias = await client.GetAsync("/api/articles?url=" + Uri.EscapeDataString(TestStore.QuakeAlias));
        Assert.Equal(id, (await JsonOf(byAlias)).GetProperty("id").GetInt64());
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(byId.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var missing = await client.GetAsync("/api/articles/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_story_lists_its_copies_earliest_first_and_the_story_list_has_it()
    {
        var client = Client();
        var story = await JsonOf(await client.GetAsync($"/api/stories/{_data.StoryId}"));
        Assert.Equal(2, story.GetProperty("copies").GetInt32());
        Assert.Equal(2, story.GetProperty("sites").GetInt32());
        var records = story.GetProperty("records");
        Assert.Equal(TestStore.QuakeUrl, records[0].GetProperty("url").GetString());
        Assert.Equal(TestStore.CopyUrl, records[1].GetProperty("url").GetString());
        var stories = await JsonOf(await client.GetAsync("/api/stories?limit=1"));
        Assert.Equal(_data.StoryId, stories.GetProperty("stories")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Stats_count_by_site_language_and_day()
    {
        var stats = await JsonOf(await Client().GetAsync("/api/stats"));
        Assert.Equal(4, stats.GetProperty("articles").GetInt64());
        Assert.Equal(3, stats.GetProperty("stories").GetInt64());
        var languages = stats.GetProperty("by_language").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("count").GetInt64());
        Assert.Equal(3, languages["en"]);
        Assert.Equal(1, languages["de"]);
        var days = stats.GetProperty("by_day").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("count").GetInt64());
        Assert.Equal(2, days["2024-03-01"]);
        var filtered = await JsonOf(await Client().GetAsync("/api/stats?lang=de"));
        Assert.Equal(1, filtered.GetProperty("articles").GetInt64());
    }

    [Fact]
    public async Task Export_streams_json_lines_and_csv()
    {
        var client = Client();
        using var jsonl = await client.GetAsync("/api/export?lang=en");
        Assert.Equal("application/jsonl", jsonl.Content.Headers.ContentType?.MediaType);
        var lines = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Equal("en", JsonDocument.Parse(line).RootElement.GetProperty("language").GetString()));
        using var csv = await client.GetAsync("/api/export?format=csv&site=example.de");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith(StoredArticleLines.CsvHeader + "\n", text);
        Assert.Contains(TestStore.GermanUrl, text);
        Assert.Equal(2, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Extract_turns_posted_html_into_a_record_without_storing_it()
    {
        const string page = "<html lang=\"en\"><head><title>Harbour reopens after storm | Coast Times</title></head><body><article><h1>Harbour reopens after storm</h1>" +
            "<p>The harbour reopened on Monday after the storm had closed it for three days, the port authority said in a statement.</p>" +
            "<p>Fishing boats returned to their moorings and the ferry service resumed its timetable in the afternoon.</p></article></body></html>";
        using var content = new StringContent(page, Encoding.UTF8, "text/html");
        using var response = await Client().PostAsync("/api/extract?url=" + Uri.EscapeDataString("https://coast.example.com/harbour"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await JsonOf(response);
        Assert.Equal("Harbour reopens after storm", record.GetProperty("title").GetString());
        Assert.Contains("ferry service", record.GetProperty("text").GetString());
        Assert.Equal("https://coast.example.com/harbour", record.GetProperty("url").GetString());
        await using var store = await ArticleStores.OpenAsync(_data.Path_);
        Assert.Null(await store.GetAsync("https://coast.example.com/harbour"));
    }

    [Fact]
    public async Task Extract_refuses_bodies_over_the_limit_and_unknown_content_types()
    {
        var client = Client(new ServeOptions { MaxRequestBytes = 1000 });
        using var big = await client.PostAsync("/api/extract", new StringContent(new string('x', 5000), Encoding.UTF8, "text/html"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);
        using var image = await client.PostAsync("/api/extract", new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, image.StatusCode);
    }

    [Fact]
    public async Task Extract_by_url_is_off_unless_allowed_and_never_reaches_loopback()
    {
        static StringContent Target(string url) => new(JsonSerializer.Serialize(new { url }), Encoding.UTF8, "application/json");
        using var off = await Client().PostAsync("/api/extract", Target("http://127.0.0.1:9/"));
        Assert.Equal(HttpStatusCode.Forbidden, off.StatusCode);
        Assert.Contains("--allow-fetch", (await JsonOf(off)).GetProperty("detail").GetString());

        var allowed = Client(new ServeOptions { AllowFetch = true });
        foreach (var url in new[] { "http://127.0.0.1:9/", "http://localhost:9/", "http://[::1]:9/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/" })
        {
            using var refused = await allowed.PostAsync("/api/extract", Target(url));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("refused", (await JsonOf(refused)).GetProperty("detail").GetString());
        }
        using var notHttp = await allowed.PostAsync("/api/extract", Target("file:///etc/passwd"));
        Assert.Equal(HttpStatusCode.BadRequest, notHttp.StatusCode);
    }

    [Fact]
    public async Task Extract_by_url_fetches_when_private_addresses_are_allowed()
    {
        // A real server on 127.0.0.1 to fetch from: the app itself, whose reader page is an article.
        await using var server = GleanerWeb.CreateServer(new ServeOptions(), _pool, "127.0.0.1:0");
        await server.StartAsync();
        var page = server.Urls.Single() + "/article?url=" + Uri.EscapeDataString(TestStore.QuakeUrl);
        var client = Client(new ServeOptions { AllowFetch = true, AllowPrivateAddresses = true });
        using var response = await client.PostAsync("/api/extract",
            new StringContent(JsonSerializer.Serialize(new { url = page }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rescue teams searched", (await JsonOf(response)).GetProperty("text").GetString());
        await server.StopAsync();
    }

    [Fact]
    public async Task A_token_is_required_for_posts_when_configured_and_reads_stay_open()
    {
        var client = Client(new ServeOptions { Token = "s3cret" });
        using var read = await client.GetAsync("/api/search?q=earthquake");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var without = await client.PostAsync("/api/extract", new StringContent("<p>x</p>", Encoding.UTF8, "text/html"));
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("Bearer", without.Headers.WwwAuthenticate.Single().Scheme);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/extract") { Content = new StringContent("<p>x</p>", Encoding.UTF8, "text/html") };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Post, "/api/extract") { Content = new StringContent("<p>x</p>", Encoding.UTF8, "text/html") };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Health_answers_and_the_openapi_document_describes_the_endpoints()
    {
        var client = Client();
        var health = await JsonOf(await client.GetAsync("/api/health"));
        Assert.Equal("ok", health.GetProperty("status").GetString());
        var openApi = await JsonOf(await client.GetAsync(GleanerWeb.OpenApiPath));
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/articles", "/api/articles/{id}", "/api/stories/{id}", "/api/stats", "/api/extract", "/api/export", "/api/health" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        var extractBody = paths.GetProperty("/api/extract").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(extractBody.TryGetProperty("text/html", out _));
        Assert.True(extractBody.TryGetProperty("application/json", out _));
        Assert.Contains(paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "since");
    }

    [Fact]
    public async Task The_api_reference_page_loads_its_script_from_the_app_not_a_cdn()
    {
        var client = Client();
        using var page = await client.GetAsync(GleanerWeb.DocsPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var sources = System.Text.RegularExpressions.Regex.Matches(html, "src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.False(Uri.TryCreate(source, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http"), source));
        Assert.DoesNotContain("fonts.scalar.com", html);
        foreach (var source in sources)
        {
            var resolved = new Uri(new Uri("http://localhost" + GleanerWeb.DocsPath + "/"), source).PathAndQuery;
            using var script = await client.GetAsync(resolved);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, resolved);
        }
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_encode_hostile_records()
    {
        var client = Client();
        using var search = await client.GetAsync("/?q=hostile");
        Assert.Equal(GleanerWeb.ContentSecurityPolicy, search.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self'", GleanerWeb.ContentSecurityPolicy);
        Assert.Equal("nosniff", search.Headers.GetValues("X-Content-Type-Options").Single());
        var searchHtml = await search.Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;", searchHtml);
        using var article = await client.GetAsync("/article?url=" + Uri.EscapeDataString(TestStore.HostileUrl));
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        foreach (var html in new[] { searchHtml, await article.Content.ReadAsStringAsync() })
        {
            // The only script element is the app's own file; no record text became markup or a javascript: link.
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
            Assert.Contains("<script src=\"/assets/app.js\" defer></script>", html);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<iframe", html);
            Assert.DoesNotContain("onerror=\"", html);
        }
    }

    [Fact]
    public async Task The_pages_render_search_article_story_coverage_and_status()
    {
        var client = Client();
        var search = await client.GetStringAsync("/?q=earthquake");
        Assert.Contains("Earthquake hits coastal town", search);
        Assert.Contains("<mark>earthquake</mark>", search);
        var article = await client.GetStringAsync("/article?url=" + Uri.EscapeDataString(TestStore.QuakeUrl));
        Assert.Contains("By Ana Reporter", article);
        Assert.Contains("<img src=\"https://news.example.com/quake.jpg\"", article);
        Assert.Contains($"href=\"/story/{_data.StoryId}\"", article);
        var story = await client.GetStringAsync($"/story/{_data.StoryId}");
        Assert.Contains("Wire Service", story);
        Assert.Contains("2 h 30 min", story); // the second copy ran 2 h 30 min after the first
        var coverage = await client.GetStringAsync("/coverage");
        Assert.Contains("<svg class=\"chart\"", coverage);
        Assert.Contains("<polyline", coverage);
        Assert.Contains("<title>example.com</title>", coverage); // a line per site besides all sites
        Assert.Contains("<title>example.org</title>", coverage);
        Assert.Matches(@" sites, 2 languages\.</p>", coverage); // English and German
        var status = await client.GetStringAsync("/status");
        Assert.Contains("No crawl has written to this store", status);
        using var missing = await client.GetAsync("/story/4242");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var bad = await client.GetAsync("/?q=%22open");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("bad query", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_status_view_reads_a_crawl_frontier_in_the_same_store()
    {
        await using (var store = await ArticleStores.OpenAsync(_data.Path_))
        {
            await using var frontier = await StoreFrontier.OpenAsync(store);
            await frontier.AddAsync([
                new FrontierEntry("https://news.example.com/a", "news.example.com", UrlKind.Page, 0, 0, null, null),
                new FrontierEntry("https://news.example.com/b", "news.example.com", UrlKind.Page, 1, 0, "https://news.example.com/a", null),
            ]);
        }
        var client = Client();
        var status = await JsonOf(await client.GetAsync("/api/status"));
        Assert.Equal(2, status.GetProperty("crawl").GetProperty("queued").GetInt64());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("warc").ValueKind);
        var page = await client.GetStringAsync("/status");
        Assert.Contains("<dt>Queued</dt><dd>2</dd>", page);
    }
}
