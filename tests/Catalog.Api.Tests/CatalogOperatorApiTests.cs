using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Shop.Contracts;
using Shop.Security;

namespace Shop.Catalog.Api.Tests;

/// <summary>Operators create, change and delete products and set stock; each test on a catalog of its own.</summary>
[Collection(CatalogServers.Name)]
public sealed class CatalogOperatorApiTests(CatalogServersFixture servers)
{
    private static readonly object _validItem = new { name = "Ember Camp Kettle", description = "A one-litre kettle.", price = 34.5m, brandId = 1, typeId = 6, availableStock = 12 };

    public static TheoryData<string, string> OperatorEndpoints => new()
    {
        { "POST", "/api/catalog/items" },
        { "PUT", "/api/catalog/items/1" },
        { "PUT", "/api/catalog/items/1/stock" },
        { "DELETE", "/api/catalog/items/1" },
    };

    [Theory]
    [MemberData(nameof(OperatorEndpoints))]
    public async Task Without_the_operator_key_an_operator_endpoint_is_unauthorized_and_changes_nothing(string method, string path)
    {
        var app = await servers.GetSeededCatalogAsync();

        using var response = await app.Client.SendAsync(Request(method, path, key: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(CatalogApp.SeedProductCount, await app.ScalarAsync<long>("SELECT count(*) FROM products"));
    }

    [Theory]
    [MemberData(nameof(OperatorEndpoints))]
    public async Task With_a_wrong_operator_key_an_operator_endpoint_is_forbidden_and_changes_nothing(string method, string path)
    {
        var app = await servers.GetSeededCatalogAsync();

        using var response = await app.Client.SendAsync(Request(method, path, key: "not-the-operator-key-at-all"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CatalogApp.SeedProductCount, await app.ScalarAsync<long>("SELECT count(*) FROM products"));
    }

    [Fact]
    public async Task A_created_product_is_listed_found_searched_and_pictured()
    {
        await using var app = await servers.StartCatalogAsync();

        using var response = await app.Operator.PostAsJsonAsync("/api/catalog/items", _validItem);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/catalog/items/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(34.5m, created.GetProperty("price").GetDecimal());
        Assert.Equal(12, created.GetProperty("availableStock").GetInt32());
        Assert.Equal("Cooking", created.GetProperty("type").GetString());
        Assert.Equal(created.ToString(), (await app.Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{id}")).ToString());
        var found = await app.Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?q=kettle");
        Assert.Equal(id, found.GetProperty("data")[0].GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/catalog/items/{id}/image")).StatusCode);
    }

    [Theory]
    [InlineData("""{"description":"x","price":1,"brandId":1,"typeId":1}""", "name")]
    [InlineData("""{"name":"   ","price":1,"brandId":1,"typeId":1}""", "name")]
    [InlineData("""{"name":"NAME101","price":1,"brandId":1,"typeId":1}""", "name")]
    [InlineData("""{"name":"Mug","description":"DESCRIPTION2001","price":1,"brandId":1,"typeId":1}""", "description")]
    [InlineData("""{"name":"Mug","brandId":1,"typeId":1}""", "price")]
    [InlineData("""{"name":"Mug","price":-3,"brandId":1,"typeId":1}""", "price")]
    [InlineData("""{"name":"Mug","price":1.234,"brandId":1,"typeId":1}""", "price")]
    [InlineData("""{"name":"Mug","price":100000000,"brandId":1,"typeId":1}""", "price")]
    [InlineData("""{"name":"Mug","price":1,"typeId":1}""", "brandId")]
    [InlineData("""{"name":"Mug","price":1,"brandId":987654,"typeId":1}""", "brandId")]
    [InlineData("""{"name":"Mug","price":1,"brandId":1,"typeId":987654}""", "typeId")]
    [InlineData("""{"name":"Mug","price":1,"brandId":1,"typeId":1,"availableStock":-1}""", "availableStock")]
    [InlineData("""{"name":"Mug","price":1,"brandId":1,"typeId":1,"availableStock":1000001}""", "availableStock")]
    public async Task A_bad_product_is_a_bad_request_problem_naming_the_field_and_nothing_is_written(string json, string field)
    {
        var app = await servers.GetSeededCatalogAsync();
        json = json.Replace("NAME101", new string('n', 101), StringComparison.Ordinal)
            .Replace("DESCRIPTION2001", new string('d', 2001), StringComparison.Ordinal);

        using var created = await app.Operator.PostAsync("/api/catalog/items", Json(json));
        using var updated = await app.Operator.PutAsync("/api/catalog/items/1", Json(json));

        await ProblemAssert.NamesAsync(created, field);
        await ProblemAssert.NamesAsync(updated, field);
        Assert.Equal(CatalogApp.SeedProductCount, await app.ScalarAsync<long>("SELECT count(*) FROM products"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM products WHERE name = 'Mug' OR id = 1 AND name <> 'Aurora Daypack 24'"));
    }

    [Fact]
    public async Task A_field_of_the_wrong_JSON_type_is_a_bad_request_problem_naming_it()
    {
        var app = await servers.GetSeededCatalogAsync();

        using var response = await app.Operator.PostAsync("/api/catalog/items", Json("""{"name":"Mug","price":"cheap","brandId":1,"typeId":1}"""));

        await ProblemAssert.NamesAsync(response, "price");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_product_is_a_bad_request_problem(string body)
    {
        var app = await servers.GetSeededCatalogAsync();

        using var response = await app.Operator.PostAsync("/api/catalog/items", Json(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_update_changes_the_product_and_leaving_out_the_stock_keeps_it()
    {
        await using var app = await servers.StartCatalogAsync();
        var id = await app.AddProductAsync("Old Name", stock: 7, price: 20m);

        using var response = await app.Operator.PutAsJsonAsync($"/api/catalog/items/{id}",
            new { name = "New Name", description = "Now described.", price = 20m, brandId = 2, typeId = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = await app.Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{id}");
        Assert.Equal("New Name", item.GetProperty("name").GetString());
        Assert.Equal("Now described.", item.GetProperty("description").GetString());
        Assert.Equal(2, item.GetProperty("brandId").GetInt32());
        Assert.Equal(3, item.GetProperty("typeId").GetInt32());
        Assert.Equal(7, item.GetProperty("availableStock").GetInt32());
    }

    [Fact]
    public async Task A_price_change_publishes_ProductPriceChanged_once_and_an_edit_that_keeps_the_price_publishes_nothing()
    {
        await using var app = await servers.StartCatalogAsync();
        await using var bus = await TestBus.StartAsync(app.MessagingConnectionString);
        var id = await app.AddProductAsync("Priced Mug", stock: 3, price: 12.5m);

        using var rename = await app.Operator.PutAsJsonAsync($"/api/catalog/items/{id}", new { name = "Renamed Mug", price = 12.5m, brandId = 1, typeId = 1 });
        using var reprice = await app.Operator.PutAsJsonAsync($"/api/catalog/items/{id}", new { name = "Renamed Mug", price = 14m, brandId = 1, typeId = 1 });
        var changes = await bus.WaitForAsync<ProductPriceChanged>(received => received.Count >= 1);

        Assert.Equal(HttpStatusCode.OK, reprice.StatusCode);
        var change = Assert.Single(changes);
        Assert.Equal(new { ProductId = id, OldPrice = 12.5m, NewPrice = 14m }, new { change.Message.ProductId, change.Message.OldPrice, change.Message.NewPrice });
        Assert.NotNull(change.MessageId);
        await CatalogApp.EventuallyAsync(async () => await app.ScalarAsync<long>("SELECT count(*) FROM price_change_outbox") == 0);
    }

    [Fact]
    public async Task A_price_change_left_unpublished_by_a_crash_is_published_after_the_restart()
    {
        var database = await servers.CreateMigratedDatabaseAsync();
        var messaging = await servers.CreateVirtualHostAsync();
        var messageId = Guid.NewGuid();
        await using (var crashed = NpgsqlDataSource.Create(database))
        {
            // What a crash right after the price change committed leaves behind: the event, still in the outbox.
            await using var command = crashed.CreateCommand($"""
                INSERT INTO price_change_outbox (message_id, product_id, old_price, new_price, changed_at)
                VALUES ('{messageId}', 1, 10, 11, now())
                """);
            await command.ExecuteNonQueryAsync();
        }

        await using var bus = await TestBus.StartAsync(messaging);
        await using var restarted = CatalogApp.Start(database, messaging);
        var changes = await bus.WaitForAsync<ProductPriceChanged>(received => received.Count >= 1);

        Assert.Equal(messageId, Assert.Single(changes).MessageId);
    }

    [Fact]
    public async Task Setting_stock_replaces_the_available_quantity()
    {
        await using var app = await servers.StartCatalogAsync();
        var id = await app.AddProductAsync("Counted Mug", stock: 3);

        using var response = await app.Operator.PutAsJsonAsync($"/api/catalog/items/{id}/stock", new { availableStock = 40 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(40, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("availableStock").GetInt32());
        Assert.Equal(40, await app.StockOfAsync(id));
    }

    [Theory]
    [InlineData("""{"availableStock":-1}""")]
    [InlineData("""{"availableStock":1000001}""")]
    [InlineData("{}")]
    public async Task A_bad_stock_is_a_bad_request_problem_naming_availableStock(string json)
    {
        var app = await servers.GetSeededCatalogAsync();

        using var response = await app.Operator.PutAsync("/api/catalog/items/1/stock", Json(json));

        await ProblemAssert.NamesAsync(response, "availableStock");
    }

    [Fact]
    public async Task A_deleted_product_is_gone_and_deleting_it_again_is_not_found()
    {
        await using var app = await servers.StartCatalogAsync();
        var id = await app.AddProductAsync("Doomed Mug", stock: 3);

        using var deleted = await app.Operator.DeleteAsync($"/api/catalog/items/{id}");
        using var again = await app.Operator.DeleteAsync($"/api/catalog/items/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await app.Client.GetAsync($"/api/catalog/items/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Changing_an_unknown_product_is_not_found()
    {
        var app = await servers.GetSeededCatalogAsync();

        using var update = await app.Operator.PutAsJsonAsync("/api/catalog/items/987654", _validItem);
        using var stock = await app.Operator.PutAsJsonAsync("/api/catalog/items/987654/stock", new { availableStock = 1 });

        await ProblemAssert.IsProblemAsync(update, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(stock, HttpStatusCode.NotFound);
    }

    private static HttpRequestMessage Request(string method, string path, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "DELETE")
        {
            request.Content = JsonContent.Create(path.EndsWith("/stock", StringComparison.Ordinal) ? new { availableStock = 0 } : _validItem);
        }

        if (key is not null)
        {
            request.Headers.Add(ShopAuth.OperatorKeyHeader, key);
        }

        return request;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
