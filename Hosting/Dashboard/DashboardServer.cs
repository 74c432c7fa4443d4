using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Hosting.Dashboard.Api;
using Shop.Hosting.Dashboard.Telemetry;
using Shop.Hosting.Orchestration;
using Shop.Hosting.Otlp;

namespace Shop.Hosting.Dashboard;

/// <summary>The dashboard and its OTLP receiver, served from the AppHost's own process on two loopback ports: one for
/// people (pages and the JSON API, behind the login token), one for the resources' telemetry (behind the API key).</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private static readonly TimeSpan _shutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly DistributedApplication _application;
    private readonly DashboardAccess _access;
    private readonly SecretMasker _masker;
    private readonly int _port;
    private readonly int _otlpPort;
    private WebApplication? _dashboard;
    private WebApplication? _receiver;

    internal DashboardServer(DistributedApplication application, DashboardOptions options, bool randomizePorts)
    {
        _application = application;
        _port = randomizePorts ? PortAllocator.GetFreePort() : options.Port;
        _otlpPort = randomizePorts ? PortAllocator.GetFreePort() : options.OtlpPort;
        _access = new DashboardAccess(options.AllowAnonymous);
        OtlpExporter = new OtlpExporterSettings(new Uri($"http://localhost:{_otlpPort}"), StateFolder.GenerateSecret(32));
        _masker = new SecretMasker(application.Model, [_access.Token, OtlpExporter.ApiKey]);
        Telemetry = new TelemetryStore(options);
    }

    public Uri Url => new($"http://localhost:{_port}/");

    /// <summary>The address to open: it carries the login token, which the dashboard swaps for a cookie.</summary>
    public Uri LoginUrl => new(Url, $"{DashboardAccess.LoginPath}?t={_access.Token}");

    /// <summary>What every project is given to send its traces, logs and metrics here.</summary>
    public OtlpExporterSettings OtlpExporter { get; }

    internal TelemetryStore Telemetry { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _receiver = CreateReceiver();
        _dashboard = CreateDashboard();
        try
        {
            await _receiver.StartAsync(cancellationToken);
            await _dashboard.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The dashboard cannot listen on ports {_port} and {_otlpPort} ({ex.Message}). Is another AppHost running? " +
                "Run with --random-ports, or --no-dashboard.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _dashboard, _receiver }.OfType<WebApplication>())
        {
            using var timeout = new CancellationTokenSource(_shutdownTimeout);
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
    }

    private WebApplication CreateReceiver()
    {
        var builder = CreateBuilder(_otlpPort);
        builder.Services.AddSingleton(Telemetry).AddSingleton(OtlpExporter);
        var app = builder.Build();
        app.MapOtlpReceiver();
        return app;
    }

    private WebApplication CreateDashboard()
    {
        var builder = CreateBuilder(_port);
        builder.Services
            .AddSingleton(_application)
            .AddSingleton(_access)
            .AddSingleton(_masker)
            .AddSingleton(Telemetry)
            .AddSingleton<ResourceTable>()
            .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DashboardJsonContext.Default));
        var app = builder.Build();
        app.Use(AddSecurityHeaders);
        app.Use(_access.EnforceAsync);
        app.MapGet(DashboardAccess.LoginPath, DashboardAccess.Login);
        app.MapDashboardAssets();
        app.MapResourcesApi();
        app.MapConsoleLogsApi();
        app.MapStructuredLogsApi();
        app.MapTracesApi();
        app.MapMetricsApi();
        return app;
    }

    /// <summary>A bare host: no configuration sources or logging of its own, so the AppHost's environment (ASPNETCORE_URLS
    /// and the like, meant for the services) cannot change where or how the dashboard listens.</summary>
    private static WebApplicationBuilder CreateBuilder(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port));
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = _shutdownTimeout);
        return builder;
    }

    private static Task AddSecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        // Everything the pages load comes from here; scripts build the DOM with text nodes, never HTML strings.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        // Links to the resources' own URLs must not carry the dashboard's address (or a login token) along.
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next(context);
    }
}
