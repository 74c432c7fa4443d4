using Shop.Basket.Api.Infrastructure;
using Shop.Basket.Api.Model;
using Shop.Contracts;

namespace Shop.Basket.Api.Checkout;

/// <summary>Turns a basket into a submitted order, once per idempotency key: record the key's order id, re-price every
/// line from the catalog, send the order and wait for the broker's confirm, and only then take the lines out of the
/// basket. Any failure before the confirm leaves the basket as it was.</summary>
public sealed partial class CheckoutService(
    BasketStore baskets, CheckoutStore checkouts, CatalogClient catalog, OrderSender sender, TimeProvider time, ILogger<CheckoutService> logger)
{
    public async Task<CheckoutOutcome> CheckOutAsync(
        string buyerId, string idempotencyKey, ShippingAddress address, PaymentMethod payment, CancellationToken cancellationToken)
    {
        var attempt = await checkouts.BeginAsync(buyerId, idempotencyKey, cancellationToken);
        if (attempt.IsCompleted)
        {
            return new CheckoutOutcome.Submitted(attempt.OrderId);
        }

        if (!attempt.HasLock)
        {
            return new CheckoutOutcome.InProgress();
        }

        var sent = false;
        var forgetKey = false;
        try
        {
            var lines = await baskets.GetLinesAsync(buyerId, cancellationToken);
            if (lines.Count == 0)
            {
                // Nothing was ever sent under this key, so it may serve a later checkout.
                forgetKey = true;
                return new CheckoutOutcome.EmptyBasket();
            }

            var items = await catalog.GetItemsAsync([.. lines.Select(line => line.ProductId)], cancellationToken);
            var unavailable = lines.Where(line => !items.ContainsKey(line.ProductId)).Select(line => line.ProductId).ToList();
            if (unavailable.Count > 0)
            {
                return new CheckoutOutcome.UnavailableProducts(unavailable);
            }

            var order = new OrderSubmitted(
                attempt.OrderId,
                buyerId,
                [.. lines.Select(line => new OrderLine(line.ProductId, items[line.ProductId].Name, items[line.ProductId].Price, line.Quantity))],
                address,
                payment,
                time.GetUtcNow());
            if (OrderSubmittedRules.Problems(order) is { Count: > 0 } problems)
            {
                // Sent, it would be refused by Ordering; nothing was sent, so the key may serve a corrected checkout.
                forgetKey = true;
                LogUnrecordable(attempt.OrderId, string.Join(", ", problems.Keys));
                return new CheckoutOutcome.Unrecordable(problems);
            }

            try
            {
                await sender.SendAsync(order, cancellationToken);
            }
            catch (OrderNotSentException ex)
            {
                LogNotSent(ex, attempt.OrderId);
                return new CheckoutOutcome.BrokerUnavailable(attempt.OrderId);
            }

            sent = true;
            try
            {
                await checkouts.CompleteAsync(buyerId, idempotencyKey, attempt, lines, cancellationToken);
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or StackExchange.Redis.RedisTimeoutException)
            {
                // The broker has confirmed the order: it is placed, and the shopper is told so. Answering 503 instead said
                // "not submitted" and sent the shopper's retries into this attempt's lock, left behind with the record
                // pending: 409 for the lock's whole minute (found by the chaos soak, across a Redis restart). The basket
                // keeps the lines; a later attempt with this key resends the same order id, which Ordering drops.
                LogNotCompleted(ex, attempt.OrderId);
            }

            LogSubmitted(attempt.OrderId, lines.Count);
            return new CheckoutOutcome.Submitted(attempt.OrderId);
        }
        finally
        {
            if (!sent)
            {
                await ReleaseAsync(buyerId, idempotencyKey, attempt, forgetKey);
            }
        }
    }

    private async Task ReleaseAsync(string buyerId, string idempotencyKey, CheckoutAttempt attempt, bool forgetKey)
    {
        try
        {
            // Not the request's token: the lock must go even when the caller has gone.
            await checkouts.ReleaseAsync(buyerId, idempotencyKey, attempt, forgetKey, CancellationToken.None);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or StackExchange.Redis.RedisTimeoutException)
        {
            // The lock expires on its own; the failure that brought us here is the one to report.
            LogReleaseFailed(ex, attempt.OrderId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the checkout lock of order {OrderId}")]
    private partial void LogReleaseFailed(Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was submitted, but its lines could not be taken out of the basket")]
    private partial void LogNotCompleted(Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} submitted with {LineCount} lines")]
    private partial void LogSubmitted(Guid orderId, int lineCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} not submitted: Ordering could not record it ({Fields})")]
    private partial void LogUnrecordable(Guid orderId, string fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} could not be submitted; the basket is kept")]
    private partial void LogNotSent(Exception exception, Guid orderId);
}
