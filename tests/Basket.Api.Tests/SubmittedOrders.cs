using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Shop.Contracts;

namespace Shop.Basket.Api.Tests;

/// <summary>One OrderSubmitted as it sits in Ordering's queue: the MassTransit envelope's message id and its body.</summary>
public sealed record QueuedOrder(Guid MessageId, Guid OrderId, string BuyerId, JsonElement Message);

/// <summary>Reads Ordering's queue as the (absent) consumer would. Nothing else consumes it in these tests, so every
/// order Basket.Api sent is either still there or already drained into <see cref="DrainAsync"/>'s record. The tests
/// of the collection run one at a time, so one drain at a time.</summary>
public sealed class SubmittedOrders(string connectionString)
{
    private readonly List<QueuedOrder> _received = [];

    /// <summary>Moves every waiting message into the record and returns the whole record. A broker confirm came before
    /// each 202, so a message a test expects is already in the queue.</summary>
    public async Task<IReadOnlyList<QueuedOrder>> DrainAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(QueueNames.Ordering);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            // MassTransit declares the queue with the first order it sends: no queue, no orders yet.
            return [.. _received];
        }

        while (await channel.BasicGetAsync(QueueNames.Ordering, autoAck: true) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var message = envelope.RootElement.GetProperty("message").Clone();
            _received.Add(new QueuedOrder(
                envelope.RootElement.GetProperty("messageId").GetGuid(),
                message.GetProperty("orderId").GetGuid(),
                message.GetProperty("buyerId").GetString()!,
                message));
        }

        return [.. _received];
    }

    public async Task<IReadOnlyList<QueuedOrder>> ForBuyerAsync(string buyerId) =>
        [.. (await DrainAsync()).Where(order => order.BuyerId == buyerId)];
}
