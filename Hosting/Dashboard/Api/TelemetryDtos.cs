namespace Shop.Hosting.Dashboard.Api;

public sealed record AttributeDto(string Name, string Value);

public sealed record LogRecordDto(
    long Id,
    DateTimeOffset Time,
    string Resource,
    string Severity,
    string Category,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<AttributeDto> Attributes);

public sealed record TraceSummaryDto(
    string TraceId,
    string Name,
    string RootResource,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    bool HasError,
    IReadOnlyList<string> Resources);

/// <summary>A trace with its spans in waterfall order: each under its parent (<see cref="SpanDto.Depth"/>), siblings by start.</summary>
public sealed record TraceDto(TraceSummaryDto Summary, IReadOnlyList<SpanDto> Spans);

/// <param name="OffsetMs">Start, in milliseconds after the trace's first span started.</param>
public sealed record SpanDto(
    string SpanId,
    string? ParentSpanId,
    int Depth,
    string Resource,
    string Scope,
    string Name,
    string Kind,
    double OffsetMs,
    double DurationMs,
    bool IsError,
    string? StatusMessage,
    IReadOnlyList<AttributeDto> Attributes,
    IReadOnlyList<SpanEventDto> Events);

public sealed record SpanEventDto(double OffsetMs, string Name, IReadOnlyList<AttributeDto> Attributes);

/// <summary>The charts of one resource: the key ones first (requests, latency, CPU, memory, GC), then every other instrument.</summary>
public sealed record MetricsViewDto(string Resource, IReadOnlyList<MetricChartDto> Charts);

public sealed record MetricChartDto(string Title, string Unit, IReadOnlyList<MetricSeriesDto> Series);

public sealed record MetricSeriesDto(string Name, IReadOnlyList<MetricPointDto> Points);

/// <param name="T">Unix time in milliseconds.</param>
public sealed record MetricPointDto(long T, double V);
