using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Shop.Contracts;

namespace Shop.WebFrontend.Services;

/// <summary>Reads the catalog from Catalog.Api. Its HttpClient is addressed as <see cref="BaseAddress"/>, a logical
/// name that service discovery resolves, and retries transient failures (see ServiceDefaults).</summary>
public sealed class CatalogClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new($"http://{ResourceNames.CatalogApi}");

    public async Task<PaginatedItems<CatalogItem>> GetItemsAsync(CatalogQuery query, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync(query.ToApiPath(), WebFrontendJsonContext.Default.PaginatedItemsCatalogItem, cancellationToken)
            ?? throw new InvalidOperationException("The catalog answered with an empty body.");

    /// <summary>The item, or null when the catalog has no such item.</summary>
    public async Task<CatalogItem?> GetItemAsync(int id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(ItemPath(id), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(WebFrontendJsonContext.Default.CatalogItem, cancellationToken);
    }

    public async Task<IReadOnlyList<CatalogBrand>> GetBrandsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync("/api/catalog/brands", WebFrontendJsonContext.Default.IReadOnlyListCatalogBrand, cancellationToken) ?? [];

    public async Task<IReadOnlyList<CatalogType>> GetTypesAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync("/api/catalog/types", WebFrontendJsonContext.Default.IReadOnlyListCatalogType, cancellationToken) ?? [];

    /// <summary>The product image, headers first so the body can be streamed on; the caller disposes the response.
    /// <paramref name="ifNoneMatch"/> is passed through so the catalog can answer 304.</summary>
    public async Task<HttpResponseMessage> GetImageAsync(int id, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ItemPath(id) + "/image");
        if (!string.IsNullOrEmpty(ifNoneMatch))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static string ItemPath(int id) => string.Create(CultureInfo.InvariantCulture, $"/api/catalog/items/{id}");
}
