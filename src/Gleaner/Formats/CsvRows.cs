using System.Text;

namespace Gleaner.Formats;

/// <summary>
/// Reads RFC 4180 CSV row by row: fields separated by commas, rows by LF or CRLF; a quoted field may hold commas,
/// line breaks and doubled quotes, kept as they are. A row longer than the limit, a stray quote or an unclosed quote
/// throws <see cref="FormatException"/>: the structure of the rest is unknown then, so the caller stops reading.
/// </summary>
internal sealed class CsvRows(TextReader reader, int maxRowChars)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The 1-based line on which the last row read began.</summary>
    public int RowLine { get; private set; }

    /// <summary>Reads the next row into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool TryRead(List<string> fields)
    {
        fields.Clear();
        _field.Clear();
        RowLine = _line;
        var c = reader.Read();
        if (c < 0)
            return false;
        var rowChars = 0;
        while (true)
        {
            if (c == '"' && _field.Length == 0)
            {
                // A quoted field: everything up to the closing quote, a doubled quote standing for one.
                while (true)
                {
                    c = reader.Read();
                    if (c < 0)
                        throw new FormatException($"the quoted field opened in the row of line {RowLine} is never closed");
                    if (++rowChars > maxRowChars)
                        throw TooLong();
                    if (c == '"')
                    {
                        if (reader.Peek() != '"')
                            break;
                        reader.Read();
                    }
                    else if (c == '\n')
                        _line++;
                    _field.Append((char)c);
                }
                c = reader.Read();
                if (c >= 0 && c != ',' && c != '\n' && !(c == '\r' && reader.Peek() == '\n'))
                    throw new FormatException($"line {_line}: a quoted field must end at a comma or the end of the row");
            }
            else
            {
                while (c >= 0 && c != ',' && c != '\n' && !(c == '\r' && reader.Peek() == '\n'))
                {
                    if (c == '"')
                        throw new FormatException($"line {_line}: a quote inside an unquoted field (quote the field and double its quotes)");
                    if (++rowChars > maxRowChars)
                        throw TooLong();
                    _field.Append((char)c);
                    c = reader.Read();
                }
            }
            fields.Add(_field.ToString());
            _field.Clear();
            if (c == ',')
            {
                c = reader.Read();
                continue;
            }
            if (c == '\r')
                reader.Read(); // the \n of a CRLF
            if (c >= 0)
                _line++;
            return true;
        }
    }

    private FormatException TooLong() => new($"the row of line {RowLine} is longer than {maxRowChars} characters");
}
