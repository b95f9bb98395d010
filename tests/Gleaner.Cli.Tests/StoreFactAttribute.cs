using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gleaner.Cli.Tests;

/// <summary>
/// A fact about the store commands: runs for every backend's subclass, and is skipped with a clear message in a
/// PostgreSQL subclass (<see cref="IPostgresTests"/>) when <c>GLEANER_TEST_POSTGRES</c> is not set.
/// </summary>
[XunitTestCaseDiscoverer("Gleaner.Cli.Tests.StoreFactDiscoverer", "Gleaner.Cli.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
    /// <summary>The test imports the shared seed record; skipped, saying why, when the shared data is absent.</summary>
    public bool NeedsSeed { get; set; }
}

/// <summary>Marks a test class that needs the PostgreSQL server named by <c>GLEANER_TEST_POSTGRES</c>.</summary>
public interface IPostgresTests;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = (testMethod.TestClass.Class as IReflectionTypeInfo)?.Type;
        if (type is not null && typeof(IPostgresTests).IsAssignableFrom(type) && PostgresTestDatabase.ConnectionString is null)
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PostgresTestDatabase.SkipReason)];
        if (factAttribute.GetNamedArgument<bool>(nameof(StoreFactAttribute.NeedsSeed)) && !Directory.Exists(SharedData.SeedFolder))
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, $"the shared seed record is not at {SharedData.SeedFolder}; set GLEANER_SHARED")];
        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}

/// <summary>Where the shared benchmark data is: <c>GLEANER_SHARED</c>, else <c>../shared</c> beside the repository.</summary>
public static class SharedData
{
    public static string Root =>
        Environment.GetEnvironmentVariable("GLEANER_SHARED") is { Length: > 0 } shared ? shared : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));

    public static string SeedFolder => Path.Combine(Root, "data", "seed");

    /// <summary>The folder holding Gleaner.slnx, found upward from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gleaner.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
