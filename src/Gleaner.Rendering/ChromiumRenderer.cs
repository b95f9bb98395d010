using Gleaner.Fetching;
using PuppeteerSharp;

namespace Gleaner.Rendering;

/// <summary>Settings of <see cref="ChromiumRenderer"/>. Every limit is bounded by default.</summary>
public sealed record ChromiumOptions
{
    /// <summary>The browser's executable (see <see cref="BrowserLocator"/>).</summary>
    public required string ExecutablePath { get; init; }

    /// <summary>Time one page may take, from handing it to the browser to its DOM; a page still loading then is taken as it is.</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Pages rendered at once (browser tabs); more wait their turn.</summary>
    public int MaxTabs { get; init; } = 2;

    /// <summary>Time allowed for the browser to start.</summary>
    public TimeSpan LaunchTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Launches allowed in one renderer's life: the browser is started again after a crash, but not without end.</summary>
    public int MaxLaunches { get; init; } = 3;

    /// <summary>The User-Agent the browser sends (the crawler's, so robots.txt groups and server logs see one agent).</summary>
    public string UserAgent { get; init; } = FetchOptions.DefaultUserAgent;
}

/// <summary>
/// Renders pages in the system's headless Chromium over the DevTools protocol (PuppeteerSharp pointed at the
/// installed browser). One browser, started on the first page (a run that renders nothing starts none), serves
/// every page, in at most <see cref="ChromiumOptions.MaxTabs"/> tabs at once. Each page gets the HTML already
/// fetched as its document, and every request it makes is intercepted: scripts, XHR and fetch() go through the
/// request's <see cref="RenderRequest.Check"/> (site, robots.txt, delay, budget); images, media, fonts, style
/// sheets, frames, navigation away, beacons and sockets are refused; downloads are denied. The browser is closed
/// on <see cref="DisposeAsync"/> and killed when the process exits; it talks over a pipe, so it also ends when
/// this process is killed. Thread-safe.
/// </summary>
public sealed class ChromiumRenderer : IPageRenderer, IAsyncDisposable
{
    // Time to read the DOM after the page's time is up; a page whose script never yields is given up.
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(5);

    // Time to close a tab or the browser before killing it.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ChromiumOptions _options;
    private readonly SemaphoreSlim _tabs;
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private string? _profile;
    private int _launches;
    private bool _disposed;

    public ChromiumRenderer(ChromiumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _tabs = new SemaphoreSlim(Math.Max(1, options.MaxTabs));
    }

    /// <summary>Browser processes started so far (0 until a page is rendered).</summary>
    public int Launches => Volatile.Read(ref _launches);

    public async Task<RenderedPage> RenderAsync(RenderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _tabs.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var context = await GetContextAsync(cancellationToken).ConfigureAwait(false);
            return await RenderInTabAsync(context, request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _tabs.Release();
        }
    }

    private async Task<RenderedPage> RenderInTabAsync(IBrowserContext context, RenderRequest request, CancellationToken cancellationToken)
    {
        IPage page;
        try
        {
            page = await context.NewPageAsync().WaitAsync(_options.PageTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException)
        {
            throw new RenderException($"the browser did not open a tab: {e.Message}", e);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.PageTimeout);
        var counts = new RequestCounts();
        try
        {
            await page.SetUserAgentAsync(_options.UserAgent).ConfigureAwait(false);
            // Downloads are denied, and service workers bypassed (their fetches would escape interception). PuppeteerSharp 25.15
            // cannot serialize its own requests for these two (BrowserContextOptions.DownloadBehavior, SetBypassServiceWorkerAsync),
            // so the DevTools commands are sent as dictionaries.
            await page.Client.SendAsync("Browser.setDownloadBehavior", new Dictionary<string, object> { ["behavior"] = "deny" }).ConfigureAwait(false);
            await page.Client.SendAsync("Network.setBypassServiceWorker", new Dictionary<string, object> { ["bypass"] = true }).ConfigureAwait(false);
            await page.SetRequestInterceptionAsync(true).ConfigureAwait(false);
            page.Request += (_, e) => _ = DecideAsync(page, e.Request, request, counts, deadline.Token);

            var timedOut = false;
            try
            {
                await page.GoToAsync(request.Url.AbsoluteUri, new NavigationOptions
                {
                    Timeout = (int)_options.PageTimeout.TotalMilliseconds,
                    // No request for half a second: the scripts have fetched what they build the page from.
                    WaitUntil = [WaitUntilNavigation.Networkidle0],
                }).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NavigationException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                timedOut = true; // what the scripts built so far is kept
            }
            string html;
            try
            {
                html = await page.GetContentAsync().WaitAsync(SnapshotTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or PuppeteerException)
            {
                throw new RenderException($"the page did not give its DOM within {_options.PageTimeout.TotalSeconds + SnapshotTimeout.TotalSeconds:0} s (a script that never yields?)", e);
            }
            return new RenderedPage(html, counts.Allowed, counts.Blocked, timedOut);
        }
        catch (PuppeteerException e)
        {
            throw new RenderException($"the browser failed: {e.Message}", e);
        }
        finally
        {
            await deadline.CancelAsync().ConfigureAwait(false); // requests still waiting for their turn give up
            try
            {
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false }).WaitAsync(CloseTimeout, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is PuppeteerException or TimeoutException)
            {
                // a crashed or hung tab: the browser is replaced on the next page if it is gone
            }
        }
    }

    private sealed class RequestCounts
    {
        public int Allowed;
        public int Blocked;
        public int DocumentServed;
    }

    /// <summary>Answers one intercepted request: the page's own document from memory, else allowed or refused.</summary>
    private static async Task DecideAsync(IPage page, IRequest intercepted, RenderRequest request, RequestCounts counts, CancellationToken deadline)
    {
        try
        {
            if (intercepted.IsNavigationRequest && intercepted.Frame == page.MainFrame && Interlocked.Exchange(ref counts.DocumentServed, 1) == 0)
            {
                await intercepted.RespondAsync(new ResponseData
                {
                    Status = System.Net.HttpStatusCode.OK,
                    ContentType = "text/html; charset=utf-8",
                    Body = request.Html,
                }).ConfigureAwait(false);
                return;
            }
            var refusal = Refusal(intercepted);
            if (refusal is null && Uri.TryCreate(intercepted.Url, UriKind.Absolute, out var url))
            {
                if (url.Scheme is "data" or "blob")
                {
                    await intercepted.ContinueAsync().ConfigureAwait(false); // in memory: no request is made
                    return;
                }
                refusal = await request.Check(url, deadline).ConfigureAwait(false);
            }
            if (refusal is null)
            {
                Interlocked.Increment(ref counts.Allowed);
                await intercepted.ContinueAsync().ConfigureAwait(false);
            }
            else
            {
                Interlocked.Increment(ref counts.Blocked);
                await intercepted.AbortAsync(RequestAbortErrorCode.BlockedByClient).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the page's time is up while the request waited for its turn
            Interlocked.Increment(ref counts.Blocked);
            await AbortQuietlyAsync(intercepted).ConfigureAwait(false);
        }
        catch (PuppeteerException)
        {
            // the tab closed meanwhile
        }
    }

    private static async Task AbortQuietlyAsync(IRequest intercepted)
    {
        try
        {
            await intercepted.AbortAsync(RequestAbortErrorCode.BlockedByClient).ConfigureAwait(false);
        }
        catch (PuppeteerException)
        {
        }
    }

    /// <summary>Why a request is refused whatever its address, or null: only scripts and the data they fetch build an article's text.</summary>
    private static string? Refusal(IRequest intercepted)
    {
        if (intercepted.IsNavigationRequest)
            return "navigation away from the page, or a frame";
        return intercepted.ResourceType switch
        {
            ResourceType.Script or ResourceType.Xhr or ResourceType.Fetch => null,
            _ => $"{intercepted.ResourceType} not needed for the text",
        };
    }

    private async Task<IBrowserContext> GetContextAsync(CancellationToken cancellationToken)
    {
        await _launch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } && _context is not null)
                return _context;
            if (_browser is not null)
                await CloseBrowserAsync().ConfigureAwait(false); // it crashed: start another
            if (_launches >= _options.MaxLaunches)
                throw new RenderException($"the browser {_options.ExecutablePath} stopped {_launches} times; not starting it again");
            Interlocked.Increment(ref _launches);
            _profile = Directory.CreateTempSubdirectory("gleaner-chromium-").FullName;
            var launch = new LaunchOptions
            {
                ExecutablePath = _options.ExecutablePath,
                Headless = true,
                UserDataDir = _profile,
                Pipe = true,
                Timeout = (int)_options.LaunchTimeout.TotalMilliseconds,
                ProtocolTimeout = (int)(_options.PageTimeout + CloseTimeout).TotalMilliseconds,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio", "--dns-prefetch-disable",
                    "--blink-settings=imagesEnabled=false", "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                    "--js-flags=--max-old-space-size=512",
                ],
            };
            try
            {
                _browser = await Puppeteer.LaunchAsync(launch).WaitAsync(_options.LaunchTimeout, cancellationToken).ConfigureAwait(false);
                _context = await _browser.CreateBrowserContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is PuppeteerException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
            {
                await CloseBrowserAsync().ConfigureAwait(false);
                throw new RenderException($"cannot start the browser {_options.ExecutablePath}: {e.Message}", e);
            }
            AppDomain.CurrentDomain.ProcessExit += KillOnExit;
            return _context;
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>A process ending without disposing (SIGTERM) takes its browser with it.</summary>
    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _browser?.Process?.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    private async Task CloseBrowserAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        var browser = _browser;
        _browser = null;
        _context = null;
        if (browser is not null)
        {
            try
            {
                await browser.CloseAsync().WaitAsync(CloseTimeout).ConfigureAwait(false);
            }
            catch (Exception e) when (e is PuppeteerException or TimeoutException or IOException)
            {
            }
            KillOnExit(null, EventArgs.Empty);
            try
            {
                await browser.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is PuppeteerException or IOException)
            {
            }
        }
        if (_profile is not null)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a file the dying browser still held; the temporary folder is the system's to clean
            }
            _profile = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
                return;
            _disposed = true;
            await CloseBrowserAsync().ConfigureAwait(false);
        }
        finally
        {
            _launch.Release();
        }
    }
}
