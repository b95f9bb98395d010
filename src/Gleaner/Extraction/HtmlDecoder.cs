using System.Text;
using System.Text.Unicode;

namespace Gleaner.Extraction;

/// <summary>
/// Decodes page bytes to text. The charset comes from, in order: a byte-order mark, the HTTP
/// Content-Type, a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration in the first bytes,
/// then sniffing (valid UTF-8, else windows-1252). Declarations are checked against the bytes:
/// a page that declares another charset (ISO-8859-1, windows-1252, GB2312...) but is valid UTF-8 with
/// non-ASCII characters is UTF-8, and a page declaring UTF-8 whose bytes are not UTF-8 falls back
/// to the other declaration or to windows-1252.
/// </summary>
internal static class HtmlDecoder
{
    /// <summary>Browsers look for a meta charset in the first 1024 bytes; real pages put long heads first, so we look further.</summary>
    private const int MetaScanBytes = 8 * 1024;

    static HtmlDecoder()
    {
        // windows-125x, KOI8-R, Shift_JIS, GB2312/GBK, Big5, EUC-KR and the like.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var encoding = EncodingOf(bytes, contentType, out var bomLength);
        return encoding.GetString(bytes[bomLength..]);
    }

    /// <summary>
    /// Decodes into characters rented from the shared pool, for a page parsed and dropped at once: a page's text is
    /// hundreds of kilobytes, and as a string each page would cost a fresh large-object allocation the collector must
    /// clear and later reclaim. Dispose the result once nothing reads the page any more.
    /// </summary>
    public static PooledText DecodePooled(ReadOnlySpan<byte> bytes, string? contentType)
    {
        PooledText text;
        if (BomEncoding(bytes, out var bomLength) is not { } encoding)
        {
            // Most pages are UTF-8: decoded at once, the decoding tells whether the bytes are valid UTF-8, which a check
            // before it read them for once more. The same characters as the encoding's own decoder gives valid bytes.
            text = new PooledText(Utf8NoBom.GetMaxCharCount(bytes.Length));
            var isUtf8 = Utf8.ToUtf16(bytes, text.Array, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
            encoding = ChooseEncoding(bytes, DeclaredEncoding(bytes, contentType), contentType, isUtf8);
            if (isUtf8 && encoding == Utf8NoBom)
            {
                text.Length = written;
                return text;
            }
            text.Dispose();
        }
        bytes = bytes[bomLength..];
        text = new PooledText(encoding.GetMaxCharCount(bytes.Length));
        text.Length = encoding.GetChars(bytes, text.Array);
        return text;
    }

    /// <summary>The encoding of a page's bytes, and the length of the byte-order mark that chose it (0 without one).</summary>
    private static Encoding EncodingOf(ReadOnlySpan<byte> bytes, string? contentType, out int bomLength) =>
        BomEncoding(bytes, out bomLength) ?? ChooseEncoding(bytes, DeclaredEncoding(bytes, contentType), contentType);

    /// <summary>The encoding the page's header or <c>&lt;meta&gt;</c> declares, if any.</summary>
    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes, string? contentType) =>
        EncodingFromLabel(CharsetParameter(contentType)) ?? EncodingFromLabel(MetaCharset(bytes));

    /// <summary>The encoding a byte-order mark names, with the mark's length; null (and 0) without one.</summary>
    private static Encoding? BomEncoding(ReadOnlySpan<byte> bytes, out int bomLength)
    {
        bomLength = 3;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8;
        bomLength = 2;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode;
        bomLength = 0;
        return null;
    }

    /// <summary>The encoding to decode with, after checking the declaration against the bytes.</summary>
    internal static Encoding ChooseEncoding(ReadOnlySpan<byte> bytes, Encoding? declared, string? contentType = null) =>
        ChooseEncoding(bytes, declared, contentType, Utf8.IsValid(bytes));

    /// <summary>The same, with whether the bytes are valid UTF-8 already known.</summary>
    private static Encoding ChooseEncoding(ReadOnlySpan<byte> bytes, Encoding? declared, string? contentType, bool isUtf8)
    {
        if (declared is null)
            return isUtf8 ? Utf8NoBom : Windows1252;
        if (declared.CodePage == Encoding.UTF8.CodePage)
        {
            if (isUtf8)
                return Utf8NoBom;
            // A header saying UTF-8 over a page whose meta names its real charset: trust the meta.
            var meta = EncodingFromLabel(MetaCharset(bytes));
            var metaIsOther = meta is not null && meta.CodePage != Encoding.UTF8.CodePage;
            if (metaIsOther && contentType is not null)
                return meta!;
            // Latin-1 bytes served as UTF-8 would come out as U+FFFD throughout; a UTF-8 page with a stray byte would not.
            if (MostlyNotUtf8(bytes))
                return metaIsOther ? meta! : Windows1252;
            return Utf8NoBom;
        }
        // Multi-byte UTF-8 sequences are very unlikely in text of another charset; valid UTF-8 with them is UTF-8.
        if (isUtf8 && !Ascii.IsValid(bytes) && declared.CodePage is not (1200 or 1201))
            return Utf8NoBom;
        return declared;
    }

    /// <summary>Whether more of the non-ASCII sequences are invalid UTF-8 than valid: the bytes are in another charset.</summary>
    private static bool MostlyNotUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        while (true)
        {
            var next = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (next < 0)
                break;
            bytes = bytes[next..];
            if (Rune.DecodeFromUtf8(bytes, out _, out var consumed) == System.Buffers.OperationStatus.Done)
                valid++;
            else
                invalid++;
            bytes = bytes[Math.Max(consumed, 1)..];
        }
        return invalid > valid;
    }

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The <c>charset</c> parameter of a Content-Type header value.</summary>
    internal static string? CharsetParameter(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return null;
        var index = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
            return null;
        var value = contentType.AsSpan(index + "charset".Length).TrimStart();
        if (value.IsEmpty || value[0] != '=')
            return null;
        value = value[1..].Trim().Trim('"').Trim('\'');
        var end = value.IndexOfAny(';', ' ', '"');
        return (end >= 0 ? value[..end] : value).ToString();
    }

    /// <summary>The charset named by <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type" content="...; charset=..."&gt;</c> near the start.</summary>
    internal static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        // Read as bytes (Latin-1: one character a byte) without decoding the head into a string first.
        var head = bytes[..Math.Min(bytes.Length, MetaScanBytes)];
        var position = 0;
        int found;
        while ((found = IndexOfAsciiIgnoreCase(head[position..], "<meta"u8)) >= 0)
        {
            position += found;
            var end = head[position..].IndexOf((byte)'>');
            if (end < 0)
                break;
            var tag = head.Slice(position, end);
            position += end;
            var charset = IndexOfAsciiIgnoreCase(tag, "charset"u8);
            if (charset < 0)
                continue;
            var rest = TrimLatin1Space(tag[(charset + "charset".Length)..]);
            if (rest.IsEmpty || rest[0] != '=')
                continue;
            rest = TrimLatin1Space(rest[1..]).TrimStart((byte)'"').TrimStart((byte)'\'');
            var stop = rest.IndexOfAny("\"'; />"u8);
            var label = stop >= 0 ? rest[..stop] : rest;
            if (label.Length > 0)
                return Encoding.Latin1.GetString(label);
        }
        return null;
    }

    /// <summary>Where <paramref name="lowerCase"/> (ASCII) first occurs in the bytes, ignoring ASCII case; -1 if nowhere.</summary>
    private static int IndexOfAsciiIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lowerCase)
    {
        var first = lowerCase[0];
        var firstUpper = (byte)char.ToUpperInvariant((char)first);
        for (var start = 0; start <= bytes.Length - lowerCase.Length;)
        {
            var next = bytes[start..].IndexOfAny(first, firstUpper);
            if (next < 0 || start + next > bytes.Length - lowerCase.Length)
                return -1;
            start += next;
            if (Ascii.EqualsIgnoreCase(bytes.Slice(start, lowerCase.Length), lowerCase))
                return start;
            start++;
        }
        return -1;
    }

    /// <summary>Leading white space as <see cref="char.IsWhiteSpace(char)"/> counts it among Latin-1 characters.</summary>
    private static ReadOnlySpan<byte> TrimLatin1Space(ReadOnlySpan<byte> bytes) => bytes.TrimStart(Latin1Space);

    private static ReadOnlySpan<byte> Latin1Space => [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0];

    /// <summary>An encoding for a charset label, with the WHATWG rules that matter: Latin-1 and ASCII mean
    /// windows-1252, GB2312 means GBK (GB18030 decodes both), and UTF-16 in a meta means UTF-8.</summary>
    internal static Encoding? EncodingFromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
            return null;
        var name = label.Trim().ToLowerInvariant();
        name = name switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "iso_8859-1" => "windows-1252",
            "gb2312" or "gbk" or "x-gbk" or "cp936" => "gb18030",
            "utf8" or "unicode-1-1-utf-8" or "utf-16" or "utf-16le" or "utf-16be" => "utf-8",
            "x-sjis" or "sjis" or "ms_kanji" or "windows-31j" or "cp932" => "shift_jis",
            "win-1251" or "cp1251" => "windows-1251",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>Characters in an array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>; <see cref="Dispose"/>
/// gives the array back, after which neither the characters nor anything parsed from them may be read.</summary>
internal sealed class PooledText : IDisposable
{
    private char[]? _array;

    public PooledText(int capacity)
    {
        _array = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
    }

    public int Length { get; set; }

    public char[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledText));

    public ReadOnlyMemory<char> Memory => Array.AsMemory(0, Length);

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
            System.Buffers.ArrayPool<char>.Shared.Return(array);
    }
}
