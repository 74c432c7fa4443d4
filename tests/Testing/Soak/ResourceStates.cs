using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;

namespace Shop.Testing.Soak;

/// <summary>Follows the services' states in the app host during the soak, as the dashboard shows them: the latest
/// snapshot of each, and how often each left Running (killed, or, with scale-to-zero on, stopped while idle).</summary>
internal sealed class ResourceStates : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _departures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _atZeroAfterGaps = new(StringComparer.Ordinal);
    private readonly IReadOnlyCollection<string> _services;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private ResourceStates(ResourceNotificationService notifications, IReadOnlyCollection<string> services)
    {
        _services = services;
        foreach (var service in services)
        {
            _departures[service] = new();
        }

        _watching = WatchAsync(notifications, _stop.Token);
    }

    public static ResourceStates Watch(StartedApplication app, IReadOnlyCollection<string> services) => new(app.ResourceNotifications, services);

    public ResourceEvent? Latest(string resource) => _latest.GetValueOrDefault(resource);

    /// <summary>The states each service went to from Running, in order ("Finished", "Finished", …), service by service.</summary>
    public IReadOnlyList<(string Service, IReadOnlyList<string> States)> Departures =>
        [.. _services.Select(service => (service, (IReadOnlyList<string>)[.. _departures[service]]))];

    /// <summary>For each service, at the end of how many idle gaps it was not running, other than when coming back
    /// from a fault of the soak: at zero.</summary>
    public IReadOnlyList<(string Service, int Gaps)> AtZeroAfterGaps => [.. _services.Select(service => (service, _atZeroAfterGaps.GetValueOrDefault(service)))];

    /// <summary>Notes which services are at zero now, at the end of an idle gap.</summary>
    public void SampleAfterGap(FaultTimeline faults)
    {
        foreach (var service in _services.Where(service => Latest(service)?.Snapshot.State?.Text != KnownResourceStates.Running && !faults.IsStruck(service)))
        {
            _atZeroAfterGaps.AddOrUpdate(service, 1, (_, gaps) => gaps + 1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _watching;
        }
        catch (OperationCanceledException)
        {
            // Stopped watching, as asked.
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            var name = update.Resource.Name;
            var previous = _latest.GetValueOrDefault(name);
            _latest[name] = update;
            var state = update.Snapshot.State?.Text;
            if (previous?.Snapshot.State?.Text == KnownResourceStates.Running && state is not null && state != KnownResourceStates.Running
                && _departures.TryGetValue(name, out var departures))
            {
                departures.Enqueue(state);
            }
        }
    }
}
