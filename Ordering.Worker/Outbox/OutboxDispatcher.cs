using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Messaging;
using Shop.Ordering.Worker.Infrastructure;

namespace Shop.Ordering.Worker.Outbox;

/// <summary>Hands outbox rows to the broker and deletes each once the broker has confirmed it. Rows just committed are
/// sent straight away by the transaction that wrote them, and deleted in batches by <see cref="SentRowsCleaner"/>; the sweep takes only rows
/// older than its interval (locked with SKIP LOCKED, so replicas share them), which no dispatch is still working on
/// unless the broker took that long to confirm. Delivery is at least once: a crash after the send and before the
/// delete, or that rare overlap, sends a row again, and every receiver is idempotent.</summary>
public sealed partial class OutboxDispatcher(
    OrderingContext db, IBus bus, SentRowsCleaner cleaner, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Dispatches rows just committed, all at once: the broker confirms them together rather than one after
    /// the other. A failure is logged, not thrown: the state change is already durable, and the background sweep sends
    /// what is left. What the broker confirmed is deleted even when another row failed, so it is not sent again.</summary>
    public async Task DispatchAsync(IReadOnlyList<OutboxMessage> committed, CancellationToken cancellationToken)
    {
        var sends = committed.Select(row => SendAsync(row, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(sends);
        }
        catch (Exception) when (sends.Any(send => send.IsFaulted && send.Exception.InnerException is not OperationCanceledException))
        {
            var failed = sends.Where(send => send.IsFaulted).ToArray();
            LogDeferred(failed[0].Exception!.InnerException!, failed.Length);
        }
        finally
        {
            cleaner.Delete(committed.Where((_, i) => sends[i].IsCompletedSuccessfully).Select(row => row.Id));
        }
    }

    /// <summary>Dispatches up to <paramref name="batchSize"/> of the oldest rows left behind; returns how many it sent.</summary>
    public Task<int> DispatchPendingAsync(int batchSize, CancellationToken cancellationToken)
    {
        var leftBefore = time.GetUtcNow() - options.Value.SweepInterval;
        return DispatchLockedAsync(
            db.OutboxMessages.FromSql(
                $"SELECT * FROM outbox_messages WHERE created_at < {leftBefore} ORDER BY id LIMIT {batchSize} FOR UPDATE SKIP LOCKED"),
            cancellationToken);
    }

    private async Task<int> DispatchLockedAsync(IQueryable<OutboxMessage> query, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await query.ToListAsync(cancellationToken);
        var sent = 0;
        try
        {
            foreach (var row in rows)
            {
                await SendAsync(row, cancellationToken);
                db.OutboxMessages.Remove(row);
                sent++;
            }
        }
        finally
        {
            // What the broker confirmed is deleted even when a later row failed, so it is not sent a second time.
            if (sent > 0)
            {
                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }
        }

        return sent;
    }

    private async Task SendAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = OutboxMessageTypes.TypeOf(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, OutboxMessageTypes.TypeInfoOf(type))
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");

        // Continues the trace the row was written in (a sweep after a restart has no ambient trace of its own).
        using var resumed = Activity.Current is null && row.TraceParent is { } parent
            ? new Activity("outbox dispatch").SetParentId(parent).Start()
            : null;
        await BrokerConfirm.WithinAsync(options.Value.SendTimeout, async token =>
        {
            if (row.Destination is { } queue)
            {
                var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
                await endpoint.Send(message, type, Pipe.Execute<SendContext>(context => context.MessageId = row.MessageId), token);
            }
            else
            {
                await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.MessageId), token);
            }
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching {Count} outbox messages failed; the background sweep will retry")]
    private partial void LogDeferred(Exception exception, int count);

}
