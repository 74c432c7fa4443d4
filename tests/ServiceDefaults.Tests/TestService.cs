using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.ServiceDefaults.Tests;

/// <summary>A real service on a free loopback port, built the way every Shop service is: AddServiceDefaults, then
/// MapDefaultEndpoints, plus whatever the test adds.</summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestService(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<TestService> StartAsync(
        IDictionary<string, string?> settings,
        Action<IHostApplicationBuilder>? configureServices = null,
        Action<WebApplication>? mapEndpoints = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseFreeLoopbackPort();
        builder.AddServiceDefaults();
        configureServices?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        mapEndpoints?.Invoke(app);
        await app.StartAsync();

        return new TestService(app, app.GetListeningAddress());
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    /// <summary>An HttpClient from the service's own factory, with the handlers every Shop service's clients get.</summary>
    public HttpClient CreateFactoryClient() => _app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

    public T? GetService<T>() => _app.Services.GetService<T>();

    /// <summary>Stops the host and disposes its container, which is what flushes the telemetry exporters.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
