using Azure.Storage.Queues;
using Shop.Contracts;

namespace Shop.PhotoProcessor.Tests;

/// <summary>The processor end to end on real storage and a real broker: upload, event, sizes, answer.</summary>
[Collection(PhotoServersFixture.Collection)]
public sealed class PhotoProcessorTests(PhotoServersFixture servers)
{
    [Theory]
    [MemberData(nameof(TestPhotos.AllowedFormats), MemberType = typeof(TestPhotos))]
    public async Task An_uploaded_photo_gets_every_size_under_its_content_hash(string format)
    {
        var productId = Random.Shared.Next(1, 1_000_000);
        var uploadId = await servers.UploadAsync(productId, TestPhotos.Photo(format));

        var answer = Assert.IsType<ProductPhotoProcessed>(Assert.Single(await servers.WaitForAnswersAsync(uploadId)));
        Assert.Equal(productId, answer.ProductId);
        var photos = servers.Storage.GetBlobContainerClient(PhotoStorage.PhotosContainer);
        foreach (var name in PhotoSizes.BlobNames(answer.Version))
        {
            Assert.True(await photos.GetBlobClient(name).ExistsAsync(), $"{name} is missing");
        }
    }

    [Theory]
    [MemberData(nameof(PhotoSizerTests.BadUploads), MemberType = typeof(PhotoSizerTests))]
    public async Task A_bad_upload_is_rejected_with_a_reason_and_the_processor_goes_on(string upload, string reason)
    {
        var uploadId = await servers.UploadAsync(Random.Shared.Next(1, 1_000_000), TestPhotos.BadUpload(upload));

        var rejected = Assert.IsType<ProductPhotoRejected>(Assert.Single(await servers.WaitForAnswersAsync(uploadId)));
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);

        var next = await servers.UploadAsync(Random.Shared.Next(1, 1_000_000), TestPhotos.Photo("png", 400, 300));
        Assert.IsType<ProductPhotoProcessed>(Assert.Single(await servers.WaitForAnswersAsync(next)));
        Assert.False(servers.Processor.HasExited);
    }

    [Fact]
    public async Task The_same_event_twice_gives_the_same_answer_and_one_set_of_sizes()
    {
        var uploadId = await servers.UploadAsync(Random.Shared.Next(1, 1_000_000), TestPhotos.Photo("jpeg"));
        var first = Assert.IsType<ProductPhotoProcessed>(Assert.Single(await servers.WaitForAnswersAsync(uploadId)));

        // Event Grid delivers at least once: the same event again, as the emulator sent it.
        var events = new QueueClient(servers.App.GetConnectionString(ResourceNames.Storage), PhotoStorage.EventsQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var uploaded = servers.Storage.GetBlobContainerClient(PhotoStorage.IncomingContainer).GetBlobClient($"{first.ProductId}/{uploadId}");
        await events.SendMessageAsync(BinaryData.FromString($$$"""
            {"id":"{{{Guid.NewGuid()}}}","topic":"/subscriptions/x/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
             "subject":"/blobServices/default/containers/{{{PhotoStorage.IncomingContainer}}}/blobs/{{{first.ProductId}}}/{{{uploadId}}}",
             "eventType":"Microsoft.Storage.BlobCreated","eventTime":"{{{DateTimeOffset.UtcNow:O}}}","dataVersion":"","metadataVersion":"1",
             "data":{"api":"PutBlob","url":"{{{uploaded.Uri}}}","contentLength":1,"blobType":"BlockBlob"}}
            """));

        var answers = await servers.WaitForAnswersAsync(uploadId, 2);
        Assert.All(answers, answer => Assert.Equal(first, answer));
        var sizes = new List<string>();
        await foreach (var blob in servers.Storage.GetBlobContainerClient(PhotoStorage.PhotosContainer).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = first.Version }))
        {
            sizes.Add(blob.Name);
        }

        Assert.Equal(PhotoSizes.BlobNames(first.Version).Order(), sizes.Order());
    }
}
