namespace Shop.Catalog.Api.Model;

public sealed class Brand
{
    public int Id { get; set; }

    public required string Name { get; set; }
}
