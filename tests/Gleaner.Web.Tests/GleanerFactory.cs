using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Gleaner.Web.Tests;

/// <summary>The app in memory (TestServer) over a <see cref="TestStore"/>, with the given options.</summary>
public sealed class GleanerFactory(StorePool pool, ServeOptions options) : WebApplicationFactory<GleanerFactory>
{
    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHostDefaults(web => web
            .ConfigureServices(services => services.AddGleanerWeb(options, pool))
            .Configure(app => app.UseGleanerWeb()));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
}
