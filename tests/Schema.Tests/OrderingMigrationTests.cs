using Npgsql;
using Shop.Contracts;
using static Shop.Schema.Tests.PostgresFixture;

namespace Shop.Schema.Tests;

[Collection(Postgres.Name)]
public sealed class OrderingMigrationTests(PostgresFixture postgres)
{
    private const string Ordering = ResourceNames.OrderingDatabase;

    [Fact]
    public async Task An_empty_database_gets_every_migration_and_a_second_run_applies_none()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());

        Assert.Equal([1, 2, 3], await MigrateAsync(dataSource, Ordering));
        Assert.Empty(await MigrateAsync(dataSource, Ordering));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task A_database_the_worker_created_before_the_migrator_keeps_its_orders_and_loses_only_the_old_stamp()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await using (var former = dataSource.CreateCommand(MigrationScript.LoadAll(Ordering)[0].Sql + """
            CREATE TABLE ordering_schema (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), version integer NOT NULL);
            INSERT INTO ordering_schema (version) VALUES (1);
            INSERT INTO orders (id, buyer_id, status, submitted_at, updated_at, total, ship_full_name, ship_street, ship_city,
                                ship_postal_code, ship_country, card_token, card_last4)
            VALUES (gen_random_uuid(), 'buyer-1', 'Paid', now(), now(), 42.50, 'Ada', '1 Main St', 'Springfield', '12345', 'US', 'tok', '4242');
            """))
        {
            await former.ExecuteNonQueryAsync();
        }

        Assert.Equal([1, 2, 3], await MigrateAsync(dataSource, Ordering));
        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM orders WHERE buyer_id = 'buyer-1' AND total = 42.50"));
        Assert.True(await ScalarAsync<bool>(dataSource, "SELECT to_regclass('ordering_schema') IS NULL"));
    }
}
