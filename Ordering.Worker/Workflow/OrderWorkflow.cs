using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Shop.Contracts;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Model;
using Shop.Ordering.Worker.Outbox;
using Shop.Ordering.Worker.Payments;

namespace Shop.Ordering.Worker.Workflow;

/// <summary>Every change to an order, from messages and from the API. Each change locks the order's row, applies a
/// transition, and writes the messages the new state implies to the outbox in the same transaction; after the commit
/// it dispatches them. A message that changes nothing (delivered again) writes what the current state implies again.</summary>
public sealed partial class OrderWorkflow(
    OrderingContext db, IPaymentGateway gateway, OutboxDispatcher outbox, TimeProvider time, ILogger<OrderWorkflow> logger)
{
    /// <summary>Records the order, or, when it cannot be recorded as it is, records it as cancelled so that its shopper
    /// sees it failed, and tells the operator why. Only a message that names no order a shopper could see (no order or
    /// buyer id) goes to the error queue.</summary>
    public async Task SubmitAsync(OrderSubmitted message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (OrderSubmittedRules.Problems(message) is { Count: > 0 } problems)
        {
            await RecordUnprocessableAsync(message, string.Join("; ", problems.Select(problem => $"{problem.Key}: {problem.Value[0]}")), cancellationToken);
            return;
        }

        try
        {
            await RecordAsync(SubmittedOrder.Create(message, now), now, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: var state } && IsDataError(state))
        {
            // A value the rules let through and a column still refused: the rules need fixing, the order must not wait.
            await RecordUnprocessableAsync(message, $"PostgreSQL {state}: {ex.InnerException.Message}", cancellationToken);
        }
    }

    private async Task RecordUnprocessableAsync(OrderSubmitted message, string problems, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var order = SubmittedOrder.Unprocessable(message, now);
        LogUnprocessable(message.OrderId, problems, order is not null);
        await RecordAsync(order ?? throw new InvalidOrderException($"OrderSubmitted {message.OrderId} is invalid: {problems}"), now, cancellationToken);
    }

    /// <summary>Inserts the order and what it implies; an order recorded before (the message delivered again) only
    /// re-sends what its state implies.</summary>
    private async Task RecordAsync(Order order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.Orders.Add(order);
        var messages = OrderMessages.ImpliedBy(order, now).ToList();
        db.OutboxMessages.AddRange(messages);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            LogSubmittedAgain(order.Id);
            await HandleAsync(order.Id, (_, _) => Task.CompletedTask, cancellationToken);
            return;
        }

        LogSubmitted(order.Id, order.Lines.Count);
        await outbox.DispatchAsync(messages, cancellationToken);
    }

    /// <summary>Data exceptions (class 22) and constraint violations (class 23) other than the duplicate a redelivery
    /// causes: the same message would fail the same way on every attempt.</summary>
    private static bool IsDataError(string sqlState) =>
        sqlState.StartsWith("22", StringComparison.Ordinal)
        || (sqlState.StartsWith("23", StringComparison.Ordinal) && sqlState != PostgresErrorCodes.UniqueViolation);

    /// <summary>Stock is held for the order: charge the card, then the order is paid, or cancelled if declined. The
    /// charge happens under the order's lock, so a shopper's cancel waits for its outcome instead of racing it.</summary>
    public Task StockReservedAsync(Guid orderId, CancellationToken cancellationToken) =>
        HandleAsync(orderId, async (order, ct) =>
        {
            if (order.Status is not OrderStatus.Submitted)
            {
                return;
            }

            var payment = await gateway.ChargeAsync(new PaymentRequest(order.Id, order.CardToken, order.CardLast4, order.Total), ct);
            if (payment.Approved)
            {
                order.TryPay(payment.ChargeId!, time.GetUtcNow());
            }
            else
            {
                order.TryCancel(CancelReason.PaymentDeclined, time.GetUtcNow());
            }

            LogPaymentDecided(order.Id, order.Status);
        }, cancellationToken);

    public Task StockRejectedAsync(Guid orderId, CancellationToken cancellationToken) =>
        HandleAsync(orderId, (order, _) =>
        {
            order.TryCancel(CancelReason.OutOfStock, time.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The shopper's cancel; null when the buyer has no such order.</summary>
    public Task<(Transition Transition, Order Order)?> CancelAsync(Guid orderId, string buyerId, CancellationToken cancellationToken) =>
        ChangeAsync(orderId, buyerId, order => order.TryCancel(CancelReason.CancelledByBuyer, time.GetUtcNow()), cancellationToken);

    /// <summary>The operator's ship; null when there is no such order.</summary>
    public Task<(Transition Transition, Order Order)?> ShipAsync(Guid orderId, CancellationToken cancellationToken) =>
        ChangeAsync(orderId, buyerId: null, order => order.TryShip(time.GetUtcNow()), cancellationToken);

    /// <summary>For messages: whatever the handler did, the outbox gets what the order's state now implies.</summary>
    private async Task HandleAsync(Guid orderId, Func<Order, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        List<OutboxMessage> messages;
        await using (var transaction = await BeginAsync(cancellationToken))
        {
            var order = await LockAsync(orderId, cancellationToken) ?? throw new UnknownOrderException(orderId);
            await handle(order, cancellationToken);
            messages = [.. OrderMessages.ImpliedBy(order, time.GetUtcNow())];
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await outbox.DispatchAsync(messages, cancellationToken);
    }

    /// <summary>For requests: only a transition that applied writes messages; a refused or repeated one changes nothing.</summary>
    private async Task<(Transition Transition, Order Order)?> ChangeAsync(
        Guid orderId, string? buyerId, Func<Order, Transition> change, CancellationToken cancellationToken)
    {
        List<OutboxMessage> messages = [];
        Transition transition;
        Order? order;
        await using (var transaction = await BeginAsync(cancellationToken))
        {
            order = await LockAsync(orderId, cancellationToken);
            if (order is null || (buyerId is not null && order.BuyerId != buyerId))
            {
                return null;
            }

            transition = change(order);
            if (transition is Transition.Applied)
            {
                messages = [.. OrderMessages.ImpliedBy(order, time.GetUtcNow())];
                db.OutboxMessages.AddRange(messages);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogChanged(order.Id, order.Status);
            }
        }

        await outbox.DispatchAsync(messages, cancellationToken);
        return (transition, order);
    }

    /// <summary>A transaction for one change. SaveChanges inside it takes no savepoint: a failure rolls the whole
    /// transaction back anyway, and the savepoint and its release were two round trips of every change.</summary>
    private Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Locks the order's row until the transaction ends, then loads it. (The lock is a statement of its own:
    /// EF Core does not map complex-property columns in a query composed over FromSql.)</summary>
    private async Task<Order?> LockAsync(Guid orderId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM orders WHERE id = {orderId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.Count == 0
            ? null
            : await db.Orders.Include(order => order.Lines).SingleAsync(order => order.Id == orderId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} submitted with {Lines} lines")]
    private partial void LogSubmitted(Guid orderId, int lines);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} cannot be recorded as submitted ({Problems}); recorded as cancelled for its shopper: {Recorded}")]
    private partial void LogUnprocessable(Guid orderId, string problems, bool recorded);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} was submitted again; resending what its state implies")]
    private partial void LogSubmittedAgain(Guid orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment for order {OrderId} decided: {Status}")]
    private partial void LogPaymentDecided(Guid orderId, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} is now {Status}")]
    private partial void LogChanged(Guid orderId, OrderStatus status);
}
