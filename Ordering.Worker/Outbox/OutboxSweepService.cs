using Microsoft.Extensions.Options;

namespace Shop.Ordering.Worker.Outbox;

/// <summary>Sends what a crash, a broker outage or another replica's stop left in the outbox: once at start, then
/// every <see cref="OutboxOptions.SweepInterval"/>. In normal operation each transition dispatches its own rows.</summary>
internal sealed partial class OutboxSweepService(
    IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxSweepService> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host finishes starting before the first sweep queries anything.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSweepFailed(ex);
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync(BatchSize, cancellationToken) == BatchSize)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox sweep failed; retrying after the sweep interval")]
    private partial void LogSweepFailed(Exception exception);
}
