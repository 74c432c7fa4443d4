using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Shop.Hosting.ScaleToZero;

/// <summary>The lifecycle commands as this mode sees them: its own idle stop and wake, or an operator's.</summary>
internal sealed partial class ScaledService
{
    /// <summary>A Stop command: this mode's own idle stop, or an operator's, which holds the service down. At zero the
    /// process is gone already; the dashboard then shows it as stopped, with its Start command.</summary>
    public async Task<ExecuteCommandResult> OnStopCommandAsync(ExecuteCommandContext context, Func<ExecuteCommandContext, Task<ExecuteCommandResult>> execute)
    {
        if (_idleStopOf.Value == this)
        {
            return await execute(context);
        }

        bool wasAtZero;
        lock (_gate)
        {
            wasAtZero = _phase == ServicePhase.AtZero;
            _phase = ServicePhase.HeldDown;
        }

        LogHeldDown(logger, Name);

        if (!wasAtZero)
        {
            return await execute(context);
        }

        await ShowStateAsync(KnownResourceStates.Exited, KnownResourceStateStyles.Info);
        return CommandResults.Success();
    }

    /// <summary>A Start command, or a Restart or Rebuild (which start the service themselves): an operator's (or the
    /// restarter's) ends a hold or a stay at zero; a wake's is refused once an operator has stopped the service meanwhile.</summary>
    public Task<ExecuteCommandResult> OnStartCommandAsync(ExecuteCommandContext context, Func<ExecuteCommandContext, Task<ExecuteCommandResult>> execute)
    {
        lock (_gate)
        {
            if (_wakeOf.Value == this)
            {
                if (_phase != ServicePhase.Waking)
                {
                    return Task.FromResult(CommandResults.Failure("Stopped by an operator while it was being woken."));
                }
            }
            else if (_phase is ServicePhase.AtZero or ServicePhase.HeldDown)
            {
                _phase = ServicePhase.Running;
                _lastActivity = time.GetTimestamp();
            }
        }

        return execute(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} stopped by an operator: no request or message wakes it until it is started")]
    private static partial void LogHeldDown(ILogger logger, string resource);
}
