using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.ServiceDefaults.Tests;

/// <summary>Receives OTLP/HTTP protobuf exports and keeps each signal's payloads. Span names, attribute values and log
/// messages are plain UTF-8 strings inside the protobuf, which is all the tests look for.</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _payloads = new();

    private OtlpCollector(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.UseFreeLoopbackPort();
        builder.Logging.ClearProviders();
        var collector = new OtlpCollector(builder.Build());
        collector._app.MapPost("/v1/{signal}", collector.ReceiveAsync);
        await collector._app.StartAsync();
        collector.Endpoint = collector._app.GetListeningAddress();
        return collector;
    }

    /// <summary>Everything received for a signal ("traces", "metrics", "logs"), decoded leniently as text.</summary>
    public string ReceivedText(string signal) => string.Concat(Payloads(signal).Select(payload => Encoding.UTF8.GetString(payload)));

    /// <summary>Whether any payload of the signal holds these bytes, such as a binary trace id.</summary>
    public bool Received(string signal, ReadOnlySpan<byte> bytes)
    {
        foreach (var payload in Payloads(signal))
        {
            if (payload.AsSpan().IndexOf(bytes) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private ConcurrentQueue<byte[]> Payloads(string signal) => _payloads.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>());

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        Payloads(signal).Enqueue(body.ToArray());
        return Results.Bytes([], "application/x-protobuf");
    }
}
