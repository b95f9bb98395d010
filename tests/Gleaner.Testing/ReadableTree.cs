using AngleSharp.Dom;

namespace Gleaner.Testing;

/// <summary>
/// A parsed tree written out as its readers see it, to compare a page parsed as the extractor parses it (its input
/// prepared: see ParserInput) with the same page parsed as it is. Comments, style sheets' text and drawings' content
/// are what the preparation may leave out, so they are left out here too; everything else (names, namespaces,
/// attributes, text, scripts' text) must match. A document whose scripts' text was held aside gives it through
/// <c>scriptText</c> (the extractor's own reader of it).
/// </summary>
public static class ReadableTree
{
    public static string Of(IDocument document, Func<IElement, string>? scriptText = null)
    {
        var text = new System.Text.StringBuilder();
        Write(document, text, scriptText);
        return text.ToString();
    }

    private static void Write(INode node, System.Text.StringBuilder text, Func<IElement, string>? scriptText)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IElement element:
                    text.Append('<').Append(element.NamespaceUri == NamespaceNames.SvgUri ? "svg:" : "").Append(element.LocalName);
                    foreach (var attribute in element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
                        text.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
                    text.Append('>');
                    if (scriptText is not null && element.LocalName == "script" && element.NamespaceUri == NamespaceNames.HtmlUri)
                        text.Append(scriptText(element));
                    else if (element.LocalName is not ("style" or "svg"))
                        Write(element, text, scriptText);
                    text.Append("</>");
                    break;
                case IText t:
                    // Text nodes a comment split in two are one without it: written as one run either way.
                    text.Append(t.Data);
                    break;
            }
        }
    }
}
