namespace Shop.Catalog.Api.Model;

public sealed class Product
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public decimal Price { get; set; }

    /// <summary>Never negative: the database enforces it, so concurrent reservations cannot oversell.</summary>
    public int AvailableStock { get; set; }

    public int BrandId { get; set; }

    public Brand Brand { get; set; } = null!;

    public int TypeId { get; set; }

    public ProductType Type { get; set; } = null!;

    /// <summary>The content hash of the photo the shop shows; null while the product has none (the generated picture).</summary>
    public string? PhotoVersion { get; set; }

    /// <summary>The latest upload, whose status <see cref="PhotoStatus"/> follows.</summary>
    public Guid? PhotoUploadId { get; set; }

    public string? PhotoStatus { get; set; }

    /// <summary>Why the latest upload was rejected, for the operator.</summary>
    public string? PhotoRejection { get; set; }
}
