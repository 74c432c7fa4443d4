using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.EndToEnd.Tests;

/// <summary>One shopper's tab, with the steps the browser tests share, each done the way a person does it: through
/// labels, links and buttons.</summary>
public sealed class ShopperPage
{
    public const string ApprovingCard = "4242 4242 4242 4242";
    public const string DecliningCard = "4000 0000 0000 0002";

    private readonly string _testName;

    private ShopperPage(IPage page, string testName)
    {
        Page = page;
        _testName = testName;
        // A console error is a broken page for a shopper: a script failure, a missing asset, a blocked resource.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{page.Url}: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public static async Task<ShopperPage> OpenAsync(IBrowserContext context, string testName) =>
        new(await context.NewPageAsync(), testName);

    /// <summary>Saves the page as <c>screenshots/{test}-{step}.png</c> in the test output folder.</summary>
    public async Task ScreenshotAsync(string step) => await Page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{_testName}-{step}.png"),
        FullPage = true,
    });

    public async Task AddToBasketAsync(int productId, int quantity)
    {
        await Page.GotoAsync($"/products/{productId}");
        await Page.GetByLabel("Quantity").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add to basket" }).ClickAsync();
        await WaitForPageAsync("**/basket");
    }

    /// <summary>Waits until the tab shows <paramref name="urlGlob"/>; if it does not, the failure says what the shopper
    /// saw instead, and a screenshot of it is saved.</summary>
    public async Task WaitForPageAsync(string urlGlob)
    {
        try
        {
            await Page.WaitForURLAsync(urlGlob);
        }
        catch (TimeoutException ex)
        {
            await ScreenshotAsync("failure");
            throw new TimeoutException($"Expected {urlGlob} but the tab shows {Page.Url}:\n{await Page.InnerTextAsync("main")}", ex);
        }
    }

    public async Task FillCheckoutAsync(string cardNumber)
    {
        await Page.GetByLabel("Full name", new() { Exact = true }).FillAsync("Ada Lovelace");
        await Page.GetByLabel("Street and number").FillAsync("12 Analytical Way");
        await Page.GetByLabel("Postal code").FillAsync("N1 9GU");
        await Page.GetByLabel("City").FillAsync("London");
        await Page.GetByLabel("Country").FillAsync("United Kingdom");
        await Page.GetByLabel("Card number").FillAsync(cardNumber);
        await Page.GetByLabel("Name on card").FillAsync("A. Lovelace");
        await Page.GetByLabel("Expiry month").SelectOptionAsync("12");
        await Page.GetByLabel("Expiry year").SelectOptionAsync((DateTime.UtcNow.Year + 2).ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Security code").FillAsync("123");
    }

    /// <summary>Places the order from the checkout page and waits for the order page it lands on.</summary>
    public async Task<Guid> PlaceOrderAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await WaitForPageAsync("**/orders/*?placed=true");
        var path = new Uri(Page.Url).AbsolutePath;
        return Guid.Parse(path["/orders/".Length..]);
    }

    public async Task<Guid> BuyAsync(int productId, string cardNumber)
    {
        await AddToBasketAsync(productId, 1);
        await Page.GotoAsync("/checkout");
        await FillCheckoutAsync(cardNumber);
        return await PlaceOrderAsync();
    }

    public ILocator OrderStatus => Page.GetByTestId("order-status");

    public async Task ExpectOrderStatusAsync(string status) => await Expect(OrderStatus).ToHaveTextAsync(status);
}
