namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>Orders a trace's spans for a waterfall: each span under its parent, siblings by start time.</summary>
internal static class TraceLayout
{
    public static IReadOnlyList<(StoredSpan Span, int Depth)> Order(IReadOnlyList<StoredSpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var children = spans
            .Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!);
        var ordered = new List<(StoredSpan, int)>(spans.Count);
        var visited = new HashSet<string>();
        var pending = new Stack<(StoredSpan Span, int Depth)>();
        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderByDescending(s => s.Start))
        {
            pending.Push((root, 0));
        }

        while (pending.Count > 0)
        {
            var (span, depth) = pending.Pop();
            // A malformed trace may name a span as its own ancestor: each span is shown once.
            if (!visited.Add(span.SpanId))
            {
                continue;
            }

            ordered.Add((span, depth));
            foreach (var child in children[span.SpanId].OrderByDescending(s => s.Start))
            {
                pending.Push((child, depth + 1));
            }
        }

        // Spans caught in a loop have no root to hang from: they go last, unindented.
        ordered.AddRange(spans.Where(s => !visited.Contains(s.SpanId)).Select(s => (s, 0)));
        return ordered;
    }
}
