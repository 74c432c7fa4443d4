using Azure;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Shop.Hosting.Azurite;
using Shop.Testing;

namespace Shop.Hosting.Tests;

/// <summary>Azurite from npm as a local process, with its containers and queue, and the app host's emulation of Event
/// Grid: the event a blob upload produces is one that Azure's own Event Grid library parses as BlobCreated.</summary>
public sealed class AzuriteTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_blob_created_in_the_watched_container_becomes_one_BlobCreated_event_in_the_queue()
    {
        var builder = TestServers.CreateBuilder();
        builder.AddAzurite("storage").RunAsLocalProcessWithoutContainerRuntime()
            .WithStorageLayout(["incoming", "other"], ["events"])
            .WithBlobCreatedEvents("incoming", "events");
        await using var app = await builder.StartAsync(_timeout);
        var connectionString = app.GetConnectionString("storage");
        var blobs = new BlobServiceClient(connectionString);
        var queue = new QueueClient(connectionString, "events", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        await blobs.GetBlobContainerClient("other").UploadBlobAsync("ignored.txt", BinaryData.FromString("not watched"));
        var uploaded = blobs.GetBlobContainerClient("incoming").GetBlobClient("7/photo");
        await uploaded.UploadAsync(BinaryData.FromString("twelve bytes"));

        var message = await ReceiveAsync(queue);
        var created = EventGridEvent.Parse(message.Body);
        Assert.Equal("Microsoft.Storage.BlobCreated", created.EventType);
        Assert.Equal("/blobServices/default/containers/incoming/blobs/7/photo", created.Subject);
        Assert.True(created.TryGetSystemEventData(out var data));
        var blobCreated = Assert.IsType<StorageBlobCreatedEventData>(data);
        Assert.Equal(uploaded.Uri, new Uri(blobCreated.Url));
        Assert.Equal(12, blobCreated.ContentLength);

        // Listed again and again, the blob is still one event; only the unwatched container's blob never is one.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task Azurite_refuses_a_request_signed_with_another_key()
    {
        var builder = TestServers.CreateBuilder();
        builder.AddAzurite("storage").RunAsLocalProcessWithoutContainerRuntime();
        await using var app = await builder.StartAsync(_timeout);
        var connectionString = app.GetConnectionString("storage");

        var otherKey = Convert.ToBase64String(new byte[64]);
        var blobUri = new BlobServiceClient(connectionString).Uri;
        var intruder = new BlobServiceClient(blobUri, new StorageSharedKeyCredential(AzuriteResource.AccountName, otherKey));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => intruder.GetPropertiesAsync());
        Assert.Equal(403, refused.Status);
    }

    private static async Task<Azure.Storage.Queues.Models.QueueMessage> ReceiveAsync(QueueClient queue)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if ((await queue.ReceiveMessageAsync(cancellationToken: deadline.Token)).Value is { } message)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, deadline.Token);
                return message;
            }

            await Task.Delay(200, deadline.Token);
        }
    }
}
