using System.Data.Common;
using System.Threading.Channels;
using Npgsql;

namespace Shop.Ordering.Worker.Outbox;

/// <summary>Deletes the outbox rows the broker has confirmed, many at a time and off the handlers' path: a delete of
/// its own after every dispatch was a round trip and a commit per transition. A row not yet deleted when the process
/// dies is sent again by the sweep, as before (at least once; every receiver is idempotent). Registered before the bus,
/// it stops after it, so what the last handlers sent is deleted before the process exits.</summary>
public sealed partial class SentRowsCleaner(NpgsqlDataSource dataSource, ILogger<SentRowsCleaner> logger) : BackgroundService
{
    private const int BatchSize = 1_000;

    private readonly Channel<long> _sent = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Rows the broker confirmed. After the cleaner stopped, a row is left to the next sweep.</summary>
    public void Delete(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            _sent.Writer.TryWrite(id);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _sent.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    /// <summary>Runs until the channel is completed and drained, not until the stop token: what is queued at stop
    /// is still deleted.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<long>(BatchSize);
        while (await _sent.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && _sent.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }

            await DeleteAsync([.. batch]);
            batch.Clear();
        }
    }

    private async Task DeleteAsync(long[] ids)
    {
        try
        {
            await using var command = dataSource.CreateCommand("DELETE FROM outbox_messages WHERE id = ANY($1)");
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ids });
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            LogNotDeleted(ex, ids.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} sent outbox messages could not be deleted; the sweep will send them again")]
    private partial void LogNotDeleted(Exception exception, int count);
}
