using AngleSharp.Html.Parser;
using Gleaner.Extraction.Metadata;

namespace Gleaner.Tests.Extraction.Metadata;

public class ShortTextTests
{
    private static string? ShortText(string body, int maxChars)
    {
        using var document = new HtmlParser().ParseDocument($"<html><body>{body}</body></html>");
        return TextCleaning.ShortText(document.GetElementById("probe")!, maxChars);
    }

    [Fact]
    public void ShortElementGivesItsTextContent() =>
        Assert.Equal("By Jane Doe, 3 May", ShortText("<div id=probe>By <a href=/jane>Jane <b>Doe</b></a>, <!-- x -->3 May</div>", 200));

    [Fact]
    public void TextLongerThanTheLimitGivesNull()
    {
        Assert.Null(ShortText("<div id=probe><p>12345</p><p>67890</p></div>", 9));
        Assert.Equal("1234567890", ShortText("<div id=probe><p>12345</p><p>67890</p></div>", 10));
    }

    [Fact]
    public void ElementWithThousandsOfNodesGivesNullWhateverItsText() =>
        Assert.Null(ShortText("<div id=probe>" + string.Concat(Enumerable.Repeat("<i></i>", 5000)) + "x</div>", 200));
}
