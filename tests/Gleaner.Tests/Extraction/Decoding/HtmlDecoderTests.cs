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

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>\n<html>", "ISO-8859-2")]
    [InlineData("\r\n<?xml version='1.0' encoding = 'windows-1250' standalone='yes'?><html>", "windows-1250")]
    [InlineData("<?xml version=\"1.0\"?><html>", null)]
    [InlineData("<html><?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>", null)]
    [InlineData("<?xml version=\"1.0\" encoding=ISO-8859-2?><html>", null)]
    public void XmlDeclarationCharsetIsReadAtTheStartOnly(string start, string? expected)
    {
        Assert.Equal(expected, HtmlDecoder.XmlDeclarationCharset(Encoding.Latin1.GetBytes(start + "<body>x</body></html>")));
    }

    [Fact]
    public void AnXhtmlPageNamingItsCharsetOnlyInItsXmlDeclarationIsDecodedByIt()
    {
        // Central European bytes without <html lang> would be sniffed as windows-1252 ("£odzi").
        const string polish = "Mieszkańcy Łodzi wybrali w niedzielę nowego prezydenta miasta.";
        var bytes = Encoding.GetEncoding("iso-8859-2").GetBytes($"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>\n<html><head><title>x</title></head><body><p>{polish}</p></body></html>");
        Assert.Contains(polish, HtmlDecoder.Decode(bytes, null));
        using var pooled = HtmlDecoder.DecodePooled(bytes, null);
        Assert.Contains(polish, pooled.Array.AsSpan(0, pooled.Length).ToString());
    }

    [Fact]
    public void UndeclaredPagesAreSniffed()
    {
        Assert.Contains(French, HtmlDecoder.Decode(Page(French, "utf-8"), null));
        Assert.Contains(French, HtmlDecoder.Decode(Page(French, "windows-1252"), null));
    }

    /// <summary>Pages saved without the HTTP header that named their charset, in the charsets of other scripts.</summary>
    [Theory]
    [InlineData("windows-1251", "Правительство объявило в понедельник о новых мерах поддержки малого бизнеса в регионах страны.")]
    [InlineData("koi8-r", "Правительство объявило в понедельник о новых мерах поддержки малого бизнеса в регионах страны.")]
    [InlineData("gb18030", "国务院常务会议今天在北京召开，会议研究部署进一步支持小微企业发展的措施。")]
    [InlineData("big5", "國務院常務會議今天在北京召開，會議研究部署進一步支持小微企業發展的措施。")]
    [InlineData("shift_jis", "政府は月曜日、地方の中小企業を支援する新たな対策を発表しました。")]
    [InlineData("euc-jp", "政府は月曜日、地方の中小企業を支援する新たな対策を発表しました。")]
    [InlineData("euc-kr", "정부는 월요일 지역 중소기업을 지원하기 위한 새로운 대책을 발표했다.")]
    [InlineData("windows-1253", "Τη Δευτέρα η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης των μικρών επιχειρήσεων στις περιφέρειες.")]
    [InlineData("windows-1256", "أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لدعم الشركات الصغيرة في مناطق البلاد.")]
    [InlineData("windows-1255", "הממשלה הודיעה ביום שני על צעדים חדשים לתמיכה בעסקים קטנים באזורי הארץ.")]
    [InlineData("windows-874", "รัฐบาลประกาศมาตรการใหม่เพื่อสนับสนุนธุรกิจขนาดเล็กในภูมิภาคต่างๆ ของประเทศเมื่อวันจันทร์")]
    public void UndeclaredPagesInOtherScriptsAreDetected(string charset, string text)
    {
        Assert.Contains(text, HtmlDecoder.Decode(Page(text, charset, "<title>x</title>"), null));
    }

    /// <summary>A Latin-script charset other than windows-1252 is believed where the page declares a language written in it.</summary>
    [Theory]
    [InlineData("windows-1250", "pl", "W poniedziałek rząd ogłosił nowe środki wsparcia dla małych firm. Świętokrzyskie źródła, żółć i gęśla jaźń.")]
    [InlineData("iso-8859-2", "cs", "V pondělí vláda oznámila nová opatření na podporu malých firem v regionech. Kůň úpěl ďábelské ódy.")]
    [InlineData("windows-1254", "tr", "Hükümet pazartesi günü ülkenin bölgelerindeki küçük işletmeleri desteklemek için yeni önlemler açıkladı.")]
    public void UndeclaredCentralEuropeanAndTurkishPagesNeedTheirLanguage(string charset, string language, string text)
    {
        var bytes = System.Text.Encoding.GetEncoding(charset).GetBytes($"<html lang=\"{language}\"><head><title>x</title></head><body><p>{text}</p></body></html>");
        Assert.Contains(text, HtmlDecoder.Decode(bytes, null));
    }

    /// <summary>Western pages stay windows-1252 where a detector would guess a Central European charset from a few accents.</summary>
    [Theory]
    [InlineData("en", "The council said it would \u201creview the plan\u201d next week \u2013 officials didn\u2019t comment further.")]
    [InlineData("fr", "Le maire a été élu à la majorité ; la séance s'est achevée à minuit, après un débat très animé sur le budget.")]
    [InlineData("es", "El ayuntamiento aprobó el presupuesto. La alcaldesa señaló que las obras comenzarán en otoño, según informó.")]
    [InlineData("", "Le maire a été élu à la majorité ; la séance s'est achevée à minuit, après un débat très animé sur le budget.")]
    public void UndeclaredWesternPagesStayWindows1252(string language, string text)
    {
        var bytes = System.Text.Encoding.GetEncoding("windows-1252").GetBytes($"<html lang=\"{language}\"><head><title>x</title></head><body><p>{text}</p></body></html>");
        Assert.Contains(text, HtmlDecoder.Decode(bytes, null));
    }

    [Fact]
    public void AnUndeclaredUtf8PageWithOneStrayByteStaysUtf8()
    {
        var bytes = Page(French + " " + Russian, "utf-8").Concat(new byte[] { 0xE9 }).ToArray();

        Assert.Contains(French + " " + Russian, HtmlDecoder.Decode(bytes, null));
    }

    [Theory]
    [InlineData("<html lang=\"pl-PL\">", "pl")]
    [InlineData("<!doctype html><HTML class=x LANG='cs'>", "cs")]
    [InlineData("<html xml:lang=\"tr\" data-language=\"en\">", "tr")]
    [InlineData("<html data-lang=\"pl\">", null)]
    [InlineData("<html>", null)]
    [InlineData("<body lang=\"pl\">", null)]
    public void TheHtmlTagsLanguageIsReadFromTheBytes(string start, string? expected)
    {
        Assert.Equal(expected, HtmlDecoder.HtmlLanguage(Encoding.ASCII.GetBytes(start + "<head></head><body>x</body></html>")));
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
