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
    public void ACallLeavesNothingBehindForTheNext()
    {
        // The builder is reused from call to call: text read by a call that gave up must not lead the next one's.
        Assert.Null(ShortText("<div id=probe><p>Eine sehr lange Zeile</p><p>und noch mehr</p></div>", 25));
        Assert.Equal("Von Anna Lang", ShortText("<div id=probe><span>Von</span> Anna Lang</div>", 40));
        var long2000 = new string('x', 2000);
        Assert.Equal(long2000, ShortText($"<div id=probe><b>{long2000}</b></div>", 5000));
        Assert.Equal("kurz", ShortText("<div id=probe>kurz</div>", 40));
    }

    [Fact]
    public void ElementWithThousandsOfNodesGivesNullWhateverItsText() =>
        Assert.Null(ShortText("<div id=probe>" + string.Concat(Enumerable.Repeat("<i></i>", 5000)) + "x</div>", 200));
}
