extern alias catalog;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>The real Catalog.Api, in-process on its own fresh catalogdb and the test's virtual host: its stock consumer
/// answers the worker's ReserveStock and ReleaseStock. Stock and reservations are read from its tables.</summary>
public sealed class InProcessCatalog(string database, string broker) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(database);
    private readonly WarningLog _warnings = new();
    private CatalogApiFactory? _app;

    /// <summary>The last warnings and errors it logged, newest last.</summary>
    public string Output => _warnings.ToString();

    /// <summary>The running app's services.</summary>
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("Catalog.Api is not running.")).Services;

    /// <summary>Starts it (its migrations run) and returns once it is healthy, its stock queue bound.</summary>
    public async Task StartAsync()
    {
        _app = new CatalogApiFactory(database, broker, _warnings);
        using var client = _app.CreateClient();
        await Eventually.HoldsAsync(
            async () => (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            () => Task.FromResult("Catalog.Api is not healthy"));
    }

    /// <summary>Stops the running app, if any, and starts a fresh one; returns its services.</summary>
    public async Task<IServiceProvider> RestartAsync()
    {
        await StopAsync();
        await StartAsync();
        return Services;
    }

    /// <summary>Stops consuming: messages wait in its queue until the next start.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await BoundedStop.DisposeAsync(_app);
            _app = null;
        }
    }

    /// <summary>Sets a product's available stock (products are seeded by its migrations).</summary>
    public async Task SetStockAsync(int productId, int available)
    {
        await using var command = _dataSource.CreateCommand("UPDATE products SET available_stock = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = productId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = available });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public async Task<int> GetStockAsync(int productId)
    {
        await using var command = _dataSource.CreateCommand("SELECT available_stock FROM products WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = productId });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many times stock was taken for the order (at most once, if the catalog is right).</summary>
    public async Task<int> CountReservationsAsync(Guid orderId)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*)::int FROM stock_reservations WHERE order_id = $1 AND status IN ('reserved', 'released')");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Whether it holds stock for the order (reserved and not released).</summary>
    public async Task<bool> HoldsStockForAsync(Guid orderId)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*) > 0 FROM stock_reservations WHERE order_id = $1 AND status = 'reserved'");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _dataSource.DisposeAsync();
    }

    private sealed class CatalogApiFactory(string database, string broker, WarningLog warnings) : WebApplicationFactory<catalog::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:catalogdb", database);
            builder.UseSetting("ConnectionStrings:messaging", broker);
            builder.UseSetting("Operator:Key", WorkerSettings.OperatorKey);
            WorkerSettings.Apply(builder, WorkerSettings.Watchdog);
            builder.ConfigureLogging(logging => logging.AddProvider(warnings));
        }
    }
}
