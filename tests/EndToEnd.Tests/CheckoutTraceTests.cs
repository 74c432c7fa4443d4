using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.EndToEnd.Tests;

/// <summary>The dashboard on the booted system: a checkout in the browser reads back as one trace that crosses
/// the frontend, the basket, the worker and the catalog.</summary>
[Collection(BootedSystem.Name)]
public sealed class CheckoutTraceTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] _services = ["webfrontend", "basket-api", "ordering-worker", "catalog-api"];

    [Fact]
    public async Task A_checkout_is_one_trace_with_spans_from_all_four_services()
    {
        var dashboard = system.App.Application.Dashboard ?? throw new InvalidOperationException("The dashboard is not running.");
        await using var context = await browser.NewShopperAsync(system.App.GetEndpoint("webfrontend"));
        var shopper = await ShopperPage.OpenAsync(context, "checkout-trace");
        await shopper.BuyAsync(1, ShopperPage.ApprovingCard);
        await shopper.ExpectOrderStatusAsync("Paid");

        using var api = new HttpClient { BaseAddress = dashboard.Url };
        var token = System.Web.HttpUtility.ParseQueryString(dashboard.LoginUrl.Query)["t"];
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        JsonElement? checkout = null;
        for (var attempt = 0; attempt < 60 && checkout is null; attempt++)
        {
            var traces = await api.GetFromJsonAsync<JsonElement>("/api/traces?limit=2000");
            checkout = traces.EnumerateArray()
                .Where(t => _services.All(s => t.GetProperty("resources").EnumerateArray().Any(r => r.GetString() == s)))
                .Cast<JsonElement?>()
                .FirstOrDefault();
            if (checkout is null)
            {
                await Task.Delay(500);
            }
        }

        Assert.True(checkout is not null, "No trace has spans from all of " + string.Join(", ", _services));
        var traceId = checkout.Value.GetProperty("traceId").GetString()!;
        var trace = await api.GetFromJsonAsync<JsonElement>($"/api/traces/{traceId}");
        var resources = trace.GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("resource").GetString()).ToHashSet();
        Assert.Superset(_services.ToHashSet<string?>(), resources);

        var page = await context.NewPageAsync();
        await page.GotoAsync(dashboard.LoginUrl.ToString());
        await page.GotoAsync(new Uri(dashboard.Url, $"/traces/{traceId}").ToString());
        await page.WaitForTimeoutAsync(1500);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-checkout-trace.png"), FullPage = true });
    }

    [Fact]
    public async Task The_resources_page_lists_every_resource_running_and_healthy()
    {
        var dashboard = system.App.Application.Dashboard ?? throw new InvalidOperationException("The dashboard is not running.");
        await using var context = await browser.NewShopperAsync(system.App.GetEndpoint("webfrontend"));
        var page = await context.NewPageAsync();
        await page.GotoAsync(dashboard.LoginUrl.ToString());

        foreach (var resource in system.App.ResourceNotifications.Snapshots)
        {
            var row = page.Locator("tr", new() { HasText = resource.Name }).First;
            await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("Running");
            await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("Healthy");
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-resources.png"), FullPage = true });
    }
}
