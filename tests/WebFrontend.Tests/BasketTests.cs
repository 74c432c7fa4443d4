using System.Net;

namespace Shop.WebFrontend.Tests;

[Collection(InProcessFrontend.Name)]
public sealed class BasketTests(FrontendFixture fixture)
{
    [Fact]
    public async Task Adding_to_the_basket_issues_an_opaque_HttpOnly_Lax_buyer_cookie_and_redirects_to_the_basket()
    {
        using var shopper = fixture.NewShopper();
        var form = await shopper.GetFormAsync($"/products/{fixture.Backpack.Id}", "add-to-basket");
        var buyersBefore = fixture.Shop.Baskets.Keys.ToHashSet();

        using var response = await form.With("Quantity", "2").SubmitAsync(shopper.Browser);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/basket", ShopperSession.RedirectedTo(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("shop.buyer=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        // The basket API accepted the buyer token (it requires one) and filed the line under the token's buyer, whose id
        // the data-protected cookie does not reveal.
        var buyer = Assert.Single(fixture.Shop.Baskets.Keys, key => !buyersBefore.Contains(key));
        Assert.Equal(2, fixture.Shop.Baskets[buyer][fixture.Backpack.Id]);
        Assert.DoesNotContain(buyer, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_basket_shows_its_lines_total_and_the_item_count_badge()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 2);
        await shopper.AddToBasketAsync(fixture.Tent.Id, 1);

        var html = await shopper.GetPageAsync("/basket");

        Assert.Contains("data-testid=\"basket-badge\" aria-hidden=\"true\">3</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Basket, 3 items\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"basket-total\">$427.50</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/catalog/images/{fixture.Tent.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Some prices changed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_quantity_and_removing_a_line_change_the_basket()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
        await shopper.AddToBasketAsync(fixture.Tent.Id, 1);

        using (var update = await (await shopper.GetFormAsync("/basket", $"quantity-{fixture.Backpack.Id}")).With("Quantity", "4").SubmitAsync(shopper.Browser))
        {
            Assert.Equal("/basket", ShopperSession.RedirectedTo(update));
        }

        using (var remove = await (await shopper.GetFormAsync("/basket", $"remove-{fixture.Tent.Id}")).SubmitAsync(shopper.Browser))
        {
            Assert.Equal("/basket", ShopperSession.RedirectedTo(remove));
        }

        var html = await shopper.GetPageAsync("/basket");
        Assert.Contains("data-testid=\"basket-total\">$356.00</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Summit Tent", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var shopper = fixture.NewShopper();
        var form = await shopper.GetFormAsync($"/products/{fixture.Backpack.Id}", "add-to-basket");
        form.Fields.Remove("__RequestVerificationToken");
        var basketsBefore = fixture.Shop.Baskets.Count;

        using var response = await form.With("Quantity", "1").SubmitAsync(shopper.Browser);
        using var explanation = await shopper.Browser.GetAsync(new Uri(ShopperSession.RedirectedTo(response)!, UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, explanation.StatusCode);
        Assert.Contains("it may have expired", await explanation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("shop.buyer=", StringComparison.Ordinal)));
        Assert.Equal(basketsBefore, fixture.Shop.Baskets.Count);
    }

    [Fact]
    public async Task A_quantity_above_the_stock_is_refused_next_to_the_field()
    {
        using var shopper = fixture.NewShopper();
        var form = await shopper.GetFormAsync($"/products/{fixture.Tent.Id}", "add-to-basket");

        using var response = await form.With("Quantity", "5").SubmitAsync(shopper.Browser);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"quantity-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Only 3 left", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_basket_says_when_a_price_changed_since_a_product_was_added()
    {
        var product = fixture.Shop.AddProduct("Repriced Compass", 30m);
        product.PriceWhenAdded = 25m;
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(product.Id, 1);

        var html = await shopper.GetPageAsync("/basket");

        Assert.Contains("Some prices changed", html, StringComparison.Ordinal);
        Assert.Contains("Price changed from $25.00 to $30.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_shopper_sees_an_empty_basket()
    {
        using var first = fixture.NewShopper();
        using var second = fixture.NewShopper();
        await first.AddToBasketAsync(fixture.Backpack.Id, 1);

        var firstsBasket = await first.GetPageAsync("/basket");
        var secondsBasket = await second.GetPageAsync("/basket");

        Assert.Contains("Alpine Trail Backpack", firstsBasket, StringComparison.Ordinal);
        Assert.Contains("Your basket is empty", secondsBasket, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_buyer_cookie_is_Secure_outside_Development()
    {
        await using var production = new WebFrontendFactory(fixture.Shop.Address, "Production");
        using var shopper = new ShopperSession(production.CreateBrowser());
        var form = await shopper.GetFormAsync($"/products/{fixture.Backpack.Id}", "add-to-basket");

        using var response = await form.With("Quantity", "1").SubmitAsync(shopper.Browser);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("shop.buyer=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tampered_buyer_cookie_counts_as_no_buyer()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/basket");
        request.Headers.Add("Cookie", "shop.buyer=CfDJ8tampered");
        using var forged = fixture.Frontend.CreateClient(new() { HandleCookies = false });

        var html = await (await forged.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("Your basket is empty", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shopper_keeps_their_basket_across_a_restart_when_the_keys_are_kept_in_the_configured_folder()
    {
        var keys = Directory.CreateTempSubdirectory("shop-frontend-keys-");
        try
        {
            string cookie;
            await using (var before = new WebFrontendFactory(fixture.Shop.Address, keysFolder: keys.FullName))
            {
                using var shopper = new ShopperSession(before.CreateBrowser());
                var form = await shopper.GetFormAsync($"/products/{fixture.Tent.Id}", "add-to-basket");
                using var added = await form.With("Quantity", "2").SubmitAsync(shopper.Browser);
                cookie = Assert.Single(added.Headers.GetValues("Set-Cookie"), c => c.StartsWith("shop.buyer=", StringComparison.Ordinal)).Split(';')[0];
            }

            Assert.NotEmpty(keys.GetFiles("key-*.xml"));
            await using var after = new WebFrontendFactory(fixture.Shop.Address, keysFolder: keys.FullName);
            using var client = after.CreateClient(new() { HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/basket");
            request.Headers.Add("Cookie", cookie);

            var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

            Assert.Contains("Trail &amp; Summit Tent", html, StringComparison.Ordinal);
            Assert.Contains("aria-label=\"Basket, 2 items\"", html, StringComparison.Ordinal);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }
}
