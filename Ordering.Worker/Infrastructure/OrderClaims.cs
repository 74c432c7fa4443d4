using Npgsql;

namespace Shop.Ordering.Worker.Infrastructure;

/// <summary>Moves an anonymous buyer's orders to the account the shopper signed in to, and records the claim for the
/// orders still in flight (the insert trigger of migration 0003 reads it).</summary>
public sealed class OrderClaims(NpgsqlDataSource dataSource)
{
    /// <summary>The advisory lock class of claims ("Clai"), the one the insert trigger takes shared; the two-key form keeps
    /// it apart from the single-key locks (the schema migrator's).</summary>
    private const int LockClass = 1131176297;

    /// <summary>The number of orders moved: 0 for a repeated claim. One batch is one implicit transaction: the lock,
    /// the claim and the move commit together.</summary>
    public async Task<int> ClaimAsync(string fromBuyerId, string toBuyerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("SELECT pg_advisory_xact_lock($1, hashtext($2))", new NpgsqlParameter<int> { TypedValue = LockClass }, Text(fromBuyerId)),
                Command(
                    """
                    INSERT INTO buyer_claims (from_buyer_id, to_buyer_id, claimed_at) VALUES ($1, $2, now())
                    ON CONFLICT (from_buyer_id) DO UPDATE SET to_buyer_id = excluded.to_buyer_id, claimed_at = excluded.claimed_at
                    """,
                    Text(fromBuyerId),
                    Text(toBuyerId)),
                Command("UPDATE orders SET buyer_id = $2 WHERE buyer_id = $1", Text(fromBuyerId), Text(toBuyerId)),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return batch.BatchCommands[^1].RecordsAffected;
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };
}
