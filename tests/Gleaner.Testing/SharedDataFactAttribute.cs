namespace Gleaner.Testing;

/// <summary>Where the shared benchmark data is: <c>GLEANER_SHARED</c>, else <c>../shared</c> beside the repository.</summary>
public static class SharedData
{
    public static string Root =>
        Environment.GetEnvironmentVariable("GLEANER_SHARED") is { Length: > 0 } shared
            ? shared
            : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));

    /// <summary>A path under the shared data, written with <c>/</c>.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>The folder of the seed record (one record file per article).</summary>
    public static string SeedFolder => PathOf("data/seed");

    /// <summary>The folder holding Gleaner.slnx, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gleaner.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

/// <summary>
/// A fact that needs a file or folder of the shared benchmark data (see <see cref="SharedData"/>); skipped, saying what
/// is missing and where it was looked for, when it is absent.
/// </summary>
public class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        var path = SharedData.PathOf(relativePath);
        if (!Path.Exists(path))
            Skip = $"{relativePath} of the shared data is not at {path}; set GLEANER_SHARED";
    }
}
