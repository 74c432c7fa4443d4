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

    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Counts the attempt and locks the key's row, so concurrent attempts with one key answer one after the other.
        await using var attempt = new NpgsqlCommand("""
            INSERT INTO simulated_gateway_charges AS c (idempotency_key, card_token, amount, attempts, created_at)
            VALUES ($1, $2, $3, 1, now())
            ON CONFLICT (idempotency_key) DO UPDATE SET attempts = c.attempts + 1
            RETURNING c.attempts, c.outcome, c.charge_id
            """, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = request.IdempotencyKey },
                new NpgsqlParameter<string> { TypedValue = request.CardToken },
                new NpgsqlParameter<decimal> { TypedValue = request.Amount },
            },
        };
        int attempts;
        await using (var reader = await attempt.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            attempts = reader.GetInt32(0);
            if (!reader.IsDBNull(1))
            {
                // Asked again: the first answer stands.
                return new PaymentResult(reader.GetString(1) == Approved, reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }

        if (request.CardLast4 == TransientFailureCardLast4 && attempts == 1)
        {
            await transaction.CommitAsync(cancellationToken);
            throw new PaymentGatewayUnavailableException("The payment gateway is temporarily unavailable.");
        }

        var result = request.CardLast4 == DeclinedCardLast4
            ? new PaymentResult(Approved: false, ChargeId: null)
            : new PaymentResult(Approved: true, ChargeId: $"ch_{Guid.NewGuid():N}");
        await using var decide = new NpgsqlCommand(
            "UPDATE simulated_gateway_charges SET outcome = $2, charge_id = $3 WHERE idempotency_key = $1", connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = request.IdempotencyKey },
                new NpgsqlParameter<string> { TypedValue = result.Approved ? Approved : Declined },
                new NpgsqlParameter { Value = (object?)result.ChargeId ?? DBNull.Value },
            },
        };
        await decide.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
