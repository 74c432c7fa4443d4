using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shop.Catalog.Api.Infrastructure;
using Shop.Security;

namespace Shop.Catalog.Api.Tests;

/// <summary>A started Catalog.Api with its own database and virtual host, a client for shoppers and one for operators,
/// and direct SQL access to its database for arranging and checking.</summary>
public sealed class CatalogApp : IAsyncDisposable
{
    /// <summary>How many products the seed migration adds.</summary>
    public const long SeedProductCount = 128;

    private readonly CatalogApiFactory _factory;

    private CatalogApp(CatalogApiFactory factory, string databaseConnectionString, string messagingConnectionString)
    {
        _factory = factory;
        MessagingConnectionString = messagingConnectionString;
        Database = NpgsqlDataSource.Create(databaseConnectionString);
        Client = factory.CreateClient();
        Operator = factory.CreateClient();
        Operator.DefaultRequestHeaders.Add(ShopAuth.OperatorKeyHeader, CatalogApiFactory.OperatorKey);
    }

    public HttpClient Client { get; }

    /// <summary>Sends the right operator key.</summary>
    public HttpClient Operator { get; }

    public NpgsqlDataSource Database { get; }

    public string MessagingConnectionString { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the service on a database the migrator has brought up to date.</summary>
    public static CatalogApp Start(string databaseConnectionString, string messagingConnectionString)
    {
        var factory = new CatalogApiFactory(databaseConnectionString, messagingConnectionString);
        _ = factory.Services;
        return new CatalogApp(factory, databaseConnectionString, messagingConnectionString);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Adds a product straight to the database (brand 1, type 1) and returns its id.</summary>
    public async Task<int> AddProductAsync(string name, int stock, decimal price = 10m, string description = "")
    {
        await using var command = Database.CreateCommand(
            "INSERT INTO products (name, description, price, available_stock, brand_id, type_id) VALUES ($1, $2, $3, $4, 1, 1) RETURNING id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = description });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = price });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = stock });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits for something the service does after it has answered; a deadline turns "never" into a failure.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "The condition did not come true within a minute.");
            await Task.Delay(50);
        }
    }

    public Task<int> StockOfAsync(int productId) =>
        ScalarAsync<int>(string.Create(CultureInfo.InvariantCulture, $"SELECT available_stock FROM products WHERE id = {productId}"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Operator.Dispose();
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
