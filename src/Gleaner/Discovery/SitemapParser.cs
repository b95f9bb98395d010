using System.Xml;

namespace Gleaner.Discovery;

/// <summary>Reads sitemaps (<c>urlset</c>, with news and lastmod dates) and sitemap indexes (<c>sitemapindex</c>).</summary>
public static class SitemapParser
{
    /// <summary>The sitemap protocol's limit of URLs per file.</summary>
    public const int MaxEntries = 50_000;

    /// <summary>
    /// Parses a sitemap or sitemap index. Pages come back as <see cref="UrlKind.Entry"/> dated by
    /// <c>news:publication_date</c>, else <c>lastmod</c>; child sitemaps as <see cref="UrlKind.Source"/>.
    /// Throws <see cref="FormatException"/> on unreadable XML.
    /// </summary>
    public static List<DiscoveredUrl> Parse(byte[] content, Uri baseUrl) => Parse(content, baseUrl, out _);

    /// <summary>As <see cref="Parse(byte[], Uri)"/>, counting the entries beyond <see cref="MaxEntries"/> that were not read.</summary>
    public static List<DiscoveredUrl> Parse(byte[] content, Uri baseUrl, out int overCap)
    {
        var entries = new List<DiscoveredUrl>();
        var beyond = 0;
        FeedParser.ReadXml(content, reader =>
        {
            if (reader.LocalName is not ("url" or "sitemap"))
                return;
            if (entries.Count >= MaxEntries)
            {
                beyond++;
                return;
            }
            var kind = reader.LocalName == "sitemap" ? UrlKind.Source : UrlKind.Entry;
            string? loc = null;
            DateTimeOffset? lastmod = null, published = null;
            using var subtree = reader.ReadSubtree();
            var walker = new XmlChildWalker(subtree);
            var entry = walker.Reader;
            while (walker.Next())
            {
                switch (entry.LocalName)
                {
                    case "loc" when entry.Depth == 1:
                        loc = walker.Text();
                        break;
                    case "lastmod" when entry.Depth == 1:
                        lastmod = FeedDates.Parse(walker.Text());
                        break;
                    case "publication_date":
                        published = FeedDates.Parse(walker.Text());
                        break;
                }
            }
            if (loc is not null && Uri.TryCreate(baseUrl, loc, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
                entries.Add(new DiscoveredUrl(absolute.AbsoluteUri, kind, published ?? lastmod));
        });
        overCap = beyond;
        return entries;
    }
}
