using System.Globalization;
using Gleaner.Archives;
using Gleaner.Fetching;

namespace Gleaner.Crawling;

/// <summary>
/// Passes articles on to another output and archives every fetch (pages, feeds, sitemaps, robots.txt) in a WARC
/// file: a <c>request</c> record as sent and a <c>response</c> record as received, linked by
/// <c>WARC-Concurrent-To</c>, with the server's <c>WARC-IP-Address</c>. The response keeps its status line and
/// header values as received and, when the fetcher kept it (<see cref="ForArchive"/>), the body as it came over
/// the wire (still gzip- or brotli-encoded); only <c>Transfer-Encoding</c> is renamed
/// <c>X-Crawler-Transfer-Encoding</c>, because the HTTP client removed the chunk framing.
/// </summary>
public sealed class WarcCrawlOutput(ICrawlOutput inner, WarcWriter warc) : ICrawlOutput
{
    /// <summary>The crawl settings with what an archive needs: bodies kept as received.</summary>
    public static CrawlOptions ForArchive(CrawlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { Fetch = options.Fetch with { KeepWireBody = true } };
    }

    /// <summary>Writer settings whose <c>warcinfo</c> record names the software and describes the crawl.</summary>
    public static WarcWriterOptions WriterOptions(CrawlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("http-header-user-agent", options.Fetch.UserAgent),
            new("robots", options.IgnoreRobots ? "ignore" : "obey"),
            new("description", FormattableString.Invariant(
                    $"gleaner crawl: delay {options.Delay.TotalSeconds:0.###} s, concurrency {options.Concurrency}, max depth {options.MaxDepth}, max pages ")
                + (options.MaxPages is { } max ? max.ToString(CultureInfo.InvariantCulture) : "unlimited")
                + FormattableString.Invariant($", max pages per host {options.MaxPagesPerHost}")
                + (options.Include.Count > 0 ? ", include " + string.Join(' ', options.Include) : "")
                + (options.Exclude.Count > 0 ? ", exclude " + string.Join(' ', options.Exclude) : "")),
        };
        return new WarcWriterOptions { InfoFields = fields };
    }

    public Task SaveAsync(Article article, CancellationToken cancellationToken) => inner.SaveAsync(article, cancellationToken);

    public Task AddAliasAsync(string recordUrl, string alias, CancellationToken cancellationToken) => inner.AddAliasAsync(recordUrl, alias, cancellationToken);

    public Task RecordResponseAsync(FetchResult response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var verbatim = response.WireBody is not null;
        var headers = new List<KeyValuePair<string, string>>(response.Headers.Count);
        foreach (var header in response.Headers)
        {
            var name = verbatim && string.Equals(header.Name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase) ? "X-Crawler-Transfer-Encoding" : header.Name;
            headers.Add(new KeyValuePair<string, string>(name, header.Value));
        }
        var version = response.HttpVersion is { Major: 2 } ? "HTTP/2" : "HTTP/1.1";
        var reason = response.ReasonPhrase ?? ReasonPhrase(response.StatusCode);
        // Without the wire body (an error's or a redirect's body is not read), the stored body is what the client decoded.
        var message = verbatim
            ? HttpMessages.Response(response.StatusCode, reason, headers, response.WireBody, bodyIsDecoded: false, version)
            : HttpMessages.Response(response.StatusCode, reason, headers, response.Body, bodyIsDecoded: true, version);
        var requestHeaders = new List<KeyValuePair<string, string>>(response.RequestHeaders.Count);
        foreach (var header in response.RequestHeaders)
            requestHeaders.Add(new KeyValuePair<string, string>(header.Name, header.Value));
        var request = HttpMessages.Request(response.RequestMethod, response.FinalUrl, requestHeaders);
        warc.WriteExchange(response.FinalUrl.AbsoluteUri, response.FetchedAt, request, message, response.RemoteAddress);
        return inner.RecordResponseAsync(response, cancellationToken);
    }

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(System.Net.HttpStatusCode), status) ? ((System.Net.HttpStatusCode)status).ToString() : "";
}
