using System.Net;
using System.Net.Http.Json;
using Shop.Hosting.Dashboard;
using Shop.Hosting.Testing;

namespace Shop.Dashboard.Tests;

/// <summary>An application with no resources and the dashboard on (random ports), started once for a test class:
/// the OTLP receiver and the JSON API as the AppHost serves them. Each test uses its own service names.</summary>
public sealed class DashboardFixture : IAsyncLifetime, IAsyncDisposable
{
    private TestingApplication? _app;

    public DashboardServer Dashboard => _app?.Application.Dashboard ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Options.Dashboard.Enabled = true;
        // Whatever SHOP_DASHBOARD_UNSECURED says on this machine: these tests are about the login.
        builder.Options.Dashboard.AllowAnonymous = false;
        _app = new TestingApplication(builder.Build());
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncDisposable)this).DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A client logged in the way a person is: through the login link, keeping the cookie it sets.</summary>
    public async Task<HttpClient> LogInAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Dashboard.Url,
        };
        using var login = await client.GetAsync(Dashboard.LoginUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    public async Task<T> GetAsync<T>(string path)
    {
        using var client = await LogInAsync();
        return await client.GetFromJsonAsync<T>(path) ?? throw new InvalidOperationException($"{path} returned null.");
    }
}
