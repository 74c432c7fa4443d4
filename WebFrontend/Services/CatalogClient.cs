using System.Globalization;
using System.Net.Http.Json;

namespace Shop.WebFrontend.Services;

/// <summary>Reads the catalog from Catalog.Api. Its HttpClient is addressed as <see cref="BaseAddress"/>, a logical
/// name that service discovery resolves, and retries transient failures (see ServiceDefaults).</summary>
public sealed class CatalogClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new("http://catalog-api");

    public async Task<CatalogPage> GetItemsAsync(int pageIndex, int pageSize, CancellationToken cancellationToken)
    {
        var uri = string.Create(CultureInfo.InvariantCulture, $"/api/catalog/items?pageIndex={pageIndex}&pageSize={pageSize}");
        return await http.GetFromJsonAsync(uri, WebFrontendJsonContext.Default.CatalogPage, cancellationToken)
            ?? throw new InvalidOperationException("The catalog answered with an empty body.");
    }
}
