using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts;
using Xunit.Abstractions;

namespace Shop.EndToEnd.Tests;

/// <summary>The services under the app host are restarted as Container Apps restarts a container that exits: the worker,
/// killed outright, comes back healthy by itself and settles the order placed while it was gone; stopped from the
/// dashboard's Stop command, it stays stopped until started again.</summary>
[Collection(BootedSystem.Name)]
public sealed class ServiceRestartTests(SystemFixture system, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Aspire's snapshot property holding the process id DCP started (<c>KnownProperties.Executable.Pid</c>,
    /// which Aspire keeps internal).</summary>
    private const string PidProperty = "executable.pid";

    /// <summary>The first restart waits 1 s; starting a service on this shared 2-core machine can take many more.</summary>
    private static readonly TimeSpan _backWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_worker_killed_with_SIGKILL_comes_back_healthy_by_itself_and_settles_the_order_placed_meanwhile()
    {
        var runner = await RunningPidAsync(ResourceNames.OrderingWorker, notPid: null, CancellationToken.None);
        var service = ServiceProcessOf(runner, "Ordering.Worker");
        await using var context = await browser.NewShopperAsync(system.App.GetEndpoint(ResourceNames.WebFrontend));
        var shopper = await ShopperPage.OpenAsync(context, "worker-killed");
        await shopper.AddToBasketAsync(1, 1);
        await shopper.Page.GotoAsync("/checkout");
        await shopper.FillCheckoutAsync(ShopperPage.ApprovingCard);

        // A crash as the platform sees one: the service process dies at once, and `dotnet run` above it exits with 137.
        Assert.Equal(0, Signal(service, 9));
        var stopwatch = Stopwatch.StartNew();
        var orderId = await shopper.PlaceOrderAsync();

        using var deadline = new CancellationTokenSource(_backWithin);
        var restarted = await RunningAsync(ResourceNames.OrderingWorker, notPid: runner, deadline.Token);
        await system.App.WaitUntilHealthyAsync(ResourceNames.OrderingWorker, deadline.Token);
        output.WriteLine($"ordering-worker healthy again {stopwatch.Elapsed.TotalSeconds:0.0} s after the SIGKILL");
        var why = await system.App.ConsoleLogLineAsync(restarted.ResourceId, "exited without being asked to", deadline.Token);
        Assert.Contains("exit code 137", why, StringComparison.Ordinal);
        output.WriteLine($"its console log in the dashboard: {why}");

        // The order page read while the worker was down could not show the order; opened again, it follows it to Paid.
        await shopper.Page.GotoAsync($"/orders/{orderId}?placed=true");
        await shopper.ExpectOrderStatusAsync("Paid");
        output.WriteLine($"order {orderId} Paid {stopwatch.Elapsed.TotalSeconds:0.0} s after the SIGKILL");
    }

    [Fact]
    public async Task A_worker_stopped_with_the_Stop_command_stays_stopped_until_started()
    {
        await system.App.StopAsync(ResourceNames.OrderingWorker, TimeSpan.FromSeconds(60));
        try
        {
            // Longer than the first back-off (1 s) and the time a restart takes to reach Starting.
            using var window = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => system.App.ResourceNotifications.WaitForResourceAsync(
                ResourceNames.OrderingWorker, e => e.Snapshot.State?.Text is not { } state || !KnownResourceStates.TerminalStates.Contains(state), window.Token));
        }
        finally
        {
            // Leaves the system as the other tests of the collection expect it.
            await system.App.StartAsync(ResourceNames.OrderingWorker, _backWithin);
        }
    }

    /// <summary>The process DCP runs for the resource (for a project, its <c>dotnet run</c>), once running and, given
    /// <paramref name="notPid"/>, a process other than that one.</summary>
    private async Task<int> RunningPidAsync(string resource, int? notPid, CancellationToken cancellationToken) =>
        Pid(await RunningAsync(resource, notPid, cancellationToken))!.Value;

    private async Task<ResourceEvent> RunningAsync(string resource, int? notPid, CancellationToken cancellationToken) =>
        await system.App.ResourceNotifications.WaitForResourceAsync(
            resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running && Pid(e) is { } pid && pid != notPid, cancellationToken);

    private static int? Pid(ResourceEvent resourceEvent) =>
        resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value is IConvertible value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The service itself: the child that <c>dotnet run</c> starts (its command line names the project's
    /// assembly) and waits for.</summary>
    private static int ServiceProcessOf(int runner, string assembly)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, so fields are counted after ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == runner
                    && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(assembly, StringComparison.Ordinal))
                {
                    return int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                // Not a process, or one that ended while we looked.
            }
        }

        throw new InvalidOperationException($"No child of process {runner} (the resource's dotnet run) runs {assembly}.");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);
}
