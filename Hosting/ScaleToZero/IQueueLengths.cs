using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Azurite;

namespace Shop.Hosting.ScaleToZero;

/// <summary>How many messages wait in a server's queues, asked as KEDA's scaler for that server asks.</summary>
internal interface IQueueLengths : IAsyncDisposable
{
    /// <summary>The messages waiting in <paramref name="queue"/>; 0 for a queue that does not exist yet; null when the
    /// server does not answer.</summary>
    Task<uint?> WaitingAsync(string queue, CancellationToken cancellationToken);

    /// <summary>The way to ask <paramref name="server"/>.</summary>
    static IQueueLengths For(IResourceWithConnectionString server) => server switch
    {
        RabbitMQServerResource broker => new QueueLengths(broker),
        AzuriteResource storage => new StorageQueueLengths(storage),
        _ => throw new InvalidOperationException($"The scale-to-zero mode cannot read the queues of '{server.Name}' ({server.GetType().Name})."),
    };
}
