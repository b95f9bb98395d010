using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction;

/// <summary>Pages that reach us through a web archive's replay (the Wayback Machine, archive.today) or a browser's
/// "save page": the record is the original page's (its address, its date), never the archive's or the save's.</summary>
public class ArchivedPageTests
{
    private const string Story =
        "<p>The harbour commission voted on Thursday evening to close the old east pier to vehicles after engineers found corrosion in three of its support piles.</p>" +
        "<p>Pedestrians and cyclists will still be allowed on the structure, which dates from 1931, while a contractor draws up a repair plan over the coming months.</p>" +
        "<p>The commission will hold a public meeting next month to hear from residents before a final repair budget is set.</p>";

    private const string Original = "https://harbour.example/2019/02/08/east-pier-closed/";

    private const string WaybackToolbar =
        "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id=\"wm-ipp-base\" lang=\"en\"><div id=\"wm-ipp\"><a href=\"/web/\" title=\"Wayback Machine home page\">Wayback Machine</a>" +
        "<a href=\"/web/20190210123456*/" + Original + "\">15 captures</a><div title=\"Timespan for captures of this URL\">10 Feb 2019 - 12 Mar 2021</div>" +
        "<td title=\"You are here: 12:34:56 Feb 10, 2019\">10</td><span>About this capture</span></div></div>" +
        "<div id=\"wm-ipp-print\">The Wayback Machine - https://web.archive.org/web/20190210123456/" + Original + "</div><!-- END WAYBACK TOOLBAR INSERT -->";

    private static string WaybackPage(string head) =>
        "<!DOCTYPE html><html lang=\"en\"><head><script src=\"/_static/js/wombat.js\"></script>" + head + "<title>East pier closed</title></head><body>" + WaybackToolbar +
        "<article><h1>East pier closed</h1>" + Story + "</article></body></html>";

    [Fact]
    public void AWaybackReplayIsRecordedUnderTheOriginalAddressAndDatedByIt()
    {
        var html = WaybackPage("<link rel=\"canonical\" href=\"/web/20190210123456/" + Original + "\">" +
            "<meta property=\"og:image\" content=\"https://web.archive.org/web/20190210123456im_/https://harbour.example/img/pier.jpg\">");

        var article = new ArticleExtractor().Extract(html, "https://web.archive.org/web/20190210123456/" + Original);

        Assert.Equal(Original, article.Url);
        Assert.Equal("harbour.example", article.SourceDomain);
        Assert.Null(article.CanonicalUrl);
        Assert.Equal("https://harbour.example/img/pier.jpg", article.Image);
        Assert.Equal("2019-02-08", article.Published);
    }

    [Theory]
    [InlineData("https://web.archive.org/web/20190210123456id_/http://example.com/a/story.php?id=7", "http://example.com/a/story.php?id=7")]
    [InlineData("https://wayback.archive-it.org/1234/20190210123456/https://example.com/story", "https://example.com/story")]
    [InlineData("https://archive.ph/2019.02.10-123456/https://example.com/story", "https://example.com/story")]
    [InlineData("https://web.archive.org/web/20190210123456/https:/example.com/story", "https://example.com/story")]
    [InlineData("https://example.org/archive/20190210123456/programme-notes", "https://example.org/archive/20190210123456/programme-notes")]
    [InlineData("https://example.org/redirect?to=https://example.com/story", "https://example.org/redirect?to=https://example.com/story")]
    public void AReplayAddressLeadsToTheOriginal(string address, string expected)
    {
        Assert.Equal(expected, RecordAddress.Original(new Uri(address)).AbsoluteUri);
    }

    [Fact]
    public void TheWaybackToolbarNeverReachesTheRecord()
    {
        var article = new ArticleExtractor().Extract(WaybackPage(""), "https://web.archive.org/web/20190210123456/" + Original);

        Assert.Contains("corrosion in three of its support piles", article.Text);
        Assert.DoesNotContain("Wayback", article.Text + article.Description);
        Assert.DoesNotContain("captures", article.Text);
    }

    [Theory]
    [InlineData("<script>__wm.init(\"https://web.archive.org/web\");\n  __wm.wombat(\"" + Original + "\",\"20190210123456\",\"https://web.archive.org/\",\"web\",\"/_static/\");</script>")]
    [InlineData("<!-- WB Insert --><script>\nwbinfo = {};\nwbinfo.top_url = \"https://webarchive.example.org/web/20190210123456/" + Original + "\";\nwbinfo.url = \"" + Original + "\";\nwbinfo.timestamp = \"20190210123456\";</script>")]
    public void AReplayReadFromAFileIsRecordedUnderTheAddressItsScriptNames(string replayScript)
    {
        var html = WaybackPage(replayScript);

        var article = new ArticleExtractor().Extract(html);

        Assert.Equal(Original, article.Url);
        Assert.Equal("2019-02-08", article.Published);
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\n<!-- saved from url=(0040)" + Original + " -->\n<html>")]
    [InlineData("<!DOCTYPE html> <html lang=\"en\"><!--\n Page saved with SingleFile \n url: " + Original + " \n saved date: Tue Mar 09 2021 21:14:52 GMT+0100 (Central European Standard Time)\n-->")]
    public void ABrowsersSaveNamesTheAddressButNeverTheDate(string opening)
    {
        var html = opening + "<head><title>East pier closed</title></head><body><article><h1>East pier closed</h1>" + Story + "</article></body></html>";

        var fromText = new ArticleExtractor().Extract(html);
        var fromBytes = new ArticleExtractor().Extract(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");
        var given = new ArticleExtractor().Extract(html, "https://other.example/copy");

        Assert.Equal(Original, fromText.Url);
        Assert.Equal("2019-02-08", fromText.Published);
        Assert.Equal(Original, fromBytes.Url);
        Assert.Equal("https://other.example/copy", given.Url);
    }

    [Fact]
    public void AnArchiveTodaySnapshotIsTheSavedPagesNotTheArchives()
    {
        var html = "<!DOCTYPE html><html><head><meta property=\"og:url\" content=\"https://archive.ph/XpT4q\"/>" +
            "<meta property=\"article:published_time\" itemprop=\"datePublished\" content=\"2019-02-14T07:21:03Z\"/>" +
            "<meta property=\"og:image\" content=\"https://archive.ph/XpT4q/3d1f/scr.png\"/><meta property=\"og:description\" content=\"archived 14 Feb 2019 07:21:03 UTC\"/>" +
            "<meta property=\"og:site_name\" content=\"archive.ph\"/><link rel=\"canonical\" href=\"https://archive.ph/XpT4q\"/><title>East pier closed</title></head><body>" +
            "<div id=\"HEADER\"><table><tr><td>webpage capture</td><td>Saved from</td><td><form><input type=\"text\" name=\"q\" value=\"https://harbour.example/news/east-pier-closed\"/></form></td>" +
            "<td>14 Feb 2019 07:21:03 UTC</td></tr></table></div><div id=\"SOLID\"><div id=\"CONTENT\"><div><h1 style=\"margin:0\">East pier closed</h1>" +
            "<div style=\"margin:0\">By Tom Ashdown | February 8, 2019</div>" + Story + "</div></div></div></body></html>";

        var article = new ArticleExtractor().Extract(html, "https://archive.ph/XpT4q");

        Assert.Equal("https://harbour.example/news/east-pier-closed", article.Url);
        Assert.Equal("2019-02-08", article.Published);
        Assert.Null(article.Image);
        Assert.DoesNotContain("archived", article.Description ?? "");
        Assert.NotEqual("archive.ph", article.SiteName);
    }

    /// <summary>Only a public archive speaks for another site: a page whose address merely looks like a replay, or that
    /// calls itself a snapshot, keeps the address it was fetched from and cannot replace the other site's record.</summary>
    [Fact]
    public void AnotherSitesPageShapedLikeAReplayKeepsItsOwnAddress()
    {
        var shaped = new ArticleExtractor().Extract(WaybackPage(""), "https://mirror.example/web/20190210123456/" + Original);
        Assert.Equal("mirror.example", shaped.SourceDomain);
        Assert.StartsWith("https://mirror.example/", shaped.Url);

        var html = "<html><head><link rel=\"canonical\" href=\"https://archive.ph/XpT4q\"><title>East pier closed</title></head><body>" +
            "<div id=\"HEADER\"><form><input name=\"q\" value=\"https://harbour.example/news/east-pier-closed\"></form></div><h1>East pier closed</h1>" + Story + "</body></html>";
        var snapshotShaped = new ArticleExtractor().Extract(html, "https://mirror.example/pier");
        Assert.Equal("https://mirror.example/pier", snapshotShaped.Url);
    }
}
