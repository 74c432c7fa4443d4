namespace Shop.Messaging;

/// <summary>Bounds a send or publish that waits for the broker's confirm. One caught in a broker restart can otherwise
/// wait forever (a known RabbitMQ.Client 7 fault), holding the consumer, request or loop that made it.</summary>
public static class BrokerConfirm
{
    /// <summary>Runs <paramref name="send"/> with a token cancelled after <paramref name="timeout"/>; a send cut off
    /// that way throws <see cref="TimeoutException"/>, so callers tell it from their own cancellation.</summary>
    public static async Task WithinAsync(TimeSpan timeout, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await send(limit.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm within {timeout}.", ex);
        }
    }
}
