using Google.Protobuf;
using Shop.Hosting.Otlp.Proto;

namespace Shop.Dashboard.Tests;

/// <summary>Export requests built by hand, for what the SDK does not do (gzip) and for the stores' own tests.</summary>
internal static class OtlpRequests
{
    public static ExportTraceServiceRequest Trace(string service, string name)
    {
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray()),
            SpanId = ByteString.CopyFrom(BitConverter.GetBytes(Random.Shared.NextInt64())),
            Name = name,
            Kind = Span.Types.SpanKind.Server,
            StartTimeUnixNano = start,
            EndTimeUnixNano = start + 5_000_000,
        };
        return new ExportTraceServiceRequest
        {
            ResourceSpans = { new ResourceSpans { Resource = ResourceOf(service), ScopeSpans = { new ScopeSpans { Spans = { span } } } } },
        };
    }

    public static ExportLogsServiceRequest Logs(string service, IEnumerable<string> messages) => new()
    {
        ResourceLogs =
        {
            new ResourceLogs
            {
                Resource = ResourceOf(service),
                ScopeLogs =
                {
                    new ScopeLogs
                    {
                        LogRecords =
                        {
                            messages.Select(message => new LogRecord
                            {
                                TimeUnixNano = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000,
                                SeverityNumber = 9,
                                Body = new AnyValue { StringValue = message },
                            }),
                        },
                    },
                },
            },
        },
    };

    private static Resource ResourceOf(string service) => new()
    {
        Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } } },
    };
}
