using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts;
using Shop.Testing;
using Xunit.Abstractions;

namespace Shop.EndToEnd.Tests;

/// <summary>The services under the app host are restarted as Container Apps restarts a container that exits: the worker,
/// killed outright, comes back healthy by itself and settles the order placed while it was gone; stopped from the
/// dashboard's Stop command, it stays stopped until started again.</summary>
[Collection(BootedSystem.Name)]
public sealed class ServiceRestartTests(SystemFixture system, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>The first restart waits 1 s; starting a service on this shared 2-core machine can take many more.</summary>
    private static readonly TimeSpan _backWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_worker_killed_with_SIGKILL_comes_back_healthy_by_itself_and_settles_the_order_placed_meanwhile()
    {
        var runner = ServiceProcesses.Pid(await system.App.WaitUntilRunningAsync(ResourceNames.OrderingWorker, notPid: null, CancellationToken.None))!.Value;
        var service = ServiceProcesses.ServiceProcessOf(runner, "Ordering.Worker");
        await using var context = await browser.NewShopperAsync(system.App.GetEndpoint(ResourceNames.WebFrontend));
        var shopper = await ShopperPage.OpenAsync(context, "worker-killed");
        await shopper.AddToBasketAsync(1, 1);
        await shopper.Page.GotoAsync("/checkout");
        await shopper.FillCheckoutAsync(ShopperPage.ApprovingCard);

        // A crash as the platform sees one: the service process dies at once, and `dotnet run` above it exits with 137.
        Assert.True(ServiceProcesses.Kill(service));
        var stopwatch = Stopwatch.StartNew();
        var orderId = await shopper.PlaceOrderAsync();

        using var deadline = new CancellationTokenSource(_backWithin);
        var restarted = await system.App.WaitUntilRunningAsync(ResourceNames.OrderingWorker, notPid: runner, deadline.Token);
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
}
