using System.Text.Json;
using System.Text.Json.Serialization;

// The floor for cold start and JSON throughput: a minimal API with nothing behind it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJsonContext.Default));
var app = builder.Build();

var item = new BareItem(1, "Alpine Trail Backpack", "A sturdy pack for long days on the trail.", 89.90m, 42);
app.MapGet("/", () => TypedResults.Ok(item));

app.Run();

internal sealed record BareItem(int Id, string Name, string Description, decimal Price, int AvailableStock);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BareItem))]
internal sealed partial class BareJsonContext : JsonSerializerContext;
