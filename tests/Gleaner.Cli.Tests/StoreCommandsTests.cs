using System.Text.Json;

namespace Gleaner.Cli.Tests;

/// <summary>import, search, export, stats and stories as a user runs them (SQLite; the backends share one contract).</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gleaner-cli-commands-").FullName;

    private string Store => Path.Combine(_folder, "gleaner.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Body(string topic) =>
        $"The {topic} committee met on Monday to review the plans for the new harbour bridge and its funding.\n" +
        $"Members of the {topic} committee said the costs had risen sharply since the first estimate two years ago.\n" +
        $"A final decision on the {topic} proposal is expected before the end of the month, officials said.";

    private const string OtherBody =
        "Parents crowded into the school hall as the committee voted on the budget for next year.\n" +
        "Teachers had warned that without new money several classes would have to merge in September.\n" +
        "The head teacher thanked volunteers who raised funds for a new library and science room.";

    private static string Record(string url, string title, string text, string language = "en", string published = "2024-05-01T10:00:00+00:00") =>
        JsonSerializer.Serialize(new { url, title, text, language, published, authors = new[] { "Ann Lee" }, tags = new[] { "local" } });

    [Fact]
    public void OpeningAnOlderStoreSaysItIsUpgradingOnStandardError()
    {
        var file = Write("one.jsonl", Record("https://a.example/1", "Harbour bridge costs rise", Body("harbour")));
        Assert.Equal(0, CliRunner.Run(null, "import", file, "--store", Store).ExitCode);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "INSERT INTO story_bands SELECT * FROM story_bands_new; DROP TABLE story_bands_new; " +
                "DROP INDEX articles_site_name; DROP INDEX articles_parent_domain; DROP INDEX articles_filters; UPDATE gleaner_schema SET version = 4 WHERE component = 'store'";
            downgrade.ExecuteNonQuery();
        }

        var search = CliRunner.Run(null, "search", "harbour", "--site", "a.example", "--store", Store, "--format", "jsonl");

        Assert.Equal(0, search.ExitCode);
        Assert.Contains("gleaner: upgrading the store", search.Stderr);
        Assert.Contains("from schema 4 to 7", search.Stderr);
        Assert.Contains("https://a.example/1", search.Stdout);
        Assert.DoesNotContain("upgrading", CliRunner.Run(null, "search", "harbour", "--store", Store).Stderr);
    }

    [Fact]
    public void ABadRecordIsReportedWithFileAndLineAndTheRestIsStored()
    {
        var file = Write("mixed.jsonl", string.Join('\n',
            Record("https://a.example/1", "Harbour bridge costs rise", Body("harbour")),
            "{not json",
            JsonSerializer.Serialize(new { url = "https://a.example/3" }),
            Record("https://a.example/4", "School budget approved", Body("school")),
            JsonSerializer.Serialize(new { url = "https://a.example/5", title = "Bad date", published = "last Tuesday" })));

        var import = CliRunner.Run(null, "import", file, "--store", Store);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains($"{file}:2: not valid JSON", import.Stderr);
        Assert.Contains($"{file}:3: the record has neither a title nor a text", import.Stderr);
        Assert.Contains($"{file}:5: 'published' is not an ISO 8601 date", import.Stderr);
        var stats = JsonDocument.Parse(CliRunner.Run(null, "stats", "--store", Store, "--format", "json").Stdout).RootElement;
        Assert.Equal(2, stats.GetProperty("articles").GetInt32());
    }

    [Fact]
    public void BatchesAreStoredInInputOrderAcrossFilesAndABadLineInTheMiddleSkipsOnlyItself()
    {
        // Batches of two, read ahead of the store: the same address in the first and the last batch, a bad line between.
        var first = Write("first.jsonl", string.Join('\n',
            Record("https://a.example/same", "First version", Body("harbour")),
            Record("https://a.example/2", "Two", Body("two")),
            Record("https://a.example/3", "Three", Body("three"))));
        var second = Write("second.jsonl", string.Join('\n',
            Record("https://a.example/4", "Four", Body("four")),
            "{not json",
            Record("https://a.example/5", "Five", Body("five")),
            Record("https://a.example/6", "Six", Body("six")),
            Record("https://a.example/same", "Last version", Body("harbour"))));

        var import = CliRunner.Run(null, "import", first, second, "--batch-size", "2", "--store", Store);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains($"{second}:2: not valid JSON", import.Stderr);
        Assert.Contains("7 record(s) stored", import.Stderr);
        Assert.Contains("(6 new, 1 updated", import.Stderr);
        Assert.Contains("1 skipped", import.Stderr);
        var exported = CliRunner.Run(null, "export", "--format", "jsonl", "--store", Store).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(6, exported.Count);
        Assert.Equal("Last version", exported.Single(r => r.GetProperty("url").GetString() == "https://a.example/same").GetProperty("title").GetString());
    }

    [Fact]
    public async Task AKilledImportKeepsEveryBatchItCommittedWholeAndImportingAgainCompletesIt()
    {
        var records = Enumerable.Range(1, 7).Select(i => Record($"https://a.example/{i}", $"Record {i}", Body($"topic{i}"))).ToList();
        var start = CliRunner.StartInfo("import", "-", "--batch-size", "2", "--store", Store);
        start.RedirectStandardInput = true;
        using (var run = System.Diagnostics.Process.Start(start)!)
        {
            _ = run.StandardError.ReadToEndAsync();
            _ = run.StandardOutput.ReadToEndAsync();
            // Three whole batches and one record of a fourth; the input stays open, so the fourth never fills.
            foreach (var record in records)
                await run.StandardInput.WriteLineAsync(record);
            await run.StandardInput.FlushAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (DateTime.UtcNow < deadline && !run.HasExited && StoredCount() < 6)
                await Task.Delay(20);
            Assert.False(run.HasExited, "the import ended before it could be killed");
            run.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
            await run.WaitForExitAsync();
        }
        // Every committed record is whole: its row, its full-text entry and its signature.
        Assert.Equal(6, StoredCount());
        Assert.Equal(6, Count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'committee'"));
        Assert.Equal(6, Count("SELECT count(*) FROM story_signatures"));

        var again = CliRunner.Run(string.Join('\n', records) + "\n", "import", "-", "--batch-size", "2", "--store", Store);

        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("(1 new, 6 updated", again.Stderr);
        Assert.Equal(7, StoredCount());
    }

    private long StoredCount() => File.Exists(Store) ? Count("SELECT count(*) FROM articles") : 0;

    private long Count(string sql)
    {
        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar());
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the store is still being created
        }
    }

    [Fact]
    public void ImportsNewsPleaseJsonAndRecordTextFiles()
    {
        var newsPlease = Write("np.json", JsonSerializer.Serialize(new
        {
            title = "Ferry timetable changes",
            maintext = Body("ferry"),
            date_publish = "2024-05-02 08:30:00",
            date_modify = (string?)null,
            authors = new[] { "Bo Chan" },
            description = "New times from June.",
            image_url = "https://b.example/ferry.jpg",
            language = "en",
            source_domain = "b.example",
            url = "https://b.example/ferry",
        }));
        var record = Write("r.txt", "Harbour news\nHarbour news\nHarbour news\n2024-05-03T09:00+0000\n\nlocal\n\nA description.\nHarbour news\n\n" + Body("port") + "\n");

        var import = CliRunner.Run(null, "import", newsPlease, record, "--store", Store);
        Assert.True(import.ExitCode == 0, import.Stderr);

        var exported = CliRunner.Run(null, "export", "--store", Store).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(2, exported.Count);
        var ferry = exported.Single(r => r.GetProperty("url").GetString() == "https://b.example/ferry");
        Assert.Equal("2024-05-02T08:30:00", ferry.GetProperty("published").GetString());
        Assert.Equal("https://b.example/ferry.jpg", ferry.GetProperty("image").GetString());
        Assert.Equal("Bo Chan", ferry.GetProperty("authors")[0].GetString());
        var harbour = exported.Single(r => r.GetProperty("title").GetString() == "Harbour news");
        Assert.Equal("local", harbour.GetProperty("section").GetString());
        Assert.Equal("2024-05-03T09:00:00+00:00", harbour.GetProperty("published").GetString());
    }

    [Fact]
    public void ExportedRecordsImportIntoAnotherStoreUnchanged()
    {
        var file = Write("a.jsonl", string.Join('\n',
            Record("https://a.example/1", "Harbour bridge costs rise", Body("harbour")),
            Record("https://a.example/2", "Schüler protestieren", Body("Schul"), "de", "2024-05-02")));
        Assert.Equal(0, CliRunner.Run(null, "import", file, "--store", Store).ExitCode);

        var jsonl = CliRunner.Run(null, "export", "--store", Store, "--format", "jsonl", "-o", Path.Combine(_folder, "out.jsonl"));
        Assert.Equal(0, jsonl.ExitCode);
        var copy = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, CliRunner.Run(null, "import", Path.Combine(_folder, "out.jsonl"), "--store", copy).ExitCode);
        Assert.Equal(
            CliRunner.Run(null, "export", "--store", Store, "--format", "csv").Stdout.Split('\n').Select(l => l.Split(',')[0]),
            CliRunner.Run(null, "export", "--store", copy, "--format", "csv").Stdout.Split('\n').Select(l => l.Split(',')[0]));

        var folder = Path.Combine(_folder, "records");
        Assert.Equal(0, CliRunner.Run(null, "export", "--store", Store, "--format", "record", "-o", folder).ExitCode);
        Assert.Equal(2, Directory.GetFiles(folder, "*.txt").Length);
        var stream = CliRunner.Run(null, "export", "--store", Store, "--format", "record", "--lang", "de");
        Assert.StartsWith("Schüler protestieren\nSchüler protestieren\nSchüler protestieren\n2024-05-02\n", stream.Stdout);
        Assert.Equal(0, CliRunner.Run(null, "import", folder, "--store", Path.Combine(_folder, "fromrecords.db")).ExitCode);
    }

    [Fact]
    public void DatesKeepTheirOffsetOrItsAbsenceAndEveryExportFormatRoundTripsByteForByte()
    {
        // Dates as sources give them: with an offset, in UTC, with a fraction, without any offset (news-please's local
        // times, written with a space), a date alone.
        var file = Write("dates.jsonl", string.Join('\n',
            Record("https://a.example/1", "Harbour", Body("harbour"), published: "2024-05-01T10:00:00+02:00"),
            Record("https://a.example/2", "Ferry", Body("ferry"), published: "2024-05-01T10:00:00"),
            Record("https://a.example/3", "School", OtherBody, published: "2024-05-02"),
            Record("https://a.example/4", "Tram", Body("tram"), published: "2024-05-01T23:30:00.25-04:00"),
            Record("https://a.example/5", "Airport", Body("airport"), published: "2024-05-01T08:00:00Z"),
            JsonSerializer.Serialize(new
            {
                url = "https://b.example/6", title = "Night bus", maintext = Body("bus"),
                date_publish = "2024-05-03 21:15:00", date_modify = "2024-05-03 22:00:00", date_download = "2024-05-04 06:00:00",
            })));
        Assert.Equal(0, CliRunner.Run(null, "import", file, "--store", Store).ExitCode);

        var first = Exports(Store);
        var dates = first["jsonl"].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => r.GetProperty("url").GetString()!, r => r);
        Assert.Equal("2024-05-01T10:00:00+02:00", dates["https://a.example/1"].GetProperty("published").GetString());
        Assert.Equal("2024-05-01T10:00:00", dates["https://a.example/2"].GetProperty("published").GetString());
        Assert.Equal("2024-05-02", dates["https://a.example/3"].GetProperty("published").GetString());
        Assert.Equal("2024-05-01T23:30:00.25-04:00", dates["https://a.example/4"].GetProperty("published").GetString());
        Assert.Equal("2024-05-01T08:00:00+00:00", dates["https://a.example/5"].GetProperty("published").GetString());
        Assert.Equal("2024-05-03T21:15:00", dates["https://b.example/6"].GetProperty("published").GetString());
        Assert.Equal("2024-05-03T22:00:00", dates["https://b.example/6"].GetProperty("modified").GetString());
        Assert.Equal("2024-05-04T06:00:00", dates["https://b.example/6"].GetProperty("fetched").GetString());

        // Each format goes into a fresh store and comes out again the same, byte for byte, the store's times included
        // (ExportRoundTripTests does the same for every format on both backends).
        foreach (var (format, extension) in new[] { ("jsonl", "jsonl"), ("csv", "csv"), ("record", "txt") })
        {
            var copy = Path.Combine(_folder, $"from-{format}.db");
            Assert.Equal(0, CliRunner.Run(null, "import", Write("first." + extension, first[format]), "--store", copy).ExitCode);
            Assert.Equal(first[format], Exports(copy)[format]);
        }
    }

    private static Dictionary<string, string> Exports(string store) =>
        new[] { "jsonl", "csv", "record" }.ToDictionary(format => format, format =>
        {
            var run = CliRunner.Run(null, "export", "--store", store, "--format", format);
            Assert.Equal(0, run.ExitCode);
            return run.Stdout;
        });

    [Fact]
    public void TheCanonicalKeptBesideTheRecordSurvivesExportAndImport()
    {
        const string canonical = "https://syndication.example/harbour";
        var file = Write("a.jsonl", JsonSerializer.Serialize(new { url = "https://a.example/1", canonical_url = canonical, title = "Harbour", text = Body("harbour") }));
        Assert.Equal(0, CliRunner.Run(null, "import", file, "--store", Store).ExitCode);

        var exported = Path.Combine(_folder, "out.jsonl");
        Assert.Equal(0, CliRunner.Run(null, "export", "--store", Store, "--format", "jsonl", "-o", exported).ExitCode);
        var copy = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, CliRunner.Run(null, "import", exported, "--store", copy).ExitCode);

        var line = CliRunner.Run(null, "export", "--store", copy, "--format", "jsonl").Stdout.Trim();
        using var record = JsonDocument.Parse(line);
        Assert.Equal("https://a.example/1", record.RootElement.GetProperty("url").GetString());
        Assert.Equal(canonical, record.RootElement.GetProperty("canonical_url").GetString());
        Assert.StartsWith("https://a.example/1," + canonical + ",a.example,", CliRunner.Run(null, "export", "--store", copy, "--format", "csv").Stdout.Split('\n')[1]);
    }

    [Fact]
    public void CsvQuotesFieldsWithCommasQuotesAndLineBreaks()
    {
        var file = Write("a.jsonl", Record("https://a.example/1", "Costs rise, \"sharply\"", Body("harbour")));
        CliRunner.Run(null, "import", file, "--store", Store);
        var csv = CliRunner.Run(null, "export", "--store", Store, "--format", "csv").Stdout;
        Assert.StartsWith("url,canonical_url,source_domain,site_name,title,description,text,authors,", csv);
        Assert.Contains(",\"Costs rise, \"\"sharply\"\"\",", csv);
        Assert.Contains("\"The harbour committee met", csv);
    }

    [Fact]
    public void SearchCollapsesCopiesAndStoriesListsThem()
    {
        var text = Body("harbour");
        var file = Write("a.jsonl", string.Join('\n',
            Record("https://a.example/1", "Harbour bridge costs rise", text),
            Record("https://b.example/1", "Bridge costs up", text + "\nThis story was first published by a news agency."),
            Record("https://c.example/1", "School budget approved", OtherBody)));
        Assert.Equal(0, CliRunner.Run(null, "import", file, "--store", Store).ExitCode);

        var plain = CliRunner.Run(null, "search", "committee", "--store", Store, "--format", "jsonl").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, plain.Length);
        var collapsed = CliRunner.Run(null, "search", "committee", "--store", Store, "--collapse", "--format", "json");
        var hits = JsonDocument.Parse(collapsed.Stdout).RootElement;
        Assert.Equal(2, hits.GetArrayLength());
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("story_copies").GetInt32() == 2);

        var stories = CliRunner.Run(null, "stories", "--store", Store, "--format", "jsonl", "--limit", "1");
        var top = JsonDocument.Parse(stories.Stdout.Split('\n')[0]).RootElement;
        Assert.Equal(2, top.GetProperty("copies").GetInt32());
        Assert.Equal(2, top.GetProperty("sites").GetInt32());
        var copies = CliRunner.Run(null, "stories", "--store", Store, "--id", top.GetProperty("story_id").GetInt64().ToString(), "--format", "jsonl");
        Assert.Equal(2, copies.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void OptimizeCompactsTheStoreAndSearchesStillAnswer()
    {
        var file = Write("a.jsonl", string.Join('\n',
            Record("https://a.example/1", "One", Body("one")),
            Record("https://b.example/1", "Three", Body("three"))));
        CliRunner.Run(null, "import", file, "--store", Store);
        var before = CliRunner.Run(null, "search", "three", "--store", Store, "--format", "jsonl").Stdout;

        var optimized = CliRunner.Run(null, "optimize", "--store", Store);

        Assert.True(optimized.ExitCode == 0, optimized.Stderr);
        Assert.Contains("optimizing the store", optimized.Stderr);
        Assert.Contains("optimized in", optimized.Stderr);
        Assert.Contains("b.example/1", before);
        Assert.Equal(before, CliRunner.Run(null, "search", "three", "--store", Store, "--format", "jsonl").Stdout);
    }

    [Fact]
    public void OptimizeNamesAMissingStore()
    {
        var missing = Path.Combine(Path.GetDirectoryName(Store)!, "none.db");
        var result = CliRunner.Run(null, "optimize", "--store", missing);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("none.db", result.Stderr);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void StatsCountBySiteLanguageAndDay()
    {
        var file = Write("a.jsonl", string.Join('\n',
            Record("https://a.example/1", "One", Body("one")),
            Record("https://a.example/2", "Two", Body("two"), "de"),
            Record("https://b.example/1", "Three", Body("three"), "en", "2024-05-02T23:00:00+02:00")));
        CliRunner.Run(null, "import", file, "--store", Store);
        var stats = JsonDocument.Parse(CliRunner.Run(null, "stats", "--store", Store, "--format", "json").Stdout).RootElement;
        Assert.Equal(3, stats.GetProperty("articles").GetInt32());
        Assert.Equal("a.example", stats.GetProperty("by_site")[0].GetProperty("site").GetString());
        Assert.Equal(2, stats.GetProperty("by_site")[0].GetProperty("count").GetInt32());
        Assert.Equal("en", stats.GetProperty("by_language")[0].GetProperty("language").GetString());
        Assert.Equal(["2024-05-01", "2024-05-02"], stats.GetProperty("by_day").EnumerateArray().Select(d => d.GetProperty("day").GetString()));
        var filtered = JsonDocument.Parse(CliRunner.Run(null, "stats", "--store", Store, "--format", "json", "--site", "b.example").Stdout).RootElement;
        Assert.Equal(1, filtered.GetProperty("articles").GetInt32());
    }

    [Theory]
    [InlineData("\"unclosed phrase", "bad query: the quote at character 1 is not closed")]
    [InlineData("-alone", "bad query")]
    [InlineData("korea OR", "bad query")]
    [InlineData("c* c* c* c* c*", "bad query: 'c*': a prefix needs at least 3 letters")]
    [InlineData("cat* dog* cow* owl* emu*", "bad query: the query has more than 4 prefix words")]
    public void AMalformedQueryIsBadUsage(string query, string message)
    {
        var result = CliRunner.Run(null, "search", query, "--store", Store);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void BadOptionValuesAreBadUsage()
    {
        Assert.Equal(2, CliRunner.Run(null, "search", "x", "--since", "yesterday", "--store", Store).ExitCode);
        Assert.Equal(2, CliRunner.Run(null, "search", "x", "--sort", "oldest", "--store", Store).ExitCode);
        Assert.Equal(2, CliRunner.Run(null, "export", "--format", "xml", "--store", Store).ExitCode);
    }

    [Fact]
    public void ReadingAMissingStoreSaysSoAndCreatesNothing()
    {
        var result = CliRunner.Run(null, "search", "anything", "--store", Store);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no store at", result.Stderr);
        Assert.False(File.Exists(Store));
    }

    [Fact]
    public void AMissingInputFileIsReportedAndTheOthersImported()
    {
        var file = Write("a.jsonl", Record("https://a.example/1", "One", Body("one")));
        var result = CliRunner.Run(null, "import", Path.Combine(_folder, "missing.jsonl"), file, "--store", Store);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing.jsonl: no such file", result.Stderr);
        Assert.Contains("1 record(s) stored", result.Stderr);
    }

    [Fact]
    public void ImportsJsonLinesFromStandardInput()
    {
        var result = CliRunner.Run(Record("https://a.example/1", "From a pipe", Body("pipe")) + "\n", "import", "-", "--store", Store);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var search = CliRunner.Run(null, "search", "pipe", "--store", Store, "--format", "jsonl");
        Assert.Contains("From a pipe", search.Stdout);
    }
}
