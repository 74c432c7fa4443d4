using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MassTransit;
using Microsoft.Extensions.Options;
using Shop.Contracts;

namespace Shop.PhotoProcessor.Processing;

/// <summary>Takes BlobCreated events from the storage queue one at a time. An event stays invisible while it is
/// processed and is deleted only once Catalog.Api's message is confirmed by the broker: a process killed in between
/// leaves it to reappear after the visibility timeout, and the idempotent pipeline gives the same answer again.</summary>
public sealed partial class PhotoEventListener(
    QueueClient queue, PhotoPipeline pipeline, IBus bus, IOptions<PhotoProcessorOptions> options, ILogger<PhotoEventListener> logger) : BackgroundService
{
    private readonly PhotoProcessorOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var received = await queue.ReceiveMessageAsync(_options.VisibilityTimeout, stoppingToken);
                if (received.Value is not { } message)
                {
                    await Task.Delay(_options.IdlePollInterval, stoppingToken);
                    continue;
                }

                await HandleAsync(message, stoppingToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Storage or the broker unreachable for a moment: the event, if one was taken, reappears after its
                // visibility timeout and is processed again; the process stays up for the next one.
                LogFailed(logger, exception);
                await Task.Delay(_options.IdlePollInterval, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (!TryReadBlobCreated(message.Body, out var blob))
        {
            LogNotBlobCreated(logger, message.MessageId);
            return;
        }

        if (blob.BlobContainerName != PhotoStorage.IncomingContainer)
        {
            return;
        }

        object? answer;
        if (message.DequeueCount > _options.MaxDeliveries && PhotoPipeline.TryParseName(blob.BlobName, out var productId, out var uploadId))
        {
            answer = new ProductPhotoRejected(productId, uploadId, "The photo could not be processed; upload it again.");
        }
        else
        {
            answer = await pipeline.ProcessAsync(blob.BlobName, cancellationToken);
        }

        if (answer is not null)
        {
            await bus.Publish(answer, cancellationToken);
            LogAnswered(logger, blob.BlobName, answer.ToString());
        }
    }

    /// <summary>The uploaded blob of a <c>Microsoft.Storage.BlobCreated</c> event in Event Grid's schema.</summary>
    private static bool TryReadBlobCreated(BinaryData body, out BlobUriBuilder blob)
    {
        blob = null!;
        try
        {
            var created = EventGridEvent.Parse(body);
            if (created.TryGetSystemEventData(out var data) && data is StorageBlobCreatedEventData { Url: { } url })
            {
                blob = new BlobUriBuilder(new Uri(url));
                return true;
            }
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            // Not an event: dropped below, as a malformed message would never parse.
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping queue message {MessageId}: not a BlobCreated event")]
    private static partial void LogNotBlobCreated(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo {Blob}: {Answer}")]
    private static partial void LogAnswered(ILogger logger, string blob, string? answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling a photo event failed; it will be delivered again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
