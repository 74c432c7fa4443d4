using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.Hosting.Dashboard.Telemetry;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>Traces received over OTLP: the list, newest first, and one trace's spans in waterfall order.</summary>
internal static class TracesApi
{
    public static IEndpointRouteBuilder MapTracesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/traces", GetTraces);
        endpoints.MapGet("/api/traces/{traceId}", GetTrace);
        return endpoints;
    }

    /// <param name="Text">Matches a span name of the root, a resource, or the start of the trace id.</param>
    public sealed record TraceFilter(string? Resource = null, string? Text = null, bool ErrorsOnly = false, int Limit = 200);

    public static Ok<IReadOnlyList<TraceSummaryDto>> GetTraces([AsParameters] TraceFilter filter, TelemetryStore telemetry)
    {
        var query = new TraceQuery(
            ApiValues.NullIfEmpty(filter.Resource),
            ApiValues.NullIfEmpty(filter.Text),
            filter.ErrorsOnly,
            Math.Clamp(filter.Limit, 1, 2_000));
        return TypedResults.Ok<IReadOnlyList<TraceSummaryDto>>([.. telemetry.Traces.Query(query).Select(ToDto)]);
    }

    public static Results<Ok<TraceDto>, NotFound> GetTrace(string traceId, TelemetryStore telemetry, SecretMasker masker)
    {
        if (telemetry.Traces.Get(traceId.ToLowerInvariant()) is not var (summary, spans))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new TraceDto(
            ToDto(summary),
            [.. TraceLayout.Order(spans).Select(entry => ToDto(entry.Span, entry.Depth, summary.Start, masker))]));
    }

    private static TraceSummaryDto ToDto(TraceSummary trace) => new(
        trace.TraceId,
        trace.Name,
        trace.RootResource,
        trace.Start,
        trace.Duration.TotalMilliseconds,
        trace.SpanCount,
        trace.HasError,
        trace.Resources);

    private static SpanDto ToDto(StoredSpan span, int depth, DateTimeOffset traceStart, SecretMasker masker) => new(
        span.SpanId,
        span.ParentSpanId,
        depth,
        span.Resource,
        span.Scope,
        span.Name,
        span.Kind,
        (span.Start - traceStart).TotalMilliseconds,
        span.Duration.TotalMilliseconds,
        span.IsError,
        span.StatusMessage is null ? null : masker.Apply(span.StatusMessage),
        ApiValues.ToDtos(span.Attributes, masker),
        [.. span.Events.Select(e => new SpanEventDto((e.Time - traceStart).TotalMilliseconds, e.Name, ApiValues.ToDtos(e.Attributes, masker)))]);
}
