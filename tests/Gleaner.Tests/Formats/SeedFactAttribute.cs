namespace Gleaner.Tests.Formats;

/// <summary>A fact that needs the shared seed record; skipped, saying why, when the shared data is absent.</summary>
public sealed class SeedFactAttribute() : SharedDataFactAttribute(SeedRelativePath)
{
    private const string SeedRelativePath = "data/seed/000_a2782d1b367d8bb8.txt";

    public static string SeedPath => SharedData.PathOf(SeedRelativePath);
}
