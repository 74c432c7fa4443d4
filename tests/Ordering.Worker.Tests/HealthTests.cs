using System.Net;

namespace Shop.Ordering.Worker.Tests;

[Collection(RabbitMQServer.Name)]
public sealed class HealthTests(RabbitMQFixture rabbit)
{
    [Fact]
    public async Task The_service_is_healthy_once_the_bus_is_connected_to_the_broker()
    {
        await using var factory = new OrderingWorkerFactory(rabbit.ConnectionString);
        using var client = factory.CreateClient();

        // The bus connects in the background, after start-up.
        var status = HttpStatusCode.ServiceUnavailable;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (status != HttpStatusCode.OK && !deadline.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
            using var response = await client.GetAsync("/health", CancellationToken.None);
            status = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task The_service_is_unhealthy_but_alive_while_the_broker_cannot_be_reached()
    {
        await using var factory = new OrderingWorkerFactory($"amqp://shop:secret@127.0.0.1:{ClosedPort.Find()}");
        using var client = factory.CreateClient();

        // Probed over a couple of seconds, during which the bus tries, and fails, to connect.
        for (var probe = 0; probe < 5; probe++)
        {
            using var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            await Task.Delay(400);
        }

        using var alive = await client.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
