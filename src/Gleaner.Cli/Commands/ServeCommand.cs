using System.CommandLine;
using Gleaner.Storage;
using Gleaner.Web;
using Microsoft.Extensions.Hosting;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner serve</c>: the JSON API and the web pages over a store, until Ctrl+C or SIGTERM.</summary>
internal static class ServeCommand
{
    /// <summary>The environment variable that gives the token when <c>--token</c> does not (kept out of the process list).</summary>
    public const string TokenVariable = "GLEANER_SERVE_TOKEN";

    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var listen = new Option<string>("--listen")
        {
            Description = "Address and port to listen on: 127.0.0.1:8080 (default, this machine only), [::1]:8080, 0.0.0.0:8080 (every interface)",
            DefaultValueFactory = _ => "127.0.0.1:8080",
        };
        listen.Validators.Add(result =>
        {
            try
            {
                GleanerWeb.ParseListen(result.GetValueOrDefault<string>() ?? "");
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
            }
        });
        var allowFetch = new Option<bool>("--allow-fetch")
        {
            Description = "Let POST /api/extract fetch a URL (never from loopback or private addresses)",
        };
        var token = new Option<string?>("--token")
        {
            Description = $"Require 'Authorization: Bearer TOKEN' on every request that is not a read (or set {TokenVariable})",
        };
        var connections = OptionValues.WholeNumber("--connections", "Store connections open at once (requests beyond wait)", 1, 256,
            ServeOptions.DefaultStoreConnections);

        var command = new Command("serve", "Serve a JSON API and web pages to search, read and follow the stored news")
        {
            listen, allowFetch, token, connections,
        };
        HelpExamples.Add(command,
            "gleaner serve",
            "gleaner serve --store news.db --listen 127.0.0.1:9000",
            "GLEANER_SERVE_TOKEN=s3cret gleaner serve --allow-fetch");
        options.AddStoreTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            StorePool pool;
            try
            {
                pool = await StorePool.OpenAsync(parse.GetValue(options.Store), parse.GetValue(connections), StoreCommandOptions.ShowProgress, cancellationToken);
            }
            catch (StoreException e)
            {
                Console.Error.WriteLine($"gleaner: {e.Message}");
                return ExitCodes.SomeInputsFailed;
            }
            var serveOptions = new ServeOptions
            {
                Store = parse.GetValue(options.Store),
                AllowFetch = parse.GetValue(allowFetch),
                Token = parse.GetValue(token) ?? NullIfEmpty(Environment.GetEnvironmentVariable(TokenVariable)),
                StoreConnections = parse.GetValue(connections),
            };
            await using var app = GleanerWeb.CreateServer(serveOptions, pool, parse.GetValue(listen));
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"gleaner: cannot listen on {parse.GetValue(listen)}: {e.Message}");
                await pool.DisposeAsync();
                return ExitCodes.SomeInputsFailed;
            }
            foreach (var address in app.Urls)
                Console.Error.WriteLine($"gleaner: serving {pool.Location} at {address} (API reference at {address}{GleanerWeb.DocsPath}); Ctrl+C stops");
            // Ctrl+C and SIGTERM cancel the token: requests in flight finish, then the store is closed.
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
            await pool.DisposeAsync();
            Console.Error.WriteLine("gleaner: stopped");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
