using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Shop.WebFrontend.Tests;

/// <summary>Operators reach the operator API through the frontend (<c>/operator/…</c>), the one public endpoint when
/// deployed: the frontend forwards requests that carry an operator key and the service judges the key.</summary>
[Collection(InProcessFrontend.Name)]
public sealed class OperatorTests(FrontendFixture fixture)
{
    [Fact]
    public async Task A_stock_change_with_the_operator_key_reaches_the_catalog_with_its_key_and_body_and_its_answer_comes_back()
    {
        using var client = fixture.Frontend.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/operator/catalog/items/{fixture.Tent.Id}/stock")
        {
            Content = JsonContent.Create(new { availableStock = 7 }),
        };
        request.Headers.Add("X-Operator-Key", FakeShop.OperatorKey);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"availableStock\":7}", await response.Content.ReadAsStringAsync());
        Assert.Contains(fixture.Shop.OperatorRequests,
            r => r == ("PUT", $"/api/catalog/items/{fixture.Tent.Id}/stock", FakeShop.OperatorKey, "{\"availableStock\":7}"));
    }

    [Fact]
    public async Task Shipping_an_order_with_a_wrong_key_is_refused_by_the_ordering_service()
    {
        using var client = fixture.Frontend.CreateClient();
        var order = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/operator/orders/{order}/ship");
        request.Headers.Add("X-Operator-Key", "a-guess");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(fixture.Shop.OperatorRequests, r => r == ("POST", $"/api/orders/{order}/ship", "a-guess", ""));
    }

    [Fact]
    public async Task A_request_without_an_operator_key_is_refused_by_the_frontend_and_never_forwarded()
    {
        using var client = fixture.Frontend.CreateClient();
        var order = Guid.NewGuid();

        using var response = await client.PostAsync($"/operator/orders/{order}/ship", content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(fixture.Shop.OperatorRequests, r => r.Path.Contains(order.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_operator_actions_are_forwarded()
    {
        using var client = fixture.Frontend.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/operator/catalog/items");
        request.Headers.Add("X-Operator-Key", FakeShop.OperatorKey);

        using var response = await client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(fixture.Shop.OperatorRequests, r => r.Method == "GET");
    }

    [Fact]
    public async Task A_photo_is_forwarded_whole_with_its_length_and_type_and_its_location_is_the_frontends()
    {
        using var client = fixture.Frontend.CreateClient();
        var photo = new string('p', 3 * 1024 * 1024);
        using var request = OperatorRequest(HttpMethod.Put, $"/operator/catalog/items/{fixture.Lantern.Id}/photo");
        request.Content = new StringContent(photo, MediaTypeHeaderValue.Parse("image/jpeg"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(photo.Length, (await response.Content.ReadAsStringAsync()).Length);
        Assert.Equal($"/operator/catalog/items/{fixture.Lantern.Id}/photo", response.Headers.Location?.ToString());
        var forwarded = fixture.Shop.OperatorHeaders[$"/api/catalog/items/{fixture.Lantern.Id}/photo"];
        Assert.Equal(photo.Length, forwarded.ContentLength);
        Assert.StartsWith("image/jpeg", forwarded.ContentType.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shoppers_cookies_and_buyer_token_stay_with_the_frontend()
    {
        using var client = fixture.Frontend.CreateClient();
        using var request = OperatorRequest(HttpMethod.Put, $"/operator/catalog/items/{fixture.Backpack.Id}/stock");
        request.Content = JsonContent.Create(new { availableStock = 3 });
        request.Headers.Add("Cookie", "shop-buyer=a-shoppers-cookie");
        request.Headers.Add("Authorization", "Bearer a-buyer-token");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = fixture.Shop.OperatorHeaders[$"/api/catalog/items/{fixture.Backpack.Id}/stock"];
        Assert.Equal(FakeShop.OperatorKey, forwarded["X-Operator-Key"].ToString());
        Assert.False(forwarded.ContainsKey("Cookie"));
        Assert.False(forwarded.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task An_operator_request_to_a_service_that_is_down_answers_503_with_a_problem_not_a_page()
    {
        await using var frontend = new WebFrontendFactory(new Uri($"http://127.0.0.1:{ClosedPort.Find()}"));
        using var client = frontend.CreateClient();
        using var request = OperatorRequest(HttpMethod.Put, $"/operator/catalog/items/{fixture.Tent.Id}/photo");
        request.Content = new ByteArrayContent([1, 2, 3]);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static HttpRequestMessage OperatorRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Operator-Key", FakeShop.OperatorKey);
        return request;
    }
}
