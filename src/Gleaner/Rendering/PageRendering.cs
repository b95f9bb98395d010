using AngleSharp.Dom;
using Gleaner.Extraction;

namespace Gleaner.Rendering;

/// <summary>What <see cref="PageRendering.ExtractAsync"/> did with one page.</summary>
/// <param name="Article">The record: from the rendered DOM when rendering gave the longer body, else from the static HTML.</param>
/// <param name="RenderedBecause">Why the page was rendered (the sign <see cref="RenderTrigger"/> saw, or <c>--render always</c>); null when it was not.</param>
/// <param name="RenderError">Why rendering failed (the static record is kept); null when it did not.</param>
public sealed record RenderedExtraction(Article Article, string? RenderedBecause, string? RenderError);

/// <summary>
/// Renders fetched pages when the mode asks for it, through one renderer and one request policy (shared by all
/// pages, so the per-host delay holds across them). Thread-safe.
/// </summary>
public sealed class PageRendering(IPageRenderer renderer, RenderMode mode, RenderPolicy policy)
{
    private long _rendered;

    public RenderMode Mode => mode;

    /// <summary>Pages rendered so far.</summary>
    public long Rendered => Interlocked.Read(ref _rendered);

    /// <summary>Why to render <paramref name="document"/>, given what static extraction found (null when not tried), or null.</summary>
    public string? ReasonToRender(IDocument document, Article? staticArticle) => RenderTrigger.Reason(mode, document, staticArticle);

    /// <summary>Runs <paramref name="html"/>, fetched from <paramref name="url"/>, in the browser under the policy's rules.</summary>
    public Task<RenderedPage> RenderAsync(Uri url, string html, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _rendered);
        return renderer.RenderAsync(new RenderRequest(url, html, policy.For(url)), cancellationToken);
    }

    /// <summary>
    /// Extracts a fetched page, rendering it first when the mode says so. The static HTML is extracted first;
    /// only when it gives no body is the page parsed again to look for the signs of a script-built page.
    /// </summary>
    /// <param name="extractor">Extracts both the static HTML and the rendered DOM.</param>
    /// <param name="url">Where the page was fetched from (after redirects).</param>
    /// <param name="body">The page as fetched, decoded by its BOM, <paramref name="contentType"/>'s charset, &lt;meta&gt; or sniffing.</param>
    /// <param name="contentType">The HTTP Content-Type.</param>
    /// <param name="cancellationToken">Stops the rendering.</param>
    public async Task<RenderedExtraction> ExtractAsync(ArticleExtractor extractor, Uri url, byte[] body, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var html = HtmlDecoder.Decode(body, contentType);
        var article = extractor.Extract(html, url.AbsoluteUri);
        string? reason = null;
        if (mode == RenderMode.Always)
            reason = RenderTrigger.AlwaysReason;
        else if (mode == RenderMode.Auto && !RenderTrigger.HasBody(article))
        {
            using var document = extractor.Parse(html);
            reason = RenderTrigger.ScriptBuiltSign(document);
        }
        if (reason is null)
            return new RenderedExtraction(article, null, null);
        try
        {
            var rendered = await RenderAsync(url, html, cancellationToken).ConfigureAwait(false);
            var fromBrowser = extractor.Extract(rendered.Html, url.AbsoluteUri);
            return new RenderedExtraction((fromBrowser.Text?.Length ?? 0) >= (article.Text?.Length ?? 0) ? fromBrowser : article, reason, null);
        }
        catch (RenderException e)
        {
            return new RenderedExtraction(article, reason, e.Message);
        }
    }
}
