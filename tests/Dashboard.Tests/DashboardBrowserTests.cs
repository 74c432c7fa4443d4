using Microsoft.Playwright;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace Shop.Dashboard.Tests;

/// <summary>The dashboard in a real headless Chromium on a small booted model (see <see cref="BrowserFixture"/>). The
/// whole system's checkout trace needs the services, which do not exist yet; <see cref="CheckoutTelemetry"/> stands in
/// for their telemetry. Screenshots go to screenshots/ beside the test assembly.</summary>
public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private DashboardServer Dashboard => fixture.Dashboard;

    [Fact]
    public async Task The_resources_page_lists_every_resource_running_and_healthy_and_restarting_one_brings_it_back()
    {
        var page = await fixture.LogInAsync();
        foreach (var resource in new[] { "cache", "worker" })
        {
            await Expect(page.Locator($"tr[data-resource='{resource}'] .state")).ToHaveTextAsync("Running");
            await Expect(page.Locator($"tr[data-resource='{resource}'] .health")).ToHaveTextAsync("Healthy");
        }

        await page.Locator("tr[data-resource='worker'] button.toggle").ClickAsync();
        await Expect(page.Locator("tr.details")).ToContainTextAsync("ConnectionStrings__cache");
        Assert.DoesNotContain(fixture.CachePassword, await page.ContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "resources");

        await page.Locator("tr[data-resource='cache'] button[data-action='restart']").ClickAsync();

        await Expect(page.Locator("tr[data-resource='cache'] .restarts")).ToHaveTextAsync("1");
        await Expect(page.Locator("tr[data-resource='cache'] .state")).ToHaveTextAsync("Running", new() { Timeout = 30_000 });
        await Expect(page.Locator("tr[data-resource='cache'] .health")).ToHaveTextAsync("Healthy", new() { Timeout = 30_000 });
        Assert.Equal(HealthStatus.Healthy, fixture.App.ResourceNotifications.GetSnapshot("cache")!.Health);
    }

    [Fact]
    public async Task A_trace_across_services_reads_as_one_waterfall_next_to_its_logs_metrics_and_console_output()
    {
        var traceId = await CheckoutTelemetry.ExportAsync(Dashboard.OtlpExporter);
        await CheckoutTelemetry.ExportMetricsAsync(Dashboard.OtlpExporter);
        var page = await fixture.LogInAsync();

        await page.GotoAsync(new Uri(Dashboard.Url, "/traces").ToString());
        await page.Locator($"tr[data-trace='{traceId}'] a").ClickAsync();
        foreach (var service in new[] { "webfrontend", "basket-api", "ordering-worker", "catalog-api" })
        {
            await Expect(page.Locator($"#waterfall .span-row[data-resource='{service}']").First).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#waterfall .span-row:not(.axis)")).ToHaveCountAsync(10);
        await ScreenshotAsync(page, "trace");

        await page.GotoAsync(new Uri(Dashboard.Url, "/structured").ToString());
        await Expect(page.Locator("#logs")).ToContainTextAsync("Order 1042 submitted with 2 lines");
        await ScreenshotAsync(page, "structured-logs");
        await page.Locator($"#logs a[href='/traces/{traceId}']").First.ClickAsync();
        await Expect(page.Locator("#waterfall")).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(Dashboard.Url, "/traces").ToString());
        await Expect(page.Locator($"tr[data-trace='{traceId}']")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "traces");

        await page.GotoAsync(new Uri(Dashboard.Url, "/metrics/webfrontend").ToString());
        foreach (var chart in new[] { "Request rate", "Request latency", "CPU", "Memory", "Garbage collection" })
        {
            await Expect(page.Locator("figure.chart", new() { HasText = chart }).First.Locator("polyline").First).ToBeAttachedAsync();
        }

        await ScreenshotAsync(page, "metrics");

        await page.GotoAsync(new Uri(Dashboard.Url, "/console/cache").ToString());
        await Expect(page.Locator("#console .line").First).ToBeAttachedAsync();
        await page.Locator("input[type=search]").FillAsync("Ready to accept connections");
        await Expect(page.Locator("#console .line:visible").First).ToContainTextAsync("Ready to accept connections");
        await ScreenshotAsync(page, "console");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(_screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"dashboard-{name}.png"), FullPage = true });
    }
}
