using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.WebFrontend.Services;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CatalogPage))]
internal sealed partial class WebFrontendJsonContext : JsonSerializerContext;
