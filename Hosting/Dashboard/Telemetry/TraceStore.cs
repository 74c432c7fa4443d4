using Shop.Hosting.Otlp;
using Shop.Hosting.Otlp.Proto;

namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>The last <paramref name="maxTraces"/> traces, assembled from spans as they arrive from every resource;
/// the trace seen first is dropped first.</summary>
internal sealed class TraceStore(int maxTraces, int maxSpansPerTrace = 5_000)
{
    private readonly Dictionary<string, StoredTrace> _traces = [];
    private readonly Queue<StoredTrace> _arrivalOrder = new();
    private readonly HashSet<string> _resources = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _traces.Count;
            }
        }
    }

    /// <summary>Every resource that has sent a span, including those whose traces were dropped since.</summary>
    public IReadOnlyList<string> Resources
    {
        get
        {
            lock (_lock)
            {
                return [.. _resources];
            }
        }
    }

    public void Add(ExportTraceServiceRequest request)
    {
        var spans = request.ResourceSpans.SelectMany(resourceSpans =>
        {
            var resource = OtlpValues.ServiceName(resourceSpans.Resource);
            return resourceSpans.ScopeSpans.SelectMany(scope => scope.Spans.Select(span => ToStored(resource, scope.Scope?.Name ?? "", span)));
        }).Where(span => span is not null).ToList();

        lock (_lock)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span!.TraceId, out var trace))
                {
                    trace = new StoredTrace(span.TraceId, maxSpansPerTrace);
                    _traces[span.TraceId] = trace;
                    _arrivalOrder.Enqueue(trace);
                    while (_arrivalOrder.Count > maxTraces)
                    {
                        _traces.Remove(_arrivalOrder.Dequeue().TraceId);
                    }
                }

                trace.Add(span);
                _resources.Add(span.Resource);
            }
        }
    }

    public IReadOnlyList<TraceSummary> Query(TraceQuery query)
    {
        lock (_lock)
        {
            return [.. _arrivalOrder.Reverse().Select(t => t.Summarize()).Where(t => Matches(t, query)).Take(query.Limit)];
        }
    }

    /// <summary>The trace's summary and a copy of its spans, or null when the trace is unknown (never seen, or dropped).</summary>
    public (TraceSummary Summary, IReadOnlyList<StoredSpan> Spans)? Get(string traceId)
    {
        lock (_lock)
        {
            return _traces.TryGetValue(traceId, out var trace) ? (trace.Summarize(), [.. trace.Spans]) : null;
        }
    }

    private static StoredSpan? ToStored(string resource, string scope, Span span)
    {
        if (OtlpValues.ToHex(span.TraceId) is not { } traceId || OtlpValues.ToHex(span.SpanId) is not { } spanId)
        {
            return null;
        }

        var isError = span.Status?.Code == Status.Types.StatusCode.Error;
        return new StoredSpan(
            traceId,
            spanId,
            OtlpValues.ToHex(span.ParentSpanId),
            resource,
            scope,
            span.Name,
            span.Kind switch
            {
                Span.Types.SpanKind.Server => "Server",
                Span.Types.SpanKind.Client => "Client",
                Span.Types.SpanKind.Producer => "Producer",
                Span.Types.SpanKind.Consumer => "Consumer",
                _ => "Internal",
            },
            OtlpValues.ToTime(span.StartTimeUnixNano),
            OtlpValues.ToTime(span.EndTimeUnixNano),
            isError,
            isError && span.Status!.Message is { Length: > 0 } message ? message : null,
            OtlpValues.ToPairs(span.Attributes),
            [.. span.Events.Select(e => new StoredSpanEvent(OtlpValues.ToTime(e.TimeUnixNano), e.Name, OtlpValues.ToPairs(e.Attributes)))]);
    }

    private static bool Matches(TraceSummary trace, TraceQuery query) =>
        (!query.ErrorsOnly || trace.HasError)
        && (query.Resource is null || trace.Resources.Contains(query.Resource))
        && (string.IsNullOrEmpty(query.Text)
            || trace.Name.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
            || trace.TraceId.StartsWith(query.Text, StringComparison.OrdinalIgnoreCase)
            || trace.Resources.Any(r => r.Contains(query.Text, StringComparison.OrdinalIgnoreCase)));
}
