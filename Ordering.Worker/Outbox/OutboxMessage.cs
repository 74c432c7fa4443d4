using System.Diagnostics;
using System.Text.Json;
using Shop.Contracts;

namespace Shop.Ordering.Worker.Outbox;

/// <summary>A message waiting to leave: written in the same transaction as the state change that implies it, and
/// deleted once the broker has confirmed it. <see cref="Destination"/> is a queue for a command, null for an event.</summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }

    /// <summary>The MassTransit message id, the same on every attempt to dispatch this row.</summary>
    public required Guid MessageId { get; init; }

    public string? Destination { get; init; }

    public required string MessageType { get; init; }

    public required string Body { get; init; }

    /// <summary>The W3C trace context it was written in, so that dispatching later still continues the same trace.</summary>
    public string? TraceParent { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static OutboxMessage Publish<TMessage>(TMessage message, DateTimeOffset at) where TMessage : class =>
        Create(destination: null, message, at);

    /// <summary>A command to one service's queue (see <see cref="QueueNames"/>).</summary>
    public static OutboxMessage Send<TMessage>(string queue, TMessage message, DateTimeOffset at) where TMessage : class =>
        Create(queue, message, at);

    private static OutboxMessage Create<TMessage>(string? destination, TMessage message, DateTimeOffset at) where TMessage : class => new()
    {
        MessageId = Guid.CreateVersion7(at),
        Destination = destination,
        MessageType = OutboxMessageTypes.NameOf(typeof(TMessage)),
        Body = JsonSerializer.Serialize(message, OutboxMessageTypes.TypeInfoOf(typeof(TMessage))),
        TraceParent = Activity.Current?.Id,
        CreatedAt = at,
    };
}
