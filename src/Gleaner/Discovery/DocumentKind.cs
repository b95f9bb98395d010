using System.Text;
using System.Xml;
using Gleaner.Fetching;

namespace Gleaner.Discovery;

/// <summary>What a fetched document is, told from its content (never from its name or content type alone).</summary>
public enum DocumentKind
{
    Unknown,
    Html,
    RssFeed,
    AtomFeed,
    JsonFeed,
    Sitemap,
    SitemapIndex,
}

/// <summary>Recognises feeds, sitemaps and HTML pages by their first bytes and root element.</summary>
public static class DocumentSniffer
{
    /// <summary>Decompressed documents larger than this are refused (sitemaps may be 50 MB uncompressed by the protocol).</summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    /// <summary>Returns the body itself, or its decompressed content when it starts with the gzip magic bytes (a <c>.xml.gz</c> sitemap served as-is).</summary>
    public static byte[] Decompress(byte[] body) =>
        !ContentDecoding.IsGzip(body) ? body
            : ContentDecoding.DecodeWhole(body, "gzip", MaxDocumentBytes)
              ?? throw new InvalidDataException($"decompressed document larger than {MaxDocumentBytes} bytes");

    /// <summary>Tells what <paramref name="content"/> (already decompressed) is.</summary>
    public static DocumentKind Sniff(ReadOnlySpan<byte> content)
    {
        var start = SkipBomAndSpace(content);
        if (start >= content.Length)
            return DocumentKind.Unknown;
        var head = content[start..Math.Min(content.Length, start + 4096)];
        if (head[0] == (byte)'{')
            return ContainsAscii(head, "jsonfeed.org") ? DocumentKind.JsonFeed : DocumentKind.Unknown;
        if (head[0] != (byte)'<')
            return DocumentKind.Unknown;

        // The root element decides; a feed may carry HTML inside CDATA, so the text test comes last.
        var headText = Encoding.UTF8.GetString(head);
        return RootElement(content[start..]) switch
        {
            "rss" or "RDF" => DocumentKind.RssFeed, // RDF: RSS 1.0
            "feed" => DocumentKind.AtomFeed,
            "urlset" => DocumentKind.Sitemap,
            "sitemapindex" => DocumentKind.SitemapIndex,
            "html" => DocumentKind.Html,
            _ => headText.Contains("<html", StringComparison.OrdinalIgnoreCase)
                 || headText.Contains("<body", StringComparison.OrdinalIgnoreCase)
                 || headText.Contains("<head", StringComparison.OrdinalIgnoreCase)
                 || headText.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
                ? DocumentKind.Html : DocumentKind.Unknown,
        };
    }

    /// <summary>Settings for every XML read of untrusted documents: no DTDs, no external resources, bounded size.</summary>
    internal static XmlReaderSettings SafeXml => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = MaxDocumentBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
        Async = false,
    };

    private static string RootElement(ReadOnlySpan<byte> content)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content[..Math.Min(content.Length, 65536)].ToArray()), SafeXml);
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element)
                    return reader.LocalName;
        }
        catch (XmlException)
        {
            // cut at 64 KiB or malformed: only the root element matters
        }
        return "";
    }

    private static int SkipBomAndSpace(ReadOnlySpan<byte> content)
    {
        var i = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < content.Length && content[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            i++;
        return i;
    }

    private static bool ContainsAscii(ReadOnlySpan<byte> haystack, string needle) =>
        haystack.IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
