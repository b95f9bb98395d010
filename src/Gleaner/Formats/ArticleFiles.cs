using System.Text;
using System.Text.Json;

namespace Gleaner.Formats;

/// <summary>One item read from an input: a record, or the reason a record was skipped, with where it was.</summary>
public sealed record ReadItem(string Input, int Line, Article? Article, string? Error)
{
    public bool IsError => Error is not null;

    /// <summary><c>FILE:LINE: reason</c>, or <c>FILE: reason</c> when the whole file failed.</summary>
    public override string ToString() =>
        (Line > 0 ? $"{Input}:{Line}" : Input) + (Error is null ? "" : ": " + Error);
}

/// <summary>
/// Reads article records from files in the formats <c>gleaner import</c> accepts, chosen by extension:
/// <c>.txt</c> the record text layout (one record a file, or several separated by form-feed lines);
/// <c>.jsonl</c> / <c>.ndjson</c> JSON Lines, one record a line; <c>.json</c> one record or an array of them.
/// A JSON record is Gleaner's own (snake_case fields of <see cref="Article"/>) or news-please's (recognised by
/// <c>maintext</c>, <c>date_publish</c>, <c>date_modify</c> or <c>image_url</c>). A bad record becomes an error
/// item naming the file and line, and reading goes on with the next.
/// </summary>
public static class ArticleFiles
{
    /// <summary>Largest single file read as one JSON document; larger ones should be JSON Lines.</summary>
    public const long MaxJsonDocumentBytes = 256L * 1024 * 1024;

    /// <summary>The longest JSON Lines line read (in characters); a longer one is reported and skipped.</summary>
    public const int MaxJsonLineChars = 64 * 1024 * 1024;

    private static readonly string[] Extensions = [".txt", ".jsonl", ".ndjson", ".json"];

    /// <summary>Whether a file name has one of the extensions read from folders.</summary>
    public static bool IsRecordFile(string path)
    {
        foreach (var extension in Extensions)
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>The files named, with folders expanded (recursively, record files only, in name order).</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Where(IsRecordFile).Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
                yield return input;
        }
    }

    /// <summary>Reads the records of one file (<c>-</c> is standard input, read as JSON Lines).</summary>
    public static IEnumerable<ReadItem> Read(string path)
    {
        if (path == "-")
            return ReadJsonLines(Console.In, "<stdin>");
        if (!File.Exists(path))
            return [new ReadItem(path, 0, null, Directory.Exists(path) ? "is a folder" : "no such file")];
        if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            return ReadRecordText(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return ReadJsonDocument(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            return ReadJsonLinesFile(path);
        return [new ReadItem(path, 0, null, "unknown format: expected .txt (record layout), .jsonl / .ndjson (JSON Lines) or .json")];
    }

    private static IEnumerable<ReadItem> ReadRecordText(string path)
    {
        using var stream = OpenOrError(path, out var error);
        if (stream is null)
        {
            yield return new ReadItem(path, 0, null, error);
            yield break;
        }
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var reader = new RecordReader(text, path);
        while (true)
        {
            Article? article;
            string? problem = null;
            var line = 0;
            try
            {
                article = reader.Read();
                line = reader.LastRecordLine;
            }
            catch (RecordFormatException e)
            {
                article = null;
                problem = e.Reason;
                line = e.Line;
            }
            if (problem is not null)
            {
                yield return new ReadItem(path, line, null, problem);
                continue;
            }
            if (article is null)
                yield break;
            yield return Checked(path, line, article);
        }
    }

    private static IEnumerable<ReadItem> ReadJsonLinesFile(string path)
    {
        // The stream is handed to the iterator, which disposes it when enumeration ends.
        var stream = OpenOrError(path, out var error);
        if (stream is null)
            return [new ReadItem(path, 0, null, error)];
        return ReadJsonLinesOwned(stream, path);
    }

    private static IEnumerable<ReadItem> ReadJsonLinesOwned(Stream stream, string path)
    {
        using (stream)
        using (var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            foreach (var item in ReadJsonLines(text, path))
                yield return item;
        }
    }

    /// <summary>JSON Lines from a reader: one record a line, blank lines skipped, a line over
    /// <paramref name="maxLineChars"/> reported and skipped.</summary>
    public static IEnumerable<ReadItem> ReadJsonLines(TextReader reader, string name, int maxLineChars = MaxJsonLineChars)
    {
        var lineNumber = 0;
        var lines = new LineReader(reader, maxLineChars);
        while (lines.TryRead(out var line, out var tooLong))
        {
            lineNumber++;
            if (tooLong)
            {
                yield return new ReadItem(name, lineNumber, null, $"the line is longer than {maxLineChars} characters; skipped");
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
                continue;
            ReadItem item;
            try
            {
                using var document = JsonDocument.Parse(line);
                item = FromJson(name, lineNumber, document.RootElement);
            }
            catch (JsonException e)
            {
                item = new ReadItem(name, lineNumber, null, "not valid JSON: " + e.Message);
            }
            yield return item;
        }
    }

    private static IEnumerable<ReadItem> ReadJsonDocument(string path)
    {
        byte[] bytes;
        try
        {
            var size = new FileInfo(path).Length;
            if (size > MaxJsonDocumentBytes)
                return [new ReadItem(path, 0, null, $"{size} bytes is too large for one JSON document (limit {MaxJsonDocumentBytes}); write JSON Lines instead")];
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ReadItem(path, 0, null, e.Message)];
        }
        return ReadJsonDocument(path, bytes);
    }

    private static List<ReadItem> ReadJsonDocument(string path, byte[] bytes)
    {
        var items = new List<ReadItem>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
                return [new ReadItem(path, 1, null, "the file is empty")];
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var line = LineAt(bytes, reader.TokenStartIndex);
                    using var element = JsonDocument.ParseValue(ref reader);
                    items.Add(FromJson(path, line, element.RootElement));
                }
            }
            else
            {
                using var element = JsonDocument.ParseValue(ref reader);
                items.Add(FromJson(path, 1, element.RootElement));
            }
        }
        catch (JsonException e)
        {
            items.Add(new ReadItem(path, (int)(e.LineNumber ?? 0) + 1, null, "not valid JSON: " + e.Message));
        }
        return items;
    }

    private static int LineAt(byte[] bytes, long offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
            if (bytes[i] == (byte)'\n')
                line++;
        return line;
    }

    /// <summary>A record from one JSON object, Gleaner's or news-please's.</summary>
    public static ReadItem FromJson(string input, int line, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return new ReadItem(input, line, null, $"expected a JSON object, found {element.ValueKind.ToString().ToLowerInvariant()}");
        try
        {
            var article = IsNewsPlease(element) ? NewsPlease(element) : Gleaner(element);
            return Checked(input, line, article);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return new ReadItem(input, line, null, e.Message);
        }
    }

    private static bool IsNewsPlease(JsonElement element) =>
        element.TryGetProperty("maintext", out _) || element.TryGetProperty("date_publish", out _)
        || element.TryGetProperty("date_modify", out _) || element.TryGetProperty("image_url", out _);

    private static Article Gleaner(JsonElement element) => new()
    {
        Url = String(element, "url"),
        CanonicalUrl = String(element, "canonical_url"),
        SourceDomain = String(element, "source_domain"),
        SiteName = String(element, "site_name"),
        Title = String(element, "title"),
        Description = String(element, "description"),
        Text = String(element, "text"),
        Authors = Strings(element, "authors"),
        Published = Date(element, "published"),
        Modified = Date(element, "modified"),
        Language = String(element, "language"),
        Image = String(element, "image"),
        Section = String(element, "section"),
        Tags = Strings(element, "tags"),
        Fetched = Date(element, "fetched"),
    };

    private static Article NewsPlease(JsonElement element) => new()
    {
        Url = String(element, "url"),
        SourceDomain = String(element, "source_domain"),
        Title = String(element, "title"),
        Description = String(element, "description"),
        Text = String(element, "maintext"),
        Authors = Strings(element, "authors"),
        Published = Date(element, "date_publish"),
        Modified = Date(element, "date_modify"),
        Language = String(element, "language"),
        Image = String(element, "image_url"),
        Fetched = Date(element, "date_download"),
    };

    private static string? String(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new FormatException($"'{name}' should be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static string[] Strings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return [];
        if (value.ValueKind == JsonValueKind.String)
            return string.IsNullOrWhiteSpace(value.GetString()) ? [] : [value.GetString()!];
        if (value.ValueKind != JsonValueKind.Array)
            throw new FormatException($"'{name}' should be a list of strings");
        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new FormatException($"'{name}' should be a list of strings");
            if (!string.IsNullOrWhiteSpace(item.GetString()))
                list.Add(item.GetString()!);
        }
        return list.ToArray();
    }

    private static string? Date(JsonElement element, string name)
    {
        var text = String(element, name);
        if (text is null)
            return null;
        return IsoDates.Normalize(text) ?? throw new FormatException($"'{name}' is not an ISO 8601 date: '{(text.Length > 40 ? text[..40] + "..." : text)}'");
    }

    private static ReadItem Checked(string input, int line, Article article)
    {
        if (string.IsNullOrWhiteSpace(article.Title) && string.IsNullOrWhiteSpace(article.Text))
            return new ReadItem(input, line, null, "the record has neither a title nor a text");
        if (article.Url is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            return new ReadItem(input, line, null, $"the url '{url}' is not absolute");
        // A record's URL is its key and a link people follow: a javascript:, data: or file: one is neither.
        if (article.Url is { } key && !IsRecordUrl(key))
            return new ReadItem(input, line, null, $"the url '{(key.Length > 80 ? key[..80] + "..." : key)}' is not an http(s) address");
        // The canonical kept beside the record is a link too, though never a key.
        if (article.CanonicalUrl is { } canonical && !IsWebAddress(canonical))
            return new ReadItem(input, line, null, $"the canonical_url '{(canonical.Length > 80 ? canonical[..80] + "..." : canonical)}' is not an http(s) address");
        return new ReadItem(input, line, article, null);
    }

    private static bool IsRecordUrl(string url) => IsWebAddress(url) || url.StartsWith(StoreKeyPrefix, StringComparison.Ordinal);

    private static bool IsWebAddress(string url) =>
        (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(url, UriKind.Absolute, out _);

    /// <summary>How the store names a record that has no URL (see Storage.StoreRecords.KeyOf); such records export and import again.</summary>
    internal const string StoreKeyPrefix = "urn:gleaner:record:";

    private static FileStream? OpenOrError(string path, out string? error)
    {
        try
        {
            error = null;
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return null;
        }
    }
}
