using System.Net;
using System.Net.Sockets;
using Shop.Contracts;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

[Collection(Servers.Name)]
public sealed class HealthTests(ServersFixture servers)
{
    [Fact]
    public async Task The_service_is_healthy_once_the_bus_is_connected_to_the_broker()
    {
        var settings = new WorkerSettings(await servers.CreateDatabaseAsync(ResourceNames.OrderingDatabase), await servers.CreateVirtualHostAsync());
        await using var factory = new OrderingWorkerFactory(settings);
        using var client = factory.CreateClient();

        // The bus connects in the background, after start-up.
        await Eventually.HoldsAsync(
            async () => (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            () => Task.FromResult("never healthy"));
    }

    [Fact]
    public async Task The_service_is_unhealthy_but_alive_while_the_broker_cannot_be_reached()
    {
        var settings = new WorkerSettings(await servers.CreateDatabaseAsync(ResourceNames.OrderingDatabase), $"amqp://shop:secret@127.0.0.1:{ClosedPort()}");
        await using var factory = new OrderingWorkerFactory(settings);
        using var client = factory.CreateClient();

        // Probed over a couple of seconds, during which the bus tries, and fails, to connect.
        for (var probe = 0; probe < 5; probe++)
        {
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            await Task.Delay(400);
        }

        using var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    /// <summary>A loopback port nothing listens on: the system hands out a free one, which is released at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
