using Npgsql;

namespace Shop.Testing.Soak;

/// <summary>What the databases say: the stock the soak starts from, whether the accepted orders have settled, and the
/// figures the invariants are checked against. Read straight from catalogdb and orderingdb, not through the services
/// under test.</summary>
internal sealed class SoakLedger(string catalogDb, string orderingDb)
{
    /// <summary>Plenty of every product but the scarce one, so most orders are paid and some are rejected for stock.</summary>
    private const int AmpleStock = 1_000_000;

    /// <summary>Sets the stock of the plan's products and returns it, by product id.</summary>
    public async Task<Dictionary<int, int>> StockUpAsync(SoakPlan plan)
    {
        await using var connection = await OpenAsync(catalogDb);
        await using (var update = new NpgsqlCommand(
            "UPDATE products SET available_stock = CASE WHEN id = $1 THEN $2 ELSE $3 END WHERE id BETWEEN 1 AND $1", connection))
        {
            update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = plan.Products });
            update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = plan.ScarceStock });
            update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = AmpleStock });
            if (await update.ExecuteNonQueryAsync() != plan.Products)
            {
                throw new InvalidOperationException($"The catalog does not have products 1 to {plan.Products}.");
            }
        }

        return await StockAsync(plan);
    }

    public async Task<Dictionary<int, int>> StockAsync(SoakPlan plan) =>
        await ReadPairsAsync(catalogDb, "SELECT id, available_stock FROM products WHERE id BETWEEN 1 AND $1", plan.Products);

    /// <summary>Units of each product in paid orders (every order in orderingdb: the soak's system is its own).</summary>
    public async Task<Dictionary<int, int>> PaidUnitsAsync() =>
        await ReadPairsAsync(orderingDb, """
            SELECT l.product_id, sum(l.quantity)::int FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.status = 'Paid' GROUP BY l.product_id
            """);

    /// <summary>The status of each accepted order that orderingdb has, and when it last changed.</summary>
    public async Task<Dictionary<Guid, (string Status, DateTimeOffset UpdatedAt)>> StatusesAsync(IReadOnlyCollection<Guid> orderIds)
    {
        await using var connection = await OpenAsync(orderingDb);
        await using var query = new NpgsqlCommand("SELECT id, status, updated_at FROM orders WHERE id = ANY($1)", connection)
        {
            Parameters = { new NpgsqlParameter<Guid[]> { TypedValue = [.. orderIds] } },
        };
        var statuses = new Dictionary<Guid, (string, DateTimeOffset)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses[reader.GetGuid(0)] = (reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        return statuses;
    }

    /// <summary>Orders in orderingdb that no shopper was told had been accepted.</summary>
    public async Task<long> UnannouncedOrdersAsync(IReadOnlyCollection<Guid> orderIds) =>
        await ScalarAsync(orderingDb, "SELECT count(*) FROM orders WHERE NOT (id = ANY($1))", [.. orderIds]);

    /// <summary>Paid orders without exactly one approved charge matching their payment id.</summary>
    public async Task<long> PaidOrdersWithoutOnePaymentAsync() => await ScalarAsync(orderingDb, """
        SELECT count(*) FROM orders o WHERE o.status = 'Paid' AND (SELECT count(*) FROM simulated_gateway_charges c
            WHERE c.idempotency_key = o.id AND c.outcome = 'approved' AND c.charge_id = o.payment_id) <> 1
        """);

    /// <summary>Approved charges whose order is not Paid: money taken for nothing.</summary>
    public async Task<long> ChargesWithoutPaidOrderAsync() => await ScalarAsync(orderingDb, """
        SELECT count(*) FROM simulated_gateway_charges c WHERE c.outcome = 'approved'
            AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = c.idempotency_key AND o.status = 'Paid')
        """);

    /// <summary>A count, given the order ids as <c>$1</c> when there are any.</summary>
    private static async Task<long> ScalarAsync(string connectionString, string sql, Guid[]? orderIds = null)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var query = new NpgsqlCommand(sql, connection);
        if (orderIds is not null)
        {
            query.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = orderIds });
        }

        return (long)(await query.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<int, int>> ReadPairsAsync(string connectionString, string sql, params int[] parameters)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var query = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            query.Parameters.Add(new NpgsqlParameter<int> { TypedValue = parameter });
        }

        var pairs = new Dictionary<int, int>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs[reader.GetInt32(0)] = reader.GetInt32(1);
        }

        return pairs;
    }

    /// <summary>Unpooled: PostgreSQL restarts during the soak, and a pool would hand out connections it closed.</summary>
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
