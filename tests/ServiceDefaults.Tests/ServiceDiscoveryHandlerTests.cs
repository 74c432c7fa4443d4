using System.Net;
using Microsoft.Extensions.Configuration;
using Shop.ServiceDefaults.ServiceDiscovery;

namespace Shop.ServiceDefaults.Tests;

public sealed class ServiceDiscoveryHandlerTests
{
    private static readonly IConfiguration _configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:catalog-api:http:0"] = "http://localhost:5101",
            ["services:basket-api:https:0"] = "https://basket.internal:7443",
            ["services:broken:http:0"] = "not a uri",
        })
        .Build();

    [Fact]
    public async Task A_logical_name_is_replaced_by_the_configured_endpoint_keeping_path_and_query()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = CreateClient(stub);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://catalog-api/api/catalog/items?pageIndex=1&pageSize=3");

        using var response = await client.SendAsync(request);

        Assert.Equal(new Uri("http://localhost:5101/api/catalog/items?pageIndex=1&pageSize=3"), Assert.Single(stub.RequestUris));
        Assert.Equal(new Uri("http://catalog-api/api/catalog/items?pageIndex=1&pageSize=3"), request.RequestUri);
    }

    [Theory]
    [InlineData("http://unknown-api/items")]
    [InlineData("http://localhost:8080/items")]
    [InlineData("http://127.0.0.1:8080/items")]
    [InlineData("https://catalog-api/items")]
    public async Task A_name_without_an_endpoint_for_its_scheme_passes_through_unchanged(string uri)
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = CreateClient(stub);

        using var response = await client.GetAsync(new Uri(uri));

        Assert.Equal(new Uri(uri), Assert.Single(stub.RequestUris));
    }

    [Fact]
    public void The_scheme_of_the_request_selects_the_endpoint()
    {
        using var handler = new ServiceDiscoveryHandler(_configuration);

        Assert.Equal(new Uri("https://basket.internal:7443/api/basket"), handler.Resolve(new Uri("https://basket-api/api/basket")));
    }

    [Fact]
    public void A_malformed_endpoint_is_reported_with_its_configuration_key()
    {
        using var handler = new ServiceDiscoveryHandler(_configuration);

        var error = Assert.Throws<InvalidOperationException>(() => handler.Resolve(new Uri("http://broken/")));

        Assert.Contains("services:broken:http:0", error.Message, StringComparison.Ordinal);
    }

    private static HttpClient CreateClient(StubHandler stub) => new(new ServiceDiscoveryHandler(_configuration) { InnerHandler = stub });
}
