namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>One span as received over OTLP; ids are lower-case hex.</summary>
internal sealed record StoredSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Resource,
    string Scope,
    string Name,
    string Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string? StatusMessage,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    IReadOnlyList<StoredSpanEvent> Events)
{
    public TimeSpan Duration => End > Start ? End - Start : TimeSpan.Zero;
}

/// <summary>A timestamped note on a span (an exception, a retry).</summary>
internal sealed record StoredSpanEvent(DateTimeOffset Time, string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes);

/// <summary>What the trace list shows for one trace.</summary>
internal sealed record TraceSummary(
    string TraceId,
    string Name,
    string RootResource,
    DateTimeOffset Start,
    TimeSpan Duration,
    int SpanCount,
    bool HasError,
    IReadOnlyList<string> Resources);

/// <summary>Which traces to list, newest first. Null filters match everything.</summary>
internal sealed record TraceQuery(string? Resource = null, string? Text = null, bool ErrorsOnly = false, int Limit = 200);
