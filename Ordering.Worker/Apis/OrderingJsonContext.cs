using System.Text.Json;
using System.Text.Json.Serialization;
using Shop.Security;

namespace Shop.Ordering.Worker.Apis;

/// <summary>Source-generated serialization for the API's bodies.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PaginatedItems<OrderResponse>))]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(BuyerTransferRequest))]
[JsonSerializable(typeof(ClaimResponse))]
internal sealed partial class OrderingJsonContext : JsonSerializerContext;
