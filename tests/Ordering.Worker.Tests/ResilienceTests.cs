using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

/// <summary>Crashes, broker restarts and stopped workers lose no order and double none.</summary>
[Collection(Servers.Name)]
public sealed class ResilienceTests(ServersFixture servers)
{
    private const int Product = 1;
    private const int InitialStock = 1_000;

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_burst_of_100_orders_and_restarted_finishes_all_of_them_once()
    {
        await using var scenario = await CreateScenarioAsync();
        var orders = Burst(100);
        var worker = await WorkerProcess.StartAsync(scenario.Settings);
        string killedOutput;
        Task submitting;
        try
        {
            submitting = SubmitAllAsync(scenario, orders);
            await WaitUntilRecordedAsync(scenario, orders, atLeast: 15);
            await worker.KillAsync();
            killedOutput = worker.Output;
        }
        finally
        {
            await worker.DisposeAsync();
        }

        await submitting;
        await using var restarted = await WorkerProcess.StartAsync(scenario.Settings);

        await AssertAllFinishedOnceAsync(scenario, orders, () => Task.FromResult($"killed worker:\n{killedOutput}\nrestarted worker:\n{restarted.Output}"));
    }

    [Fact]
    public async Task A_broker_restarted_during_a_burst_loses_no_order()
    {
        await using var scenario = await CreateScenarioAsync();
        // After a broker restart an app may stop itself to reconnect afresh (see ReceiveEndpointWatchdog); here, as in
        // Container Apps, a fresh one then starts.
        OrderingWorkerFactory? worker = null;
        await using var workers = await Supervisor.StartAsync(async () => (worker = await scenario.StartWorkerAsync()).Services);
        await using var catalogs = await Supervisor.StartAsync(scenario.Catalog.RestartAsync);
        var orders = Burst(60);

        var submitting = SubmitAllAsync(scenario, orders);
        await WaitUntilRecordedAsync(scenario, orders, atLeast: 10);
        await servers.RestartBrokerAsync();
        await submitting;

        await AssertAllFinishedOnceAsync(scenario, orders, async () =>
            $"outbox: {await scenario.Database.CountOutboxAsync()} rows\n{await servers.DescribeQueuesAsync(scenario.Settings.Broker)}\n" +
            $"workers started: {workers.Starts}, catalogs started: {catalogs.Starts}\nlast worker:\n{worker?.Output}\ncatalog:\n{scenario.Catalog.Output}");
    }

    [Fact]
    public async Task Orders_submitted_while_no_worker_runs_are_all_processed_when_one_starts()
    {
        await using var scenario = await CreateScenarioAsync();
        var orders = Burst(50);

        await SubmitAllAsync(scenario, orders);
        Assert.Empty(await scenario.Database.ReadStatusesAsync(orders.Select(o => o.OrderId)));
        await scenario.StartWorkerAsync();

        await AssertAllFinishedOnceAsync(scenario, orders, () => Task.FromResult(""));
    }

    [Fact]
    public async Task A_worker_stopped_by_SIGTERM_finishes_what_it_holds_exits_cleanly_and_its_successor_completes_the_rest()
    {
        await using var scenario = await CreateScenarioAsync();
        var orders = Burst(40);
        var worker = await WorkerProcess.StartAsync(scenario.Settings);
        int exitCode;
        string stoppedOutput;
        try
        {
            var submitting = SubmitAllAsync(scenario, orders);
            await WaitUntilRecordedAsync(scenario, orders, atLeast: 10);
            exitCode = await worker.TerminateAsync();
            stoppedOutput = worker.Output;
            await submitting;
        }
        finally
        {
            await worker.DisposeAsync();
        }

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{stoppedOutput}");
        // Everything it decided was handed to the broker before it exited: nothing waits for a sweep.
        Assert.Equal(0L, await scenario.Database.CountOutboxAsync());
        await using var successor = await WorkerProcess.StartAsync(scenario.Settings);
        await AssertAllFinishedOnceAsync(scenario, orders, () => Task.FromResult(successor.Output));
    }

    private async Task<OrderingScenario> CreateScenarioAsync()
    {
        var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.Catalog.SetStockAsync(Product, InitialStock);
        return scenario;
    }

    /// <summary>One unit each, paid with the three kinds of test card in turn.</summary>
    private static List<OrderSubmitted> Burst(int count)
    {
        string[] cards = [TestOrders.ApprovedCard, TestOrders.DeclinedCard, TestOrders.FailsOnceCard];
        return [.. Enumerable.Range(0, count).Select(i => TestOrders.Submitted(TestOrders.NewBuyer(), cards[i % cards.Length], (Product, 1)))];
    }

    private static Task SubmitAllAsync(OrderingScenario scenario, IEnumerable<OrderSubmitted> orders) => Parallel.ForEachAsync(
        orders, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (order, _) => await scenario.Bus.SubmitAsync(order));

    private static Task WaitUntilRecordedAsync(OrderingScenario scenario, List<OrderSubmitted> orders, int atLeast) => Eventually.HoldsAsync(
        async () => (await scenario.Database.ReadStatusesAsync(orders.Select(o => o.OrderId))).Count >= atLeast,
        () => Task.FromResult($"fewer than {atLeast} orders recorded"));

    /// <summary>Every order paid or cancelled exactly as its card says; one charge per order that reached payment; the
    /// stock taken equals the orders paid; nothing left in the outbox.</summary>
    private static async Task AssertAllFinishedOnceAsync(OrderingScenario scenario, List<OrderSubmitted> orders, Func<Task<string>> diagnostics)
    {
        Dictionary<Guid, (OrderStatus Status, string? Reason)> statuses;
        try
        {
            statuses = await scenario.WaitUntilFinalAsync([.. orders.Select(o => o.OrderId)], TimeSpan.FromSeconds(120));
        }
        catch (Exception ex) when (ex is Xunit.Sdk.FailException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{await diagnostics()}");
        }

        await scenario.WaitForOutboxDrainedAsync();
        Assert.Equal(orders.Count, await scenario.Database.CountOrdersAsync());
        foreach (var order in orders)
        {
            var expected = order.Payment.CardLast4 == TestOrders.DeclinedCard ? OrderStatus.Cancelled : OrderStatus.Paid;
            Assert.Equal(expected, statuses[order.OrderId].Status);
            Assert.Equal(1L, (await scenario.Database.ReadChargesAsync(order.OrderId)).Charges);
        }

        var paid = statuses.Values.Count(s => s.Status is OrderStatus.Paid);
        Assert.Equal(paid, await scenario.Database.CountApprovedChargesAsync());
        await Eventually.HoldsAsync(
            async () => await scenario.Catalog.GetStockAsync(Product) == InitialStock - paid,
            async () => $"stock is {await scenario.Catalog.GetStockAsync(Product)}, expected {InitialStock - paid}");
    }
}
