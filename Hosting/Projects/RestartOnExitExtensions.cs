using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop.Hosting.Projects;

public static class RestartOnExitExtensions
{
    /// <summary>Starts the service again, with back-off, when its process exits without having been asked to (a crash, a
    /// <c>kill -9</c>, the consumer watchdog stopping it for a fresh process), as Container Apps does with a container
    /// that exits; a Stop from the dashboard, and the app host's own shutdown, keep it stopped. Not for a one-shot
    /// project that others wait for to complete (the migrator): its exit is its success, and the app host refuses to
    /// start with it.</summary>
    public static IResourceBuilder<T> WithRestartOnExit<T>(this IResourceBuilder<T> project) where T : ProjectResource
    {
        project.WithAnnotation(new RestartOnExitAnnotation(), ResourceAnnotationMutationBehavior.Replace);
        var app = project.ApplicationBuilder;
        if (!app.ExecutionContext.IsRunMode)
        {
            return project;
        }

        app.Services.TryAddSingleton<ProjectRestarter>();
        app.Eventing.Subscribe<BeforeStartEvent>((start, _) => RefuseOneShot(project.Resource, start.Model));
        app.Eventing.Subscribe<AfterResourcesCreatedEvent>((created, _) =>
        {
            HoldDownWhileCommandsStopIt(project.Resource);
            return Task.CompletedTask;
        });
        return project.OnResourceStopped((resource, stopped, _) =>
        {
            stopped.Services.GetRequiredService<ProjectRestarter>().OnStopped(stopped.ResourceEvent, resource.Annotations.OfType<RestartOnExitAnnotation>().Last());
            return Task.CompletedTask;
        });
    }

    private static Task RefuseOneShot(IResource project, DistributedApplicationModel model) =>
        RunToCompletion.AwaitedAmong(model.Resources).Contains(project)
            ? throw new DistributedApplicationException(
                $"'{project.Name}' runs to completion (a resource waits for it with WaitForCompletion), so it must not be restarted when it exits: remove WithRestartOnExit from it.")
            : Task.CompletedTask;

    /// <summary>Each lifecycle command is wrapped so that the restarter knows which exits were asked for.</summary>
    private static void HoldDownWhileCommandsStopIt(IResource resource)
    {
        ResourceCommands.Wrap(resource, KnownResourceCommands.StartCommand, execute => async context =>
        {
            Restarter(context).Release(context.ResourceName);
            return await execute(context);
        });

        // Held down until the next Start, whoever gives it.
        ResourceCommands.Wrap(resource, KnownResourceCommands.StopCommand, execute => async context =>
        {
            Restarter(context).HoldDown(context.ResourceName);
            var result = await execute(context);
            if (!result.Success)
            {
                Restarter(context).Release(context.ResourceName);
            }

            return result;
        });

        // These stop the process and start it again themselves.
        foreach (var name in (string[])[KnownResourceCommands.RestartCommand, KnownResourceCommands.RebuildCommand])
        {
            ResourceCommands.Wrap(resource, name, execute => async context =>
            {
                Restarter(context).HoldDown(context.ResourceName);
                try
                {
                    return await execute(context);
                }
                finally
                {
                    Restarter(context).Release(context.ResourceName);
                }
            });
        }
    }

    private static ProjectRestarter Restarter(ExecuteCommandContext context) => context.Services.GetRequiredService<ProjectRestarter>();
}
