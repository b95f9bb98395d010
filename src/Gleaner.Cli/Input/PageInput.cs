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

    /// <summary>Bytes read from a file without a page extension to tell whether it is a page.</summary>
    private const int SniffBytes = 1024;

    private static readonly string[] HtmlOpenings = ["<!doctype html", "<html", "<head", "<body", "<title", "<meta"];

    /// <summary>
    /// True when a file without a page extension holds a page anyway (pages saved under their URL's
    /// last segment, or without a name): its first bytes, gunzipped when they are gzip, open with
    /// markup and name an HTML element. Reads at most <see cref="SniffBytes"/> bytes of each file.
    /// </summary>
    public static bool LooksLikeHtml(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var head = new byte[SniffBytes];
            var length = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            if (length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
            {
                file.Position = 0;
                using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
                length = gzip.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
            }
            return IsHtmlOpening(System.Text.Encoding.UTF8.GetString(head, 0, length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Unreadable or broken: not recognisable as a page, so not one of the folder's pages.
            return false;
        }
    }

    private static bool IsHtmlOpening(string head)
    {
        var text = head.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (text.IsEmpty || text[0] != '<')
            return false;
        foreach (var opening in HtmlOpenings)
            if (text.Contains(opening, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

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
                if (IsPageFileName(path) || LooksLikeHtml(path))
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
            inputs.Add(new PageInput(folder, PageInputKind.Invalid, "the folder holds no .html, .htm or .html.gz files nor other files that read as HTML"));
            return;
        }
        Array.Sort(pages, StringComparer.Ordinal);
        foreach (var page in pages)
            inputs.Add(new PageInput(page, PageInputKind.File));
    }
}
