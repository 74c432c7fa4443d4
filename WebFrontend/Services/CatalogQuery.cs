using System.Globalization;
using System.Text;

namespace Shop.WebFrontend.Services;

/// <summary>What the catalog page shows, as it appears in the page's URL (<c>/?q=&amp;brand=&amp;type=&amp;sort=&amp;page=</c>),
/// so that a shared link reproduces the page. <see cref="Page"/> counts from 1.</summary>
public sealed record CatalogQuery(string? Search = null, int? BrandId = null, int? TypeId = null, string? Sort = null, int Page = 1)
{
    public const int PageSize = 12;

    /// <summary>Catalog.Api pages up to index 10,000.</summary>
    public const int MaxPage = 10_001;

    /// <summary>The sort orders a shopper chooses from. The default, best match, ranks a search and lists everything
    /// else by name.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> SortOrders =
    [
        (BestMatch, "Best match"),
        ("name", "Name"),
        ("price_asc", "Price: low to high"),
        ("price_desc", "Price: high to low"),
    ];

    private const string BestMatch = "relevance";

    public bool HasSearch => !string.IsNullOrWhiteSpace(Search);

    public bool IsFiltered => HasSearch || BrandId is not null || TypeId is not null;

    /// <summary>The shopper's explicit choice; null for the default (best match) or an unknown value.</summary>
    public string? ChosenSort => SortOrders.Any(order => order.Value == Sort) && Sort != BestMatch ? Sort : null;

    /// <summary>What Catalog.Api is asked for: the chosen order, or best match for a search and name otherwise.</summary>
    public string EffectiveSort => ChosenSort ?? (HasSearch ? BestMatch : "name");

    /// <summary>The option the sort list shows as selected.</summary>
    public string SelectedSort => ChosenSort ?? BestMatch;

    public int EffectivePage => Page < 1 ? 1 : Page;

    /// <summary>The page's own address with only the values that differ from the defaults.</summary>
    public string ToUrl() => "/" + Query(
        ("q", HasSearch ? Search!.Trim() : null),
        ("brand", Format(BrandId)),
        ("type", Format(TypeId)),
        ("sort", ChosenSort),
        ("page", EffectivePage > 1 ? Format(EffectivePage) : null));

    /// <summary>The Catalog.Api request for this page.</summary>
    public string ToApiPath() => "/api/catalog/items" + Query(
        ("pageIndex", Format(EffectivePage - 1)),
        ("pageSize", Format(PageSize)),
        ("brandId", Format(BrandId)),
        ("typeId", Format(TypeId)),
        ("q", HasSearch ? Search!.Trim() : null),
        ("sort", EffectiveSort));

    public CatalogQuery WithPage(int page) => this with { Page = page };

    private static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }
}
