using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gleaner.Formats;

namespace Gleaner.Storage;

/// <summary>What both backends do the same way to a record on its way in and out.</summary>
internal static class StoreRecords
{
    /// <summary>
    /// The key a record is stored under: its URL, or for a record without one (the record text layout has
    /// no URL) a stable name made from its headline and text, so importing the same file again updates it.
    /// </summary>
    public static string KeyOf(Article article)
    {
        var url = article.Url?.Trim();
        if (!string.IsNullOrEmpty(url))
            return url;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes((article.Title ?? "") + "\n" + (article.Text ?? "")));
        return ArticleFiles.StoreKeyPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The source domain as stored: the record's own, else the registrable domain of the URL's host; lower case.</summary>
    public static string? SourceDomainOf(Article article, string key)
    {
        if (!string.IsNullOrWhiteSpace(article.SourceDomain))
            return article.SourceDomain.Trim().ToLowerInvariant();
        return Uri.TryCreate(key, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? RegistrableDomain.Of(uri)
            : null;
    }

    /// <summary>A text field as stored: a blank one is no value (as every import format reads it), so records export and import back the same.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A list as stored: without blank items (which no import format keeps).</summary>
    public static IReadOnlyList<string> Items(IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
                continue;
            var kept = new List<string>(values.Count);
            foreach (var item in values)
                if (!string.IsNullOrWhiteSpace(item))
                    kept.Add(item);
            return kept;
        }
        return values;
    }

    public static string? LanguageOf(Article article) =>
        string.IsNullOrWhiteSpace(article.Language) ? null : article.Language.Trim().ToLowerInvariant();

    /// <summary>The published instant used to filter and sort (a date alone counts as midnight UTC).</summary>
    public static DateTimeOffset? PublishedInstant(Article article) => IsoDates.ToInstant(article.Published);

    public static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Pattern for "the domain or one of its subdomains": the filter value with a leading dot.</summary>
    public static string SubdomainSuffix(string site) => "." + site.Trim().ToLowerInvariant();

    /// <summary>The default of <see cref="StoreOptions.RankedMatches"/> (see BENCHMARKS.md for its cost in latency and results).</summary>
    public const int DefaultRankedMatches = 2_000;

    /// <summary>The default of <see cref="StoreOptions.PhraseWordEntries"/>: a phrase of common words read in 5-10 ms of CPU.</summary>
    public const int DefaultPhraseWordEntries = 200_000;

    /// <summary>
    /// Runs <paramref name="search"/> with a token that also fires after the request's timeout, and turns
    /// that cancellation into <see cref="SearchTimeoutException"/> (the caller's own cancellation stays one).
    /// </summary>
    public static async Task<T> WithTimeoutAsync<T>(SearchRequest request, Func<CancellationToken, Task<T>> search, CancellationToken cancellationToken)
    {
        if (request.Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(request), "the search timeout must be positive");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Timeout.TotalMilliseconds < int.MaxValue) // longer is as good as none (and CancelAfter refuses it)
            deadline.CancelAfter(request.Timeout);
        try
        {
            return await search(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SearchTimeoutException(request.Timeout);
        }
    }

    /// <summary>Limits a page of search results to what one request may ask for.</summary>
    public static (int Limit, int Offset) Page(SearchRequest request)
    {
        if (request.Limit < 1)
            throw new ArgumentOutOfRangeException(nameof(request), "the limit must be at least 1");
        if (request.Offset < 0)
            throw new ArgumentOutOfRangeException(nameof(request), "the offset cannot be negative");
        return (Math.Min(request.Limit, 10_000), request.Offset);
    }
}
