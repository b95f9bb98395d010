using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gleaner.Cli.Tests;

/// <summary>
/// The WARC files <c>gleaner crawl --warc</c> writes, read by another WARC library (webrecorder's warcio.js, from npm):
/// warcinfo naming the software and the crawl, request records linked to responses, the server's IP address,
/// robots.txt archived, response headers and (gzip) bodies as received.
/// </summary>
public sealed class WarcFidelityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-warc-fidelity-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Article(string title) =>
        $"<!doctype html><html lang=\"en\"><head><title>{title}</title><meta property=\"og:type\" content=\"article\"></head><body><article><h1>{title}</h1>" +
        string.Concat(Enumerable.Repeat($"<p>{title} tells at some length what the council decided about the schools and the roads.</p>", 4)) +
        "</article></body></html>";

    /// <summary>warcio.js, installed once per machine into the temporary folder (npm's registry is the one download).</summary>
    private static string InstallWarcio()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gleaner-test-warcio-2");
        if (File.Exists(Path.Combine(folder, "node_modules", "warcio", "package.json")))
            return folder;
        Directory.CreateDirectory(folder);
        var install = Run("npm", folder, "install", "--no-audit", "--no-fund", "--prefix", folder, "warcio@2");
        Assert.True(install.ExitCode == 0, "npm install warcio@2 failed: " + install.Output);
        return folder;
    }

    private static (int ExitCode, string Output) Run(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    // Prints one JSON line per record, as warcio.js reads it.
    private const string Reader = """
        import fs from 'node:fs';
        import { WARCParser } from 'warcio';
        const parser = new WARCParser(fs.createReadStream(process.argv[2]));
        for await (const record of parser) {
          const http = record.httpHeaders;
          const headers = http ? Object.fromEntries(http.headers.entries()) : null;
          const text = await record.contentText();
          console.log(JSON.stringify({
            type: record.warcType, uri: record.warcTargetURI ?? null, id: record.warcHeader('WARC-Record-ID') ?? null,
            ip: record.warcHeader('WARC-IP-Address') ?? null, concurrentTo: record.warcHeader('WARC-Concurrent-To') ?? null,
            status: http ? http.statusCode ?? null : null, statusline: http ? http.statusline : null, headers, text,
          }));
        }
        """;

    [NodeFact]
    public async Task WarcioReadsRequestsResponsesRobotsAndHeadersAsReceived()
    {
        await using var site = await LocalSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", (HttpContext c) => LocalSite.WriteHtml(c, "User-agent: *\nAllow: /\n", "text/plain"));
            app.MapGet("/", (HttpContext c) => LocalSite.WriteHtml(c, "<html><body><a href=\"/news/gzip-story\">one</a> <a href=\"/news/plain-story\">two</a></body></html>"));
            app.MapGet("/news/gzip-story", async (HttpContext c) =>
            {
                using var compressed = new MemoryStream();
                using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                    gzip.Write(Encoding.UTF8.GetBytes(Article("Gzip story")));
                c.Response.ContentType = "text/html; charset=utf-8";
                c.Response.Headers.ContentEncoding = "gzip";
                c.Response.Headers.CacheControl = "max-age=60,   public"; // spacing a parser would tidy
                await c.Response.Body.WriteAsync(compressed.ToArray());
            });
            app.MapGet("/news/plain-story", (HttpContext c) => LocalSite.WriteHtml(c, Article("Plain story")));
        });
        var warc = Path.Combine(_folder, "crawl.warc.gz");

        var crawl = CliRunner.Run(null, "crawl", site.BaseUrl + "/", "--warc", warc, "--store", Path.Combine(_folder, "gleaner.db"), "--delay", "0", "--max-depth", "1");
        Assert.True(crawl.ExitCode == 0, crawl.Stderr);

        var warcio = InstallWarcio();
        File.WriteAllText(Path.Combine(warcio, "read.mjs"), Reader);
        var read = Run("node", warcio, "read.mjs", warc);
        Assert.True(read.ExitCode == 0, read.Output);
        var records = read.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();

        var info = records[0];
        Assert.Equal("warcinfo", info.GetProperty("type").GetString());
        Assert.Contains("software: Gleaner/", info.GetProperty("text").GetString());
        Assert.Contains("robots: obey", info.GetProperty("text").GetString());
        Assert.Contains("description: gleaner crawl: delay 0 s", info.GetProperty("text").GetString());

        var responses = records.Where(r => r.GetProperty("type").GetString() == "response").ToList();
        var requests = records.Where(r => r.GetProperty("type").GetString() == "request").ToList();
        Assert.Equal(responses.Count, requests.Count);
        foreach (var response in responses)
        {
            Assert.Equal("127.0.0.1", response.GetProperty("ip").GetString());
            var request = Assert.Single(requests, r => r.GetProperty("concurrentTo").GetString() == response.GetProperty("id").GetString());
            Assert.Equal(response.GetProperty("uri").GetString(), request.GetProperty("uri").GetString());
            Assert.StartsWith("GleanerBot/", request.GetProperty("headers").GetProperty("user-agent").GetString());
        }
        var uris = responses.Select(r => r.GetProperty("uri").GetString()).ToList();
        Assert.Contains(site.BaseUrl + "/robots.txt", uris);

        var gzipped = Assert.Single(responses, r => r.GetProperty("uri").GetString() == site.BaseUrl + "/news/gzip-story");
        Assert.Equal("gzip", gzipped.GetProperty("headers").GetProperty("content-encoding").GetString());
        Assert.Equal("max-age=60,   public", gzipped.GetProperty("headers").GetProperty("cache-control").GetString());
        Assert.Contains("Gzip story tells at some length", gzipped.GetProperty("text").GetString()); // warcio undid the gzip it was given
        Assert.Equal("HTTP/1.1 200 OK", gzipped.GetProperty("statusline").GetString());
    }
}

/// <summary>A [Fact] skipped, saying why, when Node.js and npm are not installed.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!OnPath("node") || !OnPath("npm"))
            Skip = "needs Node.js and npm (apt-get install nodejs npm) to read the WARC files with warcio.js";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
