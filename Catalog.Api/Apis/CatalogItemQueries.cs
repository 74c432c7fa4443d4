using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Infrastructure.EntityConfigurations;
using Shop.Catalog.Api.Model;
using Shop.Catalog.Api.Search;

namespace Shop.Catalog.Api.Apis;

/// <summary>The read side's queries: no tracking, and compiled where a request runs the same shape every time.</summary>
internal static class CatalogItemQueries
{
    private static readonly Expression<Func<Product, CatalogItemResponse>> _toResponse = product => new CatalogItemResponse(
        product.Id, product.Name, product.Description, product.Price,
        product.BrandId, product.Brand.Name, product.TypeId, product.Type.Name, product.AvailableStock,
                    product.PhotoVersion, product.PhotoStatus);

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
                    product.BrandId, product.Brand.Name, product.TypeId, product.Type.Name, product.AvailableStock,
                    product.PhotoVersion, product.PhotoStatus),
                context.Products.LongCount(other => (brandId == null || other.BrandId == brandId) && (typeId == null || other.TypeId == typeId)))));

    /// <summary>Searching, compiled once too: the words arrive as tsquery parameters (<see cref="SearchTerms"/>), so
    /// every search has this shape, whatever its words. A search reads and sorts every product it matches (no index
    /// holds relevance), so the order asked for switches the sort keys on and off rather than choosing a statement.
    /// Relevance: products matching every word as typed first, then the full-text rank (words as typed count twice)
    /// plus the name's trigram similarity to the search.</summary>
    private static readonly Func<CatalogContext, int?, int?, CatalogSort, NpgsqlTsQuery, NpgsqlTsQuery, NpgsqlTsQuery, NpgsqlTsQuery, string, int, int, IAsyncEnumerable<PageRow>> _search =
        EF.CompileAsyncQuery((
            CatalogContext context, int? brandId, int? typeId, CatalogSort sort, NpgsqlTsQuery everyWord, NpgsqlTsQuery everyWordAsTyped,
            NpgsqlTsQuery anyWordAsTyped, NpgsqlTsQuery anyMeaning, string phrase, int skip, int take) => context.Products.AsNoTracking()
            .Where(product => (brandId == null || product.BrandId == brandId) && (typeId == null || product.TypeId == typeId)
                && EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Matches(everyWord))
            .OrderByDescending(product => sort == CatalogSort.Relevance
                && EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Matches(everyWordAsTyped))
            .ThenByDescending(product => sort == CatalogSort.Relevance
                ? EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Rank(anyWordAsTyped)
                    + EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Rank(anyMeaning)
                    + CatalogSearchFunctions.WordSimilarity(phrase, product.Name)
                : 0f)
            .ThenBy(product => sort == CatalogSort.PriceAscending ? product.Price : sort == CatalogSort.PriceDescending ? -product.Price : 0m)
            .ThenBy(product => product.Name).ThenBy(product => product.Id)
            .Skip(skip)
            .Take(take)
            .Select(product => new PageRow(
                new CatalogItemResponse(
                    product.Id, product.Name, product.Description, product.Price,
                    product.BrandId, product.Brand.Name, product.TypeId, product.Type.Name, product.AvailableStock,
                    product.PhotoVersion, product.PhotoStatus),
                context.Products.LongCount(other => (brandId == null || other.BrandId == brandId) && (typeId == null || other.TypeId == typeId)
                    && EF.Property<NpgsqlTsVector>(other, ProductEntityTypeConfiguration.SearchVector).Matches(everyWord)))));

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

    /// <summary>One page of a search in the requested order, each row with the count of all matching products: one
    /// statement and one round trip (PostgreSQL runs the count once, as an uncorrelated subquery). The id breaks ties so
    /// that pages neither repeat nor skip an item.</summary>
    public static async Task<List<PageRow>> SearchAsync(
        CatalogContext context, CatalogItemsFilter filter, SearchTerms search, PaginationRequest pagination, CancellationToken cancellationToken) =>
        search.MatchesNothing ? [] : await _search(
            context, filter.BrandId, filter.TypeId, filter.Order, search.EveryWord, search.EveryWordAsTyped, search.AnyWordAsTyped, search.AnyMeaning,
            search.Phrase, pagination.Skip, pagination.PageSize).ToListAsync(cancellationToken);
}

/// <summary>An item of a page, and how many items all pages hold.</summary>
internal sealed record PageRow(CatalogItemResponse Item, long Count);
