using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

/// <summary>The fixture is built like the seed record's page (Sputnik International, 27 September 2021);
/// its record must carry the seed's fields, with the seed harvester's faults fixed.</summary>
public class SeedArticleMetadataTests
{
    private const string PageUrl = "https://sputniknews.com/20210927/us-ready-to-meet-with-north-korea-without-preconditions-state-dept-says-1089430420.html";

    private static Article Extract()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures", "seed-article.html"));
        return new ArticleExtractor().Extract(bytes, "text/html", PageUrl);
    }

    [Fact]
    public void MatchesTheSeedRecordsFields()
    {
        var article = Extract();

        Assert.Equal("US Ready to Meet With North Korea Without Preconditions, State Dept. Says", article.Title);
        Assert.Equal(PageUrl, article.Url);
        Assert.Equal("sputniknews.com", article.SourceDomain);
        Assert.Equal("Sputnik International", article.SiteName);
        Assert.Equal("asia & pacific", article.Section);
        Assert.Equal(["north korea", "denuclearization", "missile launches", "korean peninsula"], article.Tags);
        Assert.Equal("https://cdnn1.img.sputniknews.com/img/105634/63/1056346389_0:283:3500:2252_1920x0_80_0_0_5b1c241caba1a963121e47bb68fca5b8.jpg", article.Image);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void DatesAreWhatThePageStatesNeverSwapped()
    {
        var article = Extract();

        // Like the seed's page, the fixture states modified a minute before published (article:*_time and JSON-LD agree);
        // each field keeps its own evidence, with seconds and a +00:00 offset.
        Assert.Equal("2021-09-27T19:52:00+00:00", article.Published);
        Assert.Equal("2021-09-27T19:51:00+00:00", article.Modified);
    }

    [Fact]
    public void DescriptionKeepsASpaceBetweenItsParagraphs()
    {
        var article = Extract();

        Assert.NotNull(article.Description);
        Assert.Contains("dialogue on denuclearization. During a trilateral meeting", article.Description);
        Assert.DoesNotContain("<p>", article.Description);
        Assert.DoesNotContain("&#39;", article.Description);
        Assert.Contains("country's neighbors", article.Description);
        Assert.DoesNotContain('\n', article.Description);
    }

    [Fact]
    public void TheQuotedSpeakerIsNotAnAuthor()
    {
        var article = Extract();

        Assert.DoesNotContain(article.Authors, name => name.Contains("Porter", StringComparison.Ordinal));
        Assert.Empty(article.Authors);
    }
}
