using System.Text.Json;
using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

/// <summary>
/// Golden folders (Extraction/Golden/NAME): a page of our own making (<c>source.html</c>), the address it is
/// extracted under (<c>source.url</c>) and the whole record we expect (<c>expected.json</c>). A change that
/// alters any field of any page fails here; when the change is meant, regenerate with
/// <c>GLEANER_REGENERATE_GOLDEN=1 dotnet test --filter GoldenPagesTests</c> and read the diff before committing.
/// </summary>
public class GoldenPagesTests
{
    private const string RegenerateVariable = "GLEANER_REGENERATE_GOLDEN";

    private static string GoldenRoot => Path.Combine(AppContext.BaseDirectory, "Extraction", "Golden");

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(GoldenRoot).Order(StringComparer.Ordinal))
            pages.Add(Path.GetFileName(folder));
        return pages;
    }

    [Fact]
    public void EveryGoldenFolderIsComplete()
    {
        var folders = Directory.GetDirectories(GoldenRoot);
        Assert.NotEmpty(folders);
        foreach (var folder in folders)
        {
            Assert.True(File.Exists(Path.Combine(folder, "source.html")), $"{folder}: source.html missing");
            Assert.True(File.Exists(Path.Combine(folder, "source.url")), $"{folder}: source.url missing");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void RecordMatchesExpected(string page)
    {
        var folder = Path.Combine(GoldenRoot, page);
        var url = File.ReadAllText(Path.Combine(folder, "source.url")).Trim();
        var article = new ArticleExtractor().Extract(File.ReadAllText(Path.Combine(folder, "source.html")), url);
        var actual = JsonSerializer.Serialize(article, ArticleJson.Indented) + "\n";

        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            // The test output copy is what runs; the source copy is what gets committed.
            File.WriteAllText(Path.Combine(SourceGoldenRoot(), page, "expected.json"), actual);
            return;
        }

        var expectedPath = Path.Combine(folder, "expected.json");
        Assert.True(File.Exists(expectedPath), $"{page}: no expected.json; create it with {RegenerateVariable}=1");
        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        Assert.True(expected == actual, $"{page}: record differs from expected.json\n{TextDifference.FirstLine(expected, actual)}");
    }

    private static string SourceGoldenRoot() =>
        Path.Combine(SharedData.RepositoryRoot(), "tests", "Gleaner.Tests", "Extraction", "Golden");
}
