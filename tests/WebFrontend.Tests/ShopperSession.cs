using System.Net;

namespace Shop.WebFrontend.Tests;

/// <summary>One shopper's browser over HTTP: cookies kept, redirects visible.</summary>
public sealed class ShopperSession(HttpClient browser) : IDisposable
{
    public HttpClient Browser { get; } = browser;

    public async Task<string> GetPageAsync(string url)
    {
        using var response = await Browser.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<HtmlForm> GetFormAsync(string url, string formName) => HtmlForm.Find(await GetPageAsync(url), formName, url);

    /// <summary>Adds through the product page's form, as a shopper does; returns where the frontend redirected.</summary>
    public async Task<string?> AddToBasketAsync(int productId, int quantity)
    {
        var form = await GetFormAsync($"/products/{productId}", "add-to-basket");
        using var response = await form.With("Quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)).SubmitAsync(Browser);
        return RedirectedTo(response);
    }

    /// <summary>The path and query a response redirects to (Blazor writes absolute locations), or null.</summary>
    public static string? RedirectedTo(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location).PathAndQuery : null;

    public void Dispose() => Browser.Dispose();
}
