using System.Collections.Concurrent;
using MassTransit;
using Shop.Contracts;

namespace Shop.Catalog.Api.Tests;

/// <summary>Stands in for Ordering and Basket on a virtual host: sends stock commands to Catalog's queue and records
/// what Catalog sends to <c>queue:ordering</c> and publishes.</summary>
public sealed class TestBus : IAsyncDisposable
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(60);
    private static readonly Uri _catalogStock = new($"queue:{QueueNames.CatalogStock}");

    private readonly ConcurrentQueue<Received> _received = new();
    private readonly IBusControl _bus;

    private TestBus(string amqp) => _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
    {
        rabbit.Host(new Uri(amqp));
        rabbit.ReceiveEndpoint(QueueNames.Ordering, endpoint =>
        {
            endpoint.Handler<StockReserved>(Record);
            endpoint.Handler<StockRejected>(Record);
        });
        rabbit.ReceiveEndpoint("catalog-tests-price-changes", endpoint => endpoint.Handler<ProductPriceChanged>(Record));
    });

    public static async Task<TestBus> StartAsync(string amqp)
    {
        var bus = new TestBus(amqp);
        await bus._bus.StartAsync();
        return bus;
    }

    public async Task SendAsync<T>(T command) where T : class => await (await _bus.GetSendEndpoint(_catalogStock)).Send(command);

    /// <summary>The messages of type <typeparamref name="T"/> received so far.</summary>
    public IReadOnlyList<Received<T>> All<T>() where T : class =>
        [.. _received.Where(r => r.Message is T).Select(r => new Received<T>((T)r.Message, r.MessageId))];

    /// <summary>Waits until the messages of type <typeparamref name="T"/> satisfy <paramref name="done"/>; a deadline turns a
    /// message that never comes into a failure rather than a hang.</summary>
    public async Task<IReadOnlyList<Received<T>>> WaitForAsync<T>(Func<IReadOnlyList<Received<T>>, bool> done) where T : class
    {
        var giveUp = DateTime.UtcNow + _deadline;
        while (true)
        {
            var all = All<T>();
            if (done(all))
            {
                return all;
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Gave up waiting for {typeof(T).Name} messages; {all.Count} arrived.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The answers (StockReserved or StockRejected) received so far for the order.</summary>
    public IReadOnlyList<object> AnswersFor(Guid orderId) =>
        [.. _received.Select(r => r.Message).Where(m => m is StockReserved reserved && reserved.OrderId == orderId
            || m is StockRejected rejected && rejected.OrderId == orderId)];

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private Task Record<T>(ConsumeContext<T> context) where T : class
    {
        _received.Enqueue(new Received(context.Message, context.MessageId));
        return Task.CompletedTask;
    }

    private sealed record Received(object Message, Guid? MessageId);
}

public sealed record Received<T>(T Message, Guid? MessageId);
