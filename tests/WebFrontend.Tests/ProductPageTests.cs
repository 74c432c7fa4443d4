namespace Shop.WebFrontend.Tests;

[Collection(InProcessFrontend.Name)]
public sealed class ProductPageTests(FrontendFixture fixture)
{
    [Fact]
    public async Task The_product_page_shows_image_description_price_stock_and_a_quantity_to_add()
    {
        using var shopper = fixture.NewShopper();

        var html = await shopper.GetPageAsync($"/products/{fixture.Backpack.Id}");

        Assert.Contains("<h1>Alpine Trail Backpack</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/catalog/images/{fixture.Backpack.Id}\" alt=\"Alpine Trail Backpack\"", html, StringComparison.Ordinal);
        Assert.Contains("The Alpine Trail Backpack, built to last.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"price\">$89.00</p>", html, StringComparison.Ordinal);
        Assert.Contains(">In stock</p>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"quantity\">Quantity</label>", html, StringComparison.Ordinal);
        Assert.Contains("Add to basket", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_with_few_units_says_how_many_are_left()
    {
        using var shopper = fixture.NewShopper();

        var html = await shopper.GetPageAsync($"/products/{fixture.Tent.Id}");

        Assert.Contains(">Only 3 left</p>", html, StringComparison.Ordinal);
        Assert.Contains("max=\"3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sold_out_product_cannot_be_added()
    {
        using var shopper = fixture.NewShopper();

        var html = await shopper.GetPageAsync($"/products/{fixture.Lantern.Id}");

        Assert.Contains(">Sold out</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Add to basket", html, StringComparison.Ordinal);
    }
}
