using System.Text.Json.Serialization;

namespace Shop.Hosting.Orchestration;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
