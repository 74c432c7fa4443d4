using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Messaging;

/// <summary>Stops the process when a receive endpoint stays down although its broker answers. MassTransit 8.4 can keep a
/// connection the broker closed (after a broker restart with messages in hand): its endpoints then fault on it forever
/// and the queue has no consumer, while the process looks alive. Neither restarting the endpoint nor the bus gets a new
/// connection, so the process stops and its supervisor (Container Apps, a test's) starts a fresh one; messages wait in
/// their durable queue meanwhile, and the outbox keeps what was not yet sent. While the broker does not answer, this is
/// an outage that MassTransit's own reconnection handles: the grace period starts again, so that after the outage
/// MassTransit's next reconnection attempt (it pauses longer the longer an outage lasts) comes first.</summary>
internal sealed partial class ReceiveEndpointWatchdog(
    IBusControl bus,
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
            if (endpoint.Status is BusHealthStatus.Healthy)
            {
                _downSince.Remove(address);
            }
            else if (!await BrokerAnswersAsync(address, cancellationToken))
            {
                // An outage: the grace period counts from when the broker answers again.
                _downSince[address] = now;
            }
            else if (!_downSince.TryAdd(address, now) && now - _downSince[address] >= options.Value.GracePeriod)
            {
                return (address, endpoint.Description);
            }
        }

        return null;
    }

    /// <summary>Whether the broker accepts a TCP connection at the endpoint's host and port.</summary>
    private async Task<bool> BrokerAnswersAsync(Uri inputAddress, CancellationToken cancellationToken)
    {
        var port = inputAddress.IsDefaultPort || inputAddress.Port <= 0
            ? (inputAddress.Scheme.EndsWith('s') ? 5671 : 5672)
            : inputAddress.Port;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CheckInterval);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(inputAddress.Host, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Receive endpoint {InputAddress} has been down for over {GracePeriod} while its broker answers ({Description}); stopping the process so that a fresh one reconnects")]
    private partial void LogStopping(Uri inputAddress, TimeSpan gracePeriod, string? description);
}
