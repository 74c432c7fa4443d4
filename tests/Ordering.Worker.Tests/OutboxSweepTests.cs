using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Outbox;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class OutboxSweepTests(ServersFixture servers)
{
    /// <summary>A row written a moment ago belongs to the dispatch of the transaction that wrote it, so the sweep
    /// leaves it alone until it is older than the sweep interval; an older one is sent at once.</summary>
    [Fact]
    public async Task The_sweep_sends_rows_left_behind_and_leaves_fresh_rows_to_their_own_dispatch_until_they_are_old()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        await using var scope = worker.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingContext>();
        var now = DateTimeOffset.UtcNow;
        var leftBehind = Row(now - TimeSpan.FromMinutes(1));
        var fresh = Row(now);
        db.OutboxMessages.AddRange(leftBehind, fresh);
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(100, CancellationToken.None);

        // The one left behind is gone (sent by this sweep or by the worker's own), the fresh one still waits...
        Assert.Equal(0L, await CountAsync(scenario, leftBehind));
        Assert.Equal(1L, await CountAsync(scenario, fresh));
        // ...until the worker's background sweep finds it old enough (the tests' interval: 1 s).
        await scenario.WaitForOutboxDrainedAsync();
    }

    private static OutboxMessage Row(DateTimeOffset createdAt) => OutboxMessage.Publish(
        new OrderStatusChanged(Guid.NewGuid(), "outbox-sweep-test", OrderStatus.Submitted, Reason: null, createdAt), createdAt);

    private static Task<long> CountAsync(OrderingScenario scenario, OutboxMessage row) =>
        scenario.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE id = {row.Id}");
}
