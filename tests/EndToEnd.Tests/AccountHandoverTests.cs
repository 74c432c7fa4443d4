using Microsoft.Playwright;
using Shop.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Shop.EndToEnd.Tests;

/// <summary>Signing in hands what the shopper did anonymously in this browser to the account: the basket is merged
/// (Basket.Api's merge) and the orders are claimed (Ordering's claim). These need both endpoints, so they are apart from
/// the other account tests.</summary>
[Collection(BootedSystem.Name)]
public sealed class AccountHandoverTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Uri Frontend => system.App.GetEndpoint(ResourceNames.WebFrontend);

    [Fact]
    public async Task Merge_signing_in_adds_the_anonymous_basket_to_the_account_s_and_forgets_the_anonymous_one()
    {
        var kept = await CatalogProduct.WithStockAsync(system.App, 12);
        var added = await CatalogProduct.WithStockAsync(system.App, 13);
        var email = AccountSteps.NewEmail("merge");
        await using var firstDevice = await browser.NewShopperAsync(Frontend);
        var first = await ShopperPage.OpenAsync(firstDevice, "merge-first");
        await first.SignUpAsync(email);
        await first.AddToBasketAsync(kept.Id, 1);

        await using var secondDevice = await browser.NewShopperAsync(Frontend);
        var second = await ShopperPage.OpenAsync(secondDevice, "merge-second");
        await second.AddToBasketAsync(kept.Id, 2);
        await second.AddToBasketAsync(added.Id, 1);
        await second.SignInAsync(email);

        await second.Page.GotoAsync("/basket");
        await Expect(second.Page.GetByTestId("basket-line")).ToHaveCountAsync(2);
        await Expect(second.Page.GetByTestId("basket-badge")).ToHaveTextAsync("4");
        await Expect(second.Page.GetByLabel($"Quantity of {kept.Name}")).ToHaveValueAsync("3");
        await second.SignOutAsync();
        await second.Page.GotoAsync("/basket");
        await Expect(second.Page.GetByText("Your basket is empty.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Claim_an_order_placed_anonymously_shows_under_the_account_after_sign_in_on_every_device()
    {
        var product = await CatalogProduct.WithStockAsync(system.App, 14);
        var email = AccountSteps.NewEmail("claim");
        await using var firstDevice = await browser.NewShopperAsync(Frontend);
        var first = await ShopperPage.OpenAsync(firstDevice, "claim-first");
        await first.SignUpAsync(email);

        await using var secondDevice = await browser.NewShopperAsync(Frontend);
        var second = await ShopperPage.OpenAsync(secondDevice, "claim-second");
        var orderId = await second.BuyAsync(product.Id, ShopperPage.ApprovingCard);
        await second.SignInAsync(email);

        foreach (var device in new[] { second, first })
        {
            await device.Page.GotoAsync("/orders");
            await Expect(device.Page.GetByTestId("order-row")).ToHaveCountAsync(1);
            await Expect(device.Page.GetByTestId("order-row").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/orders/{orderId}");
        }
    }
}
