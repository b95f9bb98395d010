using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gleaner.Formats;

namespace Gleaner.Cli.Output;

/// <summary>
/// Writes extraction results to a stream in one output format, one input after another. Failures
/// are written in their place where the format can carry them (JSON), so that line N of the output
/// still belongs to input N.
/// </summary>
internal abstract class ArticleWriter : IDisposable
{
    public const string Json = "json", JsonLines = "jsonl", Text = "text", Markdown = "markdown", Record = "record";

    /// <summary>The names <c>--format</c> accepts.</summary>
    public static readonly string[] FormatNames = [Json, JsonLines, Text, Markdown, Record];

    protected static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public abstract void WriteArticle(string path, Article article);

    public abstract void WriteFailure(string path, string error);

    /// <summary>Closes the output's structure (a JSON array) and flushes.</summary>
    public abstract void Finish();

    public abstract void Dispose();

    /// <param name="format">One of <see cref="FormatNames"/>.</param>
    /// <param name="several">Whether more than one input will be written (JSON becomes an array of objects with <c>path</c>).</param>
    public static ArticleWriter Create(string format, Stream output, bool several) => format switch
    {
        Json => new JsonArticleWriter(output, indented: true, array: several),
        JsonLines => new JsonArticleWriter(output, indented: false, array: false),
        Text => new TextArticleWriter(output, several, markdown: false),
        Markdown => new TextArticleWriter(output, several, markdown: true),
        Record => new RecordArticleWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
    };
}

/// <summary>
/// JSON Lines (one compact object per input, <c>path</c> first then the record's fields) or pretty JSON
/// (the record alone for one input, an array of objects with <c>path</c> for several).
/// </summary>
internal sealed class JsonArticleWriter : ArticleWriter
{
    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;
    private readonly bool _indented;
    private readonly bool _array;
    private readonly JsonSerializerOptions _serializer;
    private bool _started;

    public JsonArticleWriter(Stream output, bool indented, bool array)
    {
        _output = output;
        _indented = indented;
        _array = array;
        _serializer = indented ? ArticleJson.Indented : ArticleJson.Compact;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = _serializer.Encoder });
    }

    public override void WriteArticle(string path, Article article)
    {
        if (!_indented || _array)
        {
            var fields = JsonSerializer.SerializeToNode(article, _serializer)!.AsObject();
            fields.Insert(0, "path", path);
            Write(fields);
        }
        else
        {
            Start();
            JsonSerializer.Serialize(_json, article, _serializer);
            End();
        }
    }

    public override void WriteFailure(string path, string error) =>
        Write(new JsonObject { ["path"] = path, ["error"] = error });

    private void Write(JsonObject value)
    {
        Start();
        value.WriteTo(_json, _serializer);
        End();
    }

    private void Start()
    {
        if (_array && !_started)
            _json.WriteStartArray();
        _started = true;
    }

    private void End()
    {
        _json.Flush();
        if (!_array)
        {
            // One object per line; the writer is reset so the next object is a new top-level value.
            _output.WriteByte((byte)'\n');
            _json.Reset();
        }
        _output.Flush();
    }

    public override void Finish()
    {
        if (_array)
        {
            Start();
            _json.WriteEndArray();
            _json.Flush();
            _output.WriteByte((byte)'\n');
        }
        _output.Flush();
    }

    public override void Dispose() => _json.Dispose();
}

/// <summary>
/// Plain text (title, blank line, body) or Markdown (title as <c>#</c>, body in Markdown). With several
/// inputs each article starts with a line naming its input. Failures are only reported on standard error.
/// </summary>
internal sealed class TextArticleWriter(Stream output, bool several, bool markdown) : ArticleWriter
{
    private readonly StreamWriter _text = new(output, Utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
    private bool _first = true;

    public override void WriteArticle(string path, Article article)
    {
        if (!_first)
            _text.WriteLine();
        _first = false;
        if (several)
            _text.WriteLine(markdown ? $"<!-- {path.Replace("--", "- -")} -->" : $"==> {path} <==");
        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            _text.WriteLine(markdown ? "# " + article.Title : article.Title);
            _text.WriteLine();
        }
        var body = markdown ? article.Markdown ?? article.Text : article.Text;
        if (!string.IsNullOrEmpty(body))
            _text.WriteLine(body);
        if (article.Explanation is { } explanation)
            ExplanationText.Write(_text, explanation, markdown);
        _text.Flush();
    }

    public override void WriteFailure(string path, string error)
    {
    }

    public override void Finish() => _text.Flush();

    public override void Dispose() => _text.Dispose();
}

/// <summary>
/// The seed's <c>record</c> layout (<see cref="RecordFormat"/>); several records are separated by a form-feed
/// line, as <c>gleaner import</c> reads them. Failures are only reported on standard error.
/// </summary>
internal sealed class RecordArticleWriter(Stream output) : ArticleWriter
{
    private readonly StreamWriter _text = new(output, Utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
    private bool _first = true;

    public override void WriteArticle(string path, Article article)
    {
        if (!_first)
            _text.WriteLine(RecordFormat.Separator);
        _first = false;
        RecordFormat.Write(_text, article);
        _text.Flush();
    }

    public override void WriteFailure(string path, string error)
    {
    }

    public override void Finish() => _text.Flush();

    public override void Dispose() => _text.Dispose();
}
