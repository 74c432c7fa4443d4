using Shop.Hosting.Otlp;
using Shop.Hosting.Otlp.Proto;

namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>The last <paramref name="capacity"/> structured log records from every resource; the oldest are dropped.</summary>
internal sealed class LogRecordStore(int capacity)
{
    /// <summary>.NET puts the message template here; it stands in for the message when the body is empty.</summary>
    private const string OriginalFormatAttribute = "{OriginalFormat}";

    private readonly Queue<StoredLogRecord> _records = new();
    private readonly HashSet<string> _resources = [];
    private readonly Lock _lock = new();
    private long _lastId;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Every resource that has sent a log record, including those whose records were dropped since.</summary>
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

    public void Add(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpValues.ServiceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var category = scopeLogs.Scope?.Name ?? "";
                foreach (var record in scopeLogs.LogRecords)
                {
                    Append(resource, category, record);
                }
            }
        }
    }

    public IReadOnlyList<StoredLogRecord> Query(LogQuery query)
    {
        StoredLogRecord[] all;
        lock (_lock)
        {
            all = [.. _records];
        }

        return [.. all.Reverse().Where(r => Matches(r, query)).Take(query.Limit)];
    }

    private void Append(string resource, string category, LogRecord record)
    {
        var attributes = OtlpValues.ToPairs(record.Attributes);
        var message = OtlpValues.ToText(record.Body) is { Length: > 0 } body
            ? body
            : attributes.FirstOrDefault(a => a.Key == OriginalFormatAttribute).Value ?? "";
        var time = OtlpValues.ToTime(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano);
        lock (_lock)
        {
            _resources.Add(resource);
            _records.Enqueue(new StoredLogRecord(
                ++_lastId, time, resource, record.SeverityNumber, category, message,
                OtlpValues.ToHex(record.TraceId), OtlpValues.ToHex(record.SpanId), attributes));
            while (_records.Count > capacity)
            {
                _records.Dequeue();
            }
        }
    }

    private static bool Matches(StoredLogRecord record, LogQuery query) =>
        (query.Resource is null || record.Resource == query.Resource)
        && record.SeverityNumber >= query.MinimumSeverity
        && (query.TraceId is null || record.TraceId == query.TraceId)
        && (string.IsNullOrEmpty(query.Text)
            || record.Message.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
            || record.Category.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
            || record.Attributes.Any(a => a.Value.Contains(query.Text, StringComparison.OrdinalIgnoreCase)));
}
