using System.Text.Json;

namespace Gleaner.Cli.Tests;

public class ExtractCommandTests
{
    [Fact]
    public void ExtractsOneFileAsJson()
    {
        var dir = Directory.CreateTempSubdirectory("gleaner-cli-");
        var page = Path.Combine(dir.FullName, "page.html");
        File.WriteAllText(page, "<html><head><title>Hello</title></head><body><p>Body text.</p></body></html>");

        var result = CliRunner.Run(null, "extract", page);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Hello", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void UnknownOptionIsBadUsage()
    {
        var result = CliRunner.Run(null, "extract", "--no-such-option", "x.html");
        Assert.Equal(2, result.ExitCode);
    }
}
