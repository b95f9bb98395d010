using System.Text;

namespace Gleaner.Discovery;

/// <summary>
/// One spelling per page, so one article is fetched once. Decisions:
/// scheme and host lower case (IDN hosts in punycode); default ports dropped; the fragment dropped;
/// dot segments resolved and an empty path made <c>/</c>; tracking parameters (<c>utm_*</c>,
/// <c>fbclid</c>, <c>gclid</c> and the like) and session ids (<c>jsessionid</c>, <c>phpsessid</c>,
/// <c>sid</c>...) removed, also <c>;jsessionid=</c> path parameters; the remaining query parameters
/// sorted by name (stable, so repeated names keep their order): servers virtually never give
/// parameter order a meaning, while links to one page often list them in different orders;
/// an empty query dropped. Paths keep their case and trailing slash (servers may distinguish them).
/// Only http and https URLs are canonical; others give null.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> DroppedParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "twclid", "ttclid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid", "ito", "at_medium", "at_campaign",
        "jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid", "cfid", "cftoken",
    };

    /// <summary>The canonical form of <paramref name="url"/>, or null when it is not an absolute http(s) URL.</summary>
    public static string? Canonicalize(string url, Uri? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        Uri? uri;
        if (baseUrl is not null ? !Uri.TryCreate(baseUrl, url.Trim(), out uri) : !Uri.TryCreate(url.Trim(), UriKind.Absolute, out uri))
            return null;
        return Canonicalize(uri);
    }

    /// <summary>The canonical form of an absolute URI, or null when it is not http(s).</summary>
    public static string? Canonicalize(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
            return null;

        var builder = new StringBuilder(uri.OriginalString.Length);
        builder.Append(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant());
        if (!uri.IsDefaultPort)
            builder.Append(':').Append(uri.Port);

        var path = uri.AbsolutePath; // dot segments already resolved by Uri
        var semicolon = path.IndexOf(";jsessionid=", StringComparison.OrdinalIgnoreCase);
        if (semicolon >= 0)
            path = path[..semicolon];
        builder.Append(path.Length == 0 ? "/" : path);

        var query = uri.Query;
        if (query.Length > 1)
            AppendQuery(builder, query.AsSpan(1));
        return builder.ToString();
    }

    private static void AppendQuery(StringBuilder builder, ReadOnlySpan<char> query)
    {
        var kept = new List<(string Name, string Pair)>();
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.IsEmpty)
                continue;
            var equals = pair.IndexOf('=');
            var name = (equals >= 0 ? pair[..equals] : pair).ToString();
            if (name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || DroppedParameters.Contains(name))
                continue;
            kept.Add((name, pair.ToString()));
        }
        if (kept.Count == 0)
            return;
        // List.Sort is not stable; OrderBy is, and queries are short.
        var sorted = kept.OrderBy(p => p.Name, StringComparer.Ordinal);
        var first = true;
        foreach (var (_, pair) in sorted)
        {
            builder.Append(first ? '?' : '&').Append(pair);
            first = false;
        }
    }
}
