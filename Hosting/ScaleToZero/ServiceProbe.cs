using System.Globalization;
using Shop.Contracts;

namespace Shop.Hosting.ScaleToZero;

/// <summary>Talks to a woken service directly on its own endpoint: asks its health check until it answers (the
/// activator's definition of "ready", as Container Apps' readiness probe is), then reports the wake's latency to it so
/// that the figure lands in the service's own telemetry.</summary>
internal sealed class ServiceProbe(HttpClient client, TimeProvider time)
{
    /// <summary>The health endpoints every service maps (ServiceDefaults' <c>MapDefaultEndpoints</c>), the ones the app
    /// host's <c>WithHttpHealthCheck</c> and the deployed probes ask too.</summary>
    public const string HealthPath = "/health";

    public const string AlivePath = "/alive";

    // Often: every tenth of a second a held caller waits longer than it needs to costs it directly.
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns once the service answers <c>/health</c> with a success; throws when the token is cancelled or
    /// <paramref name="stillWanted"/> turns false (an operator stopped the service meanwhile).</summary>
    public async Task WaitHealthyAsync(Uri service, Func<bool> stillWanted, CancellationToken cancellationToken)
    {
        var health = new Uri(service, HealthPath);
        while (true)
        {
            if (!stillWanted())
            {
                throw new OperationCanceledException("The service was stopped while it was being woken.");
            }

            try
            {
                using var response = await client.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One check took longer than the client's timeout; the next may not.
            }

            await Task.Delay(_interval, time, cancellationToken);
        }
    }

    /// <summary>Whether the service stops answering (its process has exited) within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitGoneAsync(Uri service, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var alive = new Uri(service, AlivePath);
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < timeout)
        {
            try
            {
                using var response = await client.GetAsync(alive, cancellationToken);
            }
            catch (HttpRequestException)
            {
                return true;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Too busy shutting down to answer: not gone yet.
            }

            await Task.Delay(_interval * 5, time, cancellationToken);
        }

        return false;
    }

    /// <summary>One <c>GET /alive</c> carrying <see cref="WakeHeaders"/>; the service records it. A report that does not
    /// arrive loses one sample, nothing else.</summary>
    public async Task ReportWakeAsync(Uri service, TimeSpan latency, string trigger, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service, AlivePath));
        request.Headers.Add(WakeHeaders.Seconds, latency.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        request.Headers.Add(WakeHeaders.Trigger, trigger);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            // The service went away again at once; its restart is someone else's business.
        }
    }
}
