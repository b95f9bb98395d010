using AngleSharp.Dom;
using Gleaner.Extraction;

namespace Gleaner.Rendering;

/// <summary>
/// Decides, for <see cref="RenderMode.Auto"/>, which pages to run in a browser: those whose static HTML gave no
/// article body but which show that a script builds the page. A page with a body is never rendered, and the
/// document is only looked at when the body is missing, so static pages cost nothing here. No site-specific
/// rules: the signs are the conventions of the script frameworks and of the markup news pages share.
/// </summary>
public static class RenderTrigger
{
    // A body shorter than this (non-space characters, about 50 English words or one short paragraph) is
    // no article body: what extractors find on an app shell is a "Loading…" line or a notice.
    internal const int MinBodyChars = 250;

    // An app's mount point holding less visible text than this is empty: the script has yet to fill it.
    private const int EmptyRootChars = 100;

    // A page showing less text than this (non-space characters) is an empty shell: a header, a "Loading…" line, a notice.
    private const int ShellChars = 500;

    // A string this long with this many spaces in a script is running text (an article's body or lead in a
    // JSON state object), not an identifier, a URL or base64; CJK text has no spaces and is counted by characters.
    private const int ProseStringChars = 200;
    private const int ProseStringSpaces = 15;
    private const int ProseStringCjk = 100;

    // The mount points of the common script frameworks (React, Next.js, Nuxt, Vue, Gatsby, Angular, Svelte, Ember).
    private const string AppRoots = "#root, #app, #__next, #__nuxt, #___gatsby, #svelte, #app-root, #react-root, #main-app, "
        + "#application, [data-reactroot], [data-v-app], [ng-version], app-root, .ember-application";

    /// <summary>The reason given for a page rendered under <see cref="RenderMode.Always"/>.</summary>
    public const string AlwaysReason = "every page is rendered (mode always)";

    /// <summary>Whether <paramref name="article"/> has a body worth keeping without rendering.</summary>
    public static bool HasBody(Article? article) => article?.Text is { } text && CountNonSpace(text, MinBodyChars) >= MinBodyChars;

    /// <summary>Why <paramref name="document"/> should be rendered under <paramref name="mode"/> given what static
    /// extraction found (<paramref name="staticArticle"/>, null when the page was not taken for an article and only an
    /// empty shell is rendered), or null when it should not.</summary>
    public static string? Reason(RenderMode mode, IDocument document, Article? staticArticle) => mode switch
    {
        RenderMode.Always => AlwaysReason,
        RenderMode.Auto when !HasBody(staticArticle) && (staticArticle is not null || IsShell(document)) => ScriptBuiltSign(document),
        _ => null,
    };

    /// <summary>Whether the page shows a reader almost nothing: for a page not taken for an article (a crawl's listings), only
    /// an empty shell is worth rendering; a server-rendered listing already has its links, whatever state its scripts carry.</summary>
    private static bool IsShell(IDocument document) => document.Body is null || CountVisible(document.Body, ShellChars) < ShellChars;

    /// <summary>The first sign that a script builds the page's content, or null when there is none.</summary>
    public static string? ScriptBuiltSign(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var root in document.QuerySelectorAll(AppRoots))
            if (CountVisible(root, EmptyRootChars) < EmptyRootChars)
                return $"empty app root <{root.LocalName}{(root.Id is { Length: > 0 } id ? $" id={id}" : "")}>";
        foreach (var notice in document.QuerySelectorAll("noscript"))
            if (notice.TextContent.Contains("javascript", StringComparison.OrdinalIgnoreCase))
                return "<noscript> notice asks for JavaScript";
        foreach (var script in document.Scripts)
        {
            if (script.Source is { Length: > 0 } || string.Equals(script.Type, "application/ld+json", StringComparison.OrdinalIgnoreCase))
                continue;
            if (HoldsProse(script.Text))
                return script.Id is { Length: > 0 } id ? $"article text in a script's state (#{id})" : "article text in a script's state";
        }
        if (ArticleClassifier.DeclaresArticle(document))
            return "article markup (og:type, JSON-LD, published time) without a body";
        return null;
    }

    /// <summary>Whether a script holds a quoted string of running text; one pass, escapes skipped.</summary>
    internal static bool HoldsProse(string script)
    {
        var quote = '\0';
        int length = 0, spaces = 0, cjk = 0;
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (quote == '\0')
            {
                if (c is '"' or '\'' or '`')
                {
                    quote = c;
                    length = spaces = cjk = 0;
                }
                continue;
            }
            if (c == quote)
            {
                quote = '\0';
                continue;
            }
            if (c == '\\')
                i++; // an escaped character (\" \n \u00e9...) is part of the string
            else if (c == ' ')
                spaces++;
            else if (c >= '\u2E80' && char.IsLetter(c))
                cjk++;
            length++;
            if ((length >= ProseStringChars && spaces >= ProseStringSpaces) || cjk >= ProseStringCjk)
                return true;
        }
        return false;
    }

    /// <summary>Non-space characters of text a reader would see under <paramref name="node"/>, counted up to <paramref name="limit"/>.</summary>
    private static int CountVisible(INode node, int limit)
    {
        var count = 0;
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length && count < limit; i++)
        {
            var child = children[i];
            if (child is IText text)
                count += CountNonSpace(text.Data, limit - count);
            else if (child is IElement element && element.LocalName is not ("script" or "style" or "noscript" or "template"))
                count += CountVisible(element, limit - count);
        }
        return count;
    }

    private static int CountNonSpace(string text, int limit)
    {
        var count = 0;
        for (var i = 0; i < text.Length && count < limit; i++)
            if (!char.IsWhiteSpace(text[i]))
                count++;
        return count;
    }
}
