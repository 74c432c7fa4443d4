using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Orchestration;

/// <summary>The current snapshot of every resource, and a stream of changes for whoever watches
/// (the console printer, the dashboard, tests, resources waiting for each other).</summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new();
    private readonly ConcurrentDictionary<Channel<ResourceSnapshot>, byte> _watchers = new();
    private readonly Lock _publishLock = new();

    public IReadOnlyCollection<ResourceSnapshot> Snapshots => [.. _snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public ResourceSnapshot? GetSnapshot(string resource) => _snapshots.GetValueOrDefault(resource);

    /// <summary>Applies <paramref name="update"/> to the resource's snapshot and tells every watcher.</summary>
    public ResourceSnapshot Publish(string resource, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        lock (_publishLock)
        {
            var current = _snapshots.TryGetValue(resource, out var existing)
                ? existing
                : throw new InvalidOperationException($"Unknown resource '{resource}'.");
            var next = update(current);
            if (next == current)
            {
                return current;
            }

            _snapshots[resource] = next;
            foreach (var watcher in _watchers.Keys)
            {
                watcher.Writer.TryWrite(next);
            }

            return next;
        }
    }

    internal void Register(ResourceSnapshot initial) => _snapshots[initial.Name] = initial;

    /// <summary>The current snapshots, then every change, until cancelled.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>();
        lock (_publishLock)
        {
            _watchers[channel] = 0;
            foreach (var snapshot in _snapshots.Values)
            {
                channel.Writer.TryWrite(snapshot);
            }
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            _watchers.TryRemove(channel, out _);
        }
    }

    /// <summary>Waits until the resource satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceSnapshot> WaitForAsync(string resource, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (snapshot.Name == resource && predicate(snapshot))
            {
                return snapshot;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Waits until the resource is Running and Healthy. Throws when it reaches a terminal state first,
    /// naming the state and message, so a caller never waits forever on a dead resource.</summary>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resource, CancellationToken cancellationToken = default)
    {
        var snapshot = await WaitForAsync(
            resource,
            s => (s.State == ResourceState.Running && s.Health == HealthStatus.Healthy) || s.IsTerminal,
            cancellationToken);
        return snapshot.IsTerminal
            ? throw new ResourceFailedException(snapshot)
            : snapshot;
    }
}

/// <summary>A resource that was waited for ended in a terminal state instead.</summary>
public sealed class ResourceFailedException(ResourceSnapshot snapshot)
    : Exception($"Resource '{snapshot.Name}' is {snapshot.State}{(snapshot.Message is null ? "" : $": {snapshot.Message}")}.")
{
    public ResourceSnapshot Snapshot { get; } = snapshot;
}
