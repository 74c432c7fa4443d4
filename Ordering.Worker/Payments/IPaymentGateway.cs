namespace Shop.Ordering.Worker.Payments;

/// <summary>Charges a tokenized card. Charging again with the same idempotency key returns the first answer and
/// charges nothing more, so a redelivered message can never pay twice.</summary>
public interface IPaymentGateway
{
    /// <exception cref="PaymentGatewayUnavailableException">A transient failure: the same request may be retried.</exception>
    Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken);
}

public sealed record PaymentRequest(Guid IdempotencyKey, string CardToken, string CardLast4, decimal Amount);

/// <summary><see cref="ChargeId"/> is set when approved.</summary>
public sealed record PaymentResult(bool Approved, string? ChargeId);

/// <summary>The gateway could not answer this time; it charged nothing.</summary>
public sealed class PaymentGatewayUnavailableException(string message) : Exception(message);
