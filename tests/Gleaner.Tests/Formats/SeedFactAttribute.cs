namespace Gleaner.Tests.Formats;

/// <summary>A fact that needs the shared seed record; skipped, saying why, when the shared data is absent.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (!File.Exists(SeedPath))
            Skip = $"the shared seed record is not at {SeedPath}; set GLEANER_SHARED";
    }

    public static string SharedRoot =>
        Environment.GetEnvironmentVariable("GLEANER_SHARED") is { Length: > 0 } shared
            ? shared
            : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));

    public static string SeedPath => Path.Combine(SharedRoot, "data", "seed", "000_a2782d1b367d8bb8.txt");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gleaner.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
