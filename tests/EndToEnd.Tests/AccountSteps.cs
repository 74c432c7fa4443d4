using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.EndToEnd.Tests;

/// <summary>The account steps the browser tests share, done through the header, labels and buttons as a shopper does.</summary>
public static class AccountSteps
{
    /// <summary>Meets Identity's rules and is on no common-password list.</summary>
    public const string Password = "Velvet-Otter-Compass-42";

    /// <summary>An address no other test (or earlier run on the same data) uses.</summary>
    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid().ToString("N")[..8]}@example.com";

    /// <summary>Creates the account from the sign-up page; with <paramref name="screenshotStep"/>, saves the filled form.</summary>
    public static async Task SignUpAsync(this ShopperPage shopper, string email, string? screenshotStep = null)
    {
        await shopper.SubmitSignUpAsync(email, Password, screenshotStep);
        await shopper.ExpectSignedInAsync(email);
    }

    /// <summary>Fills in and sends the sign-up form; the caller checks where it led.</summary>
    public static async Task SubmitSignUpAsync(this ShopperPage shopper, string email, string password, string? screenshotStep = null)
    {
        var page = shopper.Page;
        await page.GotoAsync("/account/signup");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        if (screenshotStep is not null)
        {
            await shopper.ScreenshotAsync(screenshotStep);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    /// <summary>Fills in and sends the password form; the caller checks where it led.</summary>
    public static async Task SubmitSignInAsync(this ShopperPage shopper, string email, string password)
    {
        var page = shopper.Page;
        if (!page.Url.Contains("/account/signin", StringComparison.Ordinal))
        {
            await page.GotoAsync("/account/signin");
        }

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public static async Task SignInAsync(this ShopperPage shopper, string email, string password = Password)
    {
        await shopper.SubmitSignInAsync(email, password);
        await shopper.ExpectSignedInAsync(email);
    }

    public static async Task SignOutAsync(this ShopperPage shopper)
    {
        await shopper.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(shopper.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    public static async Task ExpectSignedInAsync(this ShopperPage shopper, string email) =>
        await Expect(shopper.Page.GetByTestId("signed-in-as")).ToContainTextAsync(email);
}
