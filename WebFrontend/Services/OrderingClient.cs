using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Shop.Contracts;
using Shop.WebFrontend.Identity;

namespace Shop.WebFrontend.Services;

/// <summary>Ordering.Worker's order queries on a buyer's behalf (buyer token per request, see <see cref="BuyerTokenHandler"/>).
/// Another buyer's order answers 404, the same as no order.</summary>
public sealed class OrderingClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new($"http://{ResourceNames.OrderingWorker}");

    public async Task<PaginatedItems<CustomerOrder>> ListAsync(string buyerId, int pageIndex, int pageSize, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/api/orders?pageIndex={pageIndex}&pageSize={pageSize}")).ForBuyer(buyerId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(WebFrontendJsonContext.Default.PaginatedItemsCustomerOrder, cancellationToken)
            ?? throw new InvalidOperationException("Ordering answered with an empty body.");
    }

    /// <summary>The buyer's order, or null when the buyer has no such order.</summary>
    public async Task<CustomerOrder?> GetAsync(string buyerId, Guid orderId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OrderPath(orderId)).ForBuyer(buyerId);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(WebFrontendJsonContext.Default.CustomerOrder, cancellationToken);
    }

    public async Task<CancelOutcome> CancelAsync(string buyerId, Guid orderId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, OrderPath(orderId) + "/cancel").ForBuyer(buyerId);
        using var response = await http.SendAsync(request, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                return CancelOutcome.NotFound;
            case HttpStatusCode.Conflict:
                return CancelOutcome.TooLate;
            default:
                response.EnsureSuccessStatusCode();
                return CancelOutcome.Cancelled;
        }
    }

    /// <summary>Makes the orders of the buyer that <paramref name="fromBuyerToken"/> proves the account's; returns how many
    /// moved. Idempotent: a second call finds none left to move.</summary>
    public async Task<int> ClaimAsync(string accountId, string fromBuyerToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders/claim")
        {
            Content = JsonContent.Create(new BuyerHandoverRequest(fromBuyerToken), WebFrontendJsonContext.Default.BuyerHandoverRequest),
        }.ForBuyer(accountId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var claimed = await response.Content.ReadFromJsonAsync(WebFrontendJsonContext.Default.ClaimedOrders, cancellationToken)
            ?? throw new InvalidOperationException("Ordering answered the claim with an empty body.");
        return claimed.Claimed;
    }

    private static string OrderPath(Guid orderId) => $"/api/orders/{orderId}";
}
