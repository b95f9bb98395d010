using System.Text.Json;
using Gleaner.Storage;

namespace Gleaner.Cli.Tests;

/// <summary>
/// Every export format, through the command as a user runs it, on each backend: export, import into a fresh store,
/// export again, and the bytes are the same: every field, the store's first-seen and last-saved times, the aliases,
/// dates with their offset or without one.
/// </summary>
public abstract class ExportRoundTripTests : IAsyncLifetime
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("gleaner-cli-roundtrip-").FullName;

    private string _store = "";

    /// <summary>A new, empty store (a file path or a connection string).</summary>
    protected abstract Task<string> NewStoreAsync();

    protected virtual Task DeleteStoresAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _store = await NewStoreAsync();
        var records = Path.Combine(Folder, "records.jsonl");
        File.WriteAllText(records, string.Join('\n', Records()));
        var import = CliRunner.Run(null, "import", records, "--store", _store);
        Assert.True(import.ExitCode == 0, import.Stderr);
    }

    public async Task DisposeAsync()
    {
        await DeleteStoresAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private static string Body(string topic) =>
        $"The {topic} committee met on Monday to review the plans, the costs and the \"final\" timetable.\n" +
        $"Members of the {topic} committee said costs had risen sharply since the first estimate two years ago.\n" +
        $"  A decision on the {topic} proposal is expected before the end of the month, officials said.";

    /// <summary>Records with everything that is hard to keep: quotes, commas and line breaks, list items with ';' or
    /// starting with '[', dates with an offset, without one and alone, store times and aliases from an earlier export,
    /// a record without a URL, a news-please record, and a near copy that joins the first record's story.</summary>
    private static IEnumerable<string> Records()
    {
        yield return JsonSerializer.Serialize(new
        {
            url = "https://a.example/news/harbour", canonical_url = "https://wire.example/harbour", source_domain = "a.example",
            site_name = "The A, Daily", title = "Costs rise, \"sharply\"", description = "Bridge; costs\tup", text = Body("harbour"),
            authors = new[] { "Ann Lee", "Bo; Chan" }, published = "2024-05-01T10:00:00+02:00", modified = "2024-05-01T11:30:00",
            language = "en", image = "https://a.example/harbour.jpg", section = "Local", tags = new[] { "[video]", "bridges" },
            fetched = "2024-05-04T06:00:00Z", first_seen = "2024-05-04T06:00:01.250+00:00", last_saved = "2024-05-05T07:00:00.000+00:00",
            aliases = new[] { "https://a.example/news/harbour?p=2", "https://a.example/news/harbour/" },
        });
        yield return JsonSerializer.Serialize(new
        {
            url = "https://b.example/copy", title = "Costs rise sharply", text = Body("harbour") + "\nReporting by B.",
            published = "2024-05-02", authors = new[] { "Cy Dee" }, tags = new[] { "a;b" },
        });
        yield return JsonSerializer.Serialize(new
        {
            url = "https://c.example/schule", title = "Schüler protestieren", text = "Über 300 Schüler zogen durch die Straßen.\nDie Stadt will reden.",
            published = "2024-05-01T23:30:00.25-04:00", language = "de", first_seen = "2024-05-02T01:02:03.004+02:00",
        });
        yield return JsonSerializer.Serialize(new { title = "A record without an address", text = "It came from a record file, which keeps no URL." });
        yield return JsonSerializer.Serialize(new
        {
            url = "https://d.example/bus", title = "Night bus", maintext = Body("bus"),
            date_publish = "2024-05-03 21:15:00", date_modify = "2024-05-03 22:00:00", date_download = "2024-05-04 06:00:00",
        });
    }

    private string Export(string store, string format, string target)
    {
        var run = CliRunner.Run(null, "export", "--store", store, "--format", format, "-o", target);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return target;
    }

    /// <summary>Export to standard output (the record layout's stream of records, which -o would make a folder of).</summary>
    private string ExportToStandardOutput(string store, string format, string target)
    {
        var run = CliRunner.Run(null, "export", "--store", store, "--format", format);
        Assert.True(run.ExitCode == 0, run.Stderr);
        File.WriteAllText(target, run.Stdout);
        return target;
    }

    private async Task<string> ImportIntoFreshStoreAsync(string input)
    {
        var copy = await NewStoreAsync();
        var run = CliRunner.Run(null, "import", input, "--store", copy);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return copy;
    }

    [StoreFact]
    public async Task JsonLinesRoundTripsByteForByte()
    {
        var first = Export(_store, "jsonl", Path.Combine(Folder, "first.jsonl"));
        var second = Export(await ImportIntoFreshStoreAsync(first), "jsonl", Path.Combine(Folder, "second.jsonl"));
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));

        // What was given is what is kept: the store's times as the earlier export wrote them, the aliases, the dates.
        var records = File.ReadAllLines(first).Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(r => r.GetProperty("url").GetString()!);
        var harbour = records["https://a.example/news/harbour"];
        Assert.Equal("2024-05-04T06:00:01.250+00:00", harbour.GetProperty("first_seen").GetString());
        Assert.Equal("2024-05-05T07:00:00.000+00:00", harbour.GetProperty("last_saved").GetString());
        Assert.Equal(["https://a.example/news/harbour/", "https://a.example/news/harbour?p=2"], harbour.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("2024-05-01T10:00:00+02:00", harbour.GetProperty("published").GetString());
        Assert.Equal("2024-05-01T11:30:00", harbour.GetProperty("modified").GetString());
        // The store keeps its times in UTC: the same instant as given.
        Assert.Equal("2024-05-01T23:02:03.004+00:00", records["https://c.example/schule"].GetProperty("first_seen").GetString());
        Assert.Equal("2024-05-03T21:15:00", records["https://d.example/bus"].GetProperty("published").GetString());
        Assert.Equal(harbour.GetProperty("story_id").GetInt64(), records["https://b.example/copy"].GetProperty("story_id").GetInt64());
    }

    [StoreFact]
    public async Task CsvRoundTripsByteForByte()
    {
        var first = Export(_store, "csv", Path.Combine(Folder, "first.csv"));
        var second = Export(await ImportIntoFreshStoreAsync(first), "csv", Path.Combine(Folder, "second.csv"));
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
        // Lists that "; " could not split back are written as JSON arrays.
        var csv = File.ReadAllText(first);
        Assert.Contains("\"[\"\"Ann Lee\"\",\"\"Bo; Chan\"\"]\"", csv);
        Assert.Contains("\"[\"\"[video]\"\",\"\"bridges\"\"]\"", csv);
        Assert.Contains(",https://a.example/news/harbour/; https://a.example/news/harbour?p=2\n", csv);
    }

    [StoreFact]
    public async Task RecordStreamRoundTripsByteForByte()
    {
        var first = ExportToStandardOutput(_store, "record", Path.Combine(Folder, "first.txt"));
        var second = ExportToStandardOutput(await ImportIntoFreshStoreAsync(first), "record", Path.Combine(Folder, "second.txt"));
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
    }

    [StoreFact]
    public async Task RecordFolderRoundTripsByteForByte()
    {
        var first = Export(_store, "record", Path.Combine(Folder, "first"));
        var second = Export(await ImportIntoFreshStoreAsync(first), "record", Path.Combine(Folder, "second"));
        var names = Directory.GetFiles(first).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(5, names.Count);
        Assert.Equal(names, Directory.GetFiles(second).Select(Path.GetFileName).Order());
        foreach (var name in names)
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, name!)), File.ReadAllBytes(Path.Combine(second, name!)));
    }

    [StoreFact]
    public async Task AStoredRecordIsFoundByItsAlias()
    {
        var copy = await ImportIntoFreshStoreAsync(Export(_store, "jsonl", Path.Combine(Folder, "first.jsonl")));
        await using var store = await ArticleStores.OpenAsync(copy);
        var byAlias = await store.GetAsync("https://a.example/news/harbour?p=2");
        Assert.Equal("https://a.example/news/harbour", byAlias?.Article.Url);
        Assert.Equal(2, byAlias!.Aliases.Count);
        Assert.Null(await store.GetAsync("https://a.example/news/other"));
    }
}

public sealed class SqliteExportRoundTripTests : ExportRoundTripTests
{
    private int _stores;

    protected override Task<string> NewStoreAsync() => Task.FromResult(Path.Combine(Folder, $"store{++_stores}.db"));
}

public sealed class PostgresExportRoundTripTests : ExportRoundTripTests, IPostgresTests
{
    private readonly List<string> _schemas = [];

    protected override async Task<string> NewStoreAsync()
    {
        var (connectionString, schema) = await PostgresTestDatabase.CreateSchemaAsync();
        _schemas.Add(schema);
        return connectionString;
    }

    protected override async Task DeleteStoresAsync()
    {
        foreach (var schema in _schemas)
            await PostgresTestDatabase.DropSchemaAsync(schema);
    }
}
