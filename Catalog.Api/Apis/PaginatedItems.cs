namespace Shop.Catalog.Api.Apis;

/// <summary>One page of a listing; <see cref="Count"/> is the total over all pages.</summary>
public sealed record PaginatedItems<TItem>(int PageIndex, int PageSize, long Count, IReadOnlyList<TItem> Data);
