using Gleaner.Discovery;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Extraction;

/// <summary>
/// The one rule for which address a record is kept under. A page may name its canonical address
/// (<c>rel=canonical</c>, <c>og:url</c>), but any host can serve any markup: trusted blindly, one page
/// could replace another site's record in the store. So a declared address counts only on the site
/// (registrable domain) the page was fetched from; otherwise the fetched address is the record's.
/// </summary>
internal static class RecordAddress
{
    /// <summary>
    /// The record's address: <paramref name="declared"/> when it is on the same site as
    /// <paramref name="fetched"/> (or nothing was fetched, so the page's own word is all there is),
    /// else <paramref name="fetched"/>.
    /// </summary>
    public static Uri? Choose(Uri? fetched, Uri? declared)
    {
        if (declared is null)
            return fetched;
        if (fetched is null)
            return declared;
        return IsSameSite(fetched, declared) ? declared : fetched;
    }

    /// <summary>
    /// The record's key for an address: written as the crawler writes URLs (<see cref="UrlCanonicalizer"/>: tracking
    /// parameters such as <c>utm_*</c> and the fragment dropped), so a page declaring <c>?utm_source=rss</c> in its
    /// <c>rel=canonical</c> is stored under the same key as its crawled address.
    /// </summary>
    public static string? Key(Uri? address) => address is null ? null : UrlCanonicalizer.Canonicalize(address) ?? address.AbsoluteUri;

    /// <summary>Whether the host survives IDN conversion: one with a NUL or a noncharacter (U+FFFF) parses as a
    /// <see cref="Uri"/> but throws later; such an address is ignored, never fatal to the page.</summary>
    public static bool HasValidHost(Uri uri)
    {
        try
        {
            return uri.IdnHost.Length > 0;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    /// <summary>Whether two addresses are on one site: the same registrable domain (ports and schemes aside).</summary>
    public static bool IsSameSite(Uri a, Uri b)
    {
        var siteA = RegistrableDomain.Of(a);
        return siteA is not null && string.Equals(siteA, RegistrableDomain.Of(b), StringComparison.OrdinalIgnoreCase);
    }
}
