using Shop.Testing;

namespace Shop.EndToEnd.Tests;

/// <summary>The whole system, booted once for the test collection through Aspire's testing builder: the same model as
/// <c>dotnet run --project AppHost</c>, on random ports with a throw-away data folder.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private StartedApplication? _app;

    public StartedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    public async Task InitializeAsync()
    {
        // With the dashboard, so the services export telemetry and a checkout can be read back as one trace.
        var builder = await TestServers.CreateAppHostBuilderAsync<Projects.AppHost>(dashboard: true);
        _app = await builder.StartAsync(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BootedSystem : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
