using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Outbox;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

/// <summary>A dispatch sends its rows together and leaves their deletion to the cleaner of sent rows. The rows here
/// are dated an hour ahead, so the sweep never takes them: only the dispatch sends them, only the cleaner deletes them.</summary>
[Collection(Servers.Name)]
public sealed class OutboxDispatchTests(ServersFixture servers)
{
    [Fact]
    public async Task A_dispatch_sends_every_row_and_the_cleaner_deletes_them()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        Guid[] orderIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var rows = await CommitRowsAsync(worker, orderIds);

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
        var rows = await CommitRowsAsync(worker, [.. Enumerable.Range(0, 5).Select(_ => Guid.NewGuid())]);

        await DispatchAsync(worker, rows);
        await worker.DisposeAsync();

        Assert.Equal(0L, await scenario.Database.CountOutboxAsync());
    }

    /// <summary>A status change for each order id, committed to the outbox.</summary>
    private static async Task<List<OutboxMessage>> CommitRowsAsync(OrderingWorkerFactory worker, Guid[] orderIds)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingContext>();
        var ahead = DateTimeOffset.UtcNow + TimeSpan.FromHours(1);
        List<OutboxMessage> rows = [.. orderIds.Select(orderId => OutboxMessage.Publish(
            new OrderStatusChanged(orderId, "outbox-dispatch-test", OrderStatus.Submitted, Reason: null, ahead), ahead))];
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }

    private static async Task DispatchAsync(OrderingWorkerFactory worker, List<OutboxMessage> rows)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(rows, CancellationToken.None);
    }

}
