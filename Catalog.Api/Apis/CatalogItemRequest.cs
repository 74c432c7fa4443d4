using Shop.Contracts;

namespace Shop.Catalog.Api.Apis;

/// <summary>An operator's product: all fields on create. On update <see cref="AvailableStock"/> may be left out to keep
/// the stock as it is, which an edit should, since orders take stock meanwhile.</summary>
public sealed record CatalogItemRequest(string? Name, string? Description, decimal Price, int BrandId, int TypeId, int? AvailableStock)
{
    public string TrimmedName => Name?.Trim() ?? "";

    public string TrimmedDescription => Description?.Trim() ?? "";

    /// <summary>Errors keyed by JSON property name; whether the brand and type exist is for the caller to check.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (BoundaryText.Problem("name", Name, Limits.ProductNameLength) is { } nameProblem)
        {
            errors["name"] = [nameProblem];
        }

        if (BoundaryText.Problem("description", Description, Limits.ProductDescriptionLength, required: false) is { } descriptionProblem)
        {
            errors["description"] = [descriptionProblem];
        }

        if (!OrderSubmittedRules.IsValidPrice(Price))
        {
            errors["price"] = [$"price must be more than 0 and at most {Limits.MaxPrice}, in whole cents."];
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
