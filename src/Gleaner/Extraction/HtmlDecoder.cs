using System.Text;
using System.Text.Unicode;

namespace Gleaner.Extraction;

/// <summary>
/// Decodes page bytes to text. The charset comes from, in order: a byte-order mark, the HTTP
/// Content-Type, a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration in the first bytes, an XHTML page's
/// XML declaration (<c>&lt;?xml version="1.0" encoding="ISO-8859-2"?&gt;</c>), then sniffing (valid UTF-8, else a charset detector's answer the bytes bear out, else windows-1252). Declarations
/// are checked against the bytes:
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

    /// <summary>The encoding the page's header, <c>&lt;meta&gt;</c> or XML declaration declares, if any.</summary>
    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes, string? contentType) =>
        EncodingFromLabel(CharsetParameter(contentType)) ?? EncodingFromLabel(MetaCharset(bytes)) ?? EncodingFromLabel(XmlDeclarationCharset(bytes));

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
            return isUtf8 ? Utf8NoBom : SniffedEncoding(bytes);
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

    /// <summary>
    /// The charset of bytes that declare none and are not valid UTF-8 (a page saved without the HTTP header that named
    /// it): UTF-8 still when most of their non-ASCII sequences are UTF-8 (a stray byte); else what the charset detector
    /// finds, where the bytes bear it out; else windows-1252. A detector tells Latin-script charsets apart poorly (a
    /// French page with one "é" reads as Central European), so one of those is believed only where the page's
    /// <c>&lt;html lang&gt;</c> names a language written in it, and another script only where its letters come in words
    /// (bytes of accented Latin letters read as Cyrillic or Han give lone letters inside Latin words).
    /// </summary>
    private static Encoding SniffedEncoding(ReadOnlySpan<byte> bytes)
    {
        if (!MostlyNotUtf8(bytes))
            return Utf8NoBom;
        var sample = bytes[..Math.Min(bytes.Length, DetectionSampleBytes)];
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(sample.Length);
        try
        {
            sample.CopyTo(buffer);
            var detected = UtfUnknown.CharsetDetector.DetectFromBytes(buffer, 0, sample.Length).Detected;
            if (detected is not { Confidence: >= MinDetectionConfidence } || EncodingFromLabel(detected.EncodingName) is not { } encoding)
                return Windows1252;
            encoding = WithWindowsPunctuation(encoding, sample);
            var latinLanguages = LatinLanguagesOf(encoding);
            if (latinLanguages is not null)
                return latinLanguages.Length > 0 && HtmlLanguage(sample) is { } language && latinLanguages.Contains(language) ? encoding : Windows1252;
            return LettersComeInWords(encoding.GetString(sample)) ? encoding : Windows1252;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Enough of a page for the detector to be sure; its cost stays bounded on large pages.</summary>
    private const int DetectionSampleBytes = 256 * 1024;

    /// <summary>The detector's confidence below which windows-1252, the web's usual undeclared charset, is kept.</summary>
    private const float MinDetectionConfidence = 0.5f;

    /// <summary>
    /// An ISO charset the detector names, as the Windows one that extends it where the bytes use the range ISO leaves
    /// to control characters (0x80-0x9F): text never holds those, Windows' punctuation and letters there are common.
    /// </summary>
    private static Encoding WithWindowsPunctuation(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var windows = encoding.WebName switch
        {
            "iso-8859-2" => "windows-1250",
            "iso-8859-7" => "windows-1253",
            "iso-8859-8" => "windows-1255",
            "iso-8859-13" => "windows-1257",
            _ => null,
        };
        return windows is not null && bytes.IndexOfAnyInRange((byte)0x80, (byte)0x9F) >= 0 ? Encoding.GetEncoding(windows) : encoding;
    }

    /// <summary>For a Latin-script charset, the languages (primary subtags) a page must declare for it to be believed;
    /// empty for the Western ones (windows-1252 reads those); null for charsets of other scripts.</summary>
    private static string[]? LatinLanguagesOf(Encoding encoding) => encoding.CodePage switch
    {
        1252 or 28591 or 28605 or 10000 or 850 or 437 => [],
        1250 or 28592 => ["pl", "cs", "sk", "hu", "sl", "hr", "bs", "sr", "ro", "sq"],
        1254 or 28599 => ["tr", "az"],
        1257 or 28603 or 28594 => ["lt", "lv", "et"],
        28593 => ["mt", "eo"],
        _ => null,
    };

    /// <summary>Whether most letters outside ASCII stand beside another such letter, as words of Cyrillic, Greek,
    /// Arabic, Hebrew, Thai or Han do; an accented Latin letter read in the wrong charset stands alone among ASCII ones.</summary>
    private static bool LettersComeInWords(string text)
    {
        int letters = 0, inWords = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x80 || !char.IsLetter(text[i]))
                continue;
            letters++;
            if ((i > 0 && text[i - 1] >= 0x80 && char.IsLetter(text[i - 1])) || (i + 1 < text.Length && text[i + 1] >= 0x80 && char.IsLetter(text[i + 1])))
                inWords++;
        }
        return letters > 0 && inWords * 2 >= letters;
    }

    /// <summary>The primary subtag of the <c>lang</c> on the page's <c>&lt;html&gt;</c> tag, read from the bytes.</summary>
    internal static string? HtmlLanguage(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, MetaScanBytes)];
        var start = IndexOfAsciiIgnoreCase(head, "<html"u8);
        if (start < 0)
            return null;
        var tag = head[start..];
        var end = tag.IndexOf((byte)'>');
        tag = end >= 0 ? tag[..end] : tag;
        for (var at = 0; (start = IndexOfAsciiIgnoreCase(tag[at..], "lang"u8)) >= 0; at += start + 4)
        {
            // " lang=" or "xml:lang=", not "data-lang" or "language".
            var before = at + start > 0 ? tag[at + start - 1] : (byte)' ';
            var rest = TrimLatin1Space(tag[(at + start + 4)..]);
            if ((before is not ((byte)' ' or (byte)':' or (byte)'\t' or (byte)'\n' or (byte)'\r')) || rest.IsEmpty || rest[0] != '=')
                continue;
            rest = TrimLatin1Space(rest[1..]).TrimStart((byte)'"').TrimStart((byte)'\'');
            var stop = rest.IndexOfAny("\"' -_>/"u8);
            var subtag = stop >= 0 ? rest[..stop] : rest;
            return subtag.Length is >= 2 and <= 3 && Ascii.IsValid(subtag) ? Encoding.ASCII.GetString(subtag).ToLowerInvariant() : null;
        }
        return null;
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

    /// <summary>
    /// The <c>encoding</c> of an XML declaration opening the page. Older XHTML pages often name their charset only there:
    /// a browser given the HTTP header never needs it, but a page saved to a file has nothing else.
    /// </summary>
    internal static string? XmlDeclarationCharset(ReadOnlySpan<byte> bytes)
    {
        var head = TrimLatin1Space(bytes[..Math.Min(bytes.Length, 256)]);
        if (!head.StartsWith("<?xml"u8))
            return null;
        var end = head.IndexOf("?>"u8);
        if (end < 0)
            return null;
        var declaration = head[..end];
        var encoding = IndexOfAsciiIgnoreCase(declaration, "encoding"u8);
        if (encoding < 0)
            return null;
        var rest = TrimLatin1Space(declaration[(encoding + "encoding".Length)..]);
        if (rest.IsEmpty || rest[0] != '=')
            return null;
        rest = TrimLatin1Space(rest[1..]);
        if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\''))
            return null;
        var close = rest[1..].IndexOf(rest[0]);
        return close > 0 ? Encoding.Latin1.GetString(rest.Slice(1, close)) : null;
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
            "x-sjis" or "sjis" or "shift-jis" or "ms_kanji" or "windows-31j" or "cp932" => "shift_jis",
            "win-1251" or "cp1251" => "windows-1251",
            // WHATWG reads these labels as the Windows charsets that extend them.
            "iso-8859-9" or "iso8859-9" or "latin5" => "windows-1254",
            "tis-620" or "iso-8859-11" or "iso8859-11" => "windows-874",
            "euc-kr" or "cp949" => "ks_c_5601-1987",
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
