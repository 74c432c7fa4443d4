using Npgsql;
using Shop.Contracts;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Reads the worker's tables directly, to check what the workflow recorded (orders, outbox, gateway ledger).</summary>
public sealed class OrderingDatabase(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public string ConnectionString { get; } = connectionString;

    /// <summary>Status and reason of each recorded order among <paramref name="orderIds"/>.</summary>
    public async Task<Dictionary<Guid, (OrderStatus Status, string? Reason)>> ReadStatusesAsync(IEnumerable<Guid> orderIds)
    {
        var result = new Dictionary<Guid, (OrderStatus, string?)>();
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT id, status, cancel_reason FROM orders WHERE id = ANY($1)");
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. orderIds] });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result[reader.GetGuid(0)] = (Enum.Parse<OrderStatus>(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The worker has not created its schema yet.
        }

        return result;
    }

    /// <summary>The buyer each recorded order among <paramref name="orderIds"/> belongs to.</summary>
    public async Task<Dictionary<Guid, string>> ReadBuyersAsync(IEnumerable<Guid> orderIds)
    {
        await using var command = _dataSource.CreateCommand("SELECT id, buyer_id FROM orders WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. orderIds] });
        await using var reader = await command.ExecuteReaderAsync();
        var buyers = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            buyers[reader.GetGuid(0)] = reader.GetString(1);
        }

        return buyers;
    }

    public Task<long> CountOrdersAsync() => ScalarAsync<long>("SELECT count(*) FROM orders");

    public Task<long> CountOutboxAsync() => ScalarAsync<long>("SELECT count(*) FROM outbox_messages");

    /// <summary>Rows in the simulated gateway's ledger for the order (its charges), and how often it was asked.</summary>
    public async Task<(long Charges, int Attempts, string? Outcome)> ReadChargesAsync(Guid orderId)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*), coalesce(sum(attempts), 0)::int, max(outcome) FROM simulated_gateway_charges WHERE idempotency_key = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    public Task<long> CountApprovedChargesAsync() =>
        ScalarAsync<long>("SELECT count(*) FROM simulated_gateway_charges WHERE outcome = 'approved'");

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
