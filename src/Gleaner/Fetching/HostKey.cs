namespace Gleaner.Fetching;

/// <summary>The unit of politeness: requests are spaced per scheme, host and port (crawls and rendering alike).</summary>
public static class HostKey
{
    /// <summary>The key of <paramref name="url"/>'s host: scheme, host and port in lower case, e.g. <c>https://example.com:8443</c>.</summary>
    public static string Of(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
