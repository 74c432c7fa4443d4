using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Contracts;

namespace Shop.PhotoProcessor.Tests;

/// <summary>The operator's upload through Catalog.Api, the processor's answer, and the status the catalog keeps.</summary>
[Collection(PhotoServersFixture.Collection)]
public sealed class CatalogPhotoTests(PhotoServersFixture servers)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    [Theory]
    [MemberData(nameof(TestPhotos.AllowedFormats), MemberType = typeof(TestPhotos))]
    public async Task An_operators_photo_becomes_ready_with_every_size_and_the_product_shows_its_version(string format)
    {
        using var client = servers.CreateCatalogClient();
        var productId = await CreateProductAsync(client);

        using var upload = await UploadAsync(client, productId, TestPhotos.Photo(format));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal("processing", (await upload.Content.ReadFromJsonAsync<PhotoStatus>(_json))!.Status);

        var status = await WaitUntilDoneAsync(client, productId);
        Assert.Equal("ready", status.Status);
        var product = await client.GetFromJsonAsync<Product>($"/api/catalog/items/{productId}", _json);
        Assert.Equal(status.Version, product!.PhotoVersion);
        var photos = servers.Storage.GetBlobContainerClient(PhotoStorage.PhotosContainer);
        foreach (var name in PhotoSizes.BlobNames(status.Version!))
        {
            Assert.True(await photos.GetBlobClient(name).ExistsAsync(), $"{name} is missing");
        }
    }

    [Fact]
    public async Task The_shop_shows_a_ready_photo_as_a_picture_and_serves_its_sizes_for_good()
    {
        using var client = servers.CreateCatalogClient();
        var productId = await CreateProductAsync(client);
        (await UploadAsync(client, productId, TestPhotos.Photo("jpeg"))).Dispose();
        var version = (await WaitUntilDoneAsync(client, productId)).Version;

        using var shop = servers.App.CreateHttpClient(ResourceNames.WebFrontend);
        var page = await shop.GetStringAsync($"/products/{productId}");
        Assert.Contains("<picture>", page, StringComparison.Ordinal);
        Assert.Contains($"/catalog/photos/{version}-1200.webp 1200w", page, StringComparison.Ordinal);
        Assert.Contains($"src=\"/catalog/photos/{version}-480.jpg\"", page, StringComparison.Ordinal);

        using var size = await shop.GetAsync($"/catalog/photos/{version}-480.webp");
        Assert.Equal(HttpStatusCode.OK, size.StatusCode);
        Assert.Equal("image/webp", size.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{version}-480.webp\"", size.Headers.ETag?.Tag);
        Assert.False(size.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=31536000, immutable", size.Headers.CacheControl?.ToString());

        using var head = await shop.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/catalog/photos/{version}-480.webp"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(size.Headers.ETag, head.Headers.ETag);
        Assert.Equal(size.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal("public, max-age=31536000, immutable", head.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/catalog/photos/{version}-480.webp");
        again.Headers.IfNoneMatch.Add(size.Headers.ETag);
        using var revalidated = await shop.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        using var unknown = await shop.GetAsync($"/catalog/photos/{new string('0', 32)}-480.webp");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PhotoSizerTests.BadUploads), MemberType = typeof(PhotoSizerTests))]
    public async Task A_bad_photo_is_rejected_with_a_reason_the_operator_can_read(string upload, string reason)
    {
        if (upload == "25 MB")
        {
            return; // Refused by the upload itself: see the next test.
        }

        using var client = servers.CreateCatalogClient();
        var productId = await CreateProductAsync(client);
        using var response = await UploadAsync(client, productId, TestPhotos.BadUpload(upload));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var status = await WaitUntilDoneAsync(client, productId);
        Assert.Equal("rejected", status.Status);
        Assert.Contains(reason, status.Reason, StringComparison.Ordinal);
        Assert.Null(status.Version);
    }

    [Fact]
    public async Task A_25_MB_upload_is_refused_before_storage_with_a_problem_naming_the_limit()
    {
        using var client = servers.CreateCatalogClient();
        var productId = await CreateProductAsync(client);

        using var response = await UploadAsync(client, productId, TestPhotos.TwentyFiveMegabytes());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await client.GetFromJsonAsync<PhotoStatus>($"/api/catalog/items/{productId}/photo", _json))!.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a-shoppers-guess-at-the-operator-key")]
    public async Task A_shopper_cannot_upload_a_photo(string? key)
    {
        using var operatorClient = servers.CreateCatalogClient();
        var productId = await CreateProductAsync(operatorClient);
        using var shopper = servers.CreateCatalogClient(key);
        shopper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "a-buyer-token");

        using var response = await UploadAsync(shopper, productId, TestPhotos.Photo("png", 200, 100));

        Assert.Equal(key is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await operatorClient.GetFromJsonAsync<PhotoStatus>($"/api/catalog/items/{productId}/photo", _json))!.Status);
    }

    [Fact]
    public async Task A_processor_killed_while_processing_leaves_the_event_to_be_redelivered_and_the_photo_ends_ready_once()
    {
        using var client = servers.CreateCatalogClient();
        int productId;
        Guid uploadId;
        for (var attempt = 1; ; attempt++)
        {
            productId = await CreateProductAsync(client);

            // A large photo keeps the processor busy long enough to be killed in the middle of it: a noisy WebP of 27
            // megapixels and 17 MB, about the slowest an accepted upload gets (Skia decodes a JPEG at reduced size, and
            // a PNG that large is either over 20 MB or fast to inflate).
            using var response = await UploadAsync(client, productId, TestPhotos.Photo("webp", 6000, 4500));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            uploadId = (await response.Content.ReadFromJsonAsync<PhotoStatus>(_json))!.UploadId!.Value;
            await WaitUntilTakenAsync();
            servers.RestartProcessor();

            // On a loaded machine this test's own polling can fall behind until the photo is done: then nothing was
            // killed in the middle, and the next photo tries again.
            if (servers.AnswersFor(uploadId).Count == 0)
            {
                break;
            }

            Assert.True(attempt < 3, "The processor finished each of three photos before it could be killed.");
        }

        var status = await WaitUntilDoneAsync(client, productId);
        Assert.Equal("ready", status.Status);
        var answer = Assert.Single(await servers.WaitForAnswersAsync(uploadId));
        Assert.Equal(status.Version, Assert.IsType<ProductPhotoProcessed>(answer).Version);
    }

    /// <summary>Until the event queue holds a message that no one can see: the processor has taken it.</summary>
    private async Task WaitUntilTakenAsync()
    {
        var events = new Azure.Storage.Queues.QueueClient(servers.App.GetConnectionString(ResourceNames.Storage), PhotoStorage.EventsQueue);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await events.GetPropertiesAsync(deadline.Token)).Value.ApproximateMessagesCount == 0)
        {
            await Task.Delay(50, deadline.Token);
        }

        // Then one call a turn, so that the kill comes as soon after the take as it can.
        while ((await events.PeekMessagesAsync(1, deadline.Token)).Value.Length > 0)
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    /// <summary>Through catalog-api's operator API (<c>/api</c>), or the frontend's forwarding of it (<c>/operator</c>).</summary>
    internal static async Task<int> CreateProductAsync(HttpClient client, string prefix = "/api")
    {
        using var response = await client.PostAsJsonAsync($"{prefix}/catalog/items", new { name = $"Photo test {Guid.NewGuid():N}"[..30], description = "", price = 10m, brandId = 1, typeId = 1, availableStock = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Product>(_json))!.Id;
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int productId, byte[] photo, string prefix = "/api")
    {
        using var content = new ByteArrayContent(photo);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        // As curl does for a large body: the service can refuse by the headers, before the bytes are sent.
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{prefix}/catalog/items/{productId}/photo") { Content = content };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    internal static async Task<PhotoStatus> WaitUntilDoneAsync(HttpClient client, int productId, string prefix = "/api")
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var status = await client.GetFromJsonAsync<PhotoStatus>($"{prefix}/catalog/items/{productId}/photo", _json, deadline.Token);
            if (status!.Status != "processing")
            {
                return status;
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    internal sealed record PhotoStatus(Guid? UploadId, string? Status, string? Version, string? Reason);

    private sealed record Product(int Id, string? PhotoVersion, string? PhotoStatus);
}
