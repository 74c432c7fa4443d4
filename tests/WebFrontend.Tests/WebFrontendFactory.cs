using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shop.WebFrontend.Tests;

/// <summary>WebFrontend in-process, with the catalog-api service name resolving to <paramref name="catalog"/>, and
/// retries quick enough for a test to see them give up.</summary>
public sealed class WebFrontendFactory(Uri catalog) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("services:catalog-api:http:0", catalog.ToString());
        builder.UseSetting("HttpResilience:RetryDelay", "00:00:00.010");
    }
}
