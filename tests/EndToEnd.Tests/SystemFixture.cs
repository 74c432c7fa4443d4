using Shop.Hosting.Testing;

namespace Shop.EndToEnd.Tests;

/// <summary>The whole system, booted once for the test collection through the testing builder: the same model as
/// <c>dotnet run --project AppHost</c>, on random ports with a throw-away state folder.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private TestingApplication? _app;

    public TestingApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    public async Task InitializeAsync()
    {
        // With the dashboard, so the services export telemetry and a checkout can be read back as one trace.
        _app = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(options => options.Dashboard.Enabled = true);
        await _app.StartAndWaitHealthyAsync(TimeSpan.FromMinutes(3));
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
