using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Shop.Hosting.LocalServers;

namespace Shop.Testing;

/// <summary>Builders for tests: Aspire's testing builder, with the local servers' data in a fresh throw-away folder
/// (deleted when the application is disposed) and every port random.</summary>
public static class TestServers
{
    /// <summary>A builder for servers (and service projects) a test declares itself.</summary>
    public static IDistributedApplicationTestingBuilder CreateBuilder()
    {
        var dataPath = NewDataPath();
        var builder = DistributedApplicationTestingBuilder.Create(DataPathArgument(dataPath));
        return builder;
    }

    /// <summary>The app host's own model (<typeparamref name="TAppHost"/>), as <c>dotnet run --project AppHost</c> runs it.</summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAppHostBuilderAsync<TAppHost>(bool dashboard = false)
        where TAppHost : class
    {
        var dataPath = NewDataPath();
        return await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>(
            [DataPathArgument(dataPath)],
            (options, _) => options.DisableDashboard = !dashboard);
    }

    /// <summary>Builds and starts the application, and waits until every resource that has a health check is healthy.</summary>
    public static async Task<StartedApplication> StartAsync(this IDistributedApplicationTestingBuilder builder, TimeSpan timeout)
    {
        var dataPath = builder.Configuration[LocalServerOptions.DataPathKey]!;
        var app = await builder.BuildAsync();
        var started = new StartedApplication(app, dataPath);
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
