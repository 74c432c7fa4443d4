namespace Shop.WebFrontend.Services;

/// <summary>One page of a list, in the shape every Shop API pages with.</summary>
public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data)
{
    public int PageCount => PageSize <= 0 ? 0 : (int)((Count + PageSize - 1) / PageSize);
}
