namespace Shop.Contracts;

/// <summary>The queues services consume. The AppHost's scale rules name the same queues, so a deployed consumer
/// wakes up when its queue has messages.</summary>
public static class QueueNames
{
    /// <summary>Catalog.Api: <see cref="ReserveStock"/> and <see cref="ReleaseStock"/>.</summary>
    public const string CatalogStock = "catalog-stock";

    /// <summary>Catalog.Api: <see cref="ProductPhotoProcessed"/> and <see cref="ProductPhotoRejected"/>.</summary>
    public const string CatalogPhotos = "catalog-photos";

    /// <summary>Ordering.Worker: the order workflow's events.</summary>
    public const string Ordering = "ordering";
}
