using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Hosting.Projects;
using Shop.Hosting.Publishing;

namespace Shop.Hosting.ScaleToZero;

public static class ScaleToZeroExtensions
{
    // Aspire.Hosting.Testing sets it: every port is random, so the activators' ports must be too.
    private const string RandomizePortsKey = "DcpPublisher:RandomizePorts";

    /// <summary>When the configuration sets <c>ScaleToZero:IdleTime</c>, runs every service the way Container Apps
    /// runs it deployed: the services that the azd publisher lets scale to zero (every project but those that run to
    /// completion) are stopped after that idle time, and started again by the first HTTP request, which an activator
    /// holds until the service is healthy, or by messages waiting in the queues of their <see cref="IQueueScaleRule"/>s
    /// (RabbitMQ queues, storage queues), the same annotations the publisher turns into KEDA rules.
    /// Without the key nothing changes.</summary>
    public static IDistributedApplicationBuilder AddScaleToZero(this IDistributedApplicationBuilder builder)
    {
        var idleTime = builder.Configuration.GetValue<TimeSpan?>(ScaleToZeroOptions.IdleTimeKey);
        if (idleTime is null || !builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        if (idleTime <= TimeSpan.Zero)
        {
            throw new DistributedApplicationException($"{ScaleToZeroOptions.IdleTimeKey} must be a positive time span such as 00:05:00, not {idleTime}.");
        }

        var options = new ScaleToZeroOptions { IdleTime = idleTime.Value };
        var randomizePorts = builder.Configuration.GetValue<bool>(RandomizePortsKey);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services => new ScaleToZeroMonitor(options, services.GetRequiredService<IHostApplicationLifetime>(), TimeProvider.System));

        // After the model is complete (every endpoint and scale rule declared, wherever this call sits in Program.cs)
        // and before the orchestrator allocates ports and renders environments.
        builder.Eventing.Subscribe<BeforeStartEvent>(async (start, cancellationToken) =>
        {
            var monitor = start.Services.GetRequiredService<ScaleToZeroMonitor>();
            foreach (var project in ScalingProjects(start.Model))
            {
                var scaling = ActivatorEndpoints.Insert(builder, project, randomizePorts);
                project.Annotations.Add(scaling);
                monitor.Add(CreateService(start.Services, project, scaling, options));
            }

            await monitor.StartAsync(cancellationToken);
        });
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((created, _) =>
        {
            var monitor = created.Services.GetRequiredService<ScaleToZeroMonitor>();
            foreach (var service in monitor.Services)
            {
                var resource = created.Model.Resources.Single(r => r.Name == service.Name);
                ResourceCommands.Wrap(resource, KnownResourceCommands.StopCommand, execute => context => service.OnStopCommandAsync(context, execute));
                foreach (var start in (string[])[KnownResourceCommands.StartCommand, KnownResourceCommands.RestartCommand, KnownResourceCommands.RebuildCommand])
                {
                    ResourceCommands.Wrap(resource, start, execute => context => service.OnStartCommandAsync(context, execute));
                }
            }

            monitor.Run();
            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>The projects that scale to zero when deployed: all but the one-shot ones (deployed as jobs). A project
    /// woken deployed by an event this mode cannot watch (a scale rule on anything but a queue) would keep running here,
    /// because nothing local would ever wake it.</summary>
    private static List<ProjectResource> ScalingProjects(DistributedApplicationModel model)
    {
        var oneShot = RunToCompletion.AwaitedAmong(model.Resources).ToHashSet();
        return model.Resources.OfType<ProjectResource>()
            .Where(p => !oneShot.Contains(p) && p.Annotations.OfType<IAzureScaleRuleAnnotation>().All(rule => rule is IQueueScaleRule))
            .ToList();
    }

    private static ScaledService CreateService(IServiceProvider services, ProjectResource project, ScaleToZeroAnnotation scaling, ScaleToZeroOptions options) => new(
        project,
        scaling,
        options,
        new ServiceProbe(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, TimeProvider.System),
        services.GetRequiredService<ResourceCommandService>(),
        services.GetRequiredService<ResourceNotificationService>(),
        services.GetRequiredService<ResourceLoggerService>(),
        services.GetRequiredService<IHostApplicationLifetime>(),
        TimeProvider.System,
        services.GetRequiredService<ILoggerFactory>().CreateLogger<ScaledService>());
}
