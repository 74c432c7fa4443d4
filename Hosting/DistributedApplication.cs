using System.Runtime.InteropServices;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Dashboard;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting;

/// <summary>A built model, ready to run: <c>DistributedApplication.CreateBuilder(args)</c> … <c>Build().Run()</c>.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly Orchestrator _orchestrator;

    internal DistributedApplication(DistributedApplicationModel model, DistributedApplicationOptions options)
    {
        Model = model;
        Options = options;
        Dashboard = options.Dashboard.Enabled ? new DashboardServer(this, options.Dashboard, options.RandomizePorts) : null;
        _orchestrator = new Orchestrator(model, options, Dashboard?.OtlpExporter);
    }

    public DistributedApplicationModel Model { get; }

    public DistributedApplicationOptions Options { get; }

    public ResourceNotificationService ResourceNotifications => _orchestrator.Notifications;

    public ResourceLogStore ResourceLogs => _orchestrator.Logs;

    public StateFolder State => _orchestrator.State;

    /// <summary>The dashboard, when enabled; it serves from StartAsync until the application is disposed.</summary>
    public DashboardServer? Dashboard { get; }

    /// <summary>Set by the testing builder around the app host's entry point: the app host then builds with the
    /// test's options, and its own Run() hands the application to the test instead of blocking.</summary>
    internal static readonly AsyncLocal<TestingHook?> Testing = new();

    internal sealed record TestingHook(DistributedApplicationOptions Options, Action<DistributedApplication> OnBuilt);

    internal bool IsCapturedForTesting { get; set; }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(DistributedApplicationOptions.FromArgs(args));

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(Testing.Value?.Options ?? options);

    public ResourceController GetResourceController(string resource) => _orchestrator.GetController(resource);

    /// <summary>Starts the dashboard, then every resource in dependency order, and returns; resources come up in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Prepare();
        if (Dashboard is not null)
        {
            // Before any resource starts, so that their first telemetry has somewhere to go.
            await Dashboard.StartAsync(cancellationToken);
        }

        _orchestrator.Start();
    }

    /// <summary>Resolves parameters and ports and checks prerequisites, without starting anything.</summary>
    internal void Prepare() => _orchestrator.Prepare();

    public Task StopAsync() => _orchestrator.StopAsync();

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops everything.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync()
    {
        if (IsCapturedForTesting)
        {
            return;
        }

        if (Options.Publish)
        {
            Environment.ExitCode = await Publishing.PublishCommand.RunAsync(Model, Options);
            return;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        try
        {
            await StartAsync(stop.Token);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            Environment.ExitCode = 1;
            return;
        }

        if (Dashboard is not null)
        {
            ConsoleOutput.WriteLine("apphost", $"Dashboard: {Dashboard.LoginUrl}");
            if (Options.OpenBrowser)
            {
                BrowserLauncher.Open(Dashboard.LoginUrl);
            }
        }

        using var printer = new ResourceStatePrinter(ResourceNotifications, Model);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        ConsoleOutput.WriteLine("apphost", "Stopping…");
        await DisposeAsync();
        ConsoleOutput.WriteLine("apphost", "Stopped.");

        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _orchestrator.DisposeAsync();
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }
    }
}
