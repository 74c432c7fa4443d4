using MassTransit;
using Microsoft.Extensions.Options;
using Shop.Contracts;
using Shop.Messaging;

namespace Shop.Basket.Api.Checkout;

/// <summary>Sends <see cref="OrderSubmitted"/> to Ordering's queue, where it waits even while Ordering is scaled to zero.
/// The send completes only when the broker confirms the persistent message (publisher confirms), so a completed send
/// is a queued order. The message id is the order id: a resumed checkout resends the same message, which the
/// consumer can recognise.</summary>
public sealed class OrderSender(IBus bus, IOptions<CheckoutOptions> options)
{
    private static readonly Uri _orderingQueue = new($"queue:{QueueNames.Ordering}");

    public async Task SendAsync(OrderSubmitted order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            var endpoint = await bus.GetSendEndpoint(_orderingQueue);
            await BrokerConfirm.WithinAsync(
                options.Value.SendTimeout, token => endpoint.Send(order, context => context.MessageId = order.OrderId, token), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not ArgumentException)
        {
            // MassTransit reports a broker outage with several exception types (connection, channel, confirm timeout,
            // our own time limit); for the caller they all mean the order may not be queued.
            throw new OrderNotSentException($"Order {order.OrderId} was not confirmed by the broker: {ex.Message}", ex);
        }
    }
}
