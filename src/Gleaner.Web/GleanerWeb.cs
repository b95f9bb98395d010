using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gleaner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace Gleaner.Web;

/// <summary>
/// <c>gleaner serve</c>: the JSON API (<c>/api/…</c>, described at <see cref="OpenApiPath"/>, browsable at <see cref="DocsPath"/>)
/// and the web pages over one store. Add it to any ASP.NET Core app with <see cref="AddGleanerWeb"/> and
/// <see cref="UseGleanerWeb"/>, or start a server of its own with <see cref="CreateServer"/>.
/// </summary>
public static class GleanerWeb
{
    public const string OpenApiPath = "/openapi/v1.json";
    public const string DocsPath = "/api/docs";

    /// <summary>The policy of every page: scripts and styles from this app's own files only, no plugins, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar) configures itself with an inline script and inline styles; it shows no record,
    /// only the OpenAPI document, so it alone gets them. Its script still comes from this app (no CDN).
    /// </summary>
    private const string DocsContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddGleanerWeb(this IServiceCollection services, ServeOptions options, StorePool pool)
    {
        services.AddSingleton(options);
        services.AddSingleton(pool);
        services.AddSingleton<PageFetcher>();
        services.ConfigureHttpJsonOptions(json => Json.Configure(json.SerializerOptions));
        services.AddProblemDetails();
        services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Gleaner";
            document.Info.Description = "Search, read and export the news records of a Gleaner store. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        services.AddRouting();
        return services;
    }

    /// <summary>The middleware (security headers, errors, token) and every endpoint.</summary>
    public static IApplicationBuilder UseGleanerWeb(this IApplicationBuilder app)
    {
        app.Use(SecurityHeaders);
        app.UseStatusCodePages();
        app.Use(Errors);
        app.Use(RequireToken);
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseEndpoints(endpoints => endpoints.MapGleaner());
        return app;
    }

    public static IEndpointRouteBuilder MapGleaner(this IEndpointRouteBuilder endpoints)
    {
        Api.Map(endpoints);
        Pages.Map(endpoints);
        Assets.Map(endpoints);
        endpoints.MapOpenApi(OpenApiPath);
        endpoints.MapScalarApiReference(DocsPath, scalar => scalar
            .WithTitle("Gleaner API")
            .WithOpenApiRoutePattern(OpenApiPath)
            .DisableDefaultFonts());
        endpoints.MapFallback(() => Pages.ErrorPage(StatusCodes.Status404NotFound, "Not found", "There is no page here."));
        return endpoints;
    }

    /// <summary>A server of its own on <paramref name="listen"/> (host:port; 127.0.0.1:8080 when null), not started.</summary>
    public static WebApplication CreateServer(ServeOptions options, StorePool pool, string? listen)
    {
        var endpoint = ParseListen(listen ?? "127.0.0.1:8080");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            kestrel.Limits.MaxConcurrentConnections = 1024;
            if (endpoint.Address is null)
                kestrel.ListenLocalhost(endpoint.Port);
            else
                kestrel.Listen(endpoint.Address, endpoint.Port);
        });
        builder.Services.AddGleanerWeb(options, pool);
        var app = builder.Build();
        app.UseGleanerWeb();
        return app;
    }

    /// <summary>"127.0.0.1:8080", "[::1]:8080", "0.0.0.0:8080", "localhost:8080" or a port alone (on 127.0.0.1).</summary>
    public static (IPAddress? Address, int Port) ParseListen(string value)
    {
        var text = value.Trim();
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            text = text["http://".Length..].TrimEnd('/');
        if (int.TryParse(text, out var alone) && alone is >= 0 and <= 65535)
            return (IPAddress.Loopback, alone);
        var colon = text.LastIndexOf(':');
        if (colon > 0 && text[..colon].Equals("localhost", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text[(colon + 1)..], out var port) && port is >= 0 and <= 65535)
            return (null, port);
        if (IPEndPoint.TryParse(text, out var parsed) && colon > 0 && !text.EndsWith(']'))
            return (parsed.Address, parsed.Port);
        throw new FormatException($"--listen '{value}' is not an address and port (127.0.0.1:8080, [::1]:8080, 0.0.0.0:8080 or localhost:8080)");
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var docs = context.Request.Path.StartsWithSegments(DocsPath);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = docs ? DocsContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>Errors the handlers raise, as problem details for the API and as a page for the pages.</summary>
    private static async Task Errors(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception e) when (!context.Response.HasStarted && Classify(e) is { } problem)
        {
            context.Response.StatusCode = problem.Status;
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
                context.Response.Headers.RetryAfter = "5";
            if (context.Request.Path.StartsWithSegments("/api"))
                await Problems.Create(problem.Status, problem.Title, e.Message).ExecuteAsync(context);
            else
                await Pages.ErrorPage(problem.Status, problem.Title, e.Message).ExecuteAsync(context);
        }
    }

    private static (int Status, string Title)? Classify(Exception e) => e switch
    {
        BadParameterException => (StatusCodes.Status400BadRequest, "Bad request"),
        PayloadTooLargeException => (StatusCodes.Status413PayloadTooLarge, "Request too large"),
        BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
        SearchTimeoutException => (StatusCodes.Status503ServiceUnavailable, "Search too slow"),
        StoreException => (StatusCodes.Status503ServiceUnavailable, "Store unavailable"),
        _ => null,
    };

    /// <summary>With a token configured, every request that is not a read must bring it (Authorization: Bearer).</summary>
    private static async Task RequireToken(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetRequiredService<ServeOptions>();
        var method = context.Request.Method;
        if (options.Token is { Length: > 0 } token && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
        {
            var given = context.Request.Headers.Authorization.ToString();
            const string scheme = "Bearer ";
            var ok = given.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
            if (!ok)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Problems.Create(StatusCodes.Status401Unauthorized, "Unauthorized",
                    "this server requires a bearer token for requests that are not reads (Authorization: Bearer …)").ExecuteAsync(context);
                return;
            }
        }
        await next();
    }
}
