using Azure;
using Azure.Storage.Queues;
using Shop.Hosting.Azurite;

namespace Shop.Hosting.ScaleToZero;

/// <summary>Asks a storage account (Azurite) how many messages a queue holds, as KEDA's <c>azure-queue</c> scaler does:
/// the queue's approximate message count, which also counts the messages a consumer has taken and not yet deleted, so
/// a photo being processed keeps its processor awake.</summary>
internal sealed class StorageQueueLengths(AzuriteResource storage) : IQueueLengths
{
    private QueueServiceClient? _client;

    public async Task<uint?> WaitingAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            _client ??= new QueueServiceClient(
                await storage.ConnectionStringExpression.GetValueAsync(cancellationToken),
                // One quick question every poll; the next poll is the retry.
                new QueueClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
            var properties = await _client.GetQueueClient(queue).GetPropertiesAsync(cancellationToken);
            return (uint)properties.Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException failed) when (failed.Status == 404)
        {
            return 0;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
