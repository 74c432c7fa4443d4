using MassTransit;
using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Apis;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Photos;
using Shop.Contracts;

namespace Shop.Catalog.Api.Messaging;

/// <summary>The photo processor's answers. Each applies only to the upload it names, and only while that upload is the
/// product's latest, so an answer delivered twice, or one for a replaced upload, changes nothing more.</summary>
public sealed partial class ProductPhotoConsumer(CatalogContext catalog, ILogger<ProductPhotoConsumer> logger)
    : IConsumer<ProductPhotoProcessed>, IConsumer<ProductPhotoRejected>
{
    public async Task Consume(ConsumeContext<ProductPhotoProcessed> context)
    {
        var (productId, uploadId, version) = context.Message;
        if (!PhotoSizes.IsVersion(version))
        {
            LogIgnored(productId, uploadId);
            return;
        }

        var updated = await catalog.Products.Where(product => product.Id == productId && product.PhotoUploadId == uploadId).ExecuteUpdateAsync(set => set
            .SetProperty(product => product.PhotoVersion, version)
            .SetProperty(product => product.PhotoStatus, PhotoStatus.Ready)
            .SetProperty(product => product.PhotoRejection, (string?)null), context.CancellationToken);
        LogApplied(productId, uploadId, PhotoStatus.Ready, updated);
    }

    public async Task Consume(ConsumeContext<ProductPhotoRejected> context)
    {
        var (productId, uploadId, reason) = context.Message;
        await CatalogPhotosApi.SetRejectedAsync(catalog, productId, uploadId, reason, context.CancellationToken);
        LogApplied(productId, uploadId, PhotoStatus.Rejected, 1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo upload {UploadId} of product {ProductId}: {Status} ({Rows} row)")]
    private partial void LogApplied(int productId, Guid uploadId, string status, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a processed photo for product {ProductId}, upload {UploadId}: its version is not a content hash")]
    private partial void LogIgnored(int productId, Guid uploadId);
}
