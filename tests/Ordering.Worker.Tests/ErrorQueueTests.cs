using RabbitMQ.Client;
using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class ErrorQueueTests(ServersFixture servers)
{
    [Fact]
    public async Task Messages_that_can_never_succeed_land_in_the_error_queue_and_record_nothing()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        await scenario.StartWorkerAsync();
        var empty = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard);
        var badCard = TestOrders.Submitted(TestOrders.NewBuyer(), "42", (1, 1));
        var valid = TestOrders.Submitted(TestOrders.NewBuyer(), TestOrders.ApprovedCard, (1, 1));

        await scenario.Bus.SubmitAsync(empty);
        await scenario.Bus.SubmitAsync(badCard);
        await scenario.Bus.SendAsync(QueueNames.Ordering, new StockReserved(Guid.NewGuid()));
        await scenario.Bus.SubmitAsync(valid);

        await scenario.WaitForStatusAsync(valid.OrderId, OrderStatus.Paid);
        await using var connection = await new ConnectionFactory { Uri = new Uri(scenario.Settings.Broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await Eventually.HoldsAsync(
            async () => (await channel.QueueDeclarePassiveAsync($"{QueueNames.Ordering}_error")).MessageCount == 3,
            async () => $"{(await channel.QueueDeclarePassiveAsync($"{QueueNames.Ordering}_error")).MessageCount} messages in the error queue");
        Assert.Equal(1L, await scenario.Database.CountOrdersAsync());
    }
}
