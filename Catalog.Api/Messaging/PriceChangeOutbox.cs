namespace Shop.Catalog.Api.Messaging;

/// <summary>Wakes the <see cref="PriceChangePublisher"/> when a price change has been committed to the outbox table.</summary>
public sealed class PriceChangeOutbox : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Call after the transaction that wrote the outbox row has committed.</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already notified: one wake-up publishes everything pending.
        }
    }

    /// <summary>Returns when notified or when <paramref name="timeout"/> has passed (never, for an infinite timeout).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();
}
