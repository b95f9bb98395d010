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
}
