using System.Text;

namespace Gleaner.Formats;

/// <summary>
/// Reads lines like <see cref="TextReader.ReadLine"/>, but holds at most <c>maxChars</c> of one: a longer
/// line is read through to its end without being kept, and reported as too long. A 200 MB line in a
/// JSON Lines file must not cost gigabytes.
/// </summary>
internal sealed class LineReader(TextReader reader, int maxChars)
{
    private readonly char[] _chunk = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>The next line without its line break (null when it was longer than the limit, with
    /// <paramref name="tooLong"/> set). False at the end of the input.</summary>
    public bool TryRead(out string? line, out bool tooLong)
    {
        _line.Clear();
        tooLong = false;
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_ended)
                    break;
                _start = 0;
                _end = reader.Read(_chunk, 0, _chunk.Length);
                if (_end <= 0)
                {
                    _end = 0;
                    _ended = true;
                    break;
                }
            }
            any = true;
            var rest = _chunk.AsSpan(_start, _end - _start);
            var newline = rest.IndexOf('\n');
            var part = newline < 0 ? rest : rest[..newline];
            if (!tooLong)
            {
                if (_line.Length + part.Length > maxChars)
                {
                    tooLong = true;
                    _line.Clear();
                }
                else
                    _line.Append(part);
            }
            _start += newline < 0 ? rest.Length : newline + 1;
            if (newline >= 0)
                break;
        }
        if (!any)
        {
            line = null;
            return false;
        }
        if (tooLong)
        {
            line = null;
            return true;
        }
        if (_line.Length > 0 && _line[^1] == '\r')
            _line.Length--;
        line = _line.ToString();
        return true;
    }
}
