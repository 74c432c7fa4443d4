using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.WebFrontend.Tests;

/// <summary>A real HTTP server on a free loopback port that answers the catalog's listing with fixed items, in the
/// shape Catalog.Api returns, and remembers the queries it was asked.</summary>
public sealed class FakeCatalog : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeCatalog(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<string> Queries { get; } = new();

    public static async Task<FakeCatalog> StartAsync(params (string Name, decimal Price)[] items)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var catalog = new FakeCatalog(builder.Build());
        var data = items.Select((item, index) => new
        {
            id = index + 1,
            name = item.Name,
            description = "",
            price = item.Price,
            brand = "Brand",
            type = "Type",
            availableStock = 10,
        }).ToList();
        catalog._app.MapGet("/api/catalog/items", (HttpRequest request) =>
        {
            catalog.Queries.Enqueue(request.QueryString.Value ?? "");
            return Results.Json(new { pageIndex = 0, pageSize = 12, count = data.Count, data });
        });
        await catalog._app.StartAsync();
        catalog.Address = new Uri(catalog._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return catalog;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
