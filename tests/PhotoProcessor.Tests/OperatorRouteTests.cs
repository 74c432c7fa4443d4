using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Contracts;
using static Shop.PhotoProcessor.Tests.CatalogPhotoTests;

namespace Shop.PhotoProcessor.Tests;

/// <summary>Deployed, catalog-api is internal and the frontend is the one public endpoint: operators upload photos
/// through its <c>/operator</c> routes, which forward to the real catalog-api here.</summary>
[Collection(PhotoServersFixture.Collection)]
public sealed class OperatorRouteTests(PhotoServersFixture servers)
{
    private const string Operator = "/operator";
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_photo_uploaded_through_the_frontends_operator_route_ends_ready_and_the_shop_shows_it()
    {
        using var frontend = CreateFrontendClient(PhotoServersFixture.OperatorKey);
        var productId = await CreateProductAsync(frontend, Operator);

        using var upload = await UploadAsync(frontend, productId, TestPhotos.Photo("jpeg"), Operator);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

        var status = await WaitUntilDoneAsync(frontend, productId, Operator);
        Assert.Equal("ready", status.Status);
        var page = await frontend.GetStringAsync($"/products/{productId}");
        Assert.Contains($"/catalog/photos/{status.Version}-480.jpg", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("a-shoppers-guess-at-the-operator-key", HttpStatusCode.Forbidden)]
    public async Task A_shopper_cannot_upload_a_photo_through_the_frontend(string? key, HttpStatusCode refusal)
    {
        using var catalog = servers.CreateCatalogClient();
        var productId = await CreateProductAsync(catalog);
        using var shopper = CreateFrontendClient(key);

        using var response = await UploadAsync(shopper, productId, TestPhotos.Photo("png", 200, 100), Operator);

        Assert.Equal(refusal, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null((await catalog.GetFromJsonAsync<PhotoStatus>($"/api/catalog/items/{productId}/photo", _json))!.Status);
    }

    [Fact]
    public async Task A_25_MB_upload_through_the_frontend_is_refused_by_the_catalog_naming_the_limit()
    {
        using var frontend = CreateFrontendClient(PhotoServersFixture.OperatorKey);
        var productId = await CreateProductAsync(frontend, Operator);

        using var response = await UploadAsync(frontend, productId, TestPhotos.TwentyFiveMegabytes(), Operator);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient CreateFrontendClient(string? operatorKey)
    {
        var client = servers.App.CreateHttpClient(ResourceNames.WebFrontend);
        if (operatorKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Operator-Key", operatorKey);
        }

        return client;
    }
}
