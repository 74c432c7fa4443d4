using System.Text.Json;
using System.Text.Json.Serialization;
using Shop.WebFrontend.Endpoints;

namespace Shop.WebFrontend.Services;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PaginatedItems<CatalogItem>))]
[JsonSerializable(typeof(CatalogItem))]
[JsonSerializable(typeof(IReadOnlyList<CatalogBrand>))]
[JsonSerializable(typeof(IReadOnlyList<CatalogType>))]
[JsonSerializable(typeof(CustomerBasket))]
[JsonSerializable(typeof(QuantityRequest))]
[JsonSerializable(typeof(CheckoutRequest))]
[JsonSerializable(typeof(CheckoutAccepted))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(PaginatedItems<CustomerOrder>))]
[JsonSerializable(typeof(CustomerOrder))]
[JsonSerializable(typeof(OrderStatusResponse))]
[JsonSerializable(typeof(BuyerHandoverRequest))]
[JsonSerializable(typeof(ClaimedOrders))]
internal sealed partial class WebFrontendJsonContext : JsonSerializerContext;
