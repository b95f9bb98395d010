using System.Text.RegularExpressions;

namespace Gleaner.Extraction.Content;

/// <summary>
/// WordPress-style shortcodes left in the page's text by a theme that did not render them
/// ("[caption id=...]Photo: ...[/caption]", "[embed]https://...[/embed]", "[vc_row]"): markup, never story text.
/// </summary>
internal static partial class Shortcodes
{
    /// <summary>
    /// The text without shortcodes; an enclosing media shortcode goes with what it encloses (a caption, an address), and
    /// so does a box titled like a related-links heading ("[su_box title="Baca Juga"]…[/su_box]").
    /// <paramref name="opensRelatedBox"/> says such a box opens here and closes on a later line.
    /// </summary>
    public static string Strip(string text, out bool opensRelatedBox)
    {
        opensRelatedBox = false;
        if (!text.Contains('['))
            return text;
        var stripped = Enclosing().Replace(text, " ");
        if (stripped.Contains("title=", StringComparison.OrdinalIgnoreCase))
        {
            bool opens = false;
            stripped = TitledBox().Replace(stripped, box =>
            {
                if (!LineFilter.IsRelatedHeading(box.Groups["title"].Value))
                    return box.Value;
                opens |= !box.Groups["close"].Success;
                return " ";
            });
            opensRelatedBox = opens;
        }
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

    /// <summary>
    /// A shortcode with a title attribute, what it encloses, and its closing tag when the same text holds it. The closing
    /// tag is looked for in a box's length only, so that many unclosed boxes cost one pass over the text.
    /// </summary>
    [GeneratedRegex(@"\[(?<name>[a-z][\w-]*)\s[^\]]*?\btitle=(?:""|'|&quot;|\u201D|\u201C|\u2033)(?<title>[^""'\]\u201D\u201C\u2033&]{1,60})[^\]]*\](?:.{0,1000}?(?<close>\[/\k<name>\])|.*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex TitledBox();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex CollapseSpaces();
}
