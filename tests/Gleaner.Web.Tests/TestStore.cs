using Gleaner.Storage;

namespace Gleaner.Web.Tests;

/// <summary>A small SQLite store written for these tests: a story of two copies, a German record and a hostile record.</summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string QuakeUrl = "https://news.example.com/2024/03/01/quake";
    public const string QuakeAlias = "https://news.example.com/2024/03/01/quake?p=2";
    public const string CopyUrl = "https://wire.example.org/quake-copy";
    public const string GermanUrl = "https://zeitung.example.de/beben";

    /// <summary>Its URL (the key) is itself a javascript: address; every field tries to run script.</summary>
    public const string HostileUrl = "javascript:document.title='pwned'//";

    /// <summary>Script in the hostile record sets this title or this global; a safe page never does.</summary>
    public const string Pwned = "pwned";

    private static readonly string QuakeBody = string.Join('\n', Enumerable.Range(1, 6).Select(i =>
        $"Paragraph {i}: the earthquake struck the coastal town before dawn, and rescue teams searched collapsed buildings in district {i} while aftershocks rattled the harbour."));

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "gleaner-web-" + Guid.NewGuid().ToString("N")[..10]);

    public string Path_ => System.IO.Path.Combine(Folder, "store.db");

    public long StoryId { get; private set; }

    public static async Task<TestStore> CreateAsync()
    {
        var test = new TestStore();
        Directory.CreateDirectory(test.Folder);
        await using var store = await ArticleStores.OpenAsync(test.Path_);
        await store.SaveAsync([
            new Article
            {
                Url = QuakeUrl, SourceDomain = "example.com", SiteName = "Example News", Title = "Earthquake hits coastal town",
                Description = "Rescue teams search the harbour district.", Text = QuakeBody, Authors = ["Ana Reporter"],
                Published = "2024-03-01T08:00:00+00:00", Language = "en", Image = "https://news.example.com/quake.jpg", Section = "World", Tags = ["quake"],
            },
        ]);
        await store.SaveAsync([
            new Article
            {
                Url = CopyUrl, SourceDomain = "example.org", SiteName = "Wire Service", Title = "Quake hits coastal town",
                Text = QuakeBody, Authors = ["Wire Staff"], Published = "2024-03-01T10:30:00+00:00", Language = "en",
            },
            new Article
            {
                Url = GermanUrl, SourceDomain = "example.de", SiteName = "Zeitung", Title = "Erdbeben an der Küste",
                Text = "Das Erdbeben traf die Stadt am Morgen. Die Retter suchten in den Trümmern nach Überlebenden.",
                Published = "2024-03-02", Language = "de",
            },
            new Article
            {
                Url = HostileUrl, SourceDomain = "evil.example", SiteName = "<script>document.title='pwned'</script>Evil",
                Title = "<script>document.title='pwned';window.pwned=1</script>Hostile headline <img src=x onerror=\"window.pwned=1\">",
                Description = "<iframe src=\"javascript:window.pwned=1\"></iframe>hostile description",
                Text = "hostile text <script>window.pwned=1</script>\n<a href=\"javascript:window.pwned=1\">click</a> more hostile words",
                Authors = ["<b onmouseover=\"window.pwned=1\">Mallory</b>"], Published = "2024-03-03T00:00:00+00:00", Language = "en",
                Image = "javascript:window.pwned=1", CanonicalUrl = "javascript:window.pwned=1", Tags = ["<svg onload=window.pwned=1>"],
            },
        ]);
        await store.AddAliasAsync(QuakeUrl, QuakeAlias);
        test.StoryId = (await store.GetAsync(QuakeUrl))!.StoryId;
        return test;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its connections: the temporary folder is left behind.
        }
        return ValueTask.CompletedTask;
    }
}
