using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gleaner.Tests.Storage;

/// <summary>
/// A fact of the store contract: runs for every backend's subclass, and is skipped with a clear message in a
/// PostgreSQL subclass (<see cref="IPostgresTests"/>) when <c>GLEANER_TEST_POSTGRES</c> is not set.
/// </summary>
[XunitTestCaseDiscoverer("Gleaner.Tests.Storage.StoreFactDiscoverer", "Gleaner.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

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
        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
