using System.ComponentModel.DataAnnotations;

namespace Shop.Basket.Api.Infrastructure;

/// <summary>Configuration section <c>CatalogCache</c>.</summary>
public sealed class CatalogCacheOptions
{
    public const string SectionName = "CatalogCache";

    /// <summary>How long a product read from the catalog is shown before the catalog is asked again. Price changes arrive
    /// as events well before that; this bounds what no event carries (names, deleted products) and a missed event.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many products per replica; the least recently read go first beyond it.</summary>
    [Range(1, 1_000_000)]
    public int MaxProducts { get; set; } = 10_000;
}
