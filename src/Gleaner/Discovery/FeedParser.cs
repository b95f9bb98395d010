using System.Text.Json;
using System.Xml;

namespace Gleaner.Discovery;

/// <summary>Reads the entry links and dates of RSS 2.0 / RSS 1.0, Atom and JSON Feed documents.</summary>
public static class FeedParser
{
    /// <summary>Entries beyond this many are ignored: a feed is a recent window, not an archive.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Parses a feed of the given kind. Links are resolved against <paramref name="baseUrl"/>. Throws <see cref="FormatException"/> on unreadable content.</summary>
    public static List<DiscoveredUrl> Parse(byte[] content, DocumentKind kind, Uri baseUrl) => kind switch
    {
        DocumentKind.RssFeed => ParseRss(content, baseUrl),
        DocumentKind.AtomFeed => ParseAtom(content, baseUrl),
        DocumentKind.JsonFeed => ParseJsonFeed(content, baseUrl),
        _ => throw new ArgumentException($"{kind} is not a feed", nameof(kind)),
    };

    private static List<DiscoveredUrl> ParseRss(byte[] content, Uri baseUrl)
    {
        var entries = new List<DiscoveredUrl>();
        ReadXml(content, reader =>
        {
            // <item> of RSS 2.0 and of RSS 1.0 (rdf:about or <link>)
            if (reader.LocalName != "item")
                return;
            string? link = reader.GetAttribute("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
            string? guidLink = null;
            DateTimeOffset? date = null;
            using var subtree = reader.ReadSubtree();
            var walker = new XmlChildWalker(subtree);
            var item = walker.Reader;
            while (walker.Next())
            {
                switch (item.LocalName)
                {
                    case "link" when item.NamespaceURI is "" or "http://purl.org/rss/1.0/":
                        link = walker.Text();
                        break;
                    case "guid":
                        var permaLink = item.GetAttribute("isPermaLink");
                        var guid = walker.Text();
                        if (!string.Equals(permaLink, "false", StringComparison.OrdinalIgnoreCase))
                            guidLink = guid;
                        break;
                    case "pubDate" or "date" or "published" or "updated":
                        date ??= FeedDates.Parse(walker.Text());
                        break;
                }
            }
            Add(entries, string.IsNullOrEmpty(link) ? guidLink : link, date, baseUrl);
        });
        return entries;
    }

    private static List<DiscoveredUrl> ParseAtom(byte[] content, Uri baseUrl)
    {
        var entries = new List<DiscoveredUrl>();
        ReadXml(content, reader =>
        {
            if (reader.LocalName != "entry")
                return;
            string? link = null;
            DateTimeOffset? published = null, updated = null;
            using var subtree = reader.ReadSubtree();
            var walker = new XmlChildWalker(subtree);
            var entry = walker.Reader;
            while (walker.Next())
            {
                switch (entry.LocalName)
                {
                    case "link":
                        var rel = entry.GetAttribute("rel");
                        if (rel is null or "alternate" && (link is null || rel == "alternate"))
                            link = entry.GetAttribute("href");
                        break;
                    case "published" or "issued":
                        published = FeedDates.Parse(walker.Text());
                        break;
                    case "updated" or "modified":
                        updated = FeedDates.Parse(walker.Text());
                        break;
                }
            }
            Add(entries, link, published ?? updated, baseUrl);
        });
        return entries;
    }

    private static List<DiscoveredUrl> ParseJsonFeed(byte[] content, Uri baseUrl)
    {
        var entries = new List<DiscoveredUrl>();
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 32 });
            if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                return entries;
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                    continue;
                var url = StringProperty(item, "url") ?? StringProperty(item, "external_url");
                var date = FeedDates.Parse(StringProperty(item, "date_published") ?? StringProperty(item, "date_modified"));
                Add(entries, url, date, baseUrl);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) // InvalidOperationException: a string that is not valid UTF-8
        {
            throw new FormatException("unreadable JSON Feed: " + e.Message, e);
        }
        return entries;
    }

    private static string? StringProperty(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Add(List<DiscoveredUrl> entries, string? link, DateTimeOffset? date, Uri baseUrl)
    {
        if (entries.Count >= MaxEntries || string.IsNullOrWhiteSpace(link))
            return;
        if (Uri.TryCreate(baseUrl, link.Trim(), out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            entries.Add(new DiscoveredUrl(absolute.AbsoluteUri, UrlKind.Entry, date));
    }

    /// <summary>Walks the elements of an untrusted XML document, calling <paramref name="onElement"/> at each start tag.</summary>
    internal static void ReadXml(byte[] content, Action<XmlReader> onElement)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), DocumentSniffer.SafeXml);
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element)
                    onElement(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException("unreadable XML: " + e.Message, e);
        }
    }
}
