namespace Shop.Hosting.Orchestration;

internal static class ServerReadiness
{
    /// <summary>Polls <paramref name="isReady"/> until it answers true; fails early when the process exits or
    /// after <paramref name="timeout"/>, so a server that cannot start is reported instead of awaited forever.</summary>
    public static async Task WaitUntilAsync(
        Func<CancellationToken, Task<bool>> isReady,
        ChildProcess process,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the process exited with code {await process.WaitForExitAsync(CancellationToken.None)} before it was ready (see its log)");
            }

            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                if (await isReady(attempt.Token))
                {
                    return;
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Not ready yet.
            }

            if (deadline.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"not ready after {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
