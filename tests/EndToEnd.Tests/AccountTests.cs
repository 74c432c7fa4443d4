using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Npgsql;
using Shop.Contracts;
using Shop.Security;
using static Microsoft.Playwright.Assertions;

namespace Shop.EndToEnd.Tests;

/// <summary>Shopper accounts with a password, in a real Chromium against the whole booted system: each browser context
/// is a device, each test signs up its own accounts and buys its own products.</summary>
[Collection(BootedSystem.Name)]
public sealed class AccountTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Uri Frontend => system.App.GetEndpoint(ResourceNames.WebFrontend);

    [Fact]
    public async Task An_account_s_basket_and_orders_follow_it_to_a_second_device_and_leave_the_first_with_the_sign_out()
    {
        var product = await CatalogProduct.WithStockAsync(system.App, 10);
        var email = AccountSteps.NewEmail("two-devices");
        await using var laptop = await browser.NewShopperAsync(Frontend);
        var first = await ShopperPage.OpenAsync(laptop, "account-first-device");
        await first.SignUpAsync(email, screenshotStep: "signup");
        var orderId = await first.BuyAsync(product.Id, ShopperPage.ApprovingCard);
        await first.AddToBasketAsync(product.Id, 2);
        await Expect(first.Page.GetByTestId("basket-badge")).ToHaveTextAsync("2");

        await first.SignOutAsync();
        await first.Page.GotoAsync("/basket");
        await Expect(first.Page.GetByText("Your basket is empty.")).ToBeVisibleAsync();
        await Expect(first.Page.GetByTestId("basket-badge")).ToHaveCountAsync(0);
        await first.Page.GotoAsync("/orders");
        await Expect(first.Page.GetByText("You have no orders yet.")).ToBeVisibleAsync();

        await using var phone = await browser.NewShopperAsync(Frontend);
        var second = await ShopperPage.OpenAsync(phone, "account-second-device");
        await second.SignInAsync(email);
        await second.Page.GotoAsync("/basket");
        await Expect(second.Page.GetByTestId("basket-badge")).ToHaveTextAsync("2");
        await Expect(second.Page.GetByTestId("basket-line")).ToHaveCountAsync(1);
        await second.Page.GotoAsync("/orders");
        await Expect(second.Page.GetByTestId("order-row")).ToHaveCountAsync(1);
        await Expect(second.Page.GetByTestId("order-row").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/orders/{orderId}");
        await second.ScreenshotAsync("my-orders");
        Assert.True(second.ConsoleErrors.Count == 0, string.Join("\n", second.ConsoleErrors));
    }

    [Fact]
    public async Task A_common_password_is_refused_at_sign_up_with_the_reason_and_makes_no_account()
    {
        var email = AccountSteps.NewEmail("common");
        await using var context = await browser.NewShopperAsync(Frontend);
        var shopper = await ShopperPage.OpenAsync(context, "common-password");

        await shopper.SubmitSignUpAsync(email, "Password123!");

        await Expect(shopper.Page.GetByTestId("account-errors")).ToContainTextAsync("one of the most used ones");
        await Expect(shopper.Page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        await shopper.SubmitSignInAsync(email, "Password123!");
        await Expect(shopper.Page.GetByTestId("account-errors")).ToHaveTextAsync("The e-mail address or the password is wrong.");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_the_stated_time_even_against_the_right_one()
    {
        var email = AccountSteps.NewEmail("lockout");
        await using var context = await browser.NewShopperAsync(Frontend);
        var shopper = await ShopperPage.OpenAsync(context, "lockout");
        await shopper.SignUpAsync(email);
        await shopper.SignOutAsync();
        var errors = shopper.Page.GetByTestId("account-errors");

        for (var attempt = 1; attempt < 5; attempt++)
        {
            await shopper.SubmitSignInAsync(email, $"Not-The-Password-{attempt}");
            await Expect(errors).ToHaveTextAsync("The e-mail address or the password is wrong.");
        }

        await Expect(shopper.Page.GetByText("After 5 wrong passwords in a row the account is locked for 15 minutes.")).ToBeVisibleAsync();
        await shopper.SubmitSignInAsync(email, "Not-The-Password-5");
        await Expect(errors).ToHaveTextAsync("This account is locked after 5 wrong passwords in a row. Try again in 15 minutes.");
        await shopper.SubmitSignInAsync(email, AccountSteps.Password);
        await Expect(errors).ToContainTextAsync("locked");
        await Expect(shopper.Page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        await shopper.ScreenshotAsync("locked-out");
    }

    [Fact]
    public async Task A_changed_password_replaces_the_old_one_and_a_deleted_account_can_no_longer_sign_in()
    {
        const string NewPassword = "Lantern-Harbour-Quilt-77";
        var email = AccountSteps.NewEmail("manage");
        await using var context = await browser.NewShopperAsync(Frontend);
        var shopper = await ShopperPage.OpenAsync(context, "manage-account");
        var page = shopper.Page;
        await shopper.SignUpAsync(email);

        await page.GetByTestId("signed-in-as").ClickAsync();
        await page.GetByLabel("Current password").FillAsync(AccountSteps.Password);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Your password is changed.")).ToBeVisibleAsync();
        await shopper.SignOutAsync();
        await shopper.SubmitSignInAsync(email, AccountSteps.Password);
        await Expect(page.GetByTestId("account-errors")).ToHaveTextAsync("The e-mail address or the password is wrong.");
        await shopper.SignInAsync(email, NewPassword);

        await page.GotoAsync("/account");
        await page.GetByLabel("Your password, to confirm").FillAsync(AccountSteps.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete account" }).ClickAsync();
        await Expect(page.GetByTestId("account-errors")).ToHaveTextAsync("The password is wrong: the account is not deleted.");
        await page.GetByLabel("Your password, to confirm").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await shopper.SubmitSignInAsync(email, NewPassword);
        await Expect(page.GetByTestId("account-errors")).ToHaveTextAsync("The e-mail address or the password is wrong.");
    }

    [Fact]
    public async Task Account_B_sees_nothing_of_account_A_s_basket_or_orders_in_the_pages_or_through_the_APIs()
    {
        var product = await CatalogProduct.WithStockAsync(system.App, 11);
        await using var contextA = await browser.NewShopperAsync(Frontend);
        await using var contextB = await browser.NewShopperAsync(Frontend);
        var a = await ShopperPage.OpenAsync(contextA, "account-a");
        var b = await ShopperPage.OpenAsync(contextB, "account-b");
        var emailA = AccountSteps.NewEmail("a");
        var emailB = AccountSteps.NewEmail("b");
        await a.SignUpAsync(emailA);
        var ordersOfA = await a.BuyAsync(product.Id, ShopperPage.ApprovingCard);
        await a.AddToBasketAsync(product.Id, 1);
        await b.SignUpAsync(emailB);

        await b.Page.GotoAsync("/basket");
        await Expect(b.Page.GetByText("Your basket is empty.")).ToBeVisibleAsync();
        await b.Page.GotoAsync("/orders");
        await Expect(b.Page.GetByText("You have no orders yet.")).ToBeVisibleAsync();
        Assert.Equal(404, (await b.Page.GotoAsync($"/orders/{ordersOfA}"))!.Status);

        // The APIs see the account ids as buyers: A's token reaches A's order and basket, B's reaches neither.
        var tokens = new BuyerTokens(Options.Create(new BuyerTokenOptions { Key = await system.App.GetParameterValueAsync("buyer-token-key") }), TimeProvider.System);
        var idOfA = await AccountIdAsync(emailA);
        var idOfB = await AccountIdAsync(emailB);
        using var ordering = system.App.CreateHttpClient(ResourceNames.OrderingWorker);
        using var basket = system.App.CreateHttpClient(ResourceNames.BasketApi);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(ordering, $"/api/orders/{ordersOfA}", tokens.Issue(idOfA)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(ordering, $"/api/orders/{ordersOfA}", tokens.Issue(idOfB)));
        Assert.Equal(1, await BasketLinesAsync(basket, tokens.Issue(idOfA)));
        Assert.Equal(0, await BasketLinesAsync(basket, tokens.Issue(idOfB)));
    }

    private async Task<string> AccountIdAsync(string email)
    {
        await using var dataSource = NpgsqlDataSource.Create(system.App.GetConnectionString(ResourceNames.IdentityDatabase));
        await using var command = dataSource.CreateCommand("""SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = upper($1)""");
        command.Parameters.AddWithValue(email);
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No account for {email}."));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<int> BasketLinesAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/basket");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").GetArrayLength();
    }
}
