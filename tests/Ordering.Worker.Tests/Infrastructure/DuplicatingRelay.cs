using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Makes the broker deliver every message for the given queues twice. MassTransit sends to a queue through
/// an exchange of the same name; the relay unbinds the queue from it, takes each message from its own queue bound
/// there instead, and puts two identical copies (same body, same MessageId) straight into the real queue.</summary>
public sealed class DuplicatingRelay : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private DuplicatingRelay(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public int Relayed { get; private set; }

    /// <summary>Call once the consumers of <paramref name="queues"/> have declared them (their bus is started).</summary>
    public static async Task<DuplicatingRelay> StartAsync(string broker, params string[] queues)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync("duplicating-relay");
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var relay = new DuplicatingRelay(connection, channel);
        foreach (var queue in queues)
        {
            var relayQueue = $"duplicating-relay-{queue}";
            await channel.QueueDeclareAsync(relayQueue, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(relayQueue, exchange: queue, routingKey: "");
            await channel.QueueUnbindAsync(queue, exchange: queue, routingKey: "");

            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                var properties = new BasicProperties(delivery.BasicProperties);
                for (var copy = 0; copy < 2; copy++)
                {
                    await channel.BasicPublishAsync(exchange: "", routingKey: queue, mandatory: true, properties, delivery.Body);
                }

                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                relay.Relayed++;
            };
            await channel.BasicConsumeAsync(relayQueue, autoAck: false, consumer);
        }

        return relay;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
