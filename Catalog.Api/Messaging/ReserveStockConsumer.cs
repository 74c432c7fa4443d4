using MassTransit;
using Shop.Catalog.Api.Stock;
using Shop.Contracts;

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

        // A send caught in a broker restart can wait for its confirm forever; bounded, it fails and the retry answers again.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(_replyTimeout);
        var ordering = await context.GetSendEndpoint(ReplyAddress);
        try
        {
            if (decision.IsReserved)
            {
                await ordering.Send(new StockReserved(decision.OrderId), timeout.Token);
            }
            else
            {
                await ordering.Send(new StockRejected(decision.OrderId, decision.UnavailableLines), timeout.Token);
            }
        }
        catch (OperationCanceledException ex) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm the answer for order {decision.OrderId} within {_replyTimeout}.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock for order {OrderId}: {Status}")]
    private partial void LogDecision(Guid orderId, ReservationStatus status);
}
