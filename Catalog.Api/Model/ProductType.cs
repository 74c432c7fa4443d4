namespace Shop.Catalog.Api.Model;

/// <summary>A kind of product (backpacks, tents…), named to stay clear of <see cref="System.Type"/>.</summary>
public sealed class ProductType
{
    public int Id { get; set; }

    public required string Name { get; set; }
}
