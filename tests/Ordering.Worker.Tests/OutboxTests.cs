using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Outbox;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

/// <summary>The outbox's two ways out: the dispatch of the transaction that wrote the rows (sent together, deleted by the
/// cleaner of sent rows) and the sweep of rows left behind.</summary>
[Collection(Servers.Name)]
public sealed class OutboxTests(ServersFixture servers)
{
    /// <summary>A row written a moment ago belongs to the dispatch of the transaction that wrote it, so the sweep
    /// leaves it alone until it is older than the sweep interval; an older one is sent at once.</summary>
    [Fact]
    public async Task The_sweep_sends_rows_left_behind_and_leaves_fresh_rows_to_their_own_dispatch_until_they_are_old()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        await using var scope = worker.Services.CreateAsyncScope();
        var now = DateTimeOffset.UtcNow;
        var leftBehind = Row(Guid.NewGuid(), now - TimeSpan.FromMinutes(1));
        var fresh = Row(Guid.NewGuid(), now);
        await CommitAsync(worker, [leftBehind, fresh]);

        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(100, CancellationToken.None);

        // The one left behind is gone (sent by this sweep or by the worker's own), the fresh one still waits...
        Assert.Equal(0L, await CountAsync(scenario, leftBehind));
        Assert.Equal(1L, await CountAsync(scenario, fresh));
        // ...until the worker's background sweep finds it old enough (the tests' interval: 1 s).
        await scenario.WaitForOutboxDrainedAsync();
    }

    /// <summary>Rows dated an hour ahead, which the sweep never takes: only the dispatch sends them, only the cleaner
    /// deletes them.</summary>
    [Fact]
    public async Task A_dispatch_sends_every_row_and_the_cleaner_deletes_them()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        Guid[] orderIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var rows = orderIds.Select(orderId => Row(orderId, DateTimeOffset.UtcNow + TimeSpan.FromHours(1))).ToList();
        await CommitAsync(worker, rows);

        await DispatchAsync(worker, rows);

        await Eventually.HoldsAsync(
            () => Task.FromResult(orderIds.All(id => scenario.Bus.StatusChanges.Any(change => change.OrderId == id))),
            () => Task.FromResult($"{scenario.Bus.StatusChanges.Count} status changes heard"));
        await scenario.WaitForOutboxDrainedAsync();
    }

    [Fact]
    public async Task Rows_sent_just_before_the_worker_stops_are_deleted_before_it_has_stopped()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        var rows = Enumerable.Range(0, 5).Select(_ => Row(Guid.NewGuid(), DateTimeOffset.UtcNow + TimeSpan.FromHours(1))).ToList();
        await CommitAsync(worker, rows);

        await DispatchAsync(worker, rows);
        await worker.DisposeAsync();

        Assert.Equal(0L, await scenario.Database.CountOutboxAsync());
    }

    private static OutboxMessage Row(Guid orderId, DateTimeOffset createdAt) => OutboxMessage.Publish(
        new OrderStatusChanged(orderId, "outbox-test", OrderStatus.Submitted, Reason: null, createdAt), createdAt);

    private static async Task CommitAsync(OrderingWorkerFactory worker, IEnumerable<OutboxMessage> rows)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingContext>();
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync();
    }

    private static async Task DispatchAsync(OrderingWorkerFactory worker, List<OutboxMessage> rows)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(rows, CancellationToken.None);
    }

    private static Task<long> CountAsync(OrderingScenario scenario, OutboxMessage row) =>
        scenario.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE id = {row.Id}");
}
