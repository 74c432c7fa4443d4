using Npgsql;
using Shop.Contracts;

namespace Shop.Catalog.Api.Stock;

/// <summary>Reserves and releases stock per order, all lines or none. The order id is the idempotency key: the first
/// ReserveStock for an order claims its row in <c>stock_reservations</c> and decides in the same transaction that changes
/// stock, so a redelivered command (say after a crash between the commit and the reply) finds the decision and changes
/// nothing. Stock only moves through conditional updates, taken in product id order so that concurrent orders queue
/// on the same rows instead of deadlocking.</summary>
public sealed class StockReservations(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Savepoint = "take_stock";

    public async Task<StockDecision> ReserveAsync(ReserveStock command, CancellationToken cancellationToken)
    {
        var lines = StockRequestLines.Combine(command.Lines);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A concurrent delivery of the same order waits here until the first one commits, then reads its decision.
        if (!await InsertIfAbsentAsync(connection, command.OrderId, "reserved", cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ReadDecisionAsync(connection, command.OrderId, cancellationToken)
                ?? throw new InvalidOperationException($"The reservation of order {command.OrderId} vanished while it was read.");
        }

        await transaction.SaveAsync(Savepoint, cancellationToken);
        var taken = lines.IsValid ? await TakeStockAsync(connection, lines, cancellationToken) : [];
        if (lines.IsValid && taken.Count == lines.Count)
        {
            await RecordLinesAsync(connection, command.OrderId, lines, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new StockDecision(command.OrderId, ReservationStatus.Reserved, []);
        }

        // Some line fell short (or asked for nothing): undo the lines that were taken, and keep the claim as a rejection.
        await transaction.RollbackAsync(Savepoint, cancellationToken);
        var unavailable = await RejectAsync(connection, command.OrderId, lines.IsValid ? lines.Without(taken) : lines.Invalid, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StockDecision(command.OrderId, ReservationStatus.Rejected, unavailable);
    }

    public async Task<ReleaseOutcome> ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        ReleaseOutcome outcome;
        if (await TryReleaseAsync(connection, orderId, cancellationToken))
        {
            outcome = ReleaseOutcome.Released;
        }
        else if (await InsertIfAbsentAsync(connection, orderId, "cancelled", cancellationToken))
        {
            outcome = ReleaseOutcome.CancelledBeforeReserving;
        }
        else
        {
            // A reservation committed between the two statements above is visible to a new statement now.
            outcome = await TryReleaseAsync(connection, orderId, cancellationToken) ? ReleaseOutcome.Released : ReleaseOutcome.NothingHeld;
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>The stored decision for an order, or null when it never asked for stock.</summary>
    private static async Task<StockDecision?> ReadDecisionAsync(NpgsqlConnection connection, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT r.status, l.product_id, l.quantity, l.available
            FROM stock_reservations r LEFT JOIN stock_reservation_lines l ON l.order_id = r.order_id
            WHERE r.order_id = $1
            ORDER BY l.product_id
            """, Uuid(orderId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? status = null;
        var unavailable = new List<UnavailableLine>();
        while (await reader.ReadAsync(cancellationToken))
        {
            status = reader.GetString(0);
            if (!reader.IsDBNull(3))
            {
                unavailable.Add(new UnavailableLine(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
            }
        }

        return status is null ? null : new StockDecision(orderId, ParseStatus(status), unavailable);
    }

    /// <summary>Creates the order's reservation row with the status, unless the order already has one.</summary>
    private async Task<bool> InsertIfAbsentAsync(NpgsqlConnection connection, Guid orderId, string status, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            INSERT INTO stock_reservations (order_id, status, decided_at) VALUES ($1, $2, $3)
            ON CONFLICT (order_id) DO NOTHING
            """, Uuid(orderId), Text(status), Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Locks the products in id order, then takes every line that has enough stock; returns the ids taken.</summary>
    private static async Task<HashSet<int>> TakeStockAsync(NpgsqlConnection connection, StockRequestLines lines, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT id FROM products WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                {
                    Parameters = { Ints(lines.ProductIds) },
                },
                new NpgsqlBatchCommand(
                    """
                    UPDATE products AS p SET available_stock = p.available_stock - w.quantity
                    FROM unnest($1::integer[], $2::integer[]) AS w (product_id, quantity)
                    WHERE p.id = w.product_id AND p.available_stock >= w.quantity
                    RETURNING p.id
                    """)
                {
                    Parameters = { Ints(lines.ProductIds), Ints(lines.Quantities) },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var taken = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetInt32(0));
        }

        return taken;
    }

    private static async Task RecordLinesAsync(NpgsqlConnection connection, Guid orderId, StockRequestLines lines, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            INSERT INTO stock_reservation_lines (order_id, product_id, quantity)
            SELECT $1, * FROM unnest($2::integer[], $3::integer[])
            """, Uuid(orderId), Ints(lines.ProductIds), Ints(lines.Quantities));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks the claim rejected and keeps the lines that fell short with what was available.</summary>
    private static async Task<List<UnavailableLine>> RejectAsync(
        NpgsqlConnection connection, Guid orderId, StockRequestLines shortLines, CancellationToken cancellationToken)
    {
        // The lines first: the reader starts on the first statement that returns rows.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO stock_reservation_lines (order_id, product_id, quantity, available)
                    SELECT $1, w.product_id, w.quantity, coalesce(p.available_stock, 0)
                    FROM unnest($2::integer[], $3::integer[]) AS w (product_id, quantity)
                    LEFT JOIN products p ON p.id = w.product_id
                    RETURNING product_id, quantity, available
                    """)
                {
                    Parameters = { Uuid(orderId), Ints(shortLines.ProductIds), Ints(shortLines.Quantities) },
                },
                new NpgsqlBatchCommand("UPDATE stock_reservations SET status = 'rejected' WHERE order_id = $1") { Parameters = { Uuid(orderId) } },
            },
        };
        var unavailable = new List<UnavailableLine>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                unavailable.Add(new UnavailableLine(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        return [.. unavailable.OrderBy(line => line.ProductId)];
    }

    /// <summary>Moves a reserved reservation to released and its quantities back to stock; false when none is held.</summary>
    private async Task<bool> TryReleaseAsync(NpgsqlConnection connection, Guid orderId, CancellationToken cancellationToken)
    {
        await using var release = Command(connection, """
            UPDATE stock_reservations SET status = 'released', released_at = $2
            WHERE order_id = $1 AND status = 'reserved'
            """, Uuid(orderId), Now());
        if (await release.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await using var giveBack = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    SELECT p.id FROM products p JOIN stock_reservation_lines l ON l.product_id = p.id
                    WHERE l.order_id = $1 ORDER BY p.id FOR UPDATE OF p
                    """)
                {
                    Parameters = { Uuid(orderId) },
                },
                new NpgsqlBatchCommand(
                    """
                    UPDATE products p SET available_stock = p.available_stock + l.quantity
                    FROM stock_reservation_lines l
                    WHERE l.order_id = $1 AND l.product_id = p.id
                    """)
                {
                    Parameters = { Uuid(orderId) },
                },
            },
        };
        await giveBack.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    private static ReservationStatus ParseStatus(string status) => status switch
    {
        "reserved" => ReservationStatus.Reserved,
        "rejected" => ReservationStatus.Rejected,
        "released" => ReservationStatus.Released,
        "cancelled" => ReservationStatus.Cancelled,
        _ => throw new InvalidOperationException($"Unknown reservation status '{status}'."),
    };

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter<Guid> Uuid(Guid value) => new() { TypedValue = value };

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    private static NpgsqlParameter<int[]> Ints(int[] values) => new() { TypedValue = values };

    private NpgsqlParameter<DateTime> Now() => new() { TypedValue = time.GetUtcNow().UtcDateTime };
}
