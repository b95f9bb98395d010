using System.Diagnostics;
using System.Net.Sockets;
using Gleaner.Storage;

namespace Gleaner.Cli.Tests;

/// <summary><c>gleaner serve</c> as a user starts it: binds to 127.0.0.1, answers, and stops cleanly on SIGTERM.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gleaner-serve-" + Guid.NewGuid().ToString("N")[..10]);

    public ServeCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Serve_answers_on_loopback_and_stops_cleanly_on_sigterm()
    {
        var db = Path.Combine(_folder, "news.db");
        await using (var store = await ArticleStores.OpenAsync(db))
            await store.SaveAsync([new Article { Url = "https://example.com/a", Title = "Harbour reopens", Text = "The harbour reopened on Monday.", Language = "en" }]);
        var port = FreePort();
        var start = CliRunner.StartInfo("serve", "--store", db, "--listen", $"127.0.0.1:{port}");
        using var process = Process.Start(start)!;
        try
        {
            var banner = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Contains($"http://127.0.0.1:{port}", banner);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            Assert.Contains("\"ok\"", await http.GetStringAsync($"http://127.0.0.1:{port}/api/health"));
            Assert.Contains("Harbour reopens", await http.GetStringAsync($"http://127.0.0.1:{port}/api/search?q=harbour"));
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "gleaner serve did not stop after SIGTERM");
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("gleaner: stopped", await process.StandardError.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Serve_names_a_missing_store_and_a_bad_listen_address()
    {
        var missing = CliRunner.Run(null, "serve", "--store", Path.Combine(_folder, "none.db"));
        Assert.Equal(ExitCodes.SomeInputsFailed, missing.ExitCode);
        Assert.Contains("no store at", missing.Stderr);
        var bad = CliRunner.Run(null, "serve", "--listen", "example.com:80");
        Assert.Equal(ExitCodes.BadUsage, bad.ExitCode);
        Assert.Contains("--listen 'example.com:80'", bad.Stderr);
    }

    [Fact]
    public async Task Serve_says_so_when_opening_the_store_upgrades_it()
    {
        var db = Path.Combine(_folder, "old.db");
        await using (var store = await ArticleStores.OpenAsync(db))
            await store.SaveAsync([new Article { Url = "https://example.com/a", Title = "Harbour reopens", Text = "The harbour reopened on Monday.", Language = "en" }]);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "INSERT INTO story_bands SELECT * FROM story_bands_new; DROP TABLE story_bands_new; " +
                "DROP INDEX articles_site_name; DROP INDEX articles_parent_domain; DROP INDEX articles_filters; UPDATE gleaner_schema SET version = 4 WHERE component = 'store'";
            downgrade.ExecuteNonQuery();
        }
        // The port taken, serve opens (and upgrades) the store and then stops: no server left to stop.
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var serve = CliRunner.Run(null, "serve", "--store", db, "--listen", $"127.0.0.1:{port}");

        Assert.Contains("gleaner: upgrading the store", serve.Stderr);
        Assert.Contains("from schema 4 to 7", serve.Stderr);
        Assert.Contains("gleaner: upgraded the store", serve.Stderr);
        Assert.Contains("cannot listen", serve.Stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
