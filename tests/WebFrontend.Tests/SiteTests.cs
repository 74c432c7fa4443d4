using System.Net;
using System.Net.Http.Headers;

namespace Shop.WebFrontend.Tests;

[Collection(InProcessFrontend.Name)]
public sealed class SiteTests(FrontendFixture fixture)
{
    [Fact]
    public async Task Images_come_through_the_frontend_with_the_catalog_s_ETag_and_Cache_Control_and_revalidate_to_304()
    {
        using var client = fixture.Frontend.CreateClient();

        using var image = await client.GetAsync(new Uri($"/catalog/images/{fixture.Backpack.Id}", UriKind.Relative));
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, $"/catalog/images/{fixture.Backpack.Id}");
        revalidation.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(FakeShop.ImageETag));
        using var notModified = await client.SendAsync(revalidation);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FakeShop.ImageETag, image.Headers.ETag?.ToString());
        Assert.Equal("public, max-age=3600", image.Headers.CacheControl?.ToString());
        Assert.StartsWith("<svg", await image.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(FakeShop.ImageETag, notModified.Headers.ETag?.ToString());
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/products/999999")]
    public async Task An_unknown_address_or_product_is_a_404_page_in_the_shop_s_layout(string url)
    {
        using var client = fixture.Frontend.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("Skip to main content", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_to_an_address_that_takes_none_is_refused_with_a_page_in_the_shop_s_layout()
    {
        using var client = fixture.Frontend.CreateClient();

        using var response = await client.PostAsync(new Uri("/no/such/form", UriKind.Relative), new FormUrlEncodedContent([new("Quantity", "1")]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains("Skip to main content", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_gives_a_reference_but_no_stack_trace()
    {
        using var client = fixture.Frontend.CreateClient();

        var html = await client.GetStringAsync(new Uri("/Error", UriKind.Relative));

        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_allow_scripts_styles_and_forms_from_the_shop_only()
    {
        using var client = fixture.Frontend.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_frontend_is_healthy_and_alive_without_the_services_behind_it()
    {
        await using var frontend = new WebFrontendFactory(new Uri($"http://127.0.0.1:{ClosedPort.Find()}"));
        using var client = frontend.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);
    }
}
