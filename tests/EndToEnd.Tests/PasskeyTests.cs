using Microsoft.Playwright;
using Shop.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Shop.EndToEnd.Tests;

/// <summary>Passkeys in a real Chromium with its virtual authenticator (the DevTools protocol's WebAuthn domain): a
/// platform authenticator that keeps discoverable credentials and verifies the user without a prompt.</summary>
[Collection(BootedSystem.Name)]
public sealed class PasskeyTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Uri Frontend => system.App.GetEndpoint(ResourceNames.WebFrontend);

    [Fact]
    public async Task A_passkey_added_on_the_account_page_signs_the_shopper_in_and_no_longer_once_removed()
    {
        var email = AccountSteps.NewEmail("passkey");
        await using var context = await browser.NewShopperAsync(Frontend);
        var shopper = await ShopperPage.OpenAsync(context, "passkey");
        var page = shopper.Page;
        await AddVirtualAuthenticatorAsync(context, page);
        await shopper.SignUpAsync(email);

        await page.GotoAsync("/account");
        await Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        await page.GetByLabel("Name of the new passkey").FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByText("Your passkey is added: you can sign in with it now.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("passkey")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("passkey")).ToContainTextAsync("Test laptop");
        await shopper.ScreenshotAsync("account-with-passkey");

        await shopper.SignOutAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await shopper.ExpectSignedInAsync(email);

        await page.GotoAsync("/account");
        await page.GetByTestId("passkey").GetByRole(AriaRole.Button, new() { Name = "Remove Test laptop" }).ClickAsync();
        await Expect(page.GetByText("The passkey is removed.")).ToBeVisibleAsync();
        await Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        await shopper.SignOutAsync();

        // The authenticator still holds the credential, but the shop no longer knows it.
        await page.GotoAsync("/account/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.GetByTestId("account-errors")).ToHaveTextAsync("That passkey is not one of this shop's accounts, or it was removed.");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        Assert.True(shopper.ConsoleErrors.Count == 0, string.Join("\n", shopper.ConsoleErrors));
    }

    private static async Task AddVirtualAuthenticatorAsync(IBrowserContext context, IPage page)
    {
        var session = await context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable");
        await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
