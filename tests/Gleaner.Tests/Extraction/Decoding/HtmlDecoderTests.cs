using System.Text;
using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Decoding;

public class HtmlDecoderTests
{
    static HtmlDecoderTests() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Russian = "Москва, столица России";
    private const string Japanese = "東京の天気は晴れです";
    private const string French = "Élection présidentielle à Noël";

    private static byte[] Page(string text, string charset, string head = "")
        => System.Text.Encoding.GetEncoding(charset).GetBytes($"<html><head>{head}</head><body><p>{text}</p></body></html>");

    [Fact]
    public void ByteOrderMarkWins()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes($"<p>{French}</p>")).ToArray();
        Assert.Equal($"<p>{French}</p>", HtmlDecoder.Decode(bytes, "text/html; charset=windows-1251"));
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes(Russian)).ToArray();
        Assert.Equal(Russian, HtmlDecoder.Decode(utf16, null));
    }

    [Fact]
    public void ContentTypeHeaderNamesTheCharset()
    {
        Assert.Contains(Russian, HtmlDecoder.Decode(Page(Russian, "windows-1251"), "text/html; charset=windows-1251"));
        Assert.Contains(Russian, HtmlDecoder.Decode(Page(Russian, "koi8-r"), "text/html;charset=\"KOI8-R\""));
    }

    [Fact]
    public void MetaCharsetNamesTheCharset()
    {
        Assert.Contains(Russian, HtmlDecoder.Decode(Page(Russian, "windows-1251", "<meta charset=\"windows-1251\">"), null));
        Assert.Contains(Japanese, HtmlDecoder.Decode(Page(Japanese, "shift_jis", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"), null));
        Assert.Contains(French, HtmlDecoder.Decode(Page(French, "iso-8859-1", "<meta charset=iso-8859-1>"), null));
    }

    [Theory]
    [InlineData("<META CHARSET=\"ISO-8859-2\">", "ISO-8859-2")]
    [InlineData("<meta http-equiv=Content-Type content='text/html; CharSet = koi8-r'>", "koi8-r")]
    [InlineData("<meta name=description content=\"caf\u00e9\"><meta charset=\u00a0'windows-1251'>", "windows-1251")]
    [InlineData("<meta name=description content=\"charset\"><meta charset=utf-8/>", "utf-8")]
    [InlineData("<meta name=x content=\"charset=\">", null)]
    [InlineData("<metacharset=big5>", "big5")]
    [InlineData("<title>charset=big5</title>", null)]
    public void MetaCharsetIsReadFromTheBytesAsLatin1(string head, string? expected)
    {
        // Latin-1: one byte a character, so a no-break space (0xA0) counts as white space as it does in text.
        var bytes = Encoding.Latin1.GetBytes($"<html><head>{head}</head><body>x</body></html>");
        Assert.Equal(expected, HtmlDecoder.MetaCharset(bytes));
    }

    [Fact]
    public void UndeclaredPagesAreSniffed()
    {
        Assert.Contains(French, HtmlDecoder.Decode(Page(French, "utf-8"), null));
        Assert.Contains(French, HtmlDecoder.Decode(Page(French, "windows-1252"), null));
    }

    [Fact]
    public void APageDeclaringLatin1ThatIsReallyUtf8DecodesRight()
    {
        Assert.Contains(French, HtmlDecoder.Decode(Page(French, "utf-8", "<meta charset=\"iso-8859-1\">"), "text/html; charset=ISO-8859-1"));
        Assert.Contains(Japanese, HtmlDecoder.Decode(Page(Japanese, "utf-8", "<meta charset=\"gb2312\">"), null));
    }

    [Fact]
    public void AHeaderClaimingUtf8GivesWayToTheMetaWhenTheBytesAreNotUtf8()
    {
        Assert.Contains(Russian, HtmlDecoder.Decode(Page(Russian, "windows-1251", "<meta charset=\"windows-1251\">"), "text/html; charset=utf-8"));
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", "")]
    [InlineData(null, "<meta charset=\"utf-8\">")]
    public void Latin1BytesDeclaredAsUtf8AreDetectedNotReplaced(string? contentType, string head)
    {
        var decoded = HtmlDecoder.Decode(Page(French, "iso-8859-1", head), contentType);

        Assert.Contains(French, decoded);
        Assert.DoesNotContain('\uFFFD', decoded);
    }

    [Fact]
    public void AUtf8PageWithOneStrayByteStaysUtf8()
    {
        var bytes = Page(French + " " + Russian, "utf-8").Concat(new byte[] { 0xE9 }).ToArray();

        Assert.Contains(French + " " + Russian, HtmlDecoder.Decode(bytes, "text/html; charset=utf-8"));
    }

    [Fact]
    public void UnknownCharsetLabelsFallBackToSniffing()
    {
        Assert.Contains(French, HtmlDecoder.Decode(Page(French, "utf-8", "<meta charset=\"no-such-charset\">"), "text/html; charset=bogus"));
    }

    [Fact]
    public void TheExtractorDecodesBytes()
    {
        var article = new ArticleExtractor().Extract(Page(Russian, "windows-1251", "<meta charset=\"windows-1251\"><title>Москва</title>"), null);
        Assert.Equal("Москва", article.Title);
    }

    /// <summary>The pooled decoding (UTF-8 decoded at once, its validity learnt from that) gives the string decoding's characters.</summary>
    [Fact]
    public void PooledDecodingMatchesTheStringDecoding()
    {
        var utf8 = Page(French + " " + Japanese, "utf-8");
        var invalid = utf8.Concat(new byte[] { 0xC3, 0x28, 0xE9, 0x20 }).ToArray();
        var cases = new (byte[] Bytes, string? ContentType)[]
        {
            (utf8, null),
            (utf8, "text/html; charset=utf-8"),
            (utf8, "text/html; charset=windows-1252"),
            (Page("plain ascii", "utf-8"), "text/html; charset=shift_jis"),
            (invalid, null),
            (invalid, "text/html; charset=utf-8"),
            (Page(French, "iso-8859-1"), "text/html; charset=utf-8"),
            (Page(Russian, "windows-1251", "<meta charset=\"windows-1251\">"), null),
            (Page(Japanese, "shift_jis"), "text/html; charset=Shift_JIS"),
            (new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(French)).ToArray(), "text/html; charset=windows-1251"),
            (new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes(Russian)).ToArray(), null),
            ([], null),
        };
        foreach (var (bytes, contentType) in cases)
        {
            using var pooled = HtmlDecoder.DecodePooled(bytes, contentType);
            Assert.Equal(HtmlDecoder.Decode(bytes, contentType), new string(pooled.Array, 0, pooled.Length));
        }
    }
}
