using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.EndToEnd.Tests;

[Collection(BootedSystem.Name)]
public sealed class StorefrontTests(SystemFixture system)
{
    [Fact]
    public async Task The_home_page_lists_products_read_from_the_catalog_database()
    {
        using var catalog = system.App.CreateHttpClient("catalog-api");
        var page = await catalog.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageIndex=0&pageSize=12");
        var names = page.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(names);

        using var frontend = system.App.CreateHttpClient("webfrontend");
        var html = await frontend.GetStringAsync("/");

        Assert.All(names, name => Assert.Contains(System.Net.WebUtility.HtmlEncode(name), html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("catalog-api")]
    [InlineData("basket-api")]
    [InlineData("ordering-worker")]
    [InlineData("webfrontend")]
    public async Task Every_service_reports_itself_healthy_and_alive(string service)
    {
        using var client = system.App.CreateHttpClient(service);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }
}
