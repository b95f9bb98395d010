using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Gleaner.Storage;

namespace Gleaner.Web;

/// <summary>
/// Builds HTML with every value encoded: record fields are hostile (a headline may hold <c>&lt;script&gt;</c>,
/// a link <c>javascript:</c>). Markup comes only from literals in this project (<see cref="Raw"/>).
/// </summary>
internal sealed class Html
{
    /// <summary>Encodes markup characters (&lt; &gt; &amp; quotes) but leaves letters of every script readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _builder = new(4096);

    /// <summary>Markup written by this project, never a value from a record or a request.</summary>
    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Text, encoded for an element's content or a quoted attribute value.</summary>
    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
            Encoder.Encode(new StringWriter(_builder), text);
        return this;
    }

    public Html Number(long value) => Raw(value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An &lt;a&gt; to <paramref name="url"/> when it is an absolute http(s) address; else the text alone (no link).</summary>
    public Html ExternalLink(string? url, string? text, string? cssClass = null)
    {
        if (SafeUrl(url) is not { } safe)
            return Text(text ?? url);
        Raw("<a href=\"").Text(safe).Raw("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\"");
        if (cssClass is not null)
            Raw(" class=\"").Raw(cssClass).Raw("\"");
        return Raw(">").Text(text ?? safe).Raw("</a>");
    }

    /// <summary>A link inside this app: <paramref name="path"/> is built by this project, its values escaped with <see cref="Query"/>.</summary>
    public Html AppLink(string path, string? text, string? cssClass = null)
    {
        Raw("<a href=\"").Text(path).Raw("\"");
        if (cssClass is not null)
            Raw(" class=\"").Raw(cssClass).Raw("\"");
        return Raw(">").Text(text).Raw("</a>");
    }

    /// <summary>A search snippet: the text encoded, its matched words in &lt;mark&gt;.</summary>
    public Html Snippet(string snippet)
    {
        var start = 0;
        var open = false;
        for (var i = 0; i < snippet.Length; i++)
        {
            if (snippet[i] is not (SearchHit.HighlightStart or SearchHit.HighlightEnd))
                continue;
            Text(snippet[start..i]);
            if (snippet[i] == SearchHit.HighlightStart && !open)
            {
                Raw("<mark>");
                open = true;
            }
            else if (snippet[i] == SearchHit.HighlightEnd && open)
            {
                Raw("</mark>");
                open = false;
            }
            start = i + 1;
        }
        Text(snippet[start..]);
        if (open)
            Raw("</mark>");
        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary><paramref name="url"/> when it is an absolute http or https address (never <c>javascript:</c>, <c>data:</c> or relative); else null.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        var trimmed = url.Trim();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>A value for a URL's query string.</summary>
    public static string Query(string? value) => Uri.EscapeDataString(value ?? "");

    /// <summary>A snippet as HTML (for the JSON API's <c>snippet_html</c>).</summary>
    public static string SnippetHtml(string snippet) => new Html().Snippet(snippet).ToString();

    /// <summary>A snippet without its highlight marks.</summary>
    public static string PlainSnippet(string snippet) =>
        snippet.Replace(SearchHit.HighlightStart.ToString(), "", StringComparison.Ordinal).Replace(SearchHit.HighlightEnd.ToString(), "", StringComparison.Ordinal);
}
