using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Shop.Basket.Api.Apis;
using Shop.Basket.Api.Infrastructure;
using Shop.Security;

namespace Shop.Basket.Api;

/// <summary>Source-generated serialization for the API's bodies and Catalog.Api's answers: no reflection at start-up
/// or per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(BasketResponse))]
[JsonSerializable(typeof(QuantityRequest))]
[JsonSerializable(typeof(BasketItemResponse))]
[JsonSerializable(typeof(BuyerTransferRequest))]
[JsonSerializable(typeof(CheckoutRequest))]
[JsonSerializable(typeof(CheckoutResponse))]
[JsonSerializable(typeof(List<CatalogItem>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class BasketJsonContext : JsonSerializerContext;
