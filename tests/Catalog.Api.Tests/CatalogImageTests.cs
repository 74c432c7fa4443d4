using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace Shop.Catalog.Api.Tests;

[Collection(CatalogServers.Name)]
public sealed class CatalogImageTests(CatalogServersFixture servers)
{
    [Fact]
    public async Task An_item_picture_is_an_svg_with_a_strong_etag_and_may_be_cached()
    {
        var app = await servers.GetSeededCatalogAsync();
        var item = await app.Client.GetFromJsonAsync<JsonElement>("/api/catalog/items/1");

        using var response = await app.Client.GetAsync(item.GetProperty("imageUrl").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains(item.GetProperty("name").GetString()!, svg.Root.Attribute("aria-label")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_again_with_the_etag_is_answered_not_modified_without_a_body()
    {
        var app = await servers.GetSeededCatalogAsync();
        using var first = await app.Client.GetAsync("/api/catalog/items/2/image");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items/2/image");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await app.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_etag_of_another_picture_gets_the_picture()
    {
        var app = await servers.GetSeededCatalogAsync();
        using var other = await app.Client.GetAsync("/api/catalog/items/3/image");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items/4/image");
        request.Headers.IfNoneMatch.Add(other.Headers.ETag!);
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(other.Headers.ETag, response.Headers.ETag);
    }

    [Fact]
    public async Task Every_seeded_item_has_a_well_formed_picture_of_its_own()
    {
        var app = await servers.GetSeededCatalogAsync();
        var items = (await app.Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageSize=100")).GetProperty("data").EnumerateArray();

        var etags = new HashSet<string>();
        foreach (var item in items)
        {
            using var response = await app.Client.GetAsync(item.GetProperty("imageUrl").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            _ = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(etags.Add(response.Headers.ETag!.Tag), "Two items should not share a picture.");
        }
    }

    [Fact]
    public async Task Renaming_an_item_changes_its_picture_so_the_old_etag_no_longer_matches()
    {
        await using var app = await servers.StartCatalogAsync();
        var id = await app.AddProductAsync("Plain Mug", 3);
        using var before = await app.Client.GetAsync($"/api/catalog/items/{id}/image");

        await app.ExecuteAsync($"UPDATE products SET name = 'Speckled Mug' WHERE id = {id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/items/{id}/image");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("Speckled Mug", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_name_is_drawn_as_text_and_never_becomes_part_of_the_picture()
    {
        await using var app = await servers.StartCatalogAsync();
        var id = await app.AddProductAsync("<script>alert(1)</script> \"Bold\" & Co", 3);

        using var response = await app.Client.GetAsync($"/api/catalog/items/{id}/image");
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.DoesNotContain(svg.Descendants(), element => element.Name.LocalName == "script");
        Assert.Contains("<script>", string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value)), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_picture_of_an_unknown_item_is_a_not_found_problem()
    {
        var app = await servers.GetSeededCatalogAsync();

        using var response = await app.Client.GetAsync("/api/catalog/items/987654/image");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
