namespace Gleaner.Archives;

/// <summary>Tells HTML responses from other content by the Content-Type and, when that is missing or vague, by the first bytes.</summary>
public static class HtmlSniffer
{
    // How far into the body to look for the first tag; pages may open with a BOM, blank lines and comments.
    private const int SniffLength = 1024;

    /// <summary>True for an HTML page: an HTML or XHTML Content-Type, or a missing or generic one with HTML-looking bytes.</summary>
    public static bool IsHtml(string? contentType, ReadOnlySpan<byte> body)
    {
        if (!string.IsNullOrWhiteSpace(contentType))
        {
            var mediaType = contentType.AsSpan();
            var semicolon = mediaType.IndexOf(';');
            if (semicolon >= 0)
                mediaType = mediaType[..semicolon];
            mediaType = mediaType.Trim();
            if (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
                return true;
            var generic = mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
                || mediaType.IsEmpty;
            if (!generic)
                return false;
        }
        return LooksLikeHtml(body);
    }

    /// <summary>True when the bytes open (after a BOM, white space and comments) with a doctype or an html, head or body tag.</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> body)
    {
        body = body[..Math.Min(body.Length, SniffLength)];
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            body = body[3..];
        while (true)
        {
            body = body.TrimStart(" \t\r\n\f"u8);
            if (!body.StartsWith("<!--"u8))
                break;
            var end = body.IndexOf("-->"u8);
            if (end < 0)
                return false;
            body = body[(end + 3)..];
        }
        return StartsWithIgnoreCase(body, "<!doctype html"u8) || StartsWithIgnoreCase(body, "<html"u8)
            || StartsWithIgnoreCase(body, "<head"u8) || StartsWithIgnoreCase(body, "<body"u8);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
