using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Shop.Messaging;

/// <summary>Asks the broker itself how many consumers a queue has, on Aspire's RabbitMQ client connection rather than
/// MassTransit's: MassTransit's endpoint health can read Healthy while the broker has no consumer left for the queue.</summary>
internal sealed class BrokerQueueProbe(IServiceProvider services)
{
    /// <summary>The queue's consumer count (0 when the queue does not exist), or null when the broker does not answer.</summary>
    public async Task<uint?> CountConsumersAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            // Resolved on first use, not at start-up: a cold start does not wait for this connection. A failed connect
            // is not cached, so the next check tries again; once made, the client recovers it after a broker restart.
            var connection = services.GetRequiredService<IConnection>();
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
            return null;
        }
    }
}
