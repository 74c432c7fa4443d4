using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Catalog.Api.Apis;

/// <summary>Source-generated serialization for the API's bodies: no reflection at start-up or per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PaginatedItems<CatalogItemResponse>))]
[JsonSerializable(typeof(CatalogItemResponse))]
[JsonSerializable(typeof(List<CatalogItemResponse>))]
[JsonSerializable(typeof(List<CatalogReferenceResponse>))]
[JsonSerializable(typeof(CatalogItemRequest))]
[JsonSerializable(typeof(StockRequest))]
[JsonSerializable(typeof(PhotoStatusResponse))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
