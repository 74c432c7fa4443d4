using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.Hosting.Dashboard.Telemetry;
using Shop.Hosting.Otlp.Proto;

namespace Shop.Hosting.Otlp;

/// <summary>OTLP/HTTP with protobuf bodies (<c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>): POST /v1/traces,
/// /v1/logs and /v1/metrics. Every request must carry the API key the AppHost gave the resources.</summary>
internal static class OtlpReceiverEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";

    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/traces", ExportTracesAsync);
        endpoints.MapPost("/v1/logs", ExportLogsAsync);
        endpoints.MapPost("/v1/metrics", ExportMetricsAsync);
        return endpoints;
    }

    private static Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult, BadRequest>> ExportTracesAsync(
        HttpContext context, TelemetryStore telemetry, OtlpExporterSettings settings) =>
        ExportAsync(context, settings, ExportTraceServiceRequest.Parser, telemetry.Traces.Add, new ExportTraceServiceResponse());

    private static Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult, BadRequest>> ExportLogsAsync(
        HttpContext context, TelemetryStore telemetry, OtlpExporterSettings settings) =>
        ExportAsync(context, settings, ExportLogsServiceRequest.Parser, telemetry.Logs.Add, new ExportLogsServiceResponse());

    private static Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult, BadRequest>> ExportMetricsAsync(
        HttpContext context, TelemetryStore telemetry, OtlpExporterSettings settings) =>
        ExportAsync(context, settings, ExportMetricsServiceRequest.Parser, telemetry.Metrics.Add, new ExportMetricsServiceResponse());

    private static async Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult, BadRequest>> ExportAsync<TRequest>(
        HttpContext context, OtlpExporterSettings settings, MessageParser<TRequest> parser, Action<TRequest> store, IMessage response)
        where TRequest : IMessage<TRequest>
    {
        if (!HasApiKey(context.Request, settings.ApiKey))
        {
            return TypedResults.Unauthorized();
        }

        if (!IsProtobuf(context.Request.ContentType))
        {
            // OTLP/HTTP JSON is not accepted: the .NET exporter speaks protobuf only.
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        TRequest request;
        try
        {
            var body = await OtlpRequestBody.ReadAsync(context.Request, context.RequestAborted);
            if (body is null)
            {
                return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            request = parser.ParseFrom(body);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidDataException)
        {
            return TypedResults.BadRequest();
        }

        store(request);
        return TypedResults.Bytes(response.ToByteArray(), ProtobufContentType);
    }

    private static bool HasApiKey(HttpRequest request, string apiKey) =>
        request.Headers[OtlpExporterSettings.ApiKeyHeader].ToString() is { Length: > 0 } presented
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(apiKey));

    private static bool IsProtobuf(string? contentType) =>
        contentType is not null
        && string.Equals(contentType.Split(';')[0].Trim(), ProtobufContentType, StringComparison.OrdinalIgnoreCase);
}
