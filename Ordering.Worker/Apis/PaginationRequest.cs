using Microsoft.AspNetCore.Mvc;

namespace Shop.Ordering.Worker.Apis;

/// <summary>Offset paging over one buyer's orders, bounded per page.</summary>
public sealed record PaginationRequest(
    [FromQuery(Name = "pageIndex")] int PageIndex = 0,
    [FromQuery(Name = "pageSize")] int PageSize = 10)
{
    public const int MaxPageSize = 50;
    public const int MaxPageIndex = 10_000;

    /// <summary>Errors keyed by query parameter; empty when valid.</summary>
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

/// <summary>One page; <see cref="Count"/> is the total over all pages.</summary>
public sealed record PaginatedItems<TItem>(int PageIndex, int PageSize, long Count, IReadOnlyList<TItem> Data);
