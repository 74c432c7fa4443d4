namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>One structured log record as received over OTLP. <see cref="Id"/> grows with arrival order.</summary>
internal sealed record StoredLogRecord(
    long Id,
    DateTimeOffset Time,
    string Resource,
    int SeverityNumber,
    string Category,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    public string Severity => LogSeverity.NameOf(SeverityNumber);
}

/// <summary>Which log records to return, newest first. Null filters match everything.</summary>
internal sealed record LogQuery(string? Resource = null, int MinimumSeverity = 0, string? Text = null, string? TraceId = null, int Limit = 500);
