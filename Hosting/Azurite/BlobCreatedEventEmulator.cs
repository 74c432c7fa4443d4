using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Shop.Hosting.Azurite;

/// <summary>Event Grid's storage subscription, emulated: lists the container twice a second and sends each blob that is
/// new (or was overwritten: a new ETag) as a <c>Microsoft.Storage.BlobCreated</c> event in the Event Grid schema, base64
/// text in the storage queue, as Azure delivers it. Delivery is at least once, as in Azure: after an app host restart
/// every blob already in the container is sent again, so the consumer must be idempotent.</summary>
public sealed partial class BlobCreatedEventEmulator(string connectionString, string container, string queue, ILogger logger)
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<string, ETag> _sent = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var blobs = new BlobServiceClient(connectionString).GetBlobContainerClient(container);
        var events = new QueueClient(connectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SendNewBlobsAsync(blobs, events, cancellationToken);
                await Task.Delay(_pollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RequestFailedException or HttpRequestException)
            {
                // Azurite restarting: the next poll sends what this one missed.
                LogPollFailed(logger, exception.Message);
                await Task.Delay(_pollInterval, CancellationToken.None);
            }
        }
    }

    private async Task SendNewBlobsAsync(BlobContainerClient blobs, QueueClient events, CancellationToken cancellationToken)
    {
        await foreach (var blob in blobs.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = blob.Properties.ETag ?? default;
            if (_sent.TryGetValue(blob.Name, out var sent) && sent == etag)
            {
                continue;
            }

            await events.SendMessageAsync(BinaryData.FromString(BlobCreated(blobs, blob).ToJsonString()), cancellationToken: cancellationToken);
            _sent[blob.Name] = etag;
            LogSent(logger, blob.Name);
        }
    }

    /// <summary>The event as Azure's Event Grid schema has it (the fields a subscriber reads; the topic names a local
    /// account under an all-zero subscription).</summary>
    private static JsonObject BlobCreated(BlobContainerClient blobs, BlobItem blob)
    {
        var properties = blob.Properties;
        var created = properties.LastModified ?? DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["topic"] = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/{blobs.AccountName}",
            ["subject"] = $"/blobServices/default/containers/{blobs.Name}/blobs/{blob.Name}",
            ["eventType"] = "Microsoft.Storage.BlobCreated",
            ["id"] = Guid.NewGuid().ToString(),
            ["data"] = new JsonObject
            {
                ["api"] = "PutBlob",
                ["clientRequestId"] = Guid.NewGuid().ToString(),
                ["requestId"] = Guid.NewGuid().ToString(),
                ["eTag"] = properties.ETag?.ToString(),
                ["contentType"] = properties.ContentType,
                ["contentLength"] = properties.ContentLength,
                ["blobType"] = "BlockBlob",
                ["url"] = blobs.GetBlobClient(blob.Name).Uri.AbsoluteUri,
                ["sequencer"] = created.UtcTicks.ToString("x32", CultureInfo.InvariantCulture),
                ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.NewGuid().ToString() },
            },
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
            ["eventTime"] = created.ToString("O", CultureInfo.InvariantCulture),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "BlobCreated event sent for {Blob}")]
    private static partial void LogSent(ILogger logger, string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the container for new blobs failed ({Reason}); trying again")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
