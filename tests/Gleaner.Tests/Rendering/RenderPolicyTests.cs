using Gleaner.Rendering;

namespace Gleaner.Tests.Rendering;

public class RenderPolicyTests
{
    private static readonly Uri Page = new("https://www.courier.example/news/story");

    [Fact]
    public async Task OnlyThePagesOwnSiteIsRequestedUnlessOtherSitesAreAllowed()
    {
        var check = new RenderPolicy().For(Page);
        Assert.Null(await check(new Uri("https://www.courier.example/static/app.js"), default));
        Assert.Null(await check(new Uri("https://api.courier.example/story.json"), default)); // another host of the same site
        Assert.Equal("another site", await check(new Uri("https://cdn.ads.example/tag.js"), default));

        var open = new RenderPolicy(new RenderPolicyOptions { AllowCrossSite = true }).For(Page);
        Assert.Null(await open(new Uri("https://cdn.ads.example/tag.js"), default));
    }

    [Fact]
    public async Task APageMakesAtMostItsBudgetOfRequests()
    {
        var check = new RenderPolicy(new RenderPolicyOptions { MaxRequestsPerPage = 2 }).For(Page);
        Assert.Null(await check(new Uri("https://www.courier.example/a.js"), default));
        Assert.Null(await check(new Uri("https://www.courier.example/b.js"), default));
        Assert.Equal("more than 2 requests for one page", await check(new Uri("https://www.courier.example/c.js"), default));
        // The budget is per page: the next page has its own.
        Assert.Null(await new RenderPolicy(new RenderPolicyOptions { MaxRequestsPerPage = 2 }).For(Page)(new Uri("https://www.courier.example/a.js"), default));
    }

    [Fact]
    public async Task OnlyHttpIsRequested() =>
        Assert.Equal("ftp: URL", await new RenderPolicy().For(Page)(new Uri("ftp://www.courier.example/a.js"), default));
}
