using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>Serialization of every type the dashboard's JSON API and event streams send, generated at build time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<ResourceDto>))]
[JsonSerializable(typeof(ResourceDto))]
[JsonSerializable(typeof(ConsoleLineDto))]
[JsonSerializable(typeof(IReadOnlyList<LogRecordDto>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<TraceSummaryDto>))]
[JsonSerializable(typeof(TraceDto))]
[JsonSerializable(typeof(MetricsViewDto))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
