using System.Globalization;
using System.Net.Http.Json;
using Shop.Contracts;

namespace Shop.Basket.Api.Infrastructure;

/// <summary>Catalog.Api's current names and prices, the only ones the basket trusts. Addressed as
/// <c>http://catalog-api</c>, which service discovery resolves; the default resilience handler retries.</summary>
public sealed class CatalogClient(HttpClient http)
{
    public const string BaseAddress = $"http://{ResourceNames.CatalogApi}";

    /// <summary>The items that exist among <paramref name="productIds"/>, by id: an unknown id is simply absent.</summary>
    public async Task<IReadOnlyDictionary<int, CatalogItem>> GetItemsAsync(IReadOnlyCollection<int> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count == 0)
        {
            return new Dictionary<int, CatalogItem>();
        }

        var ids = string.Join(',', productIds.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        try
        {
            using var response = await http.GetAsync(new Uri($"/api/catalog/items/by?ids={ids}", UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CatalogUnavailableException($"Catalog.Api answered {(int)response.StatusCode} when asked for products {ids}.");
            }

            var items = await response.Content.ReadFromJsonAsync(BasketJsonContext.Default.ListCatalogItem, cancellationToken) ?? [];
            return items.ToDictionary(item => item.Id);
        }
        catch (Exception ex) when (ex is not CatalogUnavailableException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // Connection failures, the resilience handler's timeout (a Polly exception), a body that is not the
            // expected JSON: whatever it was, the catalog could not answer, and the caller answers 503.
            throw new CatalogUnavailableException($"Catalog.Api could not be reached for products {ids}: {ex.Message}", ex);
        }
    }
}
