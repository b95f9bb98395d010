namespace Gleaner.Rendering;

/// <summary>When fetched pages are run in a browser before extraction.</summary>
public enum RenderMode
{
    /// <summary>Only pages whose static HTML yields no article body but which look built by script (see <see cref="RenderTrigger"/>).</summary>
    Auto,

    /// <summary>Every fetched HTML page.</summary>
    Always,

    /// <summary>No page: the static HTML is extracted as it is.</summary>
    Never,
}

/// <summary>
/// Decides whether the browser may make one request of a page being rendered: null to let it go, or the
/// reason it is refused. It may wait first (politeness). Called for every network request the page makes.
/// </summary>
public delegate ValueTask<string?> RenderRequestCheck(Uri url, CancellationToken cancellationToken);

/// <summary>A page already fetched, to be rendered: the browser is given <see cref="Html"/> as the answer for
/// <see cref="Url"/> (the page is not fetched a second time) and asks <see cref="Check"/> before each request it makes.</summary>
public sealed record RenderRequest(Uri Url, string Html, RenderRequestCheck Check);

/// <summary>The page's DOM after its scripts ran, serialized as HTML, and what the browser asked for meanwhile.</summary>
/// <param name="Html">The rendered DOM (<c>document.documentElement.outerHTML</c> with its doctype).</param>
/// <param name="Requests">Network requests let through.</param>
/// <param name="Blocked">Requests refused: media, fonts and style sheets, other sites, robots.txt, the per-page budget.</param>
/// <param name="TimedOut">The page was still loading at the time limit; <see cref="Html"/> is the DOM at that moment.</param>
public sealed record RenderedPage(string Html, int Requests, int Blocked, bool TimedOut);

/// <summary>Why a page could not be rendered (no browser, the browser crashed, the page hung it).</summary>
public sealed class RenderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs fetched pages in a browser and returns their DOM. The core library only asks through this interface;
/// the browser driver lives in the Gleaner.Rendering assembly (headless Chromium over the DevTools protocol).
/// Implementations are thread-safe and bound each page in time and requests.
/// </summary>
public interface IPageRenderer
{
    Task<RenderedPage> RenderAsync(RenderRequest request, CancellationToken cancellationToken = default);
}
