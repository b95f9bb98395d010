using Gleaner.Archives;
using Gleaner.Fetching;

namespace Gleaner.Crawling;

/// <summary>Passes articles on to another output and writes every response to a WARC file as well.</summary>
public sealed class WarcCrawlOutput(ICrawlOutput inner, WarcWriter warc) : ICrawlOutput
{
    public Task SaveAsync(Article article, CancellationToken cancellationToken) => inner.SaveAsync(article, cancellationToken);

    public Task RecordResponseAsync(FetchResult response, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>(response.Headers.Count);
        foreach (var header in response.Headers)
            headers.Add(new KeyValuePair<string, string>(header.Name, header.Value));
        var version = response.HttpVersion is { Major: 2 } ? "HTTP/2" : "HTTP/1.1";
        var message = HttpMessages.Response(response.StatusCode, ReasonPhrase(response.StatusCode),
            headers, response.Body, bodyIsDecoded: true, version);
        warc.WriteResponse(response.FinalUrl.AbsoluteUri, response.FetchedAt, message);
        return inner.RecordResponseAsync(response, cancellationToken);
    }

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(System.Net.HttpStatusCode), status) ? ((System.Net.HttpStatusCode)status).ToString() : "";
}
