using System.Text.RegularExpressions;
using Gleaner.Discovery;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Extraction;

/// <summary>
/// The one rule for which address a record is kept under. A page may name its canonical address
/// (<c>rel=canonical</c>, <c>og:url</c>), but any host can serve any markup: trusted blindly, one page
/// could replace another site's record in the store. So a declared address counts only on the site
/// (registrable domain) the page was fetched from; otherwise the fetched address is the record's.
/// </summary>
internal static partial class RecordAddress
{
    /// <summary>
    /// The original address behind a web archive's replay address, else <paramref name="address"/>. The Wayback Machine and
    /// the archives built like it (pywb, OpenWayback: national libraries, Archive-It, arquivo.pt) serve a capture at
    /// <c>/web/20190210123456/https://example.com/story</c> and rewrite the page's own links, canonical and images the same
    /// way, with a mode after the stamp (<c>im_</c>, <c>id_</c>); archive.today's dated form is
    /// <c>/2019.02.10-123456/https://example.com/story</c>. The record is the original page's, and the capture's stamp is
    /// no date of the article's.
    /// </summary>
    public static Uri Original(Uri address)
    {
        var path = address.AbsolutePath;
        // Nearly every address stops here: the original's scheme must follow a path segment.
        if (path.IndexOf(":/", StringComparison.Ordinal) < 0 || ReplayPath().Match(path) is not { Success: true } replay)
            return address;
        var original = replay.Groups["scheme"].Value + "://" + replay.Groups["rest"].Value + address.Query + address.Fragment;
        return Uri.TryCreate(original, UriKind.Absolute, out var uri) && HasValidHost(uri) ? uri : address;
    }

    /// <summary>
    /// The original address behind the address a page was fetched from, when that is a public web archive's replay
    /// (<see cref="Original"/>); any other site's address as it is. Only an archive may speak for another site: a page
    /// at <c>https://any.example/web/20190210123456/https://news.example/story</c> must not be stored as news.example's
    /// story, which it would then replace.
    /// </summary>
    public static Uri FetchedOriginal(Uri fetched) =>
        Array.IndexOf(PublicWebArchiveHosts, fetched.Host) >= 0 || IsArchiveTodaySnapshot(fetched) ? Original(fetched) : fetched;

    /// <summary>The replay hosts of the Internet Archive and of the public archives built like it.</summary>
    private static readonly string[] PublicWebArchiveHosts =
    [
        "web.archive.org", "wayback.archive.org", "wayback.archive-it.org", "arquivo.pt", "www.webarchive.org.uk",
        "webarchive.org.uk", "webarchive.nationalarchives.gov.uk", "webarchive.nla.gov.au", "webarchive.loc.gov",
        "wayback.webarchiv.cz",
    ];

    /// <summary>Whether an address is archive.today's (under any of its names): a snapshot's head is the archive's own,
    /// not the page's (the capture's time as <c>article:published_time</c>, a screenshot as <c>og:image</c>).</summary>
    public static bool IsArchiveTodaySnapshot(Uri? address) =>
        address is not null && Array.IndexOf(ArchiveTodayHosts, address.Host.StartsWith("www.", StringComparison.Ordinal) ? address.Host[4..] : address.Host) >= 0;

    private static readonly string[] ArchiveTodayHosts = ["archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.fo", "archive.md"];

    /// <summary>A capture stamp's path segment, then the original address (its "//" sometimes collapsed to "/").</summary>
    [GeneratedRegex(@"/(?:\d{14}(?:[a-z]{2}_)?|\d{4}\.\d{2}\.\d{2}-\d{6})/(?<scheme>https?):/+(?<rest>[^/].*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReplayPath();

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
