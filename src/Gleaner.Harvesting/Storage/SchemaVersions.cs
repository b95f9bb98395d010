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

    /// <summary>Whether nothing is left to migrate; throws when the store is newer than the migrations known here.</summary>
    public static bool IsCurrent(string location, string component, int current, int latest)
    {
        if (current > latest)
            throw new StoreException($"the store {location} has '{component}' schema version {current}, newer than this Gleaner knows ({latest}); use a newer Gleaner");
        return current == latest;
    }

    public static int Latest(IReadOnlyList<SchemaMigration> migrations) => migrations.Count == 0 ? 0 : migrations[^1].Version;
}
