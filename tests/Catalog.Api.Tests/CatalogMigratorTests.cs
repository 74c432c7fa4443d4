using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Catalog.Api.Infrastructure;

namespace Shop.Catalog.Api.Tests;

[Collection(PostgresServer.Name)]
public sealed class CatalogMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_empty_database_gets_every_migration_and_a_second_run_applies_none()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        var migrator = new CatalogMigrator(dataSource, NullLogger<CatalogMigrator>.Instance);

        var first = await migrator.MigrateAsync(CancellationToken.None);
        var second = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal([1], first);
        Assert.Empty(second);
        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schema_migrations"));
        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM products") >= 5);
    }

    [Fact]
    public async Task Replicas_starting_together_apply_each_migration_exactly_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(dataSources.Select(
                dataSource => new CatalogMigrator(dataSource, NullLogger<CatalogMigrator>.Instance).MigrateAsync(CancellationToken.None)));

            Assert.Equal([1], results.SelectMany(applied => applied));
            Assert.Equal(1L, await ScalarAsync<long>(dataSources[0], "SELECT count(*) FROM schema_migrations"));
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
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await StartAndStopServiceAsync(connectionString);
        var appliedAt = await ScalarAsync<DateTime>(dataSource, "SELECT applied_at FROM schema_migrations WHERE version = 1");
        await StartAndStopServiceAsync(connectionString);

        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(appliedAt, await ScalarAsync<DateTime>(dataSource, "SELECT applied_at FROM schema_migrations WHERE version = 1"));
    }

    private static async Task StartAndStopServiceAsync(string connectionString)
    {
        await using var factory = new CatalogApiFactory(connectionString);
        _ = factory.Services.GetRequiredService<CatalogMigrator>();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
