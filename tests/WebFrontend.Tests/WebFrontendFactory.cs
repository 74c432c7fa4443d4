using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shop.WebFrontend.Tests;

/// <summary>WebFrontend in-process, with catalog-api, basket-api and ordering-worker all resolving to
/// <paramref name="services"/>, the test buyer-token key, and retries quick enough for a test to see them give up;
/// optionally its data-protection keys in <paramref name="keysFolder"/> and its accounts database at
/// <paramref name="identityDatabase"/> (none: the account pages fail, the others work).</summary>
public sealed class WebFrontendFactory(Uri services, string environment = "Development", string? keysFolder = null, string? identityDatabase = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Settings beside the ones above, as the deployment gives them (say, <c>FORWARDEDHEADERS_ENABLED</c>).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>A client that keeps cookies like a browser and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var service in new[] { "catalog-api", "basket-api", "ordering-worker" })
        {
            builder.UseSetting($"services:{service}:http:0", services.ToString());
        }

        builder.UseSetting("BuyerTokens:Key", FakeShop.BuyerTokenKey);
        builder.UseSetting("HttpResilience:Retry:Delay", "00:00:00.010");
        if (keysFolder is not null)
        {
            builder.UseSetting("DataProtection:KeysFolder", keysFolder);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (identityDatabase is not null)
        {
            builder.UseSetting("ConnectionStrings:identitydb", identityDatabase);
        }
    }
}
