using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Orchestration;

/// <summary>Prints each resource's state changes and URLs as plain lines, and the public URL once everything is healthy.</summary>
internal sealed class ResourceStatePrinter : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public ResourceStatePrinter(ResourceNotificationService notifications, DistributedApplicationModel model)
    {
        var external = model.Resources
            .SelectMany(r => r.Annotations.OfType<EndpointAnnotation>().Where(e => e.IsExternal).Select(e => (r.Name, e.Url)))
            .ToList();
        _ = PrintAsync(notifications, external, _stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static async Task PrintAsync(
        ResourceNotificationService notifications,
        List<(string Resource, string Url)> external,
        CancellationToken cancellationToken)
    {
        var printed = new Dictionary<string, (ResourceState, HealthStatus)>();
        var allHealthyAnnounced = false;
        try
        {
            await foreach (var snapshot in notifications.WatchAsync(cancellationToken))
            {
                // Unhealthy while starting is expected; print health only once it settles or turns bad after being good.
                var shownHealth = snapshot.Health == HealthStatus.Unhealthy && snapshot.State == ResourceState.Running
                    && (!printed.TryGetValue(snapshot.Name, out var last) || last.Item2 != HealthStatus.Healthy)
                    ? HealthStatus.Unknown
                    : snapshot.Health;
                if (printed.TryGetValue(snapshot.Name, out var previous) && previous == (snapshot.State, shownHealth))
                {
                    continue;
                }

                printed[snapshot.Name] = (snapshot.State, shownHealth);
                var health = shownHealth == HealthStatus.Unknown ? "" : $" ({shownHealth.ToString().ToLowerInvariant()})";
                var urls = snapshot.Urls.Count > 0 && snapshot.State == ResourceState.Running ? " " + string.Join(" ", snapshot.Urls) : "";
                var message = snapshot.Message is null ? "" : $" — {snapshot.Message}";
                ConsoleOutput.WriteLine("apphost", $"{snapshot.Name}: {snapshot.State}{health}{urls}{message}");

                var all = notifications.Snapshots;
                if (!allHealthyAnnounced && all.All(s => s.State == ResourceState.Running && s.Health == HealthStatus.Healthy))
                {
                    allHealthyAnnounced = true;
                    foreach (var (resource, url) in external)
                    {
                        ConsoleOutput.WriteLine("apphost", $"All resources are running. Open {url} ({resource}).");
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
