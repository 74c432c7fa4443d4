using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

/// <summary>A worker whose queue has lost its consumer does not stay up looking alive: it stops so that a fresh one
/// reconnects, unless the broker itself is down, which MassTransit's reconnection rides out. (The test settings give
/// an endpoint 30 s.)</summary>
[Collection(Servers.Name)]
public sealed class ReceiveEndpointWatchdogTests(ServersFixture servers)
{
    [Fact]
    public async Task A_worker_whose_endpoint_stays_down_while_the_broker_answers_stops_and_its_successor_processes_the_waiting_order()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        var worker = await scenario.StartWorkerAsync();
        var stopping = worker.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        // Where MassTransit leaves an endpoint on a connection the broker closed: not consuming, the process alive.
        await OrderingEndpoint(worker).Stop();
        var order = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 1));
        await scenario.Bus.SubmitAsync(order);

        await Eventually.HoldsAsync(() => Task.FromResult(stopping.IsCancellationRequested), () => Task.FromResult($"the worker still runs:\n{worker.Output}"));
        Assert.Contains("stopping the process", worker.Output, StringComparison.Ordinal);
        Assert.Empty(await scenario.Database.ReadStatusesAsync([order.OrderId]));

        await scenario.StartWorkerAsync();
        await scenario.WaitForStatusAsync(order.OrderId, OrderStatus.Paid);
    }

    [Fact]
    public async Task A_worker_rides_out_a_broker_outage_longer_than_its_grace_period_and_then_processes_the_waiting_order()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(1, 10);
        var worker = await scenario.StartWorkerAsync();
        var stopping = worker.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        await servers.StopBrokerAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(35));
            Assert.False(stopping.IsCancellationRequested, $"the worker stopped during the outage:\n{worker.Output}");
        }
        finally
        {
            await servers.StartBrokerAsync();
        }

        var order = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 1));
        await scenario.Bus.SubmitAsync(order);
        try
        {
            await scenario.WaitForStatusAsync(order.OrderId, OrderStatus.Paid);
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nstopping: {stopping.IsCancellationRequested}\n{await servers.DescribeQueuesAsync(scenario.Settings.Broker)}\nworker:\n{worker.Output}\ncatalog:\n{scenario.Catalog.Output}");
        }

        Assert.False(stopping.IsCancellationRequested, $"the worker stopped:\n{worker.Output}");
    }

    private static IReceiveEndpoint OrderingEndpoint(OrderingWorkerFactory worker) => worker.Services.GetRequiredService<IBusControl>()
        .CheckHealth().Endpoints.Values
        .Single(endpoint => endpoint.ReceiveEndpoint.InputAddress.AbsolutePath.EndsWith($"/{QueueNames.Ordering}", StringComparison.Ordinal))
        .ReceiveEndpoint;
}
