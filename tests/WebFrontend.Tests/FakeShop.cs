using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Security;

namespace Shop.WebFrontend.Tests;

/// <summary>Catalog.Api, Basket.Api and Ordering.Worker as the frontend sees them, in one real HTTP server on a free
/// loopback port: the JSON shapes of the common contract, buyer tokens checked with the real validator, state in
/// memory, and a record of what was asked. It stands in for the services so that the frontend's own behaviour can be
/// tested; the end-to-end tests drive the real ones.</summary>
public sealed class FakeShop : IAsyncDisposable
{
    public const string BuyerTokenKey = "webfrontend-tests-buyer-token-key-0123456789";
    public const string ImageETag = "\"img-v1\"";

    private readonly WebApplication _app;

    private FakeShop(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public List<FakeProduct> Products { get; } = [];

    /// <summary>Catalog queries, as query strings.</summary>
    public ConcurrentQueue<string> CatalogQueries { get; } = new();

    public ConcurrentDictionary<string, ConcurrentDictionary<int, int>> Baskets { get; } = new();

    public ConcurrentQueue<FakeCheckout> Checkouts { get; } = new();

    public ConcurrentDictionary<Guid, FakeOrder> Orders { get; } = new();

    /// <summary>The operator key the fake operator API accepts.</summary>
    public const string OperatorKey = "webfrontend-tests-operator-key";

    /// <summary>Operator requests as they arrived: method, path, X-Operator-Key and body.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Key, string Body)> OperatorRequests { get; } = new();

    /// <summary>The headers each operator request arrived with, by path.</summary>
    public ConcurrentDictionary<string, IHeaderDictionary> OperatorHeaders { get; } = new();

    /// <summary>When set, checkout answers 400 with this field error (JSON path → message), as Basket.Api validates.</summary>
    public (string Field, string Message)? CheckoutFieldError { get; set; }

    public static async Task<FakeShop> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["BuyerTokens:Key"] = BuyerTokenKey });
        builder.AddBuyerTokens();
        var shop = new FakeShop(builder.Build());
        shop.Map();
        await shop._app.StartAsync();
        shop.Address = new Uri(shop._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return shop;
    }

    public FakeProduct AddProduct(string name, decimal price, int stock = 10, string brand = "Summit", string type = "Backpacks")
    {
        var product = new FakeProduct(Products.Count + 1, name, price, stock, brand, type);
        Products.Add(product);
        return product;
    }

    public FakeOrder AddOrder(string buyerId, string status = "Submitted", string? reason = null)
    {
        var order = new FakeOrder(Guid.NewGuid(), buyerId, Products[0], 1) { Status = status, Reason = reason };
        Orders[order.Id] = order;
        return order;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>As the services' operator API answers: 403 for a wrong key, else the change (echoed back here).</summary>
    private async Task<IResult> OperatorAsync(HttpRequest request)
    {
        var key = request.Headers[ShopAuth.OperatorKeyHeader].ToString();
        OperatorHeaders[request.Path.Value!] = new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value));
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        OperatorRequests.Enqueue((request.Method, request.Path.Value!, key.Length == 0 ? null : key, body));
        return key == OperatorKey
            ? Results.Text(body, "application/json")
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
    }

    private void Map()
    {
        _app.UseAuthentication();
        _app.UseAuthorization();

        _app.MapPut("/api/catalog/items/{id:int}/stock", OperatorAsync);
        _app.MapPost("/api/orders/{id:guid}/ship", OperatorAsync);
        _app.MapPut("/api/catalog/items/{id:int}/photo", (HttpRequest request) =>
        {
            request.HttpContext.Response.Headers.Location = request.Path.Value;
            return OperatorAsync(request);
        });

        var catalog = _app.MapGroup("/api/catalog");
        catalog.MapGet("/items", (HttpRequest request) =>
        {
            CatalogQueries.Enqueue(request.QueryString.Value ?? "");
            var q = request.Query["q"].ToString();
            var matches = Products.Where(p => q.Length == 0 || p.Name.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
            return Results.Json(new { pageIndex = 0, pageSize = 12, count = matches.Count, data = matches.Select(Json) });
        });
        catalog.MapGet("/items/{id:int}", (int id) => Find(id) is { } p ? Results.Json(Json(p)) : Results.Problem(statusCode: 404));
        catalog.MapGet("/items/{id:int}/image", (int id, HttpRequest request, HttpResponse response) =>
        {
            response.Headers.ETag = ImageETag;
            response.Headers.CacheControl = "public, max-age=3600";
            return request.Headers.IfNoneMatch == ImageETag ? Results.StatusCode(304) : Results.Text("<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml");
        });
        catalog.MapGet("/brands", () => Results.Json(new[] { new { id = 1, name = "Summit" }, new { id = 2, name = "Coastline" } }));
        catalog.MapGet("/types", () => Results.Json(new[] { new { id = 1, name = "Backpacks" }, new { id = 2, name = "Tents" } }));

        var basket = _app.MapGroup("/api/basket").RequireAuthorization(ShopAuth.BuyerPolicy);
        basket.MapGet("/", (ClaimsPrincipal user) => Results.Json(BasketJson(user.GetBuyerId())));
        basket.MapPost("/items/{id:int}", (int id, QuantityBody body, ClaimsPrincipal user) =>
            Find(id) is null ? UnknownProduct() : SetLine(user, id, quantity => quantity + body.Quantity));
        basket.MapPut("/items/{id:int}", (int id, QuantityBody body, ClaimsPrincipal user) => SetLine(user, id, _ => body.Quantity));
        basket.MapDelete("/items/{id:int}", (int id, ClaimsPrincipal user) =>
        {
            BasketOf(user.GetBuyerId()).TryRemove(id, out _);
            return Results.NoContent();
        });
        basket.MapPost("/checkout", (HttpRequest request, ClaimsPrincipal user, CheckoutBody body) =>
        {
            var checkout = new FakeCheckout(user.GetBuyerId(), request.Headers["Idempotency-Key"].ToString(), body);
            Checkouts.Enqueue(checkout);
            if (CheckoutFieldError is { } error)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] });
            }

            var existing = Orders.Values.FirstOrDefault(o => o.IdempotencyKey == checkout.IdempotencyKey);
            var order = existing ?? new FakeOrder(Guid.NewGuid(), checkout.BuyerId, Products[0], 1) { IdempotencyKey = checkout.IdempotencyKey };
            Orders[order.Id] = order;
            BasketOf(checkout.BuyerId).Clear();
            return Results.Json(new { orderId = order.Id }, statusCode: 202);
        });

        var orders = _app.MapGroup("/api/orders").RequireAuthorization(ShopAuth.BuyerPolicy);
        orders.MapGet("/", (ClaimsPrincipal user) =>
        {
            var mine = Orders.Values.Where(o => o.BuyerId == user.GetBuyerId()).Select(OrderJson).ToList();
            return Results.Json(new { pageIndex = 0, pageSize = 10, count = mine.Count, data = mine });
        });
        orders.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user) =>
            Orders.TryGetValue(id, out var o) && o.BuyerId == user.GetBuyerId() ? Results.Json(OrderJson(o)) : Results.Problem(statusCode: 404));
        orders.MapPost("/{id:guid}/cancel", (Guid id, ClaimsPrincipal user) =>
        {
            if (!Orders.TryGetValue(id, out var o) || o.BuyerId != user.GetBuyerId())
            {
                return Results.Problem(statusCode: 404);
            }

            if (o.Status != "Submitted")
            {
                return Results.Problem(statusCode: 409);
            }

            o.Status = "Cancelled";
            o.Reason = "cancelled by the shopper";
            return Results.Json(OrderJson(o));
        });
    }

    private FakeProduct? Find(int id) => Products.FirstOrDefault(p => p.Id == id);

    private ConcurrentDictionary<int, int> BasketOf(string buyerId) => Baskets.GetOrAdd(buyerId, _ => new());

    private IResult SetLine(ClaimsPrincipal user, int id, Func<int, int> quantity)
    {
        var lines = BasketOf(user.GetBuyerId());
        var updated = lines.AddOrUpdate(id, _ => quantity(0), (_, current) => quantity(current));
        return Results.Json(new { productId = id, quantity = updated });
    }

    private static IResult UnknownProduct() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["productId"] = ["There is no such product."] });

    private object BasketJson(string buyerId)
    {
        var lines = BasketOf(buyerId).OrderBy(l => l.Key).Select(l => Find(l.Key)!).Select(p => new
        {
            productId = p.Id,
            name = p.Name,
            unitPrice = p.Price,
            quantity = BasketOf(buyerId)[p.Id],
            lineTotal = p.Price * BasketOf(buyerId)[p.Id],
            priceWhenAdded = p.PriceWhenAdded,
            priceChanged = p.Price != p.PriceWhenAdded,
            available = true,
        }).ToList();
        return new { lines, total = lines.Sum(l => l.lineTotal) };
    }

    private static object Json(FakeProduct p) => new
    {
        id = p.Id,
        name = p.Name,
        description = $"The {p.Name}, built to last.",
        price = p.Price,
        brandId = 1,
        brand = p.Brand,
        typeId = 1,
        type = p.Type,
        availableStock = p.Stock,
        imageUrl = $"/api/catalog/items/{p.Id}/image",
    };

    private static object OrderJson(FakeOrder o) => new
    {
        orderId = o.Id,
        status = o.Status,
        reason = o.Reason,
        submittedAt = DateTimeOffset.UtcNow,
        updatedAt = DateTimeOffset.UtcNow,
        total = o.Product.Price * o.Quantity,
        lines = new[] { new { productId = o.Product.Id, productName = o.Product.Name, unitPrice = o.Product.Price, quantity = o.Quantity } },
        shippingAddress = new { fullName = "Ada Lovelace", street = "1 Analytical Way", city = "London", postalCode = "N1 1AA", country = "UK" },
        cardLast4 = "4242",
    };
}

public sealed record FakeProduct(int Id, string Name, decimal Price, int Stock, string Brand, string Type)
{
    public decimal PriceWhenAdded { get; set; } = Price;
}

public sealed record FakeOrder(Guid Id, string BuyerId, FakeProduct Product, int Quantity)
{
    public string Status { get; set; } = "Submitted";

    public string? Reason { get; set; }

    public string? IdempotencyKey { get; init; }
}

public sealed record FakeCheckout(string BuyerId, string IdempotencyKey, CheckoutBody Body);

public sealed record QuantityBody(int Quantity);

public sealed record CheckoutBody(CheckoutAddress ShippingAddress, CheckoutPayment Payment);

public sealed record CheckoutAddress(string FullName, string Street, string City, string PostalCode, string Country);

public sealed record CheckoutPayment(string CardNumber, string CardHolder, int ExpiryMonth, int ExpiryYear, string Cvc);
