using System.Collections.Concurrent;
using MassTransit;

namespace Shop.Catalog.Api.Tests;

/// <summary>Counts the messages the service's own bus has finished consuming, by type, so that a test can wait until a
/// command was handled even when handling it changes nothing.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Type, int> _consumed = new();

    public int Of<T>() => _consumed.GetValueOrDefault(typeof(T));

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _consumed.AddOrUpdate(typeof(T), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
