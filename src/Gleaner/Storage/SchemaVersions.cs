namespace Gleaner.Storage;

/// <summary>Checks shared by both backends' migration runners.</summary>
internal static class SchemaVersions
{
    public static void Check(string component, IReadOnlyList<SchemaMigration> migrations)
    {
        if (string.IsNullOrWhiteSpace(component))
            throw new ArgumentException("a component name is required", nameof(component));
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1)
                throw new ArgumentException($"the migrations of '{component}' must be numbered 1, 2, 3... in order; #{i + 1} has version {migrations[i].Version}", nameof(migrations));
    }

    public static int Latest(IReadOnlyList<SchemaMigration> migrations) => migrations.Count == 0 ? 0 : migrations[^1].Version;
}
