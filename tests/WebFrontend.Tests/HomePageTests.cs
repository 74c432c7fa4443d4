using System.Net;

namespace Shop.WebFrontend.Tests;

public sealed class HomePageTests
{
    [Fact]
    public async Task The_home_page_lists_the_first_page_of_the_catalog_with_prices()
    {
        await using var catalog = await FakeCatalog.StartAsync(("Alpine Trail Backpack", 89m), ("Trail & Summit Map", 12.5m));
        await using var frontend = new WebFrontendFactory(catalog.Address);
        using var client = frontend.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Alpine Trail Backpack", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("Trail & Summit Map"), html, StringComparison.Ordinal);
        Assert.Contains("$89.00", html, StringComparison.Ordinal);
        Assert.Contains("$12.50", html, StringComparison.Ordinal);
        Assert.Equal("?pageIndex=0&pageSize=12", Assert.Single(catalog.Queries));
    }

    [Fact]
    public async Task The_home_page_apologizes_without_details_when_the_catalog_is_unreachable()
    {
        await using var frontend = new WebFrontendFactory(new Uri($"http://127.0.0.1:{ClosedPort.Find()}"));
        using var client = frontend.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("catalog is unavailable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_frontend_is_healthy_and_alive_without_the_catalog()
    {
        await using var frontend = new WebFrontendFactory(new Uri($"http://127.0.0.1:{ClosedPort.Find()}"));
        using var client = frontend.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);
    }
}
