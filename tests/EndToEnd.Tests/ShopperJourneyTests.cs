using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.EndToEnd.Tests;

/// <summary>The shopper's journey in a real Chromium against the whole booted system: catalog, basket, checkout,
/// the order workflow over RabbitMQ, and the order page following it live. Each test is a new shopper (a new browser
/// context) buying a product no other test buys, so tests do not share stock or baskets.</summary>
[Collection(BootedSystem.Name)]
public sealed class ShopperJourneyTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Uri Frontend => system.App.GetEndpoint("webfrontend");

    [Fact]
    public async Task A_shopper_searches_adds_two_checks_out_with_the_approving_card_and_watches_the_order_reach_Paid()
    {
        var product = await ProductAsync(0);
        await using var context = await browser.NewShopperAsync(Frontend);
        var shopper = await ShopperPage.OpenAsync(context, "journey");
        var page = shopper.Page;

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Our products" })).ToBeVisibleAsync();
        await shopper.ScreenshotAsync("1-catalog");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.SetViewportSizeAsync(390, 844);
        await shopper.ScreenshotAsync("1-catalog-phone");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByLabel("Search products").FillAsync(product.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await shopper.WaitForPageAsync("**/?q=*");
        await shopper.ScreenshotAsync("2-search");

        await page.GetByRole(AriaRole.Link, new() { Name = product.Name, Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = product.Name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("price")).ToHaveTextAsync(Money(product.Price));
        await shopper.ScreenshotAsync("3-product");

        await page.GetByLabel("Quantity").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to basket" }).ClickAsync();
        await shopper.WaitForPageAsync("**/basket");
        await Expect(page.GetByTestId("basket-badge")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("basket-total")).ToHaveTextAsync(Money(product.Price * 2));
        await shopper.ScreenshotAsync("4-basket");

        await page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
        await Expect(page.GetByText(ShopperPage.ApprovingCard)).ToBeVisibleAsync();
        await shopper.FillCheckoutAsync(ShopperPage.ApprovingCard);
        await shopper.ScreenshotAsync("5-checkout");
        var orderId = await shopper.PlaceOrderAsync();

        // The order page is not reloaded while the workflow runs: a marker left in the document survives only in the
        // same document, and no navigation happens on the way to Paid.
        await Expect(page.GetByText("Thank you, your order is placed.")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.shopTestMarker = 'same document'; }");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        await shopper.ExpectOrderStatusAsync("Paid");
        Assert.Equal("same document", await page.EvaluateAsync<string>("() => window.shopTestMarker"));
        Assert.Equal(0, navigations);
        await Expect(page.GetByTestId("order-total")).ToHaveTextAsync(Money(product.Price * 2));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToBeHiddenAsync();
        await shopper.ScreenshotAsync("6-order-paid");
        Assert.Contains(orderId.ToString(), page.Url, StringComparison.Ordinal);
        Assert.True(shopper.ConsoleErrors.Count == 0, string.Join("\n", shopper.ConsoleErrors));
    }

    [Fact]
    public async Task The_declining_card_ends_the_order_Cancelled_with_its_reason()
    {
        var product = await ProductAsync(1);
        await using var context = await browser.NewShopperAsync(Frontend);
        var shopper = await ShopperPage.OpenAsync(context, "declined");

        await shopper.BuyAsync(product.Id, ShopperPage.DecliningCard);

        await shopper.ExpectOrderStatusAsync("Cancelled");
        await Expect(shopper.Page.GetByTestId("order-reason")).ToContainTextAsync("declined");
        await shopper.ScreenshotAsync("order-cancelled");
    }

    [Fact]
    public async Task A_second_shopper_sees_an_empty_basket_and_none_of_the_first_shopper_s_orders()
    {
        var product = await ProductAsync(2);
        await using var firstContext = await browser.NewShopperAsync(Frontend);
        await using var secondContext = await browser.NewShopperAsync(Frontend);
        var first = await ShopperPage.OpenAsync(firstContext, "first-shopper");
        var second = await ShopperPage.OpenAsync(secondContext, "second-shopper");
        var firstsOrder = await first.BuyAsync(product.Id, ShopperPage.ApprovingCard);
        await first.AddToBasketAsync(product.Id, 1);

        await second.Page.GotoAsync("/basket");
        await Expect(second.Page.GetByText("Your basket is empty.")).ToBeVisibleAsync();
        await Expect(second.Page.GetByTestId("basket-badge")).ToHaveCountAsync(0);
        await second.ScreenshotAsync("basket");
        await second.Page.GotoAsync("/orders");
        await Expect(second.Page.GetByText("You have no orders yet.")).ToBeVisibleAsync();
        await second.ScreenshotAsync("orders");
        var response = await second.Page.GotoAsync($"/orders/{firstsOrder}");
        Assert.Equal(404, response!.Status);
        await Expect(second.Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();

        await first.Page.GotoAsync("/orders");
        await Expect(first.Page.GetByTestId("order-row")).ToHaveCountAsync(1);
        await Expect(first.Page.GetByTestId("basket-badge")).ToHaveTextAsync("1");
        await first.ScreenshotAsync("orders");
    }

    [Fact]
    public async Task A_checkout_with_bad_fields_shows_the_messages_next_to_the_fields_and_creates_no_order()
    {
        var product = await ProductAsync(3);
        await using var context = await browser.NewShopperAsync(Frontend);
        var shopper = await ShopperPage.OpenAsync(context, "bad-fields");
        var page = shopper.Page;
        await shopper.AddToBasketAsync(product.Id, 1);
        await page.GotoAsync("/checkout");
        await shopper.FillCheckoutAsync("4242 4242 4242 4241");
        await page.GetByLabel("Full name", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Security code").FillAsync("12");

        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();

        await Expect(page.Locator("#fullName-error")).ToHaveTextAsync("Enter the recipient's full name.");
        await Expect(page.Locator("#cardNumber-error")).ToHaveTextAsync("Enter a valid card number: 13 to 19 digits.");
        await Expect(page.Locator("#cvc-error")).ToHaveTextAsync("The security code is 3 or 4 digits.");
        await Expect(page.Locator("#city-error")).ToBeEmptyAsync();
        await Expect(page.GetByLabel("Card number")).ToHaveAttributeAsync("aria-invalid", "true");
        await shopper.ScreenshotAsync("checkout-errors");
        Assert.EndsWith("/checkout", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/orders");
        await Expect(page.GetByText("You have no orders yet.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("basket-badge")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task Product_images_come_through_the_frontend_with_the_catalog_s_caching_headers_and_revalidate_to_304()
    {
        var product = await ProductAsync(4);
        using var frontend = system.App.CreateHttpClient("webfrontend");

        using var image = await frontend.GetAsync($"/catalog/images/{product.Id}");
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, $"/catalog/images/{product.Id}");
        revalidation.Headers.IfNoneMatch.Add(image.Headers.ETag!);
        using var notModified = await frontend.SendAsync(revalidation);

        Assert.Equal(System.Net.HttpStatusCode.OK, image.StatusCode);
        Assert.StartsWith("image/", image.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.NotNull(image.Headers.CacheControl);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    private Task<CatalogProduct> ProductAsync(int index) => CatalogProduct.WithStockAsync(system.App, index);

    private static string Money(decimal amount) => amount.ToString("$#,0.00", CultureInfo.InvariantCulture);
}
