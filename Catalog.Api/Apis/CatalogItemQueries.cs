using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Model;
using Shop.Catalog.Api.Search;

namespace Shop.Catalog.Api.Apis;

/// <summary>The read side's queries: no tracking, and compiled where a request runs the same shape every time.</summary>
internal static class CatalogItemQueries
{
    private static readonly Expression<Func<Product, CatalogItemResponse>> _toResponse = product => new CatalogItemResponse(
        product.Id, product.Name, product.Description, product.Price,
        product.BrandId, product.Brand.Name, product.TypeId, product.Type.Name, product.AvailableStock);

    public static readonly Func<CatalogContext, int, CancellationToken, Task<CatalogItemResponse?>> ByIdAsync =
        EF.CompileAsyncQuery((CatalogContext context, int id, CancellationToken _) =>
            context.Products.AsNoTracking().Where(product => product.Id == id).Select(_toResponse).SingleOrDefault());

    public static readonly Func<CatalogContext, int[], IAsyncEnumerable<CatalogItemResponse>> ByIds =
        EF.CompileAsyncQuery((CatalogContext context, int[] ids) =>
            context.Products.AsNoTracking().Where(product => ids.Contains(product.Id)).Select(_toResponse));

    /// <summary>Browsing without search words, the storefront's common case, compiled once per order: a request then
    /// skips LINQ translation, which measured as half the cost of a listing. Brand and type are optional (null: any);
    /// EF Core leaves a null one's condition out of the SQL, so PostgreSQL can walk the sort order's index.</summary>
    private static readonly Func<CatalogContext, int?, int?, int, int, IAsyncEnumerable<PageRow>> _browseByName = CompileBrowse(product => product.Name);

    private static readonly Dictionary<CatalogSort, Func<CatalogContext, int?, int?, int, int, IAsyncEnumerable<PageRow>>> _browse = new()
    {
        // Without search words, relevance is the name order (see CatalogSort.Relevance).
        [CatalogSort.Relevance] = _browseByName,
        [CatalogSort.Name] = _browseByName,
        [CatalogSort.PriceAscending] = CompileBrowse(product => product.Price),
        [CatalogSort.PriceDescending] = CompileBrowse(product => -product.Price),
    };

    public static async Task<List<PageRow>> BrowseAsync(
        CatalogContext context, CatalogItemsFilter filter, PaginationRequest pagination, CancellationToken cancellationToken) =>
        await _browse[filter.Order](context, filter.BrandId, filter.TypeId, pagination.Skip, pagination.PageSize).ToListAsync(cancellationToken);

    /// <summary>One page of products in the order of <paramref name="key"/>, then name, then id; each row carries the count
    /// of all products the filter lets through (the same filter, as a subquery).</summary>
    private static Func<CatalogContext, int?, int?, int, int, IAsyncEnumerable<PageRow>> CompileBrowse<TKey>(Expression<Func<Product, TKey>> key) =>
        EF.CompileAsyncQuery((CatalogContext context, int? brandId, int? typeId, int skip, int take) => context.Products.AsNoTracking()
            .Where(product => (brandId == null || product.BrandId == brandId) && (typeId == null || product.TypeId == typeId))
            .OrderBy(key).ThenBy(product => product.Name).ThenBy(product => product.Id)
            .Skip(skip)
            .Take(take)
            .Select(product => new PageRow(
                new CatalogItemResponse(
                    product.Id, product.Name, product.Description, product.Price,
                    product.BrandId, product.Brand.Name, product.TypeId, product.Type.Name, product.AvailableStock),
                context.Products.LongCount(other => (brandId == null || other.BrandId == brandId) && (typeId == null || other.TypeId == typeId)))));

    /// <summary>The products a listing shows, not yet ordered.</summary>
    public static IQueryable<Product> Filtered(CatalogContext context, CatalogItemsFilter filter, SearchTerms? search)
    {
        var products = context.Products.AsNoTracking();
        if (filter.BrandId is { } brandId)
        {
            products = products.Where(product => product.BrandId == brandId);
        }

        if (filter.TypeId is { } typeId)
        {
            products = products.Where(product => product.TypeId == typeId);
        }

        return search is null ? products : search.Filter(products);
    }

    /// <summary>One page in the requested order, each row with the count of all matching products: one statement
    /// and one round trip (PostgreSQL runs the count once, as an uncorrelated subquery). The id breaks ties so that
    /// pages neither repeat nor skip an item.</summary>
    public static Task<List<PageRow>> PageAsync(
        IQueryable<Product> products, CatalogSort sort, SearchTerms? search, PaginationRequest pagination, CancellationToken cancellationToken)
    {
        var ordered = sort switch
        {
            CatalogSort.Relevance when search is not null => search.OrderByRelevance(products).ThenBy(product => product.Name),
            CatalogSort.PriceAscending => products.OrderBy(product => product.Price).ThenBy(product => product.Name),
            CatalogSort.PriceDescending => products.OrderByDescending(product => product.Price).ThenBy(product => product.Name),
            _ => products.OrderBy(product => product.Name),
        };
        return ordered.ThenBy(product => product.Id)
            .Skip(pagination.Skip)
            .Take(pagination.PageSize)
            .Select(WithCountOf(products))
            .ToListAsync(cancellationToken);
    }

    /// <summary><see cref="_toResponse"/>, and beside it <c>products.LongCount()</c>, which EF Core translates as a subquery.</summary>
    private static Expression<Func<Product, PageRow>> WithCountOf(IQueryable<Product> products)
    {
        var count = Expression.Call(typeof(Queryable), nameof(Queryable.LongCount), [typeof(Product)], products.Expression);
        return Expression.Lambda<Func<Product, PageRow>>(
            Expression.New(typeof(PageRow).GetConstructors()[0], _toResponse.Body, count), _toResponse.Parameters);
    }
}

/// <summary>An item of a page, and how many items all pages hold.</summary>
internal sealed record PageRow(CatalogItemResponse Item, long Count);
