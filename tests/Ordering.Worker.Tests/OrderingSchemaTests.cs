using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class OrderingSchemaTests(ServersFixture servers)
{
    [Fact]
    public async Task An_empty_database_gets_the_schema_and_a_second_start_changes_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await servers.CreateDatabaseAsync("ordering"));
        var schema = new OrderingSchema(dataSource, NullLogger<OrderingSchema>.Instance);

        Assert.Equal(0, await schema.ReadVersionAsync(CancellationToken.None));
        Assert.True(await schema.EnsureAsync(CancellationToken.None));
        Assert.False(await schema.EnsureAsync(CancellationToken.None));
        Assert.Equal(OrderingSchema.Version, await schema.ReadVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Replicas_starting_together_all_end_with_the_schema_and_none_fails()
    {
        var connectionString = await servers.CreateDatabaseAsync("ordering");
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            await Task.WhenAll(dataSources.Select(
                dataSource => new OrderingSchema(dataSource, NullLogger<OrderingSchema>.Instance).EnsureAsync(CancellationToken.None)));

            await using var count = dataSources[0].CreateCommand("SELECT count(*) FROM ordering_schema");
            Assert.Equal(1L, await count.ExecuteScalarAsync());
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
