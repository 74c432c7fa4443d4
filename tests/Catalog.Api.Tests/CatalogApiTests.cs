using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Catalog.Api.Tests;

/// <summary>The HTTP API over a freshly migrated and seeded database per test.</summary>
[Collection(PostgresServer.Name)]
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes test classes through IAsyncLifetime.DisposeAsync.")]
public sealed class CatalogApiTests(PostgresFixture postgres) : IAsyncLifetime
{
    private CatalogApiFactory? _factory;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _factory = new CatalogApiFactory(await postgres.CreateDatabaseAsync());
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task The_first_page_lists_the_seeded_items_by_name_with_the_total_count()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageIndex=0&pageSize=12");

        var names = Names(page);
        Assert.Equal(0, page.GetProperty("pageIndex").GetInt32());
        Assert.Equal(12, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(names.Count, page.GetProperty("count").GetInt64());
        Assert.Contains("Alpine Trail Backpack", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);

        var item = page.GetProperty("data")[0];
        foreach (var property in new[] { "id", "name", "description", "price", "brand", "type", "availableStock" })
        {
            Assert.True(item.TryGetProperty(property, out _), $"Items should have '{property}'.");
        }
    }

    [Fact]
    public async Task A_later_page_continues_where_the_previous_one_stopped()
    {
        var all = Names(await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageSize=100"));

        var second = Names(await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageIndex=1&pageSize=3"));

        Assert.Equal(all.Skip(3).Take(3), second);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("pageIndex=-1", "pageIndex")]
    public async Task An_invalid_paging_value_is_a_bad_request_problem_naming_the_parameter(string query, string parameter)
    {
        using var response = await Client.GetAsync($"/api/catalog/items?{query}");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var named = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Any(error => error.Name == parameter)
            : problem.GetProperty("detail").GetString()!.Contains(parameter, StringComparison.OrdinalIgnoreCase);
        Assert.True(named, $"The problem should name '{parameter}': {problem}");
    }

    [Fact]
    public async Task An_item_is_found_by_its_id()
    {
        var first = (await Client.GetFromJsonAsync<JsonElement>("/api/catalog/items")).GetProperty("data")[0];

        var item = await Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{first.GetProperty("id").GetInt32()}");

        Assert.Equal(first.GetProperty("name").GetString(), item.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_id_is_a_not_found_problem()
    {
        using var response = await Client.GetAsync("/api/catalog/items/987654");

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Health_is_healthy_when_the_database_answers()
    {
        using var response = await Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private static List<string> Names(JsonElement page) =>
        [.. page.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("name").GetString()!)];

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
