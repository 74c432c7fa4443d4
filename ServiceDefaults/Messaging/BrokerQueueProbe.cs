using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Shop.ServiceDefaults.Messaging;

/// <summary>Asks the broker itself how many consumers a queue has, on a connection of its own: MassTransit's endpoint
/// health can read Healthy while the broker has no consumer left for the queue.</summary>
internal sealed class BrokerQueueProbe(IConfiguration configuration, IOptions<ReceiveEndpointWatchdogOptions> options) : IAsyncDisposable
{
    private IConnection? _connection;

    /// <summary>The queue's consumer count (0 when the queue does not exist), or null when the broker does not answer.</summary>
    public async Task<uint?> CountConsumersAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await DropConnectionAsync();
            return null;
        }
    }

    public ValueTask DisposeAsync() => new(DropConnectionAsync());

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await DropConnectionAsync();
        var name = options.Value.ConnectionName;
        var factory = new ConnectionFactory
        {
            Uri = new Uri(configuration.GetConnectionString(name)
                ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.")),
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "receive-endpoint-watchdog",
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CheckInterval);
        _connection = await factory.CreateConnectionAsync(timeout.Token);
        return _connection;
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }
}
