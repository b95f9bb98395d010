using System.Globalization;
using Gleaner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gleaner.Web;

/// <summary>The web pages: HTML made on the server, every value encoded (<see cref="Html"/>); the script is /assets/app.js.</summary>
internal static class Pages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", SearchAsync).ExcludeFromDescription();
        app.MapGet("/article", ArticleAsync).ExcludeFromDescription();
        app.MapGet("/story/{id:long}", StoryAsync).ExcludeFromDescription();
        app.MapGet("/coverage", CoverageAsync).ExcludeFromDescription().DisableRequestTimeout(); // waits CoverageWait itself
        app.MapGet("/status", StatusAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> SearchAsync([AsParameters] SearchParameters search, [AsParameters] FilterParameters filters, StorePool pool, ServeOptions options, HttpContext context)
    {
        var html = Start(string.IsNullOrWhiteSpace(search.Q) ? "Search" : search.Q.Trim() + " – Search", "search");
        SearchForm(html, search, filters);
        if (string.IsNullOrWhiteSpace(search.Q))
        {
            html.Raw("<section class=\"help\"><h2>Search syntax</h2><ul>")
                .Raw("<li><code>north korea</code>: every word must match</li>")
                .Raw("<li><code>\"tsunami warning\"</code>: a phrase</li>")
                .Raw("<li><code>quake OR earthquake</code>, <code>(a OR b) c</code>: alternatives, grouping</li>")
                .Raw("<li><code>-drill</code>: excluded; <code>korea*</code>: a prefix</li></ul>")
                .Raw("<p>Press <kbd>/</kbd> to jump to the search box.</p></section>");
            return End(html);
        }
        var request = search.ToRequest(filters, options.SearchTimeout);
        var hits = await pool.RunAsync(store => store.SearchAsync(request, context.RequestAborted), context.RequestAborted);
        html.Raw("<section aria-labelledby=\"results-title\"><h2 id=\"results-title\" class=\"count\">");
        if (hits.Count == 0)
            html.Raw(search.PageNumber == 1 ? "No results" : "No more results");
        else
            html.Raw("Results ").Number(request.Offset + 1).Raw("–").Number(request.Offset + hits.Count);
        html.Raw("</h2><ol class=\"results\" start=\"").Raw((request.Offset + 1).ToString(CultureInfo.InvariantCulture)).Raw("\">");
        foreach (var hit in hits)
        {
            var a = hit.Stored.Article;
            html.Raw("<li class=\"result\"><h3>").AppLink("/article?url=" + Html.Query(a.Url), Title(a.Title)).Raw("</h3>");
            html.Raw("<p class=\"meta\">");
            Meta(html, a);
            if (hit.StoryCopies > 1)
                html.Raw(" · ").AppLink("/story/" + hit.Stored.StoryId.ToString(CultureInfo.InvariantCulture),
                    hit.StoryCopies.ToString(CultureInfo.InvariantCulture) + " copies");
            html.Raw("</p><p class=\"snippet\">").Snippet(hit.Snippet).Raw("</p></li>");
        }
        html.Raw("</ol>");
        var more = hits.Count == search.PageSize && (long)(search.PageNumber + 1) * search.PageSize <= SearchParameters.MaxDepth;
        if (search.PageNumber > 1 || more)
        {
            html.Raw("<nav class=\"pages\" aria-label=\"Pages of results\">");
            if (search.PageNumber > 1)
                html.Raw("<a rel=\"prev\" href=\"/?").Text(search.QueryString(filters, search.PageNumber - 1)).Raw("\">← Previous</a>");
            html.Raw("<span>Page ").Number(search.PageNumber).Raw("</span>");
            if (more)
                html.Raw("<a rel=\"next\" href=\"/?").Text(search.QueryString(filters, search.PageNumber + 1)).Raw("\">Next →</a>");
            html.Raw("</nav>");
        }
        html.Raw("</section>");
        return End(html);
    }

    private static void SearchForm(Html html, SearchParameters search, FilterParameters filters)
    {
        html.Raw("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">");
        html.Raw("<div class=\"query\"><label for=\"q\" class=\"visually-hidden\">Search</label>")
            .Raw("<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"500\" placeholder=\"Search the harvested news\" value=\"").Text(search.Q).Raw("\">")
            .Raw("<button type=\"submit\">Search</button></div>");
        html.Raw("<div class=\"filters\">");
        Field(html, "site", "Site", filters.Site, "text", "example.com");
        Field(html, "lang", "Language", filters.Lang, "text", "en");
        Field(html, "author", "Author", filters.Author, "text", "");
        Field(html, "tag", "Tag or section", filters.Tag ?? filters.Section, "text", "");
        Field(html, "since", "Since", filters.Since, "date", "");
        Field(html, "until", "Until", filters.Until, "date", "");
        html.Raw("<label>Sort <select name=\"sort\">")
            .Raw(search.SortName == "newest" ? "<option value=\"relevance\">relevance</option><option value=\"newest\" selected>newest</option>"
                : "<option value=\"relevance\" selected>relevance</option><option value=\"newest\">newest</option>")
            .Raw("</select></label>");
        html.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"collapse\" value=\"true\"").Raw(search.Collapse == true ? " checked" : "")
            .Raw("> One per story</label>");
        html.Raw("</div></form>");
    }

    private static void Field(Html html, string name, string label, string? value, string type, string placeholder)
    {
        html.Raw("<label>").Raw(label).Raw(" <input name=\"").Raw(name).Raw("\" type=\"").Raw(type).Raw("\" maxlength=\"200\"");
        if (placeholder.Length > 0)
            html.Raw(" placeholder=\"").Raw(placeholder).Raw("\"");
        html.Raw(" value=\"").Text(value).Raw("\"></label>");
    }

    /// <summary>Outlet, date and language of a record, for a result line.</summary>
    private static void Meta(Html html, Article a)
    {
        html.Raw("<span class=\"site\">").Text(a.SiteName ?? a.SourceDomain ?? "unknown site").Raw("</span>");
        if (a.Published is { Length: > 0 })
            html.Raw(" · ").Raw("<time datetime=\"").Text(a.Published).Raw("\">").Text(ShortDate(a.Published)).Raw("</time>");
        if (a.Language is { Length: > 0 })
            html.Raw(" · ").Text(a.Language);
    }

    private static async Task<IResult> ArticleAsync([FromQuery] string? url, StorePool pool, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new BadParameterException("the parameter 'url' (the record's key) is missing");
        var stored = await pool.RunAsync(store => store.GetAsync(url, cancellationToken), cancellationToken);
        if (stored is null)
            return ErrorPage(StatusCodes.Status404NotFound, "Not found", $"No record is stored under '{FilterParameters.Shorten(url)}'.");
        var copies = await pool.RunAsync(store => store.GetStoryAsync(stored.StoryId, cancellationToken), cancellationToken);
        var a = stored.Article;
        var html = Start(Title(a.Title), "article");
        html.Raw("<article class=\"reader\"><header>");
        html.Raw("<p class=\"kicker\">").Text(a.SiteName ?? a.SourceDomain ?? "");
        if (a.Section is { Length: > 0 })
            html.Raw(" · ").Text(a.Section);
        html.Raw("</p><h1>").Text(Title(a.Title)).Raw("</h1>");
        if (a.Description is { Length: > 0 })
            html.Raw("<p class=\"lead\">").Text(a.Description).Raw("</p>");
        html.Raw("<p class=\"byline\">");
        if (a.Authors.Count > 0)
            html.Raw("By ").Text(string.Join(", ", a.Authors)).Raw("<br>");
        if (a.Published is { Length: > 0 })
            html.Raw("Published <time datetime=\"").Text(a.Published).Raw("\">").Text(LongDate(a.Published)).Raw("</time>");
        if (a.Modified is { Length: > 0 } && a.Modified != a.Published)
            html.Raw(" · updated <time datetime=\"").Text(a.Modified).Raw("\">").Text(LongDate(a.Modified)).Raw("</time>");
        html.Raw("</p><p class=\"source\">Source: ").ExternalLink(a.Url, a.Url).Raw("</p>");
        if (copies.Count > 1)
            html.Raw("<p class=\"story-link\">").AppLink("/story/" + stored.StoryId.ToString(CultureInfo.InvariantCulture),
                $"This story ran {copies.Count} times: compare the copies").Raw("</p>");
        html.Raw("</header>");
        if (Html.SafeUrl(a.Image) is { } image)
            html.Raw("<figure class=\"lead-image\"><img src=\"").Text(image).Raw("\" alt=\"\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></figure>");
        html.Raw("<div class=\"body\">");
        foreach (var paragraph in (a.Text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Raw("<p>").Text(paragraph).Raw("</p>");
        html.Raw("</div><footer class=\"facts\"><dl>");
        Fact(html, "Language", a.Language);
        Fact(html, "Tags", a.Tags.Count > 0 ? string.Join(", ", a.Tags) : null);
        Fact(html, "Fetched", a.Fetched);
        Fact(html, "First seen", StoredArticleLines.FormatTime(stored.FirstSeen));
        Fact(html, "Last saved", StoredArticleLines.FormatTime(stored.LastSaved));
        if (a.CanonicalUrl is { Length: > 0 })
        {
            html.Raw("<dt>Declared address</dt><dd>").ExternalLink(a.CanonicalUrl, a.CanonicalUrl).Raw("</dd>");
        }
        html.Raw("</dl><p>").AppLink("/api/articles?url=" + Html.Query(a.Url), "This record as JSON").Raw("</p></footer></article>");
        return End(html);
    }

    private static void Fact(Html html, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            html.Raw("<dt>").Raw(name).Raw("</dt><dd>").Text(value).Raw("</dd>");
    }

    private static async Task<IResult> StoryAsync(long id, StorePool pool, CancellationToken cancellationToken)
    {
        var story = await Api.LoadStoryAsync(pool, id, cancellationToken);
        if (story is null)
            return ErrorPage(StatusCodes.Status404NotFound, "Not found", $"No story {id}.");
        var lead = story.Records[0];
        var html = Start(Title(lead.Title) + " – Story", "story");
        html.Raw("<h1>").Text(Title(lead.Title)).Raw("</h1>");
        html.Raw("<p class=\"meta\">").Number(story.Copies).Raw(story.Copies == 1 ? " copy" : " copies").Raw(" from ")
            .Number(story.Sites).Raw(story.Sites == 1 ? " site" : " sites").Raw(", earliest published first.</p>");
        var firstTime = Formats.IsoDates.ToInstant(lead.Published);
        html.Raw("<ol class=\"copies\">");
        foreach (var copy in story.Records)
        {
            html.Raw("<li class=\"copy\"><p class=\"outlet\">").Text(copy.SiteName ?? copy.SourceDomain ?? "unknown site").Raw("</p>");
            html.Raw("<p class=\"when\">");
            if (copy.Published is { Length: > 0 })
            {
                html.Raw("<time datetime=\"").Text(copy.Published).Raw("\">").Text(LongDate(copy.Published)).Raw("</time>");
                if (firstTime is { } first && Formats.IsoDates.ToInstant(copy.Published) is { } at && at > first)
                    html.Raw(" <span class=\"delay\">").Text("+" + Delay(at - first)).Raw("</span>");
            }
            else
                html.Raw("no date");
            html.Raw("</p><h2>").AppLink("/article?url=" + Html.Query(copy.Url), Title(copy.Title)).Raw("</h2>");
            if (copy.Authors.Count > 0)
                html.Raw("<p class=\"byline\">").Text(string.Join(", ", copy.Authors)).Raw("</p>");
            if (copy.Description is { Length: > 0 })
                html.Raw("<p class=\"lead\">").Text(copy.Description).Raw("</p>");
            html.Raw("<p class=\"source\">").ExternalLink(copy.Url, "Original").Raw("</p></li>");
        }
        html.Raw("</ol>");
        return End(html);
    }

    private static async Task<IResult> CoverageAsync([AsParameters] FilterParameters filters, CoverageCache cache, StorePool pool, CancellationToken cancellationToken)
    {
        var filter = filters.ToFilter();
        var counting = cache.GetAsync(filter, () => LoadCoverageAsync(pool, filter, CancellationToken.None));
        try
        {
            await counting.WaitAsync(CoverageWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            var wait = Start("Coverage", "coverage");
            wait.Raw("<meta http-equiv=\"refresh\" content=\"10\"><h1>Coverage: articles per day</h1>")
                .Raw("<p role=\"status\">Still counting: the chart counts every record that passes the filters. This page reloads every 10 s until the chart is ready.</p>");
            return End(wait, StatusCodes.Status202Accepted);
        }
        var (all, series) = await counting;
        var html = Start("Coverage", "coverage");
        html.Raw("<h1>Coverage: articles per day</h1>");
        html.Raw("<form class=\"filters inline\" method=\"get\" action=\"/coverage\">");
        Field(html, "site", "Site", filters.Site, "text", "");
        Field(html, "lang", "Language", filters.Lang, "text", "");
        Field(html, "since", "Since", filters.Since, "date", "");
        Field(html, "until", "Until", filters.Until, "date", "");
        html.Raw("<button type=\"submit\">Show</button></form>");
        var total = series[0].PerDay;
        if (total.Count == 0)
        {
            html.Raw("<p>No dated records match.</p>");
            return End(html);
        }
        // The last 366 days with records, unless a period was asked for.
        var last = total.Keys.Max();
        var first = total.Keys.Min();
        if (filter.Since is null && last.DayNumber - first.DayNumber > 365)
            first = last.AddDays(-365);
        html.Raw("<figure class=\"chart-box\">");
        CoverageChart.Write(html, series, first, last);
        html.Raw("<figcaption><ul class=\"legend\">");
        for (var i = 0; i < series.Count; i++)
        {
            long sum = 0;
            foreach (var (day, count) in series[i].PerDay)
                if (day >= first && day <= last)
                    sum += count;
            html.Raw("<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" rx=\"2\" fill=\"")
                .Raw(CoverageChart.Colors[i]).Raw("\"/></svg> ");
            if (i == 0)
                html.Text(series[i].Name);
            else
                html.AppLink("/coverage?site=" + Html.Query(series[i].Name), series[i].Name);
            html.Raw(" (").Number(sum).Raw(")</li>");
        }
        html.Raw("</ul></figcaption></figure>");
        html.Raw("<p class=\"meta\">").Number(all.Articles).Raw(all.Articles == 1 ? " record, " : " records, ")
            .Number(all.Stories).Raw(all.Stories == 1 ? " story; " : " stories; ")
            .Number(all.BySite.Count).Raw(all.BySite.Count == 1 ? " site, " : " sites, ")
            .Number(all.ByLanguage.Count).Raw(all.ByLanguage.Count == 1 ? " language.</p>" : " languages.</p>");
        return End(html);
    }

    /// <summary>
    /// The counts for the chart: all records, and per day the largest sites (fewer than the colours) in one query,
    /// read in parallel on two of the pool's stores since each scans the records that pass the filter.
    /// </summary>
    private static async Task<(StoreStatistics All, IReadOnlyList<CoverageSeries> Series)> LoadCoverageAsync(
        StorePool pool, ArticleFilter filter, CancellationToken cancellationToken)
    {
        var counting = pool.RunAsync(store => store.GetStatisticsAsync(filter, cancellationToken), cancellationToken);
        // A filter on one site draws that site as "All sites" alone.
        var perSite = filter.Site is null
            ? await pool.RunAsync(store => store.GetCoverageAsync(filter, CoverageSites, cancellationToken), cancellationToken)
            : [];
        var sites = new List<(string Site, Dictionary<DateOnly, long> PerDay)>();
        foreach (var count in perSite) // grouped by site, largest first
        {
            if (sites.Count == 0 || sites[^1].Site != count.Site)
                sites.Add((count.Site, []));
            if (DateOnly.TryParseExact(count.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                sites[^1].PerDay[day] = count.Count;
        }
        var all = await counting;
        var series = new List<CoverageSeries> { new("All sites", Days(all.ByDay)) };
        foreach (var (site, perDay) in sites)
            series.Add(new CoverageSeries(site, perDay));
        return (all, series);
    }

    /// <summary>How long the coverage page waits for its counts before it answers "still counting".</summary>
    private static readonly TimeSpan CoverageWait = TimeSpan.FromSeconds(20);

    /// <summary>Sites with a line of their own in the coverage chart.</summary>
    private const int CoverageSites = 5;

    private static Dictionary<DateOnly, long> Days(IReadOnlyList<KeyValuePair<string, long>> byDay)
    {
        var days = new Dictionary<DateOnly, long>();
        foreach (var (key, count) in byDay)
            if (DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                days[day] = count;
        return days;
    }

    private static async Task<IResult> StatusAsync(StorePool pool, CancellationToken cancellationToken)
    {
        var status = await pool.RunAsync(store => HarvestStatus.ReadAsync(store, cancellationToken), cancellationToken);
        var html = Start("Harvest status", "status");
        html.Raw("<h1>Harvest status</h1><p class=\"refresh\"><label class=\"check\"><input type=\"checkbox\" id=\"auto-refresh\"> Refresh every 5 s</label></p>");
        html.Raw("<section><h2>Crawl</h2>");
        if (status.Crawl is not { } crawl)
            html.Raw("<p>No crawl has written to this store (<code>gleaner crawl --store …</code>).</p>");
        else
        {
            html.Raw("<dl class=\"counters\">");
            Counter(html, "Queued", crawl.Queued);
            Counter(html, "Fetching", crawl.Fetching);
            Counter(html, "Done", crawl.Done);
            Counter(html, "Failed", crawl.Failed);
            Counter(html, "Skipped", crawl.Skipped);
            Counter(html, "Hosts waiting", crawl.BusyHosts);
            html.Raw("</dl>");
            if (crawl.NextReadyAt is { } next)
                html.Raw("<p>Next URL ready at <time>").Text(next).Raw("</time>.</p>");
            if (crawl.Issues.Count > 0)
            {
                html.Raw("<table><caption>Failed and skipped, by reason</caption><thead><tr><th scope=\"col\">State</th><th scope=\"col\">Reason</th><th scope=\"col\" class=\"num\">URLs</th><th scope=\"col\">Example</th></tr></thead><tbody>");
                foreach (var issue in crawl.Issues)
                    html.Raw("<tr><td>").Text(issue.State).Raw("</td><td>").Text(issue.Reason).Raw("</td><td class=\"num\">").Number(issue.Count)
                        .Raw("</td><td class=\"url\">").ExternalLink(issue.Example, issue.Example).Raw("</td></tr>");
                html.Raw("</tbody></table>");
            }
        }
        html.Raw("</section><section><h2>WARC harvests</h2>");
        if (status.Warc is not { } warc)
            html.Raw("<p>No WARC harvest has written to this store (<code>gleaner warc --store …</code>).</p>");
        else
        {
            html.Raw("<table><caption>Files, latest first</caption><thead><tr><th scope=\"col\">File</th><th scope=\"col\">State</th><th scope=\"col\" class=\"num\">Resume at byte</th><th scope=\"col\">Updated</th></tr></thead><tbody>");
            foreach (var file in warc)
                html.Raw("<tr><td class=\"url\">").Text(file.Path).Raw("</td><td>").Raw(file.Done ? "done" : "in progress").Raw("</td><td class=\"num\">")
                    .Raw(file.ResumeOffset is { } offset ? offset.ToString("N0", CultureInfo.InvariantCulture) : "").Raw("</td><td>").Text(file.Updated).Raw("</td></tr>");
            html.Raw("</tbody></table>");
        }
        html.Raw("</section>");
        return End(html);
    }

    private static void Counter(Html html, string name, long value) =>
        html.Raw("<div><dt>").Raw(name).Raw("</dt><dd>").Number(value).Raw("</dd></div>");

    public static Html Start(string title, string page)
    {
        var html = new Html();
        html.Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" – Gleaner</title><link rel=\"stylesheet\" href=\"/assets/app.css\"><script src=\"/assets/app.js\" defer></script></head>")
            .Raw("<body class=\"page-").Raw(page).Raw("\"><a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Raw("<header class=\"top\"><nav aria-label=\"Main\"><a class=\"brand\" href=\"/\">Gleaner</a>")
            .Raw(NavLink("/", "Search", page == "search")).Raw(NavLink("/coverage", "Coverage", page == "coverage"))
            .Raw(NavLink("/status", "Harvest", page == "status")).Raw(NavLink("/api/docs", "API", false))
            .Raw("</nav></header><main id=\"main\" tabindex=\"-1\">");
        return html;
    }

    private static string NavLink(string href, string text, bool current) =>
        $"<a href=\"{href}\"{(current ? " aria-current=\"page\"" : "")}>{text}</a>";

    public static IResult End(Html html, int status = StatusCodes.Status200OK)
    {
        html.Raw("</main></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult ErrorPage(int status, string title, string message)
    {
        var html = Start(title, "error");
        html.Raw("<h1>").Text(title).Raw("</h1><p>").Text(message).Raw("</p><p><a href=\"/\">Back to search</a></p>");
        return End(html, status);
    }

    private static string Title(string? title) => string.IsNullOrWhiteSpace(title) ? "(no title)" : title;

    private static string ShortDate(string value) => value.Length >= 10 ? value[..10] : value;

    /// <summary>A date with its time of day (as published, in the publisher's offset), or the date alone.</summary>
    private static string LongDate(string value) =>
        Formats.IsoDates.Normalize(value) is { Length: > 10 } normalized && DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (at.Offset == TimeSpan.Zero ? " UTC" : at.ToString(" zzz", CultureInfo.InvariantCulture))
            : ShortDate(value);

    private static string Delay(TimeSpan delay) =>
        delay.TotalMinutes < 60 ? $"{(int)delay.TotalMinutes} min"
        : delay.TotalHours < 48 ? $"{(int)delay.TotalHours} h {delay.Minutes} min"
        : $"{(int)delay.TotalDays} days";
}
