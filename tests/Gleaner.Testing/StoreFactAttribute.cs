using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gleaner.Testing;

/// <summary>
/// A fact about a store (the contract, the store commands): runs for every backend's subclass, and is skipped with a clear message in a
/// PostgreSQL subclass (<see cref="IPostgresTests"/>) when <c>GLEANER_TEST_POSTGRES</c> is not set.
/// </summary>
[XunitTestCaseDiscoverer("Gleaner.Testing.StoreFactDiscoverer", "Gleaner.Testing")]
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
