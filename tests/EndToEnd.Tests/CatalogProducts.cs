using System.Net.Http.Json;
using System.Text.Json;
using Shop.Testing;

namespace Shop.EndToEnd.Tests;

/// <summary>A product read from the booted catalog.</summary>
public sealed record CatalogProduct(int Id, string Name, decimal Price, int AvailableStock)
{
    /// <summary>A product with plenty of stock, the <paramref name="index"/>-th such product in name order, so each test
    /// buys its own.</summary>
    public static async Task<CatalogProduct> WithStockAsync(StartedApplication app, int index)
    {
        using var catalog = app.CreateHttpClient("catalog-api");
        var page = await catalog.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageIndex=0&pageSize=100&sort=name");
        return page.GetProperty("data").EnumerateArray()
            .Select(item => new CatalogProduct(
                item.GetProperty("id").GetInt32(), item.GetProperty("name").GetString()!, item.GetProperty("price").GetDecimal(),
                item.GetProperty("availableStock").GetInt32()))
            .Where(item => item.AvailableStock >= 10)
            .ElementAt(index);
    }
}
