using System.Reflection;

namespace Gleaner.Tests;

/// <summary>The package split: extraction users get no database driver.</summary>
public sealed class PackageTests
{
    private static readonly string[] DatabaseDrivers = ["Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw"];

    [Fact]
    public void TheGleanerAssemblyReferencesNoDatabaseDriver()
    {
        var references = typeof(Article).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();
        Assert.Contains("AngleSharp", references); // the check reads real references
        Assert.DoesNotContain(references, name => DatabaseDrivers.Any(driver => name.StartsWith(driver, StringComparison.Ordinal)));
    }

    [Fact]
    public void TheStoresAndTheFrontierComeWithGleanerHarvesting()
    {
        var harvesting = typeof(Gleaner.Storage.ArticleStores).Assembly;
        Assert.Equal("Gleaner.Harvesting", harvesting.GetName().Name);
        Assert.Contains(harvesting.GetReferencedAssemblies(), name => name.Name == "Npgsql");
        Assert.Same(harvesting, typeof(Gleaner.Crawling.Crawler).Assembly);
        Assert.NotSame(harvesting, typeof(Gleaner.Extraction.ArticleExtractor).Assembly);
    }
}
