using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Shop.Contracts;
using Shop.WebFrontend.Identity;

namespace Shop.WebFrontend.Services;

/// <summary>Basket.Api on a buyer's behalf: every request carries a fresh buyer token for <c>buyerId</c>
/// (see <see cref="BuyerTokenHandler"/>).</summary>
public sealed class BasketClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new($"http://{ResourceNames.BasketApi}");

    /// <summary>How many times a checkout asks again while another request of the same key is in progress.</summary>
    private const int MaxInProgressWaits = 10;

    public async Task<CustomerBasket> GetAsync(string buyerId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/basket").ForBuyer(buyerId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(WebFrontendJsonContext.Default.CustomerBasket, cancellationToken)
            ?? CustomerBasket.Empty;
    }

    public Task<BasketChange> AddAsync(string buyerId, int productId, int quantity, CancellationToken cancellationToken) =>
        ChangeAsync(HttpMethod.Post, buyerId, productId, quantity, cancellationToken);

    public Task<BasketChange> SetQuantityAsync(string buyerId, int productId, int quantity, CancellationToken cancellationToken) =>
        ChangeAsync(HttpMethod.Put, buyerId, productId, quantity, cancellationToken);

    public Task<BasketChange> RemoveAsync(string buyerId, int productId, CancellationToken cancellationToken) =>
        ChangeAsync(HttpMethod.Delete, buyerId, productId, quantity: null, cancellationToken);

    /// <summary>Adds the basket of the buyer that <paramref name="fromBuyerToken"/> proves into the account's basket
    /// (quantities added, limits kept). Idempotent: Basket.Api empties the merged basket.</summary>
    public async Task MergeAsync(string accountId, string fromBuyerToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/basket/merge")
        {
            Content = JsonContent.Create(new BuyerHandoverRequest(fromBuyerToken), WebFrontendJsonContext.Default.BuyerHandoverRequest),
        }.ForBuyer(accountId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Submits the order. The idempotency key makes a repeated submit (a double click, a resent form) the same
    /// order: while the first submit of a key is still running, Basket.Api answers 409 and this waits for its result.</summary>
    public async Task<CheckoutOutcome> CheckoutAsync(
        string buyerId, string idempotencyKey, CheckoutRequest checkout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/basket/checkout")
            {
                Content = JsonContent.Create(checkout, WebFrontendJsonContext.Default.CheckoutRequest),
            }.ForBuyer(buyerId);
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var accepted = await response.Content.ReadFromJsonAsync(WebFrontendJsonContext.Default.CheckoutAccepted, cancellationToken)
                    ?? throw new InvalidOperationException("Basket.Api accepted the checkout without an order id.");
                return new CheckoutOutcome.Placed(accepted.OrderId);
            }

            if (response.StatusCode == HttpStatusCode.Conflict && attempt < MaxInProgressWaits)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            return (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.Conflict
                ? new CheckoutOutcome.Unavailable()
                : new CheckoutOutcome.Refused(await ApiProblem.ReadAsync(response, cancellationToken));
        }
    }

    private async Task<BasketChange> ChangeAsync(
        HttpMethod method, string buyerId, int productId, int? quantity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, string.Create(CultureInfo.InvariantCulture, $"/api/basket/items/{productId}"))
        {
            Content = quantity is { } value ? JsonContent.Create(new QuantityRequest(value), WebFrontendJsonContext.Default.QuantityRequest) : null,
        }.ForBuyer(buyerId);
        using var response = await http.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            return new BasketChange((await ApiProblem.ReadAsync(response, cancellationToken)).Message);
        }

        response.EnsureSuccessStatusCode();
        return BasketChange.Done;
    }
}
