using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

/// <summary>
/// Dates as blog themes and page builders mark them: a post's date under hAtom's <c>updated</c> class, a clock in the
/// list item after the date's.
/// </summary>
public class DateThemesTests
{
    private static Article Extract(string body, string url = "https://www.example.org/a-story/")
        => new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Example</title></head><body>
            <header class="site-header"><a href="/">Home</a> <a href="/news">News</a></header>
            <main>{body}</main><footer>© 2025 Example</footer></body></html>
            """, url);

    private const string Paragraphs = """
        <p>The bakery on Mill Street won the regional award for its rye bread, beating more than forty entries from the county.</p>
        <p>Its owners started the business six years ago in a former garage and now employ eleven people from the town.</p>
        <p>The judges praised the crust and the flavour, and the bakery will represent the region at the national final.</p>
        """;

    [Fact]
    public void AnEntryDateMarkedUpdatedIsThePostsDateWhenNoTimeMarksAPublication()
    {
        // tagDiv's Newspaper: the post's only date carries hAtom's "updated" beside WordPress's "entry-date".
        var article = Extract("""
            <article class="post"><h1 class="entry-title">Local bakery wins regional award</h1>
            <div class="td-module-meta-info"><a href="/author/lee/">Lee Park</a> - <span class="td-post-date"><time class="entry-date updated td-module-date" datetime="2024-01-15T14:22:07+00:00">January 15, 2024</time></span></div>
            <div class="td-post-content">
            """ + Paragraphs + "</div></article>");
        Assert.StartsWith("2024-01-15T14:22:07", article.Published);
    }

    [Fact]
    public void AnUpdatedTimeBesideAPublishedOneStaysTheUpdate()
    {
        var article = Extract("""
            <article class="post"><h1 class="entry-title">Local bakery wins regional award</h1>
            <div class="entry-meta"><time class="entry-date updated" datetime="2024-03-20T16:41:10+00:00">March 20, 2024</time>
            <time class="entry-date published" datetime="2024-03-02T09:15:00+00:00">March 2, 2024</time></div>
            <div class="entry-content">
            """ + Paragraphs + "</div></article>");
        Assert.StartsWith("2024-03-02T09:15", article.Published);
        Assert.StartsWith("2024-03-20T16:41", article.Modified);
    }

    [Fact]
    public void ADateAloneInItsListItemTakesTheClockOfTheNextItem()
    {
        // Elementor's post info widget: the date and the time in list items of their own.
        var article = Extract("""
            <div class="elementor-location-single"><h1 class="elementor-heading-title">Volunteer day at the shelter</h1>
            <ul class="elementor-post-info"><li itemprop="author"><span>Rosa Mills</span></li>
            <li itemprop="datePublished"><span class="elementor-post-info__item--type-date"><time>February 14, 2024</time></span></li>
            <li><span class="elementor-post-info__item--type-time"><time>9:30 am</time></span></li></ul>
            <div class="elementor-widget-theme-post-content">
            """ + Paragraphs + "</div></div>");
        Assert.StartsWith("2024-02-14T09:30", article.Published);
    }
}
