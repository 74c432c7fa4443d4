using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Catalog.Api.Tests;

/// <summary>The public read API over the seed catalog, which these tests share and never change.</summary>
[Collection(CatalogServers.Name)]
public sealed class CatalogApiTests(CatalogServersFixture servers) : IAsyncLifetime
{
    private CatalogApp? _app;

    private HttpClient Client => (_app ?? throw new InvalidOperationException("Not initialized.")).Client;

    public async Task InitializeAsync() => _app = await servers.GetSeededCatalogAsync();

    [Fact]
    public async Task The_first_page_lists_items_by_name_with_every_field_and_the_total_count()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageIndex=0&pageSize=12");

        var names = Names(page);
        Assert.Equal(0, page.GetProperty("pageIndex").GetInt32());
        Assert.Equal(12, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(12, names.Count);
        Assert.True(page.GetProperty("count").GetInt64() >= 100);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);

        var item = page.GetProperty("data")[0];
        string[] fields = ["id", "name", "description", "price", "brandId", "brand", "typeId", "type", "availableStock", "imageUrl", "photoVersion", "photoStatus"];
        Assert.Equal(fields.Order(), item.EnumerateObject().Select(property => property.Name).Order());
        Assert.Equal($"/api/catalog/items/{item.GetProperty("id").GetInt32()}/image", item.GetProperty("imageUrl").GetString());
    }

    [Fact]
    public async Task A_later_page_continues_where_the_previous_one_stopped()
    {
        var all = Names(await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageSize=100"));

        var second = Names(await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageIndex=1&pageSize=3"));

        Assert.Equal(all.Skip(3).Take(3), second);
    }

    [Fact]
    public async Task The_last_page_holds_the_rest_and_a_page_past_the_end_is_empty_with_the_same_count()
    {
        var count = (await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageSize=1")).GetProperty("count").GetInt64();
        var lastIndex = (count - 1) / 10;

        var last = await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items?pageSize=10&pageIndex={lastIndex}");
        var beyond = await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items?pageSize=10&pageIndex={lastIndex + 1}");

        Assert.Equal(count - (lastIndex * 10), last.GetProperty("data").GetArrayLength());
        Assert.Equal(count, last.GetProperty("count").GetInt64());
        Assert.Equal(0, beyond.GetProperty("data").GetArrayLength());
        Assert.Equal(count, beyond.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Paging_through_every_page_shows_each_item_exactly_once()
    {
        var ids = new List<int>();
        long count;
        var pageIndex = 0;
        do
        {
            var page = await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items?pageSize=7&pageIndex={pageIndex++}&sort=price_asc");
            count = page.GetProperty("count").GetInt64();
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("id").GetInt32()));
        }
        while (ids.Count < count && pageIndex < 100);

        Assert.Equal(count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Filtering_by_brand_and_type_lists_only_their_items_and_counts_only_them()
    {
        var brands = await Client.GetFromJsonAsync<JsonElement>("/api/catalog/brands");
        var types = await Client.GetFromJsonAsync<JsonElement>("/api/catalog/types");
        var brandId = brands[0].GetProperty("id").GetInt32();
        var typeId = types[0].GetProperty("id").GetInt32();

        var byBrand = await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items?pageSize=100&brandId={brandId}");
        var byBoth = await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items?pageSize=100&brandId={brandId}&typeId={typeId}");

        Assert.NotEqual(0, byBrand.GetProperty("data").GetArrayLength());
        Assert.All(byBrand.GetProperty("data").EnumerateArray(), item => Assert.Equal(brandId, item.GetProperty("brandId").GetInt32()));
        Assert.Equal(byBrand.GetProperty("data").GetArrayLength(), byBrand.GetProperty("count").GetInt64());
        Assert.All(byBoth.GetProperty("data").EnumerateArray(), item =>
        {
            Assert.Equal(brandId, item.GetProperty("brandId").GetInt32());
            Assert.Equal(typeId, item.GetProperty("typeId").GetInt32());
        });
        Assert.True(byBoth.GetProperty("count").GetInt64() < byBrand.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_brand_that_does_not_exist_lists_nothing()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?brandId=987654");

        Assert.Equal(0, page.GetProperty("count").GetInt64());
        Assert.Equal(0, page.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("price_asc")]
    [InlineData("price_desc")]
    public async Task Sorting_by_price_orders_the_whole_listing_by_price(string sort)
    {
        var prices = (await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items?pageSize=100&sort={sort}")).GetProperty("data")
            .EnumerateArray().Select(item => item.GetProperty("price").GetDecimal()).ToList();

        Assert.Equal(sort == "price_asc" ? prices.Order() : prices.OrderDescending(), prices);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("pageIndex=-1", "pageIndex")]
    [InlineData("pageIndex=10001", "pageIndex")]
    [InlineData("pageIndex=99999999999", "pageIndex")]
    [InlineData("brandId=0", "brandId")]
    [InlineData("brandId=x", "brandId")]
    [InlineData("typeId=-2", "typeId")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("q=%21%21%21", "q")]
    public async Task A_bad_listing_parameter_is_a_bad_request_problem_naming_it(string query, string parameter)
    {
        using var response = await Client.GetAsync($"/api/catalog/items?{query}");

        await ProblemAssert.NamesAsync(response, parameter);
    }

    [Fact]
    public async Task A_search_longer_than_a_hundred_characters_is_a_bad_request_naming_q()
    {
        using var response = await Client.GetAsync($"/api/catalog/items?q={new string('a', 101)}");

        await ProblemAssert.NamesAsync(response, "q");
    }

    [Fact]
    public async Task An_item_is_found_by_its_id()
    {
        var first = (await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items")).GetProperty("data")[0];

        var item = await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{first.GetProperty("id").GetInt32()}");

        Assert.Equal(first.ToString(), item.ToString());
    }

    [Fact]
    public async Task An_unknown_id_is_a_not_found_problem()
    {
        using var response = await Client.GetAsync("/api/catalog/items/987654");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Items_by_ids_come_in_the_order_asked_once_each_leaving_out_unknown_ids()
    {
        var items = await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items/by?ids=5,987654,2,5,1");

        Assert.Equal([5, 2, 1], items.EnumerateArray().Select(item => item.GetProperty("id").GetInt32()));
        Assert.True(items[0].TryGetProperty("price", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ids=")]
    [InlineData("ids=1,x")]
    [InlineData("ids=0")]
    [InlineData("ids=-4")]
    [InlineData("ids=1.5")]
    public async Task Bad_ids_are_a_bad_request_problem_naming_ids(string query)
    {
        using var response = await Client.GetAsync($"/api/catalog/items/by?{query}");

        await ProblemAssert.NamesAsync(response, "ids");
    }

    [Fact]
    public async Task More_than_a_hundred_ids_are_a_bad_request_problem_naming_ids()
    {
        using var response = await Client.GetAsync($"/api/catalog/items/by?ids={string.Join(',', Enumerable.Range(1, 101))}");

        await ProblemAssert.NamesAsync(response, "ids");
    }

    [Theory]
    [InlineData("brands", 8)]
    [InlineData("types", 6)]
    public async Task Brands_and_types_are_listed_by_name(string resource, int atLeast)
    {
        var list = await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/{resource}");

        var names = list.EnumerateArray().Select(entry => entry.GetProperty("name").GetString()!).ToList();
        Assert.True(names.Count >= atLeast);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(list.EnumerateArray(), entry => Assert.True(entry.GetProperty("id").GetInt32() > 0));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_read_and_operator_endpoints()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/catalog/items", "/api/catalog/items/{id}", "/api/catalog/items/by", "/api/catalog/items/{id}/image",
            "/api/catalog/brands", "/api/catalog/types", "/api/catalog/items/{id}/stock" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"The document should describe {path}.");
        }

        Assert.True(paths.GetProperty("/api/catalog/items").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task Health_becomes_healthy_once_the_database_and_the_broker_answer()
    {
        // The bus connects in the background after start-up, so health may take a moment to follow.
        await CatalogApp.EventuallyAsync(async () => (await Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK);
    }

    private static List<string> Names(JsonElement page) =>
        [.. page.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("name").GetString()!)];

    public Task DisposeAsync() => Task.CompletedTask;
}
