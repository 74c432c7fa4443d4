using System.Globalization;
using System.Net;
using System.Text;
using Shop.Security;
using Shop.Tests.Hostile;
using Xunit.Abstractions;

namespace Shop.Catalog.Api.Tests;

/// <summary>Every route of Catalog.Api, given the hostile-value table field by field: never a 5xx, and nothing written
/// by a request that was refused.</summary>
[Collection(CatalogServers.Name)]
public sealed class HostileInputTests(CatalogServersFixture servers, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> _validItem = new()
    {
        ["name"] = "\"Ember Camp Kettle\"",
        ["description"] = "\"A one-litre kettle.\"",
        ["price"] = "34.5",
        ["brandId"] = "1",
        ["typeId"] = "6",
        ["availableStock"] = "12",
    };

    private static readonly Dictionary<string, IReadOnlyList<string>> _itemFields = new()
    {
        ["name"] = HostileValues.Text,
        ["description"] = HostileValues.Text,
        ["price"] = HostileValues.Money,
        ["brandId"] = HostileValues.WholeNumber,
        ["typeId"] = HostileValues.WholeNumber,
        ["availableStock"] = HostileValues.WholeNumber,
    };

    [Fact]
    public async Task No_hostile_request_gets_a_server_error_and_a_refused_one_writes_nothing()
    {
        await using var app = await servers.StartCatalogAsync();
        var tally = new StatusTally("Catalog.Api");
        var productId = await app.AddProductAsync("Hostile target", stock: 5, price: 20m, description: "kept as it is");
        var products = await app.ScalarAsync<long>("SELECT count(*) FROM products");
        var created = 0;

        foreach (var (field, values) in _itemFields)
        {
            foreach (var value in values)
            {
                var body = ItemBody(field, value);
                using var create = await tally.SendAsync(app.Operator, Json(HttpMethod.Post, "/api/catalog/items", body));
                created += create.StatusCode == HttpStatusCode.Created ? 1 : 0;

                var before = await RowAsync(app, productId);
                using var update = await tally.SendAsync(app.Operator, Json(HttpMethod.Put, $"/api/catalog/items/{productId}", body));
                if (!update.IsSuccessStatusCode)
                {
                    Assert.Equal(before, await RowAsync(app, productId));
                }
                else
                {
                    // Put the target back, so every row compares with the same product.
                    using var restore = await tally.SendAsync(app.Operator, Json(HttpMethod.Put, $"/api/catalog/items/{productId}", ItemBody("name", "\"Hostile target\"")));
                }
            }
        }

        foreach (var value in HostileValues.WholeNumber)
        {
            using var _ = await tally.SendAsync(app.Operator, Json(HttpMethod.Put, $"/api/catalog/items/{productId}/stock", $"{{\"availableStock\":{value}}}"));
        }

        foreach (var route in new[] { "/api/catalog/items", $"/api/catalog/items/{productId}", $"/api/catalog/items/{productId}/stock" })
        {
            var method = route == "/api/catalog/items" ? HttpMethod.Post : HttpMethod.Put;
            foreach (var contentType in HostileValues.ContentTypes)
            {
                var request = Json(method, route, ItemBody("name", "\"Charset probe\""));
                request.Content!.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                using var response = await tally.SendAsync(app.Operator, request);
                created += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
            }

            foreach (var body in HostileValues.Bodies)
            {
                using var _ = await tally.SendAsync(app.Operator, Json(method, route, body));
            }
        }

        foreach (var value in HostileValues.Query)
        {
            foreach (var parameter in new[] { "pageIndex", "pageSize", "brandId", "typeId", "q", "sort" })
            {
                using var _ = await tally.SendAsync(app.Client, new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/items?{parameter}={value}"));
            }

            foreach (var path in new[] { $"/api/catalog/items/by?ids={value}", $"/api/catalog/items/by?ids=1,{value}", $"/api/catalog/brands?x={value}", $"/api/catalog/types?x={value}" })
            {
                using var _ = await tally.SendAsync(app.Client, new HttpRequestMessage(HttpMethod.Get, path));
            }
        }

        foreach (var segment in HostileValues.PathSegment)
        {
            using var item = await tally.SendAsync(app.Client, new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/items/{segment}"));
            using var image = await tally.SendAsync(app.Client, new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/items/{segment}/image"));
            using var delete = await tally.SendAsync(app.Operator, new HttpRequestMessage(HttpMethod.Delete, $"/api/catalog/items/{segment}"));
        }

        foreach (var key in new[] { "", "x", new string('k', 5000), "test-operator-key-0123456789 ", "TEST-OPERATOR-KEY-0123456789", "ключ-оператора" })
        {
            var request = Json(HttpMethod.Post, "/api/catalog/items", ItemBody("name", "\"Key probe\""));
            request.Headers.TryAddWithoutValidation(ShopAuth.OperatorKeyHeader, key);
            using var response = await tally.SendAsync(app.Client, request);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{response.StatusCode} for key '{key}'");
        }

        Assert.Equal(products + created, await app.ScalarAsync<long>("SELECT count(*) FROM products"));
        output.WriteLine(tally.AssertNoServerErrors());
    }

    [Theory]
    [InlineData("name", "\"Camp\\u0000Kettle\"")]
    [InlineData("description", "\"A kettle\\u0000\"")]
    [InlineData("name", "\"bell\\u0007\"")]
    [InlineData("price", "\"34.50\"")]
    [InlineData("brandId", "\"1\"")]
    [InlineData("availableStock", "\"12\"")]
    public async Task A_control_character_or_a_number_sent_as_a_string_is_a_400_naming_the_field(string field, string value)
    {
        var app = await servers.GetSeededCatalogAsync();

        using var response = await app.Operator.SendAsync(Json(HttpMethod.Post, "/api/catalog/items", ItemBody(field, value)));

        await ProblemAssert.NamesAsync(response, field);
        Assert.Equal(CatalogApp.SeedProductCount, await app.ScalarAsync<long>("SELECT count(*) FROM products"));
    }

    [Theory]
    [InlineData("POST", "/api/catalog/items")]
    [InlineData("PUT", "/api/catalog/items/1")]
    [InlineData("PUT", "/api/catalog/items/1/stock")]
    public async Task A_json_body_in_an_unknown_charset_is_unsupported(string method, string path)
    {
        var app = await servers.GetSeededCatalogAsync();
        var request = Json(new HttpMethod(method), path, ItemBody("name", "\"Mug\""));
        request.Content!.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=ebcdic");

        using var response = await app.Operator.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("ebcdic", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_and_forbidden_answers_are_problem_details()
    {
        var app = await servers.GetSeededCatalogAsync();
        var forbidden = Json(HttpMethod.Post, "/api/catalog/items", ItemBody("name", "\"Mug\""));
        forbidden.Headers.Add(ShopAuth.OperatorKeyHeader, "not-the-operator-key-at-all");

        using var unauthorized = await app.Client.SendAsync(Json(HttpMethod.Post, "/api/catalog/items", ItemBody("name", "\"Mug\"")));
        using var refused = await app.Client.SendAsync(forbidden);

        Assert.Equal(401, (await ProblemAssert.IsProblemAsync(unauthorized, HttpStatusCode.Unauthorized)).GetProperty("status").GetInt32());
        Assert.Equal(403, (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("status").GetInt32());
    }

    private static string ItemBody(string field, string value) =>
        "{" + string.Join(",", _validItem.Select(pair => $"\"{pair.Key}\":{(pair.Key == field ? value : pair.Value)}")) + "}";

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static Task<string> RowAsync(CatalogApp app, int productId) =>
        app.ScalarAsync<string>(string.Create(
            CultureInfo.InvariantCulture, $"SELECT row(name, description, price, available_stock, brand_id, type_id)::text FROM products WHERE id = {productId}"));
}
