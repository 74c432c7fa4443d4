using Microsoft.Playwright;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Dashboard;
using Shop.Hosting.Redis;
using Shop.Hosting.Testing;
using static Microsoft.Playwright.Assertions;

namespace Shop.Dashboard.Tests;

/// <summary>A small model booted through the testing builder with the dashboard on (a Redis server, and an idle
/// resource that references it), and Debian's Chromium driven by Playwright. Started once for the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private static readonly string[] _chromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private TestingApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TestingApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public DashboardServer Dashboard => App.Application.Dashboard!;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Options.Dashboard.Enabled = true;
        var cache = builder.AddRedis("cache");
        IdleResource.Add(builder, "worker").WithReference(cache).WaitFor(cache).WithEnvironment("GREETING", "hello");
        _app = new TestingApplication(builder.Build());
        await _app.StartAndWaitHealthyAsync(TimeSpan.FromSeconds(60));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = _chromiumArgs,
        });
    }

    public async Task DisposeAsync() => await ((IAsyncDisposable)this).DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public string CachePassword => ((RedisResource)App.Application.Model.Find("cache")).Password.Value;

    /// <summary>A fresh browser context, logged in through the link the AppHost prints.</summary>
    public async Task<IPage> LogInAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Dashboard.LoginUrl.ToString());
        await Expect(page).ToHaveURLAsync(Dashboard.Url.ToString());
        return page;
    }
}
