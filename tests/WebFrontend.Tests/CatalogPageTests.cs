using System.Net;

namespace Shop.WebFrontend.Tests;

[Collection(InProcessFrontend.Name)]
public sealed class CatalogPageTests(FrontendFixture fixture)
{
    [Fact]
    public async Task The_catalog_page_lists_products_with_prices_images_and_stock()
    {
        using var shopper = fixture.NewShopper();

        var html = await shopper.GetPageAsync("/");

        Assert.Contains("Alpine Trail Backpack", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("Trail & Summit Tent"), html, StringComparison.Ordinal);
        Assert.Contains("$89.00", html, StringComparison.Ordinal);
        Assert.Contains("$249.50", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/catalog/images/{fixture.Backpack.Id}\" alt=\"Alpine Trail Backpack\"", html, StringComparison.Ordinal);
        Assert.Contains("Only 3 left", html, StringComparison.Ordinal);
        Assert.Contains("Sold out", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_filters_sort_and_page_go_from_the_address_to_the_catalog_and_stay_in_the_page_links()
    {
        using var shopper = fixture.NewShopper();

        var html = await shopper.GetPageAsync("/?q=trail&brand=2&type=1&sort=price_desc&page=1");

        Assert.Contains("?pageIndex=0&pageSize=12&brandId=2&typeId=1&q=trail&sort=price_desc", fixture.Shop.CatalogQueries);
        Assert.Contains("value=\"trail\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2\" selected", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"price_desc\" selected", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_defaults_to_best_match_and_a_plain_listing_to_name_order()
    {
        using var shopper = fixture.NewShopper();

        await shopper.GetPageAsync("/?q=lantern");
        await shopper.GetPageAsync("/?page=2&sort=nonsense");

        Assert.Contains("?pageIndex=0&pageSize=12&q=lantern&sort=relevance", fixture.Shop.CatalogQueries);
        Assert.Contains("?pageIndex=1&pageSize=12&sort=name", fixture.Shop.CatalogQueries);
    }

    [Fact]
    public async Task A_search_without_matches_says_so_and_offers_the_whole_catalog()
    {
        using var shopper = fixture.NewShopper();

        var html = await shopper.GetPageAsync("/?q=zzzz");

        Assert.Contains("No products match", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">see every product</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_page_apologizes_without_details_when_the_catalog_is_unreachable()
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
}
