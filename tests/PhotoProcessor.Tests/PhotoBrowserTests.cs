using Shop.EndToEnd.Tests;

namespace Shop.PhotoProcessor.Tests;

/// <summary>The product page in a real Chromium: the browser picks the WebP size of a ready photo and decodes it.</summary>
[Collection(PhotoServersFixture.Collection)]
public sealed class PhotoBrowserTests(PhotoServersFixture servers, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_ready_photo_shows_on_the_product_page_as_WebP()
    {
        using var client = servers.CreateCatalogClient();
        var productId = await CatalogPhotoTests.CreateProductAsync(client);
        (await CatalogPhotoTests.UploadAsync(client, productId, TestPhotos.Photo("jpeg"))).Dispose();
        var version = (await CatalogPhotoTests.WaitUntilDoneAsync(client, productId)).Version;

        await using var shopper = await browser.NewShopperAsync(servers.App.GetEndpoint(Contracts.ResourceNames.WebFrontend));
        var page = await shopper.NewPageAsync();
        await page.GotoAsync($"/products/{productId}");
        var image = page.Locator("picture img.product-image");
        await image.WaitForAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('picture img.product-image'); return i.complete && i.naturalWidth > 0; }");

        var chosen = await image.EvaluateAsync<string>("i => i.currentSrc");
        Assert.Matches($"/catalog/photos/{version}-(480|1200)\\.webp$", chosen);
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") >= 480);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "product-photo.png") });
    }
}
