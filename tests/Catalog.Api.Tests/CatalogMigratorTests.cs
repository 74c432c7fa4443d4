using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Catalog.Api.Infrastructure;

namespace Shop.Catalog.Api.Tests;

[Collection(CatalogServers.Name)]
public sealed class CatalogMigratorTests(CatalogServersFixture servers)
{
    private static readonly int[] _allVersions = [1, 2, 3, 4, 5];

    [Fact]
    public async Task An_empty_database_gets_every_migration_and_a_second_run_applies_none()
    {
        await using var dataSource = NpgsqlDataSource.Create(await servers.CreateDatabaseAsync());
        var migrator = new CatalogMigrator(dataSource, NullLogger<CatalogMigrator>.Instance);

        var first = await migrator.MigrateAsync(CancellationToken.None);
        var second = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(_allVersions, first);
        Assert.Empty(second);
        Assert.Equal(5L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task The_seed_holds_over_a_hundred_products_of_eight_brands_and_six_types_each_with_a_price_and_a_description()
    {
        await using var dataSource = NpgsqlDataSource.Create(await servers.CreateDatabaseAsync());
        await new CatalogMigrator(dataSource, NullLogger<CatalogMigrator>.Instance).MigrateAsync(CancellationToken.None);

        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(DISTINCT name) FROM products") >= 100);
        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(DISTINCT brand_id) FROM products") >= 8);
        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(DISTINCT type_id) FROM products") >= 6);
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM products WHERE price <= 0 OR length(description) < 20"));
        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM products WHERE available_stock = 0") > 0, "Some products should be sold out.");
    }

    [Fact]
    public async Task Two_fresh_databases_get_the_same_products_under_the_same_ids()
    {
        await using var first = NpgsqlDataSource.Create(await servers.CreateDatabaseAsync());
        await using var second = NpgsqlDataSource.Create(await servers.CreateDatabaseAsync());
        await new CatalogMigrator(first, NullLogger<CatalogMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await new CatalogMigrator(second, NullLogger<CatalogMigrator>.Instance).MigrateAsync(CancellationToken.None);

        const string Fingerprint = "SELECT md5(string_agg(id || name || price || available_stock || brand_id || type_id, ',' ORDER BY id)) FROM products";
        Assert.Equal(await ScalarAsync<string>(first, Fingerprint), await ScalarAsync<string>(second, Fingerprint));
    }

    [Fact]
    public async Task Replicas_starting_together_apply_each_migration_exactly_once()
    {
        var connectionString = await servers.CreateDatabaseAsync();
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(dataSources.Select(
                dataSource => new CatalogMigrator(dataSource, NullLogger<CatalogMigrator>.Instance).MigrateAsync(CancellationToken.None)));

            Assert.Equal(_allVersions, results.SelectMany(applied => applied).Order());
            Assert.Equal(5L, await ScalarAsync<long>(dataSources[0], "SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_service_migrates_at_start_up_and_a_restart_leaves_the_schema_as_it_was()
    {
        var connectionString = await servers.CreateDatabaseAsync();
        var messaging = await servers.CreateVirtualHostAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await StartAndStopServiceAsync(connectionString, messaging);
        var appliedAt = await ScalarAsync<DateTime>(dataSource, "SELECT max(applied_at) FROM schema_migrations");
        await StartAndStopServiceAsync(connectionString, messaging);

        Assert.Equal(5L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(appliedAt, await ScalarAsync<DateTime>(dataSource, "SELECT max(applied_at) FROM schema_migrations"));
    }

    private static async Task StartAndStopServiceAsync(string connectionString, string messaging)
    {
        await using var factory = new CatalogApiFactory(connectionString, messaging);
        _ = factory.Services.GetRequiredService<CatalogMigrator>();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
