using System.Reflection;
using Shop.Hosting.Projects;

namespace Shop.Hosting.Testing;

/// <summary>Boots an app host's model for a test: random ports, a throw-away state folder, no browser, no dashboard
/// (a test that wants it sets <c>Options.Dashboard.Enabled</c> before starting), and the same resources, references
/// and waits as <c>dotnet run --project AppHost</c>.</summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>Runs the app host's entry point up to <c>Build()</c> and returns the application it built, not yet started.</summary>
    public static Task<TestingApplication> CreateAsync<TAppHost>(params string[] args) where TAppHost : IProjectMetadata =>
        CreateAsync<TAppHost>(_ => { }, args);

    /// <summary>As <see cref="CreateAsync{TAppHost}(string[])"/>, with options the test sets before the model is built
    /// (for example <c>options.Dashboard.Enabled = true</c>).</summary>
    public static async Task<TestingApplication> CreateAsync<TAppHost>(Action<DistributedApplicationOptions> configure, params string[] args)
        where TAppHost : IProjectMetadata
    {
        // The test project references the app host, so its assembly (and this Hosting assembly) load once, by name.
        var assembly = Assembly.Load(Path.GetFileNameWithoutExtension(TAppHost.AssemblyPath));
        var entryPoint = assembly.EntryPoint ?? throw new InvalidOperationException($"{TAppHost.AssemblyPath} has no entry point.");
        var options = CreateOptions(args);
        configure(options);
        DistributedApplication? built = null;
        DistributedApplication.Testing.Value = new DistributedApplication.TestingHook(options, app => built = app);
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            if (result is Task task)
            {
                await task;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
        }
        finally
        {
            DistributedApplication.Testing.Value = null;
        }

        return new TestingApplication(built ?? throw new InvalidOperationException("The app host returned without building its application."));
    }

    /// <summary>An empty model for tests that declare only the resources they need.</summary>
    public static IDistributedApplicationBuilder Create(params string[] args) => DistributedApplication.CreateBuilder(CreateOptions(args));

    private static DistributedApplicationOptions CreateOptions(string[] args) => new()
    {
        Args = args,
        StateDirectory = Path.Combine(Path.GetTempPath(), "shop-tests", Guid.NewGuid().ToString("N")[..12]),
        RandomizePorts = true,
        OpenBrowser = false,
        EchoResourceLogs = false,
        DisableContainers = Environment.GetEnvironmentVariable("SHOP_CONTAINER_RUNTIME") is "none",
        Dashboard = { Enabled = false },
    };
}
