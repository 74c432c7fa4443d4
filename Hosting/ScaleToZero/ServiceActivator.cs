using System.Net;
using Aspire.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Contracts;
using Yarp.ReverseProxy.Forwarder;

namespace Shop.Hosting.ScaleToZero;

/// <summary>The activator, as Knative's: a small Kestrel server in the app host listening on each service's public port.
/// A request to a service at zero is held until the service has woken and answers its health check, then forwarded;
/// the caller sees latency, never an error. Health probes (the app host's own health checks) neither wake a service
/// nor count as its activity. A service an operator stopped answers 503 at once.</summary>
internal sealed class ServiceActivator(IReadOnlyList<ScaledService> services) : IAsyncDisposable
{
    private readonly Dictionary<int, ScaledService> _byPort = services.ToDictionary(s => s.PublicPort);

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        // The caller's trace context passes through as it came; the app host adds no span of its own.
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    });

    private IHost? _host;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    foreach (var port in _byPort.Keys)
                    {
                        kestrel.ListenLocalhost(port);
                    }
                })
                .ConfigureServices(s => s.AddRouting().AddHttpForwarder())
                .Configure(app => app.Run(ForwardAsync)))
            .Build();
        await _host.StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var service = _byPort[context.Connection.LocalPort];
        var request = context.Request;

        // Only the activator reports wakes to a service.
        request.Headers.Remove(WakeHeaders.Seconds);
        request.Headers.Remove(WakeHeaders.Trigger);
        if (IsProbe(request.Path))
        {
            await SendAsync(context, service);
            return;
        }

        using var inFlight = service.Enter();
        bool admitted;
        try
        {
            admitted = await service.AdmitAsync($"HTTP request {request.Method} {request.Path}", context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DistributedApplicationException && !context.RequestAborted.IsCancellationRequested)
        {
            await Results.Problem(
                title: "Service unavailable", detail: $"'{service.Name}' did not wake in time.", statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(context);
            return;
        }

        if (!admitted)
        {
            await Results.Problem(
                title: "Service stopped", detail: $"'{service.Name}' was stopped by an operator.", statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(context);
            return;
        }

        await SendAsync(context, service);
    }

    private async Task SendAsync(HttpContext context, ScaledService service)
    {
        var forwarder = context.RequestServices.GetRequiredService<IHttpForwarder>();
        await forwarder.SendAsync(context, service.ServiceUri.ToString(), _client, ForwarderRequestConfig.Empty, HttpTransformer.Default);
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(ServiceProbe.HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(ServiceProbe.AlivePath, StringComparison.OrdinalIgnoreCase);
}
