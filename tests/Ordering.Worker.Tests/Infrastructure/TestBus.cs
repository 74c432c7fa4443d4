using System.Collections.Concurrent;
using MassTransit;
using Shop.Contracts;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>The test's own bus on the test's virtual host: it sends <c>OrderSubmitted</c> as Basket.Api does (to
/// <c>queue:ordering</c>, with publisher confirms) and records every <c>OrderStatusChanged</c> the worker publishes.</summary>
public sealed class TestBus : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private TestBus(string broker) => _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
    {
        rabbit.Host(new Uri(broker));
        rabbit.ReceiveEndpoint("test-order-status-changes", endpoint => endpoint.Handler<OrderStatusChanged>(context =>
        {
            StatusChanges.Enqueue(context.Message);
            return Task.CompletedTask;
        }));
    });

    public ConcurrentQueue<OrderStatusChanged> StatusChanges { get; } = new();

    public static async Task<TestBus> StartAsync(string broker)
    {
        var bus = new TestBus(broker);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus._bus.StartAsync(timeout.Token);
        return bus;
    }

    /// <summary>Sends to a queue, trying again until the broker confirms: a checkout retries through a broker restart.</summary>
    public async Task SendAsync<TMessage>(string queue, TMessage message) where TMessage : class
    {
        using var deadline = new CancellationTokenSource(Eventually.DefaultDeadline);
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{queue}"));
                await endpoint.Send(message, attempt.Token);
                return;
            }
            catch (Exception) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(250, CancellationToken.None);
            }
        }
    }

    public Task SubmitAsync(OrderSubmitted order) => SendAsync(QueueNames.Ordering, order);

    /// <summary>The statuses published for one order, in arrival order, repeats removed.</summary>
    public IReadOnlyList<OrderStatus> StatusesOf(Guid orderId) =>
        [.. StatusChanges.Where(change => change.OrderId == orderId).Select(change => change.Status).Distinct()];

    public async ValueTask DisposeAsync() => await _bus.StopAsync(CancellationToken.None);
}
