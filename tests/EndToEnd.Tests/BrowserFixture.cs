using Microsoft.Playwright;

namespace Shop.EndToEnd.Tests;

/// <summary>One headless Chromium for a test class: Debian's /usr/bin/chromium driven by Playwright (never
/// <c>playwright install</c>). Each test opens its own context, which is a separate shopper with its own cookies.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where each page's screenshot is saved: <c>screenshots/</c> in the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A new shopper: a fresh context (no cookies) addressed to the frontend.</summary>
    public async Task<IBrowserContext> NewShopperAsync(Uri frontend)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = frontend.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });

        // Generous bounds, not speed assertions: a service may be starting or busy with another test's build.
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(90_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
