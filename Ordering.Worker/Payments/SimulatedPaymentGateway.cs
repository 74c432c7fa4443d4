using Npgsql;

namespace Shop.Ordering.Worker.Payments;

/// <summary>A stand-in for a card gateway, deciding by the card's last four digits as gateways' test cards do:
/// <list type="bullet">
/// <item>4242 4242 4242 4242 approves;</item>
/// <item>4000 0000 0000 0002 is declined;</item>
/// <item>4000 0000 0000 9995 fails transiently on the first attempt, then approves;</item>
/// <item>any other valid card approves.</item>
/// </list>
/// Like a real gateway it keeps its own ledger (table <c>simulated_gateway_charges</c>, written outside the caller's
/// transaction): one row per idempotency key, with the attempts made and the answer given.</summary>
public sealed class SimulatedPaymentGateway(NpgsqlDataSource dataSource) : IPaymentGateway
{
    public const string DeclinedCardLast4 = "0002";
    public const string TransientFailureCardLast4 = "9995";

    private const string Approved = "approved";
    private const string Declined = "declined";

    /// <summary>One statement, committed on its own: it counts the attempt and, unless an earlier attempt decided,
    /// records this attempt's decision; the row it returns holds the answer that stands. Concurrent attempts with one
    /// key serialise on the key's row.</summary>
    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        // The transient card decides nothing on its first attempt; on any later one it approves like any other card.
        var declined = request.CardLast4 == DeclinedCardLast4;
        var transient = request.CardLast4 == TransientFailureCardLast4;
        var chargeId = declined ? null : $"ch_{Guid.NewGuid():N}";
        await using var command = dataSource.CreateCommand("""
            INSERT INTO simulated_gateway_charges AS c (idempotency_key, card_token, amount, attempts, created_at, outcome, charge_id)
            VALUES ($1, $2, $3, 1, now(), CASE WHEN $6 THEN NULL ELSE $4 END, CASE WHEN $6 THEN NULL ELSE $5 END)
            ON CONFLICT (idempotency_key) DO UPDATE SET
                attempts = c.attempts + 1,
                outcome = COALESCE(c.outcome, $4),
                charge_id = CASE WHEN c.outcome IS NULL THEN $5 ELSE c.charge_id END
            RETURNING c.attempts, c.outcome, c.charge_id
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = request.IdempotencyKey });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.CardToken });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = request.Amount });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = declined ? Declined : Approved });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)chargeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = transient });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(1))
        {
            throw new PaymentGatewayUnavailableException("The payment gateway is temporarily unavailable.");
        }

        return new PaymentResult(reader.GetString(1) == Approved, reader.IsDBNull(2) ? null : reader.GetString(2));
    }
}
