using MassTransit;
using Shop.Contracts;
using Shop.Ordering.Worker.Workflow;

namespace Shop.Ordering.Worker.Messaging;

public sealed class StockRejectedConsumer(OrderWorkflow workflow) : IConsumer<StockRejected>
{
    public Task Consume(ConsumeContext<StockRejected> context) => workflow.StockRejectedAsync(context.Message.OrderId, context.CancellationToken);
}
