using System.Collections.Frozen;
using System.IO.Hashing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gleaner.Web;

/// <summary>The page's script and style, embedded in the assembly and served from <c>/assets/</c>: nothing comes from a CDN.</summary>
internal static class Assets
{
    private static readonly FrozenDictionary<string, (byte[] Body, string ContentType, string ETag)> Files = Load();

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file))
                return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers.ETag = file.ETag;
            if (context.Request.Headers.IfNoneMatch == file.ETag)
                return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(file.Body, file.ContentType);
        }).ExcludeFromDescription();

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        const string prefix = "Gleaner.Web.Assets.";
        var assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var body = buffer.ToArray();
            var name = resource[prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (body, type, "\"" + Convert.ToHexStringLower(XxHash64.Hash(body)) + "\"");
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
