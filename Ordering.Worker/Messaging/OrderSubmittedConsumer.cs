using MassTransit;
using Shop.Contracts;
using Shop.Ordering.Worker.Workflow;

namespace Shop.Ordering.Worker.Messaging;

public sealed class OrderSubmittedConsumer(OrderWorkflow workflow) : IConsumer<OrderSubmitted>
{
    public Task Consume(ConsumeContext<OrderSubmitted> context) => workflow.SubmitAsync(context.Message, context.CancellationToken);
}
