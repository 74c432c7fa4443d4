using MassTransit;
using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Infrastructure;
using Shop.Contracts;

namespace Shop.Catalog.Api.Messaging;

/// <summary>Publishes the ProductPriceChanged events in the outbox table, oldest first, and deletes each batch once the
/// broker has confirmed it. At least once: a crash after the publish and before the delete publishes an event again,
/// with the same message id. Replicas skip each other's rows. It looks at the table when notified, once shortly after
/// start-up (a crash may have left events behind; a cold start does not wait for it), and again while the broker fails.</summary>
public sealed partial class PriceChangePublisher(
    IServiceScopeFactory scopes, PriceChangeOutbox outbox, IBus bus, ILogger<PriceChangePublisher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan _firstLookAfterStart = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan _retryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _publishTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = _firstLookAfterStart;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await outbox.WaitAsync(wait, stoppingToken);
                wait = await PublishBatchAsync(stoppingToken) == BatchSize ? TimeSpan.Zero : Timeout.InfiniteTimeSpan;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPublishFailed(ex);
                wait = _retryDelay;
            }
        }
    }

    /// <summary>Returns how many events it published.</summary>
    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CatalogContext>();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var batch = await context.PriceChanges
            .FromSql($"SELECT * FROM price_change_outbox ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_publishTimeout);
        foreach (var change in batch)
        {
            await bus.Publish(
                new ProductPriceChanged(change.ProductId, change.OldPrice, change.NewPrice, change.ChangedAt),
                publish => publish.MessageId = change.MessageId,
                timeout.Token);
        }

        var ids = batch.Select(change => change.Id).ToArray();
        await context.PriceChanges.Where(change => ids.Contains(change.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing price changes failed; retrying shortly")]
    private partial void LogPublishFailed(Exception exception);
}
