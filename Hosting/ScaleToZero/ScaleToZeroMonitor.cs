using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace Shop.Hosting.ScaleToZero;

/// <summary>Runs the mode for the whole app host: the activator in front of the services, a tick every second that stops
/// idle services, and a poll of the servers holding the services' queues (RabbitMQ, Azurite) every
/// <see cref="ScaleToZeroOptions.QueuePollInterval"/> whose waiting messages wake (and keep awake) the services that
/// consume them.</summary>
internal sealed class ScaleToZeroMonitor(ScaleToZeroOptions options, IHostApplicationLifetime lifetime, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan _tick = TimeSpan.FromSeconds(1);

    private readonly List<ScaledService> _services = [];
    private readonly Dictionary<IResourceWithConnectionString, IQueueLengths> _servers = [];
    private ServiceActivator? _activator;
    private Task? _loop;
    private Task? _stops;

    public IReadOnlyList<ScaledService> Services => _services;

    public void Add(ScaledService service) => _services.Add(service);

    public ScaledService? Find(IResource resource) => _services.Find(s => s.Name == resource.Name);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _services.SelectMany(s => s.Queues).Select(q => q.Server).Distinct())
        {
            _servers[server] = IQueueLengths.For(server);
        }

        foreach (var service in _services)
        {
            service.WaitsFor([.. _services.Where(other => service.Awaits(other))]);
        }

        _activator = new ServiceActivator(_services);
        await _activator.StartAsync(cancellationToken);
    }

    /// <summary>Starts stopping idle services and polling queues: once every resource has been created and the lifecycle
    /// commands wrapped, so that the restarter knows an idle stop for one it asked for.</summary>
    public void Run() => _loop ??= RunAsync(lifetime.ApplicationStopping);

    public async ValueTask DisposeAsync()
    {
        if (_loop is not null)
        {
            await _loop;
        }

        if (_stops is not null)
        {
            await _stops;
        }

        if (_activator is not null)
        {
            await _activator.DisposeAsync();
        }

        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }

        foreach (var service in _services)
        {
            service.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var lastPoll = 0L;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(_tick, time, stopping);
                if (time.GetElapsedTime(lastPoll) >= options.QueuePollInterval)
                {
                    lastPoll = time.GetTimestamp();
                    await PollQueuesAsync(stopping);
                }

                foreach (var service in _services)
                {
                    await service.ReconcileAsync();
                }

                // Not awaited, so that a stop (seconds) does not hold up the queue polls that wake services; one stop at
                // a time, so that services going idle together do not load the machine all at once.
                if (_stops is not { IsCompleted: false })
                {
                    _stops = StopIdleServicesAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app host is stopping.
        }
    }

    private async Task StopIdleServicesAsync()
    {
        foreach (var service in _services)
        {
            await service.StopIfIdleAsync();
        }
    }

    private async Task PollQueuesAsync(CancellationToken stopping)
    {
        foreach (var service in _services)
        {
            foreach (var rule in service.Queues)
            {
                service.OnQueueLength(rule.QueueName, await _servers[rule.Server].WaitingAsync(rule.QueueName, stopping));
            }
        }
    }
}
