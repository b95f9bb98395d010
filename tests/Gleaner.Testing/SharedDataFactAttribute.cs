namespace Gleaner.Tests;

/// <summary>
/// A fact that needs a file or folder of the shared benchmark data (<c>GLEANER_SHARED</c>, else <c>../shared</c>
/// beside the repository); skipped, saying what is missing and where it was looked for, when it is absent.
/// </summary>
public class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        var path = PathOf(relativePath);
        if (!Path.Exists(path))
            Skip = $"{relativePath} of the shared data is not at {path}; set GLEANER_SHARED";
    }

    public static string SharedRoot =>
        Environment.GetEnvironmentVariable("GLEANER_SHARED") is { Length: > 0 } shared
            ? shared
            : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));

    /// <summary>A path under the shared data, written with <c>/</c>.</summary>
    public static string PathOf(string relativePath) => Path.Combine(SharedRoot, relativePath);

    /// <summary>The folder holding Gleaner.slnx, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gleaner.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
