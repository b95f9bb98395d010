using System.Text.RegularExpressions;

namespace Gleaner.Extraction.Content;

/// <summary>
/// WordPress-style shortcodes left in the page's text by a theme that did not render them
/// ("[caption id=...]Photo: ...[/caption]", "[embed]https://...[/embed]", "[vc_row]"): markup, never story text.
/// </summary>
internal static partial class Shortcodes
{
    /// <summary>The text without shortcodes; an enclosing media shortcode goes with what it encloses (a caption, an address).</summary>
    public static string Strip(string text)
    {
        if (!text.Contains('['))
            return text;
        var stripped = Enclosing().Replace(text, " ");
        stripped = Tag().Replace(stripped, " ");
        return stripped.Length == text.Length ? text : CollapseSpaces().Replace(stripped, " ").Trim();
    }

    [GeneratedRegex(@"\[(caption|wp_caption|embed|video|audio|gallery|playlist|tweet|instagram|youtube|facebook|soundcloud)\b[^\]]*\].*?\[/\1\]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Enclosing();

    /// <summary>An opening or closing tag with a known name or a page builder's prefix, or any name with attributes.</summary>
    [GeneratedRegex(@"\[/?(?:(?:caption|wp_caption|embed|video|audio|gallery|playlist|tweet|instagram|youtube|facebook|soundcloud|contact-form-7|shortcode|button)\b[^\]]*|(?:vc_|et_pb_|fusion_|av_|mk_|su_|tdc_)\w*[^\]]*|[a-z][\w-]*\s+[\w-]+=(?:""|'|&quot;|\u201D|\u201C|\u2033)[^\]]*)\]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex CollapseSpaces();
}
