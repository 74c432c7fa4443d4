using Shop.Contracts;
using Shop.Ordering.Worker.Model;
using Shop.Ordering.Worker.Outbox;

namespace Shop.Ordering.Worker.Workflow;

/// <summary>What an order in its current status owes the rest of the system. Written to the outbox with each
/// transition, and written again when a message about the order is delivered again: the crash that caused the
/// redelivery may have come before the first dispatch, and every receiver is idempotent.</summary>
internal static class OrderMessages
{
    public static IEnumerable<OutboxMessage> ImpliedBy(Order order, DateTimeOffset now)
    {
        yield return OutboxMessage.Publish(new OrderStatusChanged(order.Id, order.BuyerId, order.Status, order.Reason, order.UpdatedAt), now);

        if (order.Status is OrderStatus.Submitted)
        {
            // One line per product: Catalog reserves each product once.
            var lines = order.Lines.GroupBy(line => line.ProductId)
                .Select(product => new StockLine(product.Key, product.Sum(line => line.Quantity)))
                .ToList();
            yield return OutboxMessage.Send(QueueNames.CatalogStock, new ReserveStock(order.Id, lines), now);
        }
        else if (order is { Status: OrderStatus.Cancelled, CancelReason: { } reason } && reason.MayHoldStock())
        {
            yield return OutboxMessage.Send(QueueNames.CatalogStock, new ReleaseStock(order.Id), now);
        }
    }
}
