using Microsoft.AspNetCore.Mvc;

namespace Shop.Catalog.Api.Apis;

/// <summary>Offset paging, bounded so that no request makes the database skip more than a million rows.</summary>
public sealed record PaginationRequest(
    [FromQuery(Name = "pageIndex")] int PageIndex = 0,
    [FromQuery(Name = "pageSize")] int PageSize = 12)
{
    public const int MaxPageSize = 100;
    public const int MaxPageIndex = 10_000;

    public int Skip => PageIndex * PageSize;

    /// <summary>Adds an error per bad parameter, keyed by its query-string name.</summary>
    public void Validate(Dictionary<string, string[]> errors)
    {
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        if (PageIndex is < 0 or > MaxPageIndex)
        {
            errors["pageIndex"] = [$"pageIndex must be between 0 and {MaxPageIndex}."];
        }
    }
}
