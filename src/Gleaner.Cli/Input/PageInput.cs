namespace Gleaner.Cli.Input;

/// <summary>Where one page comes from: a file, standard input or an http(s) URL.</summary>
internal enum PageInputKind
{
    File,
    StandardInput,
    Url,
    /// <summary>An argument that names nothing readable (a missing file, an empty folder); <see cref="PageInput.Problem"/> says why.</summary>
    Invalid,
}

/// <summary>One page to extract, named as the user will see it in output and messages.</summary>
/// <param name="Name">The file path, <c>-</c>, or the URL, as given or as found in a folder.</param>
/// <param name="Kind">How to read it.</param>
/// <param name="Problem">For <see cref="PageInputKind.Invalid"/>: the reason, for the error line.</param>
internal sealed record PageInput(string Name, PageInputKind Kind, string? Problem = null)
{
    public const string StandardInputName = "-";

    /// <summary>File names a folder contributes: pages, compressed or not.</summary>
    public static bool IsPageFileName(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".htm.gz", StringComparison.OrdinalIgnoreCase);

    public static bool IsHttpUrl(string argument) =>
        (argument.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
         || argument.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(argument, UriKind.Absolute, out _);

    /// <summary>
    /// Turns command-line arguments into pages, in order: a folder becomes its pages (recursively,
    /// sorted by path so runs are repeatable). Arguments that name nothing become
    /// <see cref="PageInputKind.Invalid"/> inputs so that they are reported in their place.
    /// </summary>
    public static List<PageInput> Expand(IEnumerable<string> arguments)
    {
        var inputs = new List<PageInput>();
        foreach (var argument in arguments)
        {
            if (argument == StandardInputName)
                inputs.Add(new PageInput(argument, PageInputKind.StandardInput));
            else if (IsHttpUrl(argument))
                inputs.Add(new PageInput(argument, PageInputKind.Url));
            else if (Directory.Exists(argument))
                AddFolder(argument, inputs);
            else if (File.Exists(argument))
                inputs.Add(new PageInput(argument, PageInputKind.File));
            else
                inputs.Add(new PageInput(argument, PageInputKind.Invalid, "no such file or folder"));
        }
        return inputs;
    }

    private static void AddFolder(string folder, List<PageInput> inputs)
    {
        string[] pages;
        try
        {
            var found = new List<string>();
            var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };
            foreach (var path in Directory.EnumerateFiles(folder, "*", walk))
                if (IsPageFileName(path))
                    found.Add(path);
            pages = found.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            inputs.Add(new PageInput(folder, PageInputKind.Invalid, $"cannot list the folder: {e.Message}"));
            return;
        }
        if (pages.Length == 0)
        {
            inputs.Add(new PageInput(folder, PageInputKind.Invalid, "the folder holds no .html, .htm or .html.gz files"));
            return;
        }
        Array.Sort(pages, StringComparer.Ordinal);
        foreach (var page in pages)
            inputs.Add(new PageInput(page, PageInputKind.File));
    }
}
