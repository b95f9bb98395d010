using System.CommandLine;
using Gleaner.Rendering;

namespace Gleaner.Cli;

/// <summary>
/// The options <c>extract</c> and <c>crawl</c> share for running pages in a browser (<c>--render</c>, <c>--browser</c>,
/// <c>--render-timeout</c>, <c>--render-cross-site</c>), and the browser they open. Without <c>--render</c> the mode is
/// auto when a browser is found and never when none is: rendering then costs nothing until a page needs it, and a
/// machine without a browser works as before. Asking for <c>--render auto</c> or <c>always</c> without a browser is an error.
/// </summary>
internal sealed class RenderingOptions
{
    private RenderingOptions(Option<string?> mode, Option<string?> browser, Option<Duration> timeout, Option<bool> crossSite)
    {
        Mode = mode;
        Browser = browser;
        Timeout = timeout;
        CrossSite = crossSite;
    }

    public Option<string?> Mode { get; }
    public Option<string?> Browser { get; }
    public Option<Duration> Timeout { get; }
    public Option<bool> CrossSite { get; }

    public IEnumerable<Option> All => [Mode, Browser, Timeout, CrossSite];

    public static RenderingOptions Create(string what)
    {
        var mode = new Option<string?>("--render")
        {
            Description = $"Run {what} in headless Chromium before extracting: auto (only pages whose HTML has no article body but shows "
                + "a script builds it: an empty app root, a <noscript> notice, article text in a script's state, article markup without a body), "
                + "always, or never. Default: auto when a browser is found, else never",
            HelpName = "MODE",
        };
        mode.AcceptOnlyFromAmong("auto", "always", "never");
        var browser = new Option<string?>("--browser")
        {
            Description = $"The Chromium (or Chrome) executable to render with (default: ${BrowserLocator.EnvironmentVariable}, else chromium on PATH); nothing is downloaded",
            HelpName = "PATH",
        };
        var timeout = OptionValues.Duration("--render-timeout", "Time one page may take in the browser; a page still loading then is taken as it is",
            TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "15s");
        var crossSite = new Option<bool>("--render-cross-site")
        {
            Description = "Let rendered pages load scripts and data from other sites (by default only their own site's requests are made)",
        };
        return new RenderingOptions(mode, browser, timeout, crossSite);
    }

    /// <summary>The mode asked for and the browser to use; null renderer when nothing is to be rendered. An error names the browser
    /// path looked for when rendering was asked for but there is no browser.</summary>
    public (RenderMode Mode, ChromiumRenderer? Renderer, string? Error) Open(ParseResult parse, string userAgent)
    {
        var asked = parse.GetValue(Mode);
        var mode = asked switch { "always" => RenderMode.Always, "never" => RenderMode.Never, _ => RenderMode.Auto };
        if (mode == RenderMode.Never)
            return (mode, null, null);
        var search = BrowserLocator.Find(parse.GetValue(Browser));
        if (search.Path is null)
        {
            if (asked is null && parse.GetValue(Browser) is null)
                return (RenderMode.Never, null, null);
            return (mode, null, $"--render {mode.ToString().ToLowerInvariant()}: no browser at {search.Looked}; install Chromium (Debian: apt-get install chromium) or give --browser PATH");
        }
        var renderer = new ChromiumRenderer(new ChromiumOptions
        {
            ExecutablePath = search.Path,
            PageTimeout = parse.GetValue(Timeout).Value,
            UserAgent = userAgent,
        });
        return (mode, renderer, null);
    }
}
