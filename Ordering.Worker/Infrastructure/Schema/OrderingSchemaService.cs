namespace Shop.Ordering.Worker.Infrastructure;

/// <summary>Runs before the bus starts (it is registered first), so no message is handled against an old schema.</summary>
internal sealed class OrderingSchemaService(OrderingSchema schema) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => schema.EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
