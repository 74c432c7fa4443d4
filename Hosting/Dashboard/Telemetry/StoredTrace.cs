namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>The spans of one trace received so far, from any number of resources. Not thread-safe: the
/// <see cref="TraceStore"/> guards it.</summary>
internal sealed class StoredTrace(string traceId, int maxSpans)
{
    private readonly List<StoredSpan> _spans = [];
    private readonly HashSet<string> _spanIds = [];

    public string TraceId { get; } = traceId;

    public IReadOnlyList<StoredSpan> Spans => _spans;

    public void Add(StoredSpan span)
    {
        // A span sent twice (an exporter retry) is kept once; a runaway trace stops growing at maxSpans.
        if (_spans.Count < maxSpans && _spanIds.Add(span.SpanId))
        {
            _spans.Add(span);
        }
    }

    public TraceSummary Summarize()
    {
        var start = _spans.Min(s => s.Start);
        var end = _spans.Max(s => s.End);
        var root = Roots().MinBy(s => s.Start) ?? _spans[0];
        return new TraceSummary(
            TraceId,
            root.Name,
            root.Resource,
            start,
            end > start ? end - start : TimeSpan.Zero,
            _spans.Count,
            _spans.Any(s => s.IsError),
            [.. _spans.OrderBy(s => s.Start).Select(s => s.Resource).Distinct()]);
    }

    /// <summary>Spans without a parent here: the real root, or spans whose parent has not arrived (or never will).</summary>
    private IEnumerable<StoredSpan> Roots() => _spans.Where(s => s.ParentSpanId is null || !_spanIds.Contains(s.ParentSpanId));
}
