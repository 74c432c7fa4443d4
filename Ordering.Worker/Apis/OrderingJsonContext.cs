using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Ordering.Worker.Apis;

/// <summary>Source-generated serialization for the API's bodies.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PaginatedItems<OrderResponse>))]
[JsonSerializable(typeof(OrderResponse))]
internal sealed partial class OrderingJsonContext : JsonSerializerContext;
