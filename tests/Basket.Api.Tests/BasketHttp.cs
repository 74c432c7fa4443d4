using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Basket.Api.Apis;

namespace Shop.Basket.Api.Tests;

/// <summary>The basket API's calls, as a client makes them.</summary>
internal static class BasketHttp
{
    public static Task<HttpResponseMessage> SetQuantityAsync(this HttpClient client, int productId, int quantity) =>
        client.PutAsJsonAsync(ItemUri(productId), new { quantity });

    public static Task<HttpResponseMessage> AddAsync(this HttpClient client, int productId, int quantity = 1) =>
        client.PostAsJsonAsync(ItemUri(productId), new { quantity });

    public static Task<HttpResponseMessage> RemoveAsync(this HttpClient client, int productId) => client.DeleteAsync(ItemUri(productId));

    public static async Task<BasketResponse> GetBasketAsync(this HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/basket", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BasketResponse>())!;
    }

    /// <summary>POST /api/basket/merge with the anonymous buyer's token (<c>null</c> sends a body without one).</summary>
    public static Task<HttpResponseMessage> MergeAsync(this HttpClient client, string? fromBuyerToken) =>
        client.PostAsJsonAsync(new Uri("/api/basket/merge", UriKind.Relative), new { fromBuyerToken });

    public static Task<HttpResponseMessage> CheckOutAsync(this HttpClient client, string? idempotencyKey, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/basket/checkout", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>A checkout body with the gateway's approving test card, unless told otherwise.</summary>
    public static object CheckoutBody(string cardNumber = "4242 4242 4242 4242", int expiryYear = 2031, string fullName = "Ada Lovelace") => new
    {
        shippingAddress = new { fullName, street = "12 Analytical Row", city = "London", postalCode = "N1 7AA", country = "United Kingdom" },
        payment = new { cardNumber, cardHolder = "ADA LOVELACE", expiryMonth = 12, expiryYear, cvc = "123" },
    };

    /// <summary>The field names of a validation problem.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order()];
    }

    private static Uri ItemUri(int productId) =>
        new($"/api/basket/items/{productId.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative);
}
