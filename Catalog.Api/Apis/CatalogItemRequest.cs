namespace Shop.Catalog.Api.Apis;

/// <summary>An operator's product: all fields on create. On update <see cref="AvailableStock"/> may be left out to keep
/// the stock as it is, which an edit should, since orders take stock meanwhile.</summary>
public sealed record CatalogItemRequest(string? Name, string? Description, decimal Price, int BrandId, int TypeId, int? AvailableStock)
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;

    // numeric(10, 2)
    public const decimal MaxPrice = 99_999_999.99m;

    public string TrimmedName => Name?.Trim() ?? "";

    public string TrimmedDescription => Description?.Trim() ?? "";

    /// <summary>Errors keyed by JSON property name; whether the brand and type exist is for the caller to check.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (TrimmedName.Length is 0 or > MaxNameLength)
        {
            errors["name"] = [$"name is required and must be at most {MaxNameLength} characters."];
        }

        if (TrimmedDescription.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"description must be at most {MaxDescriptionLength} characters."];
        }

        if (Price is <= 0 or > MaxPrice || decimal.Round(Price, 2) != Price)
        {
            errors["price"] = [$"price must be more than 0 and at most {MaxPrice}, in whole cents."];
        }

        if (BrandId < 1)
        {
            errors["brandId"] = ["brandId must be the id of a brand."];
        }

        if (TypeId < 1)
        {
            errors["typeId"] = ["typeId must be the id of a type."];
        }

        if (AvailableStock is { } stock && !StockRequest.IsValid(stock))
        {
            errors["availableStock"] = [StockRequest.Rule];
        }

        return errors;
    }
}
