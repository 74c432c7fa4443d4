using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.EndToEnd.Tests;

/// <summary>Catalog.Api as the AppHost runs it: migrated and seeded by its own start-up, on the model's database.</summary>
[Collection(BootedSystem.Name)]
public sealed class CatalogUnderAppHostTests(SystemFixture system)
{
    [Fact]
    public async Task A_page_of_a_hundred_items_is_full_and_the_catalog_counts_at_least_a_hundred()
    {
        using var catalog = system.App.CreateHttpClient("catalog-api");

        var page = await catalog.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageSize=100");

        Assert.Equal(100, page.GetProperty("data").GetArrayLength());
        Assert.True(page.GetProperty("count").GetInt64() >= 100);
    }

    [Theory]
    [InlineData("hedlamp", "Headlamp")]
    [InlineData("sleping bag", "Sleeping Bag")]
    public async Task A_misspelt_product_word_still_finds_the_product(string query, string nameWord)
    {
        using var catalog = system.App.CreateHttpClient("catalog-api");

        var page = await catalog.GetFromJsonAsync<JsonElement>($"/api/catalog/items?q={Uri.EscapeDataString(query)}");

        var first = page.GetProperty("data")[0].GetProperty("name").GetString();
        Assert.Contains(nameWord, first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_a_thousand_items_is_a_bad_request_problem()
    {
        using var catalog = system.App.CreateHttpClient("catalog-api");

        using var response = await catalog.GetAsync("/api/catalog/items?pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }
}
