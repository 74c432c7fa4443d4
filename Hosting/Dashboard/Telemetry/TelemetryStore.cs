namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>Everything the OTLP receiver has taken in, bounded: the oldest log records and traces are dropped
/// first, and each instrument keeps a fixed number of samples.</summary>
internal sealed class TelemetryStore(DashboardOptions options)
{
    public LogRecordStore Logs { get; } = new(options.MaxLogRecords);

    public TraceStore Traces { get; } = new(options.MaxTraces);

    public MetricStore Metrics { get; } = new(options.MetricSamplesPerInstrument);

    /// <summary>Every resource that has sent any telemetry, for the pages' resource filters.</summary>
    public IReadOnlyList<string> Resources =>
        [.. Metrics.Resources.Union(Logs.Resources).Union(Traces.Resources)
            .Order(StringComparer.Ordinal)];
}
