using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Shop.Contracts;
using Shop.Hosting.Postgres;
using Shop.Hosting.RabbitMQ;
using Shop.Hosting.Redis;
using Shop.Security;
using Shop.Testing;
using StackExchange.Redis;

namespace Shop.Basket.Api.Tests;

/// <summary>Basket.Api in-process against the real neighbours it has when deployed, started once for the assembly by
/// Hosting's testing builder: Redis, RabbitMQ, and the real Catalog.Api (from its build output) on PostgreSQL with the
/// seeded catalog. Each test uses buyers of its own, so tests never see each other's baskets.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class ShopFixture : IAsyncLifetime
{
    public const string BuyerTokenKey = "basket-tests-buyer-token-key-of-40-chars";
    public const string OperatorKey = "basket-tests-operator-key";

    private StartedApplication? _app;
    private BasketApiFactory? _basket;

    public StartedApplication App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public BasketApiFactory Basket => _basket ?? throw new InvalidOperationException("The fixture has not started.");

    public SubmittedOrders SubmittedOrders { get; private set; } = null!;

    public BuyerTokens Tokens { get; } = CreateTokens(TimeProvider.System);

    public async Task InitializeAsync()
    {
        var builder = TestServers.CreateBuilder();
        var postgres = builder.AddPostgres("postgres").RunAsLocalProcessWithoutContainerRuntime();
        var catalogDb = postgres.AddDatabase(ResourceNames.CatalogDatabase);
        var orderingDb = postgres.AddDatabase(ResourceNames.OrderingDatabase);
        var identityDb = postgres.AddDatabase(ResourceNames.IdentityDatabase);
        builder.AddRedis(ResourceNames.Cache).RunAsLocalProcessWithoutContainerRuntime();
        var messaging = builder.AddRabbitMQ(ResourceNames.Messaging).WithManagementPlugin().RunAsLocalProcessWithoutContainerRuntime();
        var migrator = builder.AddProject(ResourceNames.Migrator, Repository.ProjectFile("Migrator"))
            .WithReference(catalogDb).WaitFor(catalogDb)
            .WithReference(orderingDb).WaitFor(orderingDb)
            .WithReference(identityDb).WaitFor(identityDb);
        builder.AddProject(ResourceNames.CatalogApi, Repository.ProjectFile("Catalog.Api"))
            .WithReference(catalogDb).WaitForCompletion(migrator)
            .WithReference(messaging).WaitFor(messaging)
            .WithEnvironment("Operator__Key", OperatorKey)
            .WithEnvironment("BuyerTokens__Key", BuyerTokenKey);
        _app = await builder.StartAsync(TimeSpan.FromSeconds(240));

        _basket = new BasketApiFactory(Settings());
        SubmittedOrders = new SubmittedOrders(_app.GetConnectionString(ResourceNames.Messaging));
        await WaitUntilHealthyAsync(_basket);
    }

    /// <summary>Everything Basket.Api reads from its environment when the AppHost runs it.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:cache"] = App.GetConnectionString(ResourceNames.Cache),
        ["ConnectionStrings:messaging"] = App.GetConnectionString(ResourceNames.Messaging),
        ["services:catalog-api:http:0"] = App.GetEndpoint("catalog-api").ToString(),
        ["BuyerTokens:Key"] = BuyerTokenKey,
        // Short, so the broker-down test answers quickly.
        ["Checkout:SendTimeout"] = "00:00:03",
    };

    /// <summary>An HttpClient for the buyer, with a fresh buyer token.</summary>
    public HttpClient ClientFor(string buyerId) => ClientFor(Basket, buyerId);

    /// <summary>Another Basket.Api beside the fixture's, on the fixture's broker and catalog but with its own Redis.</summary>
    public BasketApiFactory BasketOn(string cacheConnectionString, Action<IServiceCollection>? configureServices = null)
    {
        var settings = Settings();
        settings["ConnectionStrings:cache"] = cacheConnectionString;
        return new BasketApiFactory(settings, configureServices);
    }

    /// <summary>An HttpClient of <paramref name="basket"/> for the buyer, with a fresh buyer token.</summary>
    public HttpClient ClientFor(BasketApiFactory basket, string buyerId)
    {
        var client = basket.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(buyerId));
        return client;
    }

    /// <summary>A connection of the test's own to the fixture's Redis, to look at what Basket.Api stored.</summary>
    public async Task<ConnectionMultiplexer> ConnectToRedisAsync() => await ConnectionMultiplexer.ConnectAsync(App.GetConnectionString(ResourceNames.Cache));

    /// <summary>A buyer id no other test uses.</summary>
    public static string NewBuyer() => $"buyer-{Guid.NewGuid():N}";

    /// <summary>Changes a price straight in Catalog's database, as an operator's edit would.</summary>
    public async Task SetCatalogPriceAsync(int productId, decimal price)
    {
        await using var connection = new NpgsqlConnection(App.GetConnectionString(ResourceNames.CatalogDatabase));
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE products SET price = $1 WHERE id = $2", connection)
        {
            Parameters = { new NpgsqlParameter<decimal> { TypedValue = price }, new NpgsqlParameter<int> { TypedValue = productId } },
        };
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    /// <summary>Changes a price through the catalog's operator API, which publishes <c>ProductPriceChanged</c>.</summary>
    public async Task ChangeCatalogPriceAsync(int productId, decimal price)
    {
        using var catalog = App.CreateHttpClient(ResourceNames.CatalogApi);
        catalog.DefaultRequestHeaders.Add(ShopAuth.OperatorKeyHeader, OperatorKey);
        var itemUri = new Uri($"/api/catalog/items/{productId}", UriKind.Relative);
        var item = (await catalog.GetFromJsonAsync<JsonObject>(itemUri))!;
        // Everything as it was but the price; without availableStock the stock stays as it is.
        using var update = await catalog.PutAsJsonAsync(
            itemUri, new { name = item["name"], description = item["description"], price, brandId = item["brandId"], typeId = item["typeId"] });
        update.EnsureSuccessStatusCode();
    }

    /// <summary>A product of the test's own, so that deleting it disturbs no other test.</summary>
    public async Task<int> AddCatalogProductAsync(decimal price)
    {
        await using var connection = new NpgsqlConnection(App.GetConnectionString(ResourceNames.CatalogDatabase));
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO products (name, description, price, available_stock, brand_id, type_id)
            VALUES ($1, '', $2, 10, (SELECT min(id) FROM brands), (SELECT min(id) FROM types))
            RETURNING id
            """,
            connection)
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = $"Test product {Guid.NewGuid():N}" }, new NpgsqlParameter<decimal> { TypedValue = price } },
        };
        return (int)(await insert.ExecuteScalarAsync())!;
    }

    public async Task DeleteCatalogProductAsync(int productId)
    {
        await using var connection = new NpgsqlConnection(App.GetConnectionString(ResourceNames.CatalogDatabase));
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM products WHERE id = $1", connection)
        {
            Parameters = { new NpgsqlParameter<int> { TypedValue = productId } },
        };
        Assert.Equal(1, await delete.ExecuteNonQueryAsync());
    }

    public static BuyerTokens CreateTokens(TimeProvider clock) =>
        new(Options.Create(new BuyerTokenOptions { Key = BuyerTokenKey }), clock);

    public async Task DisposeAsync()
    {
        if (_basket is not null)
        {
            await _basket.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The bus connects (and binds the replica's price change queue) in the background after start-up; tests
    /// start once it has.</summary>
    public static async Task WaitUntilHealthyAsync(BasketApiFactory basket)
    {
        ArgumentNullException.ThrowIfNull(basket);
        using var client = basket.CreateClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            deadline.Token.ThrowIfCancellationRequested();
            await Task.Delay(100, CancellationToken.None);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ShopSystem : ICollectionFixture<ShopFixture>
{
    public const string Name = "shop";
}
