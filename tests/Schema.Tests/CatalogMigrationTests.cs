using Npgsql;
using Shop.Contracts;
using static Shop.Schema.Tests.PostgresFixture;

namespace Shop.Schema.Tests;

[Collection(Postgres.Name)]
public sealed class CatalogMigrationTests(PostgresFixture postgres)
{
    private const string Catalog = ResourceNames.CatalogDatabase;
    private static readonly int[] _allVersions = [1, 2, 3, 4, 5, 6, 7];

    [Fact]
    public async Task An_empty_database_gets_every_migration_and_a_second_run_applies_none()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());

        var first = await MigrateAsync(dataSource, Catalog);
        var second = await MigrateAsync(dataSource, Catalog);

        Assert.Equal(_allVersions, first);
        Assert.Empty(second);
        Assert.Equal((long)_allVersions.Length, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(_allVersions[^1], MigrationScript.LatestVersion(Catalog));
    }

    [Fact]
    public async Task The_seed_holds_over_a_hundred_products_of_eight_brands_and_six_types_each_with_a_price_and_a_description()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await MigrateAsync(dataSource, Catalog);

        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(DISTINCT name) FROM products") >= 100);
        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(DISTINCT brand_id) FROM products") >= 8);
        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(DISTINCT type_id) FROM products") >= 6);
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM products WHERE price <= 0 OR length(description) < 20"));
        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM products WHERE available_stock = 0") > 0, "Some products should be sold out.");
    }

    [Fact]
    public async Task Two_fresh_databases_get_the_same_products_under_the_same_ids()
    {
        await using var first = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await using var second = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await MigrateAsync(first, Catalog);
        await MigrateAsync(second, Catalog);

        const string Fingerprint = "SELECT md5(string_agg(id || name || price || available_stock || brand_id || type_id, ',' ORDER BY id)) FROM products";
        Assert.Equal(await ScalarAsync<string>(first, Fingerprint), await ScalarAsync<string>(second, Fingerprint));
    }

    [Fact]
    public async Task Overlapping_runs_apply_each_migration_exactly_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(dataSources.Select(dataSource => MigrateAsync(dataSource, Catalog)));

            Assert.Equal(_allVersions, results.SelectMany(applied => applied).Order());
            Assert.Equal((long)_allVersions.Length, await ScalarAsync<long>(dataSources[0], "SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }
}
