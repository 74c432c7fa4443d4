using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Shop.Contracts;

namespace Shop.PhotoProcessor.Processing;

/// <summary>One upload, from the incoming container to its sizes in the photos container. Idempotent: the sizes are
/// named by the hash of the uploaded bytes and written only where missing, so the same event twice (or a redelivery
/// after a crash) writes the same blobs once and gives the same answer.</summary>
public sealed partial class PhotoPipeline(BlobServiceClient storage, ILogger<PhotoPipeline> logger)
{
    /// <summary>The message for Catalog.Api; null when <paramref name="blobName"/> is no upload (not
    /// <c>{productId}/{uploadId}</c>) or no longer exists.</summary>
    public async Task<object?> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        if (!TryParseName(blobName, out var productId, out var uploadId))
        {
            LogNotAnUpload(logger, blobName);
            return null;
        }

        var upload = storage.GetBlobContainerClient(PhotoStorage.IncomingContainer).GetBlobClient(blobName);
        BlobDownloadResult content;
        try
        {
            // The size before the bytes: a file over the limit is refused without reading it.
            var properties = await upload.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (properties.Value.ContentLength > PhotoStorage.MaxUploadBytes)
            {
                return new ProductPhotoRejected(productId, uploadId, PhotoSizer.TooLarge(properties.Value.ContentLength));
            }

            content = (await upload.DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.Value.ETag } }, cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Deleted, or overwritten since: the overwrite has an event of its own.
            LogGone(logger, blobName);
            return null;
        }

        var bytes = content.Content.ToArray();
        var outcome = PhotoSizer.Size(bytes);
        if (outcome.RejectionReason is { } reason)
        {
            return new ProductPhotoRejected(productId, uploadId, reason);
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        var photos = storage.GetBlobContainerClient(PhotoStorage.PhotosContainer);
        foreach (var size in outcome.Sizes)
        {
            await WriteOnceAsync(photos.GetBlobClient(PhotoSizes.BlobName(version, size.Width, size.Extension)), size, cancellationToken);
        }

        return new ProductPhotoProcessed(productId, uploadId, version);
    }

    /// <summary><c>{productId}/{uploadId}</c>, as Catalog.Api names uploads.</summary>
    public static bool TryParseName(string blobName, out int productId, out Guid uploadId)
    {
        var parts = blobName.Split('/');
        productId = 0;
        uploadId = Guid.Empty;
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out productId) && productId > 0
            && Guid.TryParseExact(parts[1], "D", out uploadId);
    }

    private static async Task WriteOnceAsync(BlobClient blob, EncodedSize size, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(size.Content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = size.ContentType, CacheControl = "public, max-age=31536000, immutable" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Written by an earlier delivery of the same photo: the same bytes under the same name.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring blob {Blob}: not named {{productId}}/{{uploadId}}")]
    private static partial void LogNotAnUpload(ILogger logger, string blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {Blob} is gone or was replaced; its own event handles the replacement")]
    private static partial void LogGone(ILogger logger, string blob);
}
