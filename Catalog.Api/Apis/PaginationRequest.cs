using Microsoft.AspNetCore.Mvc;

namespace Shop.Catalog.Api.Apis;

/// <summary>Offset paging, bounded so that no request makes the database skip more than a million rows.</summary>
public sealed record PaginationRequest(
    [FromQuery(Name = "pageIndex")] int PageIndex = 0,
    [FromQuery(Name = "pageSize")] int PageSize = 12)
{
    public const int MaxPageSize = 100;
    public const int MaxPageIndex = 10_000;

    /// <summary>Errors keyed by query parameter name, as a validation problem reports them; empty when valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        if (PageIndex is < 0 or > MaxPageIndex)
        {
            errors["pageIndex"] = [$"pageIndex must be between 0 and {MaxPageIndex}."];
        }

        return errors;
    }
}
