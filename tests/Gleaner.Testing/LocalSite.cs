using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gleaner.Testing;

/// <summary>A web server on 127.0.0.1 (random port) for tests that fetch URLs; never anything off this machine.</summary>
public sealed class LocalSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _userAgents;

    private LocalSite(WebApplication app, string baseUrl, List<string> userAgents)
    {
        _app = app;
        BaseUrl = baseUrl;
        _userAgents = userAgents;
    }

    /// <summary>E.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The User-Agent headers of the requests served so far.</summary>
    public IReadOnlyList<string> UserAgents
    {
        get
        {
            lock (_userAgents)
                return _userAgents.ToList();
        }
    }

    public static async Task<LocalSite> StartAsync(Action<WebApplication> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // Slow and hanging test pages must not be cut off by Kestrel's minimum data rate.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MinResponseDataRate = null);
        var app = builder.Build();
        var userAgents = new List<string>();
        app.Use(async (context, next) =>
        {
            lock (userAgents)
                userAgents.Add(context.Request.Headers.UserAgent.ToString());
            await next(context);
        });
        routes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalSite(app, address.TrimEnd('/'), userAgents);
    }

    public static Task WriteHtml(HttpContext context, string html, string contentType = "text/html; charset=utf-8")
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(html);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
