using MassTransit;
using Shop.Contracts;
using Shop.Ordering.Worker.Workflow;

namespace Shop.Ordering.Worker.Messaging;

public sealed class StockReservedConsumer(OrderWorkflow workflow) : IConsumer<StockReserved>
{
    public Task Consume(ConsumeContext<StockReserved> context) => workflow.StockReservedAsync(context.Message.OrderId, context.CancellationToken);
}
