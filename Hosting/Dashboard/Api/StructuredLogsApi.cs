using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.Hosting.Dashboard.Telemetry;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>Structured log records received over OTLP, newest first, and the resources telemetry came from.</summary>
internal static class StructuredLogsApi
{
    public static IEndpointRouteBuilder MapStructuredLogsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/logs", GetLogs);
        endpoints.MapGet("/api/telemetry/resources", GetTelemetryResources);
        return endpoints;
    }

    /// <param name="Level">The lowest level shown: Trace, Debug, Information, Warning, Error or Critical.</param>
    public sealed record LogFilter(string? Resource = null, string? Level = null, string? Text = null, string? TraceId = null, int Limit = 500);

    public static Ok<IReadOnlyList<LogRecordDto>> GetLogs([AsParameters] LogFilter filter, TelemetryStore telemetry, SecretMasker masker)
    {
        var query = new LogQuery(
            ApiValues.NullIfEmpty(filter.Resource),
            LogSeverity.MinimumNumberOf(filter.Level),
            ApiValues.NullIfEmpty(filter.Text),
            ApiValues.NullIfEmpty(filter.TraceId),
            Math.Clamp(filter.Limit, 1, 5_000));
        return TypedResults.Ok<IReadOnlyList<LogRecordDto>>([.. telemetry.Logs.Query(query).Select(r => ToDto(r, masker))]);
    }

    /// <summary>Every resource that sent logs, traces or metrics, for the pages' filters.</summary>
    public static Ok<IReadOnlyList<string>> GetTelemetryResources(TelemetryStore telemetry) => TypedResults.Ok(telemetry.Resources);

    private static LogRecordDto ToDto(StoredLogRecord record, SecretMasker masker) => new(
        record.Id,
        record.Time,
        record.Resource,
        record.Severity,
        record.Category,
        masker.Apply(record.Message),
        record.TraceId,
        record.SpanId,
        ApiValues.ToDtos(record.Attributes, masker));
}
