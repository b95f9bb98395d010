namespace Gleaner.Extraction;

/// <summary>
/// The original address a saved or replayed page states in its first lines, for a page read without one (a file):
/// a browser's "save page" comment (Chrome's and Internet Explorer's <c>&lt;!-- saved from url=(0071)https://… --&gt;</c>,
/// SingleFile's <c>&lt;!-- Page saved with SingleFile url: https://… saved date: … --&gt;</c>) or the Wayback Machine's
/// replay script (<c>__wm.wombat("https://…","20190210123456",…)</c>) or pywb's (<c>wbinfo.url = "https://…";</c>: national
/// libraries' archives, Webrecorder). Comments are gone once the page is prepared for
/// the parser (<see cref="ParserInput"/>), so the raw text is read, its head only. The save's or capture's date is never
/// the article's, so only the address is taken.
/// </summary>
internal static class SavedPageAddress
{
    /// <summary>How far into the page the statements are looked for: they stand before or just after <c>&lt;head&gt;</c>.</summary>
    internal const int HeadChars = 4096;

    public static Uri? Find(ReadOnlySpan<char> html)
    {
        var head = html.Length > HeadChars ? html[..HeadChars] : html;
        var at = head.IndexOf("saved from url=(", StringComparison.Ordinal);
        if (at >= 0)
        {
            // The count in brackets is the address's length, four digits.
            var rest = head[(at + 16)..];
            var close = rest.IndexOf(')');
            return close is > 0 and <= 5 ? Address(rest[(close + 1)..]) : null;
        }
        at = head.IndexOf("saved with SingleFile", StringComparison.Ordinal);
        if (at >= 0)
        {
            var rest = head[at..];
            var url = rest.IndexOf("url:", StringComparison.Ordinal);
            var end = rest.IndexOf("-->", StringComparison.Ordinal);
            return url > 0 && (end < 0 || url < end) ? Address(rest[(url + 4)..].TrimStart()) : null;
        }
        at = head.IndexOf("__wm.wombat(\"", StringComparison.Ordinal);
        if (at >= 0)
            return Address(head[(at + 13)..]);
        at = head.IndexOf("wbinfo.url = \"", StringComparison.Ordinal);
        return at >= 0 ? Address(head[(at + 14)..]) : null;
    }

    /// <summary>The http(s) address that opens <paramref name="text"/>, up to a space, quote or comment's end.</summary>
    private static Uri? Address(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(AddressEnds);
        var candidate = end < 0 ? text : text[..end];
        if (candidate.EndsWith("-->", StringComparison.Ordinal))
            candidate = candidate[..^3];
        return Uri.TryCreate(candidate.ToString(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && RecordAddress.HasValidHost(uri)
            ? uri
            : null;
    }

    private static readonly System.Buffers.SearchValues<char> AddressEnds = System.Buffers.SearchValues.Create(" \t\r\n\"'<>");
}
