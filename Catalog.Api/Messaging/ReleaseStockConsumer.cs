using MassTransit;
using Shop.Catalog.Api.Stock;
using Shop.Contracts;

namespace Shop.Catalog.Api.Messaging;

/// <summary>Gives an order's reserved stock back, once however often the command arrives.</summary>
public sealed partial class ReleaseStockConsumer(StockReservations reservations, ILogger<ReleaseStockConsumer> logger) : IConsumer<ReleaseStock>
{
    public async Task Consume(ConsumeContext<ReleaseStock> context)
    {
        var outcome = await reservations.ReleaseAsync(context.Message.OrderId, context.CancellationToken);
        LogOutcome(context.Message.OrderId, outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock release for order {OrderId}: {Outcome}")]
    private partial void LogOutcome(Guid orderId, ReleaseOutcome outcome);
}
