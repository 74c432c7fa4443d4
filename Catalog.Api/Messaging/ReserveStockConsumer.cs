using MassTransit;
using Shop.Catalog.Api.Stock;
using Shop.Contracts;
using Shop.Messaging;

namespace Shop.Catalog.Api.Messaging;

/// <summary>Reserves an order's stock and sends the answer to Ordering's queue. The decision commits before the answer
/// is sent; if the process dies in between, the redelivered command finds the decision and the answer goes out then.</summary>
public sealed partial class ReserveStockConsumer(StockReservations reservations, ILogger<ReserveStockConsumer> logger) : IConsumer<ReserveStock>
{
    public static readonly Uri ReplyAddress = new($"queue:{QueueNames.Ordering}");

    private static readonly TimeSpan _replyTimeout = TimeSpan.FromSeconds(10);

    public async Task Consume(ConsumeContext<ReserveStock> context)
    {
        var decision = await reservations.ReserveAsync(context.Message, context.CancellationToken);
        LogDecision(decision.OrderId, decision.Status);

        // Bounded: a send that times out fails the message, and the retry answers again from the stored decision.
        var ordering = await context.GetSendEndpoint(ReplyAddress);
        await BrokerConfirm.WithinAsync(_replyTimeout, token => decision.IsReserved
            ? ordering.Send(new StockReserved(decision.OrderId), token)
            : ordering.Send(new StockRejected(decision.OrderId, decision.UnavailableLines), token), context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock for order {OrderId}: {Status}")]
    private partial void LogDecision(Guid orderId, ReservationStatus status);
}
