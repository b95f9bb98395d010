using System.Text;

namespace Gleaner.Formats;

/// <summary>
/// The <c>record</c> text layout of the seed article (<c>data/seed/000_a2782d1b367d8bb8.txt</c>), line by line:
/// <list type="number">
/// <item>lines 1-3: the headline (the layout has room for three variants; Gleaner writes the same one three times);</item>
/// <item>line 4: published, line 5: modified (ISO 8601, empty when unknown);</item>
/// <item>then the section and the tags, one a line: the first is the section, the rest are tags;</item>
/// <item>then the lead image line: an absolute http(s) URL, or an empty line when there is none
///   (this is how the reader tells where the tags end);</item>
/// <item>then the description on one line, the headline again, and an empty line;</item>
/// <item>the rest is the article text, one paragraph a line.</item>
/// </list>
/// The layout has no place for the URL (nor the canonical URL and aliases kept beside it), site name, source domain, authors,
/// language, fetch time or the store's times: a record file keeps only the fields above (JSON Lines and CSV keep the whole
/// record). Read back, a record is keyed by a hash of its headline and text, so two stored records with the same headline
/// and text become one; otherwise export, import and export again give the same bytes.
/// A record without a section but with tags reads back with its first tag as the section, and a tag
/// that is itself an http(s) URL cannot be told from the image line, so the writer leaves such tags out.
/// Several records in one stream (e.g. <c>gleaner export --format record</c> to standard output) are
/// separated by a line holding only a form feed (<c>\f</c>, <see cref="Separator"/>).
/// </summary>
public static class RecordFormat
{
    /// <summary>The line that separates records in a stream of several.</summary>
    public const string Separator = "\f";

    /// <summary>Writes one record (ending with a newline).</summary>
    public static void Write(TextWriter writer, Article article)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(article);
        var title = OneLine(article.Title);
        for (var i = 0; i < 3; i++)
            WriteLine(writer, title);
        WriteLine(writer, OneLine(article.Published));
        WriteLine(writer, OneLine(article.Modified));
        var section = OneLine(article.Section);
        if (section.Length > 0 && !IsImageLine(section))
            WriteLine(writer, section);
        foreach (var tag in article.Tags)
        {
            var line = OneLine(tag);
            if (line.Length > 0 && !IsImageLine(line))
                WriteLine(writer, line);
        }
        var image = OneLine(article.Image);
        WriteLine(writer, IsAbsoluteHttpUrl(image) ? image : "");
        WriteLine(writer, OneLine(article.Description));
        WriteLine(writer, title);
        WriteLine(writer, "");
        if (!string.IsNullOrEmpty(article.Text))
        {
            foreach (var paragraph in article.Text.Split('\n'))
                WriteLine(writer, paragraph.Replace('\f', ' ').TrimEnd('\r'));
        }
    }

    /// <summary>One record as a string.</summary>
    public static string Format(Article article)
    {
        var writer = new StringWriter();
        Write(writer, article);
        return writer.ToString();
    }

    /// <summary>Reads exactly one record from <paramref name="text"/>; throws <see cref="RecordFormatException"/> when it is malformed.</summary>
    public static Article Parse(string text, string? source = null)
    {
        var reader = new RecordReader(new StringReader(text), source);
        var article = reader.Read() ?? throw new RecordFormatException(source, 1, "no record (the input is empty)");
        if (reader.Read() is not null)
            throw new RecordFormatException(source, reader.LastRecordLine, "more than one record where one was expected");
        return article;
    }

    /// <summary>
    /// A short, stable file name for a record: <c>000_a2782d1b367d8bb8.txt</c> (index, then a hash of the headline and text,
    /// which the file holds: a record read back from the file, whose URL the layout does not keep, gets the same name).
    /// </summary>
    public static string FileName(long index, Article article)
    {
        var key = article.Title + "\n" + article.Text;
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{index:D3}_{Convert.ToHexStringLower(hash.AsSpan(0, 8))}.txt";
    }

    internal static bool IsImageLine(string line) => line.Length == 0 || IsAbsoluteHttpUrl(line);

    private static bool IsAbsoluteHttpUrl(string line) =>
        (line.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || line.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && line.IndexOf(' ') < 0
        && Uri.TryCreate(line, UriKind.Absolute, out _);

    private static string OneLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value.AsSpan().IndexOfAny('\n', '\r', '\f') < 0)
            return value.Trim();
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
            builder.Append(c is '\n' or '\r' or '\f' ? ' ' : c);
        return builder.ToString().Trim();
    }

    private static void WriteLine(TextWriter writer, string line)
    {
        writer.Write(line);
        writer.Write('\n');
    }
}

/// <summary>
/// Reads records in the <see cref="RecordFormat"/> layout from a stream, one at a time. After a
/// <see cref="RecordFormatException"/> the reader has skipped the bad record, so reading can go on.
/// </summary>
public sealed class RecordReader
{
    private readonly TextReader _reader;
    private readonly string? _source;
    private readonly List<string> _lines = [];
    private int _lineNumber;

    public RecordReader(TextReader reader, string? source = null)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _source = source;
    }

    /// <summary>The 1-based line on which the last record read (or skipped) began.</summary>
    public int LastRecordLine { get; private set; }

    /// <summary>The next record, or <c>null</c> at the end of the input.</summary>
    public Article? Read()
    {
        while (true)
        {
            _lines.Clear();
            LastRecordLine = _lineNumber + 1;
            var sawSeparator = false;
            string? line;
            while ((line = _reader.ReadLine()) is not null)
            {
                _lineNumber++;
                if (line == RecordFormat.Separator)
                {
                    sawSeparator = true;
                    break;
                }
                _lines.Add(line);
            }
            if (IsBlank(_lines))
            {
                if (!sawSeparator)
                    return null;
                continue; // an empty record between separators, e.g. a trailing separator
            }
            return ParseLines();
        }
    }

    private Article ParseLines()
    {
        var first = LastRecordLine;
        if (_lines.Count < 5)
            throw Error(first + _lines.Count, $"the record ends after {_lines.Count} line(s); expected three headline lines, published and modified");

        var article = new Article
        {
            Published = ReadDate(3, "published"),
            Modified = ReadDate(4, "modified"),
        };

        var index = 5;
        var labels = new List<string>();
        while (index < _lines.Count && !RecordFormat.IsImageLine(_lines[index].Trim()))
        {
            labels.Add(_lines[index].Trim());
            index++;
        }
        if (index == _lines.Count)
            throw Error(first + index, "no lead image line (an absolute http(s) URL or an empty line) after the section and tags");
        if (labels.Count > 0)
        {
            article.Section = labels[0];
            article.Tags = labels.GetRange(1, labels.Count - 1);
        }
        var image = _lines[index].Trim();
        article.Image = image.Length > 0 ? image : null;
        index++;

        if (index >= _lines.Count)
            throw Error(first + index, "the record ends before the description line");
        article.Description = NullIfEmpty(_lines[index].Trim());
        index++;

        if (index >= _lines.Count)
            throw Error(first + index, "the record ends before the repeated headline");
        article.Title = NullIfEmpty(_lines[index].Trim()) ?? FirstHeadline();
        index++;

        if (index < _lines.Count)
        {
            if (_lines[index].Trim().Length != 0)
                throw Error(first + index, "expected an empty line between the repeated headline and the text");
            index++;
        }

        var end = _lines.Count;
        while (end > index && _lines[end - 1].Trim().Length == 0)
            end--;
        article.Text = end > index ? string.Join('\n', _lines.GetRange(index, end - index)) : null;
        return article;
    }

    private string? ReadDate(int index, string what)
    {
        var value = _lines[index].Trim();
        if (value.Length == 0)
            return null;
        return IsoDates.Normalize(value)
            ?? throw Error(LastRecordLine + index, $"the {what} date '{Shorten(value)}' is not an ISO 8601 date");
    }

    private string? FirstHeadline()
    {
        for (var i = 0; i < 3; i++)
            if (_lines[i].Trim().Length > 0)
                return _lines[i].Trim();
        return null;
    }

    private RecordFormatException Error(int line, string reason) => new(_source, line, reason);

    private static bool IsBlank(List<string> lines)
    {
        foreach (var line in lines)
            if (!string.IsNullOrWhiteSpace(line))
                return false;
        return true;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "...";
}
