using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Content;

/// <summary>A page built like the seed record's article (data/seed): the body is the five story paragraphs.</summary>
public class SeedArticleTests
{
    private static readonly string[] StoryParagraphs =
    [
        "WASHINGTON (Sputnik) – The United States is ready to hold a meeting with the North Korean leadership without preconditions to resolve the pressing issue of the Korean peninsula denuclearization, US Deputy Spokesperson Jalina Porter said on Monday.",
        "Porter underscored that the US’ goal remains the complete denuclearization of the Korean Peninsula.",
        "“We are prepared to meet with the DPRK [Democratic People's Republic of Korea] without preconditions and we certainly hope that the DPRK will respond positively to our outreach,” Porter said at a press briefing.",
        "Earlier in September, the United States State Department said it considers the North Korean missile launches to be a threat to the country’s neighbors and the international community, and urged Pyongyang to return to dialogue on denuclearization.",
        "During a trilateral meeting in September, high-ranking diplomats from Japan, South Korea and the United States discussed a possible response to the North Korean missile tests. The parties agreed to continue cooperation on the denuclearization of North Korea by combining dialogue with Pyongyang and sanctions pressure.",
    ];

    private static Article ExtractSeedPage()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures", "seed-article.html");
        return new ArticleExtractor().Extract(File.ReadAllText(path),
            "https://sputniknews.com/20210927/us-ready-to-meet-with-north-korea-without-preconditions-state-dept-says-1089430420.html");
    }

    [Fact]
    public void TextHoldsExactlyTheFiveStoryParagraphs()
    {
        var article = ExtractSeedPage();

        Assert.Equal(StoryParagraphs, article.Text!.Split('\n'));
    }

    [Fact]
    public void TextHoldsNoCreditCaptionDatelineOrAltText()
    {
        var text = ExtractSeedPage().Text!;

        Assert.DoesNotContain("©", text);
        Assert.DoesNotContain("Joshua Roberts", text);
        Assert.DoesNotContain("19:52 GMT", text);
        Assert.DoesNotContain("Protesters call for peaceful negotiations", text);
        Assert.DoesNotContain("Sputnik International, 1920", text);
        Assert.DoesNotContain("denuclearization.During", text);
    }
}
