using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Shop.Contracts;

namespace Shop.EndToEnd.Tests;

/// <summary>The Aspire dashboard on the booted system: a checkout in the browser reads back, through the dashboard's
/// telemetry API, as one trace with spans from the frontend, the basket, the worker and the catalog, made by the standard
/// instrumentations; the metrics page of every service lists the standard HTTP and runtime instruments; and the
/// resources page shows every resource running and healthy.</summary>
[Collection(BootedSystem.Name)]
public sealed class CheckoutTraceTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] _services = [ResourceNames.WebFrontend, ResourceNames.BasketApi, ResourceNames.OrderingWorker, ResourceNames.CatalogApi];

    /// <summary>The instrumentation scopes each service's spans must come from: ASP.NET Core's server spans, HttpClient's,
    /// Npgsql's database spans and MassTransit's messaging spans, where the service does each of those.</summary>
    private static readonly Dictionary<string, string[]> _standardScopes = new()
    {
        [ResourceNames.WebFrontend] = ["Microsoft.AspNetCore", "System.Net.Http"],
        [ResourceNames.BasketApi] = ["Microsoft.AspNetCore", "System.Net.Http", "MassTransit"],
        [ResourceNames.OrderingWorker] = ["Npgsql", "MassTransit"],
        [ResourceNames.CatalogApi] = ["Microsoft.AspNetCore", "Npgsql", "MassTransit"],
    };

    [Fact]
    public async Task A_checkout_is_one_trace_with_spans_from_all_four_services()
    {
        await using var context = await browser.NewShopperAsync(system.App.GetEndpoint("webfrontend"));
        var shopper = await ShopperPage.OpenAsync(context, "checkout-trace");
        var orderId = await shopper.BuyAsync(1, ShopperPage.ApprovingCard);
        await shopper.ExpectOrderStatusAsync("Paid");

        var login = await system.App.App.GetDashboardUrlAsync();
        using var dashboard = await TelemetryClientAsync(login);
        string? traceId = null;
        JsonElement spans = default;
        for (var attempt = 0; attempt < 60 && traceId is null; attempt++)
        {
            spans = await dashboard.GetFromJsonAsync<JsonElement>("/api/telemetry/spans?limit=100000");
            traceId = ServicesByTrace(spans).FirstOrDefault(t => _services.All(t.Value.Contains)).Key;
            if (traceId is null)
            {
                await Task.Delay(500);
            }
        }

        Assert.True(traceId is not null, $"No trace of order {orderId} has spans from all of {string.Join(", ", _services)}.");
        var scopes = ScopesByService(spans);
        foreach (var (service, expected) in _standardScopes)
        {
            Assert.True(expected.All(scopes.GetValueOrDefault(service, []).Contains),
                $"{service} has spans from {string.Join(", ", scopes.GetValueOrDefault(service, []))}; expected {string.Join(", ", expected)}.");
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(login.ToString());
        await page.GotoAsync(new Uri(login, $"/traces/detail/{traceId}").ToString());
        await Assertions.Expect(page.GetByText("ordering-worker").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-checkout-trace.png"), FullPage = true });
    }

    [Fact]
    public async Task The_metrics_page_of_every_service_lists_the_standard_http_and_runtime_instruments()
    {
        var login = await system.App.App.GetDashboardUrlAsync();
        await using var context = await browser.NewShopperAsync(system.App.GetEndpoint(ResourceNames.WebFrontend));
        var page = await context.NewPageAsync();
        await page.GotoAsync(login.ToString());
        foreach (var service in _services)
        {
            // Health probes alone give every service HTTP server requests to measure.
            await page.GotoAsync(new Uri(login, $"/metrics/resource/{service}").ToString());
            await Assertions.Expect(page.GetByText("http.server.request.duration").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByText("dotnet.gc.collections").First).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-metrics.png"), FullPage = true });
    }

    [Fact]
    public async Task The_resources_page_lists_every_resource_running_and_healthy()
    {
        var login = await system.App.App.GetDashboardUrlAsync();
        await using var context = await browser.NewShopperAsync(system.App.GetEndpoint("webfrontend"));
        var page = await context.NewPageAsync();
        await page.GotoAsync(login.ToString());

        foreach (var resource in _services.Concat(["postgres", ResourceNames.Cache, ResourceNames.Messaging]))
        {
            var row = page.Locator("tr", new() { HasText = resource }).First;
            await Assertions.Expect(row).ToContainTextAsync("Running");
        }

        // The one-shot migrator has done its work before the services started.
        await Assertions.Expect(page.Locator("tr", new() { HasText = ResourceNames.Migrator }).First).ToContainTextAsync("Finished");

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-resources.png"), FullPage = true });
    }

    /// <summary>A client of the dashboard's telemetry API, with the API key the login token is exchanged for.</summary>
    private static async Task<HttpClient> TelemetryClientAsync(Uri login)
    {
        var client = new HttpClient { BaseAddress = new Uri(login.GetLeftPart(UriPartial.Authority)) };
        var token = System.Web.HttpUtility.ParseQueryString(login.Query)["t"];
        using var exchanged = await client.PostAsJsonAsync("/api/telemetry/validateToken", new { token });
        exchanged.EnsureSuccessStatusCode();
        if ((await exchanged.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("apiKey", out var key) && key.ValueKind == JsonValueKind.String)
        {
            client.DefaultRequestHeaders.Add("x-api-key", key.GetString());
        }

        return client;
    }

    /// <summary>Each service in an OTLP/JSON span export, with the instrumentation scopes its spans come from.</summary>
    private static Dictionary<string, HashSet<string>> ScopesByService(JsonElement export)
    {
        var scopes = new Dictionary<string, HashSet<string>>();
        foreach (var resourceSpans in export.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = ServiceName(resourceSpans);
            foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                var scope = scopeSpans.GetProperty("scope").GetProperty("name").GetString() ?? "";
                (scopes.TryGetValue(service, out var names) ? names : scopes[service] = []).Add(scope);
            }
        }

        return scopes;
    }

    private static string ServiceName(JsonElement resourceSpans) =>
        resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray()
            .Where(a => a.GetProperty("key").GetString() == "service.name")
            .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
            .FirstOrDefault() ?? "";

    /// <summary>Each trace id in an OTLP/JSON span export, with the names of the services that have spans in it.</summary>
    private static Dictionary<string, HashSet<string>> ServicesByTrace(JsonElement export)
    {
        var traces = new Dictionary<string, HashSet<string>>();
        foreach (var resourceSpans in export.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = ServiceName(resourceSpans);
            foreach (var span in resourceSpans.GetProperty("scopeSpans").EnumerateArray().SelectMany(s => s.GetProperty("spans").EnumerateArray()))
            {
                var traceId = span.GetProperty("traceId").GetString()!;
                (traces.TryGetValue(traceId, out var services) ? services : traces[traceId] = []).Add(service);
            }
        }

        return traces;
    }
}
