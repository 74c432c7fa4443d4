using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.Messaging;

/// <summary>Stops the process when a receive endpoint stays down although its broker answers: MassTransit reports it
/// unhealthy, or the broker counts no consumer on its queue. MassTransit 8.4 can keep a connection the broker closed
/// (after a broker restart with messages in hand): its endpoints then fault on it forever, or even read Healthy, and
/// the queue has no consumer while the process looks alive. 8.5.12 with RabbitMQ.Client 7.2.2 still does: without this
/// watchdog, 3 of 36 runs of the broker-restart test on a loaded machine left catalog-stock with no consumer for good,
/// and in the one where it was read MassTransit called that endpoint Healthy, so the broker's consumer count is what
/// catches it (2026-11-28; with the watchdog, 32 of 32 runs passed). Neither restarting the endpoint nor the bus gets a new
/// connection, so the process stops and its supervisor (Container Apps, a test's) starts a fresh one; messages wait in
/// their durable queue meanwhile, and the outbox keeps what was not yet sent. While the broker does not answer, this is
/// an outage that MassTransit's own reconnection handles: the grace period starts again, so that after the outage
/// MassTransit's next reconnection attempt (it pauses longer the longer an outage lasts) comes first.</summary>
internal sealed partial class ReceiveEndpointWatchdog(
    IBusControl bus,
    BrokerQueueProbe probe,
    IHostApplicationLifetime lifetime,
    IOptions<ReceiveEndpointWatchdogOptions> options,
    TimeProvider time,
    ILogger<ReceiveEndpointWatchdog> logger) : BackgroundService
{
    private readonly Dictionary<Uri, DateTimeOffset> _downSince = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (await FindStuckEndpointAsync(stoppingToken) is { } stuck)
                {
                    LogStopping(stuck.InputAddress, options.Value.GracePeriod, stuck.Description);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<(Uri InputAddress, string? Description)?> FindStuckEndpointAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var endpoint in bus.CheckHealth().Endpoints.Values)
        {
            var address = endpoint.ReceiveEndpoint.InputAddress;
            // The bus's own temporary queue is exclusive to its connection: the broker answers no one else about it.
            if (address.Query.Contains("temporary=true", StringComparison.Ordinal))
            {
                continue;
            }

            var consumers = await probe.CountConsumersAsync(address.Segments[^1], cancellationToken);
            if (consumers is null)
            {
                // An outage: the grace period counts from when the broker answers again.
                _downSince[address] = now;
            }
            else if (endpoint.Status is BusHealthStatus.Healthy && consumers > 0)
            {
                _downSince.Remove(address);
            }
            else if (!_downSince.TryAdd(address, now) && now - _downSince[address] >= options.Value.GracePeriod)
            {
                return (address, $"{endpoint.Description}; {consumers} consumers on the broker");
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Receive endpoint {InputAddress} has been down for over {GracePeriod} while its broker answers ({Description}); stopping the process so that a fresh one reconnects")]
    private partial void LogStopping(Uri inputAddress, TimeSpan gracePeriod, string? description);
}
