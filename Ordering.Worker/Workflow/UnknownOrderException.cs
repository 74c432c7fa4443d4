namespace Shop.Ordering.Worker.Workflow;

/// <summary>A message about an order this service never recorded: retrying cannot help, so it goes to the error queue.</summary>
public sealed class UnknownOrderException(Guid orderId) : Exception($"Order {orderId} is not known.")
{
    public Guid OrderId { get; } = orderId;
}
