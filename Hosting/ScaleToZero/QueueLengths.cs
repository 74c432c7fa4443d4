using Aspire.Hosting.ApplicationModel;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Shop.Hosting.ScaleToZero;

/// <summary>Asks a broker how many messages wait in a queue, as KEDA's <c>rabbitmq</c> scaler does in its AMQP mode: a
/// passive queue declaration, whose answer carries the count of ready messages. One connection, opened on first use
/// and again after the broker went away.</summary>
internal sealed class QueueLengths(RabbitMQServerResource broker) : IQueueLengths
{
    // The AMQP reply code of a passive declaration for a queue that does not exist (yet: its consumer declares it).
    private const ushort NotFound = 404;

    private IConnection? _connection;

    /// <summary>The ready messages in <paramref name="queue"/>; 0 for a queue not declared yet (its consumer declares it);
    /// null when the broker does not answer.</summary>
    public async Task<uint?> WaitingAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await ConnectAsync(cancellationToken);
            await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return declared.MessageCount;
        }
        catch (OperationInterruptedException interrupted) when (interrupted.ShutdownReason?.ReplyCode == NotFound)
        {
            return 0;
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException or TimeoutException)
        {
            await DisposeAsync();
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or IOException)
            {
                // Gone with the broker.
            }
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var url = await broker.ConnectionStringExpression.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"'{broker.Name}' has no connection string yet.");
        var factory = new ConnectionFactory
        {
            Uri = new Uri(url),
            ClientProvidedName = "app host: scale-to-zero queue lengths",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            AutomaticRecoveryEnabled = false,
        };
        return await factory.CreateConnectionAsync(cancellationToken);
    }
}
