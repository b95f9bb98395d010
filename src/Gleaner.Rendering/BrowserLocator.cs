namespace Gleaner.Rendering;

/// <summary>Where a browser was looked for, and the one found (null when none).</summary>
/// <param name="Path">The browser's executable, or null.</param>
/// <param name="Looked">Where it was looked for, for the error when none is found.</param>
public sealed record BrowserSearch(string? Path, string Looked);

/// <summary>
/// Finds the system's Chromium: the path given (<c>--browser</c>), else the environment variable
/// <see cref="EnvironmentVariable"/>, else the usual executable names on PATH (Debian's <c>chromium</c> first).
/// Nothing is ever downloaded.
/// </summary>
public static class BrowserLocator
{
    public const string EnvironmentVariable = "GLEANER_BROWSER";

    /// <summary>The names Chromium and Chrome are installed under by Debian, Ubuntu and Google's packages.</summary>
    public static readonly IReadOnlyList<string> Names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

    public static BrowserSearch Find(string? path = null)
    {
        if (!string.IsNullOrWhiteSpace(path))
            return new BrowserSearch(File.Exists(path) ? Path.GetFullPath(path) : null, path);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
            return new BrowserSearch(File.Exists(configured) ? Path.GetFullPath(configured) : null, $"{configured} (${EnvironmentVariable})");
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Names)
            foreach (var folder in folders)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return new BrowserSearch(candidate, candidate);
            }
        return new BrowserSearch(null, $"{string.Join(", ", Names)} on PATH");
    }
}
