using Shop.WebFrontend.Services;

namespace Shop.WebFrontend.Tests;

public sealed class CatalogQueryTests
{
    [Fact]
    public void The_address_keeps_every_choice_and_leaves_out_the_defaults()
    {
        Assert.Equal("/", new CatalogQuery().ToUrl());
        Assert.Equal("/", new CatalogQuery(Search: "  ", Sort: "relevance", Page: 1).ToUrl());
        Assert.Equal("/?q=camp%20stove&brand=3&type=2&sort=price_asc&page=4", new CatalogQuery("camp stove", 3, 2, "price_asc", 4).ToUrl());
    }

    [Fact]
    public void Paging_keeps_the_search_filters_and_sort()
    {
        var query = new CatalogQuery("tent", 1, null, "price_desc", 2);

        Assert.Equal("/?q=tent&brand=1&sort=price_desc&page=3", query.WithPage(3).ToUrl());
        Assert.Equal("/?q=tent&brand=1&sort=price_desc", query.WithPage(1).ToUrl());
    }

    [Theory]
    [InlineData(null, null, "name")]
    [InlineData(null, "relevance", "name")]
    [InlineData("tent", null, "relevance")]
    [InlineData("tent", "bogus", "relevance")]
    [InlineData("tent", "price_asc", "price_asc")]
    public void Best_match_ranks_a_search_and_lists_everything_else_by_name(string? search, string? sort, string expected)
    {
        var query = new CatalogQuery(search, Sort: sort);

        Assert.Equal(expected, query.EffectiveSort);
        Assert.EndsWith("&sort=" + expected, query.ToApiPath(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_below_one_is_the_first_page()
    {
        Assert.StartsWith("/api/catalog/items?pageIndex=0&pageSize=12", new CatalogQuery(Page: -3).ToApiPath(), StringComparison.Ordinal);
    }
}
