using System.Text;

namespace Gleaner.Fuzz;

/// <summary>
/// Seeded byte and structure mutations: each input gets one to four of them, stacked. The structural ones
/// aim at what parsers of markup, headers and JSON count on: balanced tags, quotes and brackets, sane
/// numbers, shallow nesting, valid UTF-8.
/// </summary>
public sealed class Mutator(Random random, int maxBytes)
{
    private static readonly byte[][] Splices = Encode(
        "<", ">", "</", "/>", "<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<script>", "</script>",
        "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;",
        "\"", "'", "=", "&", "&amp;", "&#0;", "&#x10FFFF;", "&#99999999999;", "[", "]", "{", "}", ",", ":", "\\", "\\u0000", "\\ud800",
        "\r\n", "\n", "\r\n\r\n", "\0", "*", "(", ")", " OR ", "-", "WARC/1.0\r\n", "WARC/1.1\r\n", "Content-Length: ",
        "HTTP/1.1 200 OK\r\n", "Transfer-Encoding: chunked\r\n", "Content-Encoding: gzip\r\n", "Content-Type: text/html; charset=utf-16\r\n",
        "<meta charset=\"shift_jis\">", "<link rel=\"canonical\" href=\"http://[::1\">", "<a href=\"javascript:x\">", "<base href=\"//\u0000\">",
        "<script type=\"application/ld+json\">", "Disallow: ", "Allow: /*$", "User-agent: *\n", "Crawl-delay: 1e400\n",
        "<url><loc>", "</loc></url>", "<item><link>", "</link></item>", "<entry>", "\"url\":", "\"authors\":[", "\"date_publish\":\"");

    private static readonly byte[][] Numbers = Encode(
        "0", "-1", "99999999999999999999", "18446744073709551616", "2147483648", "-2147483649", "9223372036854775807",
        "1e308", "NaN", "0x7fffffff", "00000000000000000001", "9999-12-31", "0000-00-00T25:61:61Z", "1000000000000");

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE],
        [0xE2, 0x82], [0x80, 0x80, 0x80],
    ];

    private static readonly (string Open, string Close)[] Nestings =
    [
        ("<div>", "</div>"), ("<b>", ""), ("<table><tr><td>", ""), ("[", "]"), ("{\"a\":", "}"), ("(", ")"), ("<a>", "</a>"), ("<ul><li>", ""),
        // Shapes the HTML tree builder nests though they look closed or flat ('#' becomes the level's number, so no two
        // formatting elements are alike and the parser reopens every one in each paragraph).
        ("<div/>", ""), ("<rt>", ""), ("<p><b id=#>", ""), ("<p><font size=#>", ""), ("<option><i>", ""),
    ];

    /// <summary>A mutated copy of <paramref name="input"/>, sometimes spliced with <paramref name="other"/>.</summary>
    public byte[] Mutate(byte[] input, byte[] other)
    {
        var data = new List<byte>(input);
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
            MutateOnce(data, other);
        if (data.Count > maxBytes)
            data.RemoveRange(maxBytes, data.Count - maxBytes);
        return [.. data];
    }

    private void MutateOnce(List<byte> data, byte[] other)
    {
        switch (random.Next(13))
        {
            case 0: // bit flips
                for (var n = 1 + random.Next(8); n > 0 && data.Count > 0; n--)
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // random bytes in
                data.InsertRange(Position(data), Enumerable.Range(0, 1 + random.Next(16)).Select(_ => (byte)random.Next(256)));
                break;
            case 2: // a range out
                if (data.Count > 0)
                {
                    var start = random.Next(data.Count);
                    data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(Math.Max(1, data.Count / 8))));
                }
                break;
            case 3: // a chunk duplicated, sometimes many times (wide documents)
                if (data.Count > 0)
                {
                    var start = random.Next(data.Count);
                    var chunk = data.GetRange(start, Math.Min(data.Count - start, 1 + random.Next(256)));
                    var times = random.Next(4) == 0 ? 1 + random.Next(2000) : 1;
                    var at = Position(data);
                    for (var t = 0; t < times && data.Count < maxBytes; t++)
                        data.InsertRange(at, chunk);
                }
                break;
            case 4: // truncated
                if (data.Count > 0)
                {
                    var keep = random.Next(data.Count);
                    data.RemoveRange(keep, data.Count - keep);
                }
                break;
            case 5:
            case 6: // markup, quote, bracket and header tokens
                data.InsertRange(Position(data), Splices[random.Next(Splices.Length)]);
                break;
            case 7: // a number replaced by a huge, negative or malformed one
                ReplaceNumber(data);
                break;
            case 8: // deep nesting
                {
                    var (open, close) = Nestings[random.Next(Nestings.Length)];
                    var depth = 1 + random.Next(random.Next(2) == 0 ? 100 : 20_000);
                    var nested = new StringBuilder();
                    for (var d = 0; d < depth; d++)
                        nested.Append(open.Replace("#", d.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
                    nested.Append('x');
                    if (random.Next(2) == 0)
                        for (var d = 0; d < depth; d++)
                            nested.Append(close);
                    data.InsertRange(Position(data), Encoding.UTF8.GetBytes(nested.ToString()));
                }
                break;
            case 9: // invalid UTF-8
                data.InsertRange(Position(data), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
                break;
            case 10: // a piece of another input spliced in (cross-over)
                if (other.Length > 0)
                {
                    var start = random.Next(other.Length);
                    data.InsertRange(Position(data), other.AsSpan(start, Math.Min(other.Length - start, 1 + random.Next(4096))).ToArray());
                }
                break;
            case 11: // a byte set to a boundary value
                if (data.Count > 0)
                    data[random.Next(data.Count)] = (byte)(random.Next(4) switch { 0 => 0, 1 => 0x7F, 2 => 0x80, _ => 0xFF });
                break;
            default: // a line swapped with another (headers, robots rules, JSON lines)
                SwapLines(data);
                break;
        }
    }

    private int Position(List<byte> data) => data.Count == 0 ? 0 : random.Next(data.Count + 1);

    private void ReplaceNumber(List<byte> data)
    {
        if (data.Count == 0)
            return;
        // Prefer the digits after "Length:" (WARC and HTTP headers) when there are some.
        var start = -1;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data);
        if (random.Next(2) == 0)
        {
            var length = span.IndexOf("Length:"u8);
            if (length >= 0)
                start = length + 7;
        }
        if (start < 0)
            start = random.Next(data.Count);
        while (start < data.Count && !char.IsAsciiDigit((char)data[start]))
            start++;
        if (start >= data.Count)
            return;
        var end = start;
        while (end < data.Count && char.IsAsciiDigit((char)data[end]))
            end++;
        data.RemoveRange(start, end - start);
        data.InsertRange(start, Numbers[random.Next(Numbers.Length)]);
    }

    private void SwapLines(List<byte> data)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data);
        var lines = new List<(int Start, int Length)>();
        var start = 0;
        for (var i = 0; i < span.Length; i++)
            if (span[i] == (byte)'\n')
            {
                lines.Add((start, i + 1 - start));
                start = i + 1;
            }
        if (lines.Count < 2)
            return;
        var (a, b) = (lines[random.Next(lines.Count)], lines[random.Next(lines.Count)]);
        var line = data.GetRange(a.Start, a.Length);
        data.InsertRange(b.Start, line); // a copy of one line before another: reordered and repeated headers
    }

    private static byte[][] Encode(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];
}
