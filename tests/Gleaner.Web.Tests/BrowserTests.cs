using System.Net;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Gleaner.Web.Tests;

/// <summary>End to end: the real server on 127.0.0.1 and a real headless Chromium.</summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private TestStore _data = null!;
    private StorePool _pool = null!;
    private WebApplication _server = null!;
    private string _profile = null!;
    private ChromeDriver? _browser;

    private string Base => _server.Urls.Single();

    private ChromeDriver Chrome => _browser ??= Browser.Start(_profile);

    public async Task InitializeAsync()
    {
        _data = await TestStore.CreateAsync();
        _pool = await StorePool.OpenAsync(_data.Path_, 4);
        _server = GleanerWeb.CreateServer(new ServeOptions(), _pool, "127.0.0.1:0");
        await _server.StartAsync();
        _profile = Path.Combine(_data.Folder, "chromium-profile");
    }

    public async Task DisposeAsync()
    {
        _browser?.Quit();
        _browser?.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
        await _pool.DisposeAsync();
        await _data.DisposeAsync();
    }

    [BrowserFact]
    public void Search_then_open_an_article_then_its_story()
    {
        Chrome.Navigate().GoToUrl(Base + "/");
        var box = Chrome.FindElement(By.Id("q"));
        box.SendKeys("earthquake");
        box.SendKeys(Keys.Enter);
        var results = Chrome.FindElements(By.CssSelector(".result h3 a"));
        Assert.Equal(2, results.Count);
        Assert.Contains(Chrome.FindElements(By.CssSelector(".snippet mark")), mark => mark.Text == "earthquake");

        Chrome.FindElement(By.LinkText("Earthquake hits coastal town")).Click();
        Assert.Equal("Earthquake hits coastal town", Chrome.FindElement(By.CssSelector(".reader h1")).Text);
        Assert.Contains("Ana Reporter", Chrome.FindElement(By.CssSelector(".byline")).Text);
        Assert.Equal(TestStore.QuakeUrl, Chrome.FindElement(By.CssSelector(".source a")).GetAttribute("href"));

        Chrome.FindElement(By.CssSelector(".story-link a")).Click();
        var outlets = Chrome.FindElements(By.CssSelector(".copy .outlet")).Select(e => e.Text).ToList();
        Assert.Equal(["Example News", "Wire Service"], outlets);
        // Side by side: the second copy sits to the right of the first, on the same row.
        var copies = Chrome.FindElements(By.CssSelector(".copy"));
        Assert.True(copies[1].Location.X > copies[0].Location.X);
        Assert.Equal(copies[0].Location.Y, copies[1].Location.Y);
    }

    [BrowserFact]
    public void The_slash_key_focuses_the_search_box()
    {
        Chrome.Navigate().GoToUrl(Base + "/coverage");
        Assert.Throws<NoSuchElementException>(() => Chrome.FindElement(By.Id("q"))); // no box on this page: nothing happens
        Chrome.Navigate().GoToUrl(Base + "/?q=earthquake");
        Chrome.FindElement(By.TagName("body")).SendKeys("/");
        Assert.Equal("q", Chrome.SwitchTo().ActiveElement().GetAttribute("id"));
    }

    [BrowserFact]
    public async Task A_hostile_record_runs_no_script_and_has_no_javascript_links()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(Base + "/?q=hostile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());

        Chrome.Navigate().GoToUrl(Base + "/?q=hostile");
        AssertNothingRan();
        var link = Chrome.FindElement(By.CssSelector(".result h3 a"));
        Assert.Contains("<script>", link.Text); // shown as text, not run
        link.Click();
        Assert.Contains("Hostile headline", Chrome.FindElement(By.CssSelector(".reader h1")).Text);
        AssertNothingRan();
        // Hover and click everything a reader could: still nothing runs, and no link or image points at javascript:.
        foreach (var element in Chrome.FindElements(By.CssSelector(".reader a, .reader b, .reader img")))
            new OpenQA.Selenium.Interactions.Actions(Chrome).MoveToElement(element).Perform();
        foreach (var anchor in Chrome.FindElements(By.TagName("a")))
            Assert.DoesNotContain("javascript:", anchor.GetAttribute("href") ?? "", StringComparison.OrdinalIgnoreCase);
        foreach (var image in Chrome.FindElements(By.TagName("img")))
            Assert.DoesNotContain("javascript:", image.GetAttribute("src") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Source: " + TestStore.HostileUrl, Chrome.FindElement(By.CssSelector(".source")).Text); // text, not a link
        AssertNothingRan();
        Chrome.Navigate().GoToUrl(Base + "/coverage");
        Chrome.Navigate().GoToUrl(Base + "/story/" + FindStoryOfHostile());
        AssertNothingRan();
    }

    private long FindStoryOfHostile() =>
        _pool.RunAsync(store => store.GetAsync(TestStore.HostileUrl), CancellationToken.None).GetAwaiter().GetResult()!.StoryId;

    private void AssertNothingRan()
    {
        // The hostile title shows as text in the tab's title; its script would have replaced the whole title.
        Assert.NotEqual(TestStore.Pwned, Chrome.Title);
        Assert.Null(Chrome.ExecuteScript("return window.pwned === undefined ? null : window.pwned;"));
    }

    [BrowserFact]
    public void The_pages_fit_a_phone_width_screen()
    {
        _browser = Browser.Start(_profile, 390, 844);
        foreach (var path in new[] { "/?q=earthquake", "/article?url=" + Uri.EscapeDataString(TestStore.QuakeUrl), "/coverage", "/status" })
        {
            Chrome.Navigate().GoToUrl(Base + path);
            var overflow = (long)Chrome.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")!;
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the screen");
        }
    }
}
