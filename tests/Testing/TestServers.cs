using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Shop.Hosting.LocalServers;

namespace Shop.Testing;

/// <summary>Builders for tests: Aspire's testing builder, with the local servers' data in a fresh throw-away folder
/// (deleted when the application is disposed) and every port random.</summary>
public static class TestServers
{
    private const string KeepDataKey = "Testing:KeepData";

    /// <summary>A builder for servers (and service projects) a test declares itself. Given a <paramref name="dataPath"/>,
    /// the data stays there after the application stops, for a second run to find; <paramref name="args"/> are
    /// configuration such as <c>--Parameters:postgres-password=…</c>.</summary>
    public static IDistributedApplicationTestingBuilder CreateBuilder(string? dataPath = null, params string[] args) =>
        DistributedApplicationTestingBuilder.Create(
            [DataPathArgument(dataPath ?? NewDataPath()), $"--{KeepDataKey}={dataPath is not null}", .. args]);

    /// <summary>The app host's own model (<typeparamref name="TAppHost"/>), as <c>dotnet run --project AppHost</c> runs it;
    /// with the Aspire dashboard (and so telemetry from every service) when <paramref name="dashboard"/> is set;
    /// <paramref name="args"/> are the app host's configuration, such as <c>--ScaleToZero:IdleTime=00:00:05</c>.</summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAppHostBuilderAsync<TAppHost>(bool dashboard = false, params string[] args)
        where TAppHost : class
    {
        return await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = dashboard },
            [DataPathArgument(NewDataPath()), .. args]);
    }

    /// <summary>Builds and starts the application, and waits until every resource that has a health check is healthy.</summary>
    public static async Task<StartedApplication> StartAsync(this IDistributedApplicationTestingBuilder builder, TimeSpan timeout)
    {
        var dataPath = builder.Configuration[LocalServerOptions.DataPathKey]!;
        var app = await builder.BuildAsync();
        var started = new StartedApplication(app, dataPath, deleteData: builder.Configuration[KeepDataKey] != bool.TrueString);
        try
        {
            await started.StartAndWaitHealthyAsync(timeout);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    private static string NewDataPath() => Directory.CreateTempSubdirectory("shop-test-").FullName;

    private static string DataPathArgument(string dataPath) => $"--{LocalServerOptions.DataPathKey}={dataPath}";
}
