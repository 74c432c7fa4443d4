namespace Shop.Hosting.Otlp;

/// <summary>Where resources send their telemetry and the key the receiver checks. The AppHost hands both to every
/// project as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>OTEL_EXPORTER_OTLP_HEADERS</c>.</summary>
/// <remarks>A class rather than a record: a record's generated ToString would print the key.</remarks>
public sealed class OtlpExporterSettings(Uri endpoint, string apiKey)
{
    public const string ApiKeyHeader = "x-otlp-api-key";

    /// <summary>The receiver's base address; the SDK appends <c>/v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c>.</summary>
    public Uri Endpoint { get; } = endpoint;

    public string ApiKey { get; } = apiKey;

    /// <summary>The value of <c>OTEL_EXPORTER_OTLP_HEADERS</c>.</summary>
    public string Headers => $"{ApiKeyHeader}={ApiKey}";

    public override string ToString() => Endpoint.ToString();
}
