namespace Shop.Contracts;

/// <summary>The storage account of product photos (resource <see cref="ResourceNames.Storage"/>): what the app host
/// creates, the publisher declares, Catalog.Api writes to, the photo processor reads and the frontend serves.</summary>
public static class PhotoStorage
{
    /// <summary>Uploads as operators sent them, named <c>{productId}/{uploadId}</c>: never served.</summary>
    public const string IncomingContainer = "photo-uploads";

    /// <summary>The sizes the photo processor writes, named by content (<see cref="PhotoSizes"/>): served by the frontend.</summary>
    public const string PhotosContainer = "photos";

    /// <summary>The storage queue that receives a <c>Microsoft.Storage.BlobCreated</c> event for each upload.</summary>
    public const string EventsQueue = "photo-events";

    /// <summary>The largest upload accepted (20 MB).</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>The most pixels a photo may have (40 megapixels), checked from its header before it is decoded.</summary>
    public const long MaxPixels = 40_000_000;
}
