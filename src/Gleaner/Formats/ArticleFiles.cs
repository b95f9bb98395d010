using System.Text;
using System.Text.Json;

namespace Gleaner.Formats;

/// <summary>One item read from an input: a record, or the reason a record was skipped, with where it was.</summary>
public sealed record ReadItem(string Input, int Line, Article? Article, string? Error)
{
    public bool IsError => Error is not null;

    /// <summary>What a store's export said about the record beyond the article (times, aliases); null when it said nothing.</summary>
    public StoredFacts? Facts { get; init; }

    /// <summary><c>FILE:LINE: reason</c>, or <c>FILE: reason</c> when the whole file failed.</summary>
    public override string ToString() =>
        (Line > 0 ? $"{Input}:{Line}" : Input) + (Error is null ? "" : ": " + Error);
}

/// <summary>
/// Reads article records from files in the formats <c>gleaner import</c> accepts, chosen by extension:
/// <c>.txt</c> the record text layout (one record a file, or several separated by form-feed lines);
/// <c>.jsonl</c> / <c>.ndjson</c> JSON Lines, one record a line; <c>.json</c> one record or an array of them;
/// <c>.csv</c> the CSV of <c>gleaner export --format csv</c> (a header row naming any of its columns, in any order).
/// A JSON record is Gleaner's own (snake_case fields of <see cref="Article"/>) or news-please's (recognised by
/// <c>maintext</c>, <c>date_publish</c>, <c>date_modify</c> or <c>image_url</c>). What a store's export adds
/// (<c>first_seen</c>, <c>last_saved</c>, <c>aliases</c>) is read into <see cref="ReadItem.Facts"/>; <c>story_id</c> is the
/// exporting store's own number and is not read. A bad record becomes an error item naming the file and line, and
/// reading goes on with the next (in CSV, a break in the quoting ends the file: where the next row starts is unknown).
/// </summary>
public static class ArticleFiles
{
    /// <summary>Largest single file read as one JSON document; larger ones should be JSON Lines.</summary>
    public const long MaxJsonDocumentBytes = 256L * 1024 * 1024;

    /// <summary>The longest JSON Lines line read (in characters); a longer one is reported and skipped.</summary>
    public const int MaxJsonLineChars = 64 * 1024 * 1024;

    private static readonly string[] Extensions = [".txt", ".jsonl", ".ndjson", ".json", ".csv"];

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
            return ReadTextFile(path, (reader, name) => ReadJsonLines(reader, name));
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return ReadTextFile(path, (reader, name) => ReadCsv(reader, name));
        return [new ReadItem(path, 0, null, "unknown format: expected .txt (record layout), .jsonl / .ndjson (JSON Lines), .json or .csv")];
    }

    /// <summary>CSV as <c>gleaner export --format csv</c> writes it: a header row, then one record a row.</summary>
    public static IEnumerable<ReadItem> ReadCsv(TextReader reader, string name, int maxRowChars = MaxJsonLineChars)
    {
        var rows = new CsvRows(reader, maxRowChars);
        var fields = new List<string>();
        string? failure = null;
        int[]? columns = null;
        while (true)
        {
            try
            {
                if (!rows.TryRead(fields))
                    break;
            }
            catch (FormatException e)
            {
                failure = e.Message + "; the rest of the file is skipped";
                break;
            }
            if (fields.Count == 1 && fields[0].Length == 0)
                continue; // a blank line
            if (columns is null)
            {
                columns = CsvColumns(fields, out var problem);
                if (problem is not null)
                {
                    yield return new ReadItem(name, rows.RowLine, null, problem);
                    yield break;
                }
                continue;
            }
            yield return FromCsv(name, rows.RowLine, columns, fields);
        }
        if (failure is not null)
            yield return new ReadItem(name, rows.RowLine, null, failure);
        else if (columns is null)
            yield return new ReadItem(name, 1, null, "no header row (the file is empty)");
    }

    /// <summary>Each header cell's place in <see cref="RecordCsv.Columns"/>.</summary>
    private static int[] CsvColumns(List<string> header, out string? problem)
    {
        var columns = new int[header.Count];
        var known = RecordCsv.Columns;
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            var index = -1;
            for (var k = 0; k < known.Count && index < 0; k++)
                if (string.Equals(known[k], name, StringComparison.OrdinalIgnoreCase))
                    index = k;
            if (index < 0)
            {
                problem = $"unknown column '{(name.Length > 40 ? name[..40] + "..." : name)}' in the header (known: {string.Join(", ", known)})";
                return columns;
            }
            if (Array.IndexOf(columns, index, 0, i) >= 0)
            {
                problem = $"the column '{name}' appears twice in the header";
                return columns;
            }
            columns[i] = index;
        }
        var named = new HashSet<string>(header.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        problem = !named.Contains("title") && !named.Contains("text") ? "the header has neither a title nor a text column" : null;
        return columns;
    }

    private static ReadItem FromCsv(string input, int line, int[] columns, List<string> fields)
    {
        if (fields.Count != columns.Length)
            return new ReadItem(input, line, null, $"the row has {fields.Count} field(s), the header {columns.Length}");
        var article = new Article();
        DateTimeOffset? firstSeen = null, lastSaved = null;
        IReadOnlyList<string> aliases = [];
        try
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var name = RecordCsv.Columns[columns[i]];
                var value = string.IsNullOrWhiteSpace(fields[i]) ? null : fields[i];
                switch (name)
                {
                    case "url": article.Url = value; break;
                    case "canonical_url": article.CanonicalUrl = value; break;
                    case "source_domain": article.SourceDomain = value; break;
                    case "site_name": article.SiteName = value; break;
                    case "title": article.Title = value; break;
                    case "description": article.Description = value; break;
                    case "text": article.Text = value; break;
                    case "authors": article.Authors = Items(value); break;
                    case "published": article.Published = Date(value, name); break;
                    case "modified": article.Modified = Date(value, name); break;
                    case "language": article.Language = value; break;
                    case "image": article.Image = value; break;
                    case "section": article.Section = value; break;
                    case "tags": article.Tags = Items(value); break;
                    case "fetched": article.Fetched = Date(value, name); break;
                    case "first_seen": firstSeen = Instant(value, name); break;
                    case "last_saved": lastSaved = Instant(value, name); break;
                    case "aliases": aliases = Items(value); break;
                    // story_id: the exporting store's own number; the store this goes to links stories itself.
                }
            }
        }
        catch (FormatException e)
        {
            return new ReadItem(input, line, null, e.Message);
        }
        return Checked(input, line, article, Facts(firstSeen, lastSaved, aliases));
    }

    /// <summary>A list cell without its blank items (as JSON lists are read).</summary>
    private static IReadOnlyList<string> Items(string? cell)
    {
        if (cell is null)
            return [];
        var items = RecordCsv.SplitList(cell);
        return items.Any(string.IsNullOrWhiteSpace) ? items.Where(i => !string.IsNullOrWhiteSpace(i)).ToArray() : items;
    }

    private static StoredFacts? Facts(DateTimeOffset? firstSeen, DateTimeOffset? lastSaved, IReadOnlyList<string> aliases) =>
        firstSeen is null && lastSaved is null && aliases.Count == 0 ? null : new StoredFacts(firstSeen, lastSaved, aliases);

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

    /// <summary>A file read row by row as UTF-8 text (JSON Lines, CSV) by <paramref name="read"/>.</summary>
    private static IEnumerable<ReadItem> ReadTextFile(string path, Func<TextReader, string, IEnumerable<ReadItem>> read)
    {
        // The stream is handed to the iterator, which disposes it when enumeration ends.
        var stream = OpenOrError(path, out var error);
        if (stream is null)
            return [new ReadItem(path, 0, null, error)];
        return ReadOwned(stream, path, read);
    }

    private static IEnumerable<ReadItem> ReadOwned(Stream stream, string path, Func<TextReader, string, IEnumerable<ReadItem>> read)
    {
        using (stream)
        using (var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            foreach (var item in read(text, path))
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
            if (IsNewsPlease(element))
                return Checked(input, line, NewsPlease(element));
            var aliases = Strings(element, "aliases");
            return Checked(input, line, Gleaner(element), Facts(Instant(String(element, "first_seen"), "first_seen"), Instant(String(element, "last_saved"), "last_saved"), aliases));
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

    private static string? Date(JsonElement element, string name) => Date(String(element, name), name);

    private static string? Date(string? text, string name)
    {
        if (text is null)
            return null;
        return IsoDates.Normalize(text) ?? throw new FormatException($"'{name}' is not an ISO 8601 date: '{(text.Length > 40 ? text[..40] + "..." : text)}'");
    }

    private static DateTimeOffset? Instant(string? text, string name)
    {
        if (text is null)
            return null;
        return IsoDates.ToInstant(text) ?? throw new FormatException($"'{name}' is not an ISO 8601 date: '{(text.Length > 40 ? text[..40] + "..." : text)}'");
    }

    private static ReadItem Checked(string input, int line, Article article, StoredFacts? facts = null)
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
        if (facts is not null)
            foreach (var alias in facts.Aliases)
                if (!IsWebAddress(alias))
                    return new ReadItem(input, line, null, $"the alias '{(alias.Length > 80 ? alias[..80] + "..." : alias)}' is not an http(s) address");
        return new ReadItem(input, line, article, null) { Facts = facts };
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
