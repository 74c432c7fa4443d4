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

    /// <summary>Aspire adds the lifecycle commands (Start, Stop, Restart, Rebuild) when it prepares the resources for its
    /// orchestrator, after the model is built; each is wrapped here so that the restarter knows which exits were asked
    /// for. An exit cannot tell: a process stopped from the dashboard ends the same way as one killed by someone else.</summary>
    private static void HoldDownWhileCommandsStopIt(IResource resource)
    {
        // Aspire's annotation collection takes writes under a lock while the dashboard reads it; the wrapped command
        // takes the place of the original, so no reader ever sees two commands of one name.
        var annotations = resource.Annotations;
        foreach (var command in annotations.OfType<ResourceCommandAnnotation>().ToList())
        {
            if (HeldDown(command) is { } execute && annotations.IndexOf(command) is var index and >= 0)
            {
                annotations[index] = new ResourceCommandAnnotation(
                    command.Name, command.DisplayName, command.UpdateState, execute, command.DisplayDescription, command.Arguments,
                    command.ConfirmationMessage, command.IconName, command.IconVariant, command.IsHighlighted, command.Visibility,
                    command.ValidateArguments);
            }
        }
    }

    private static Func<ExecuteCommandContext, Task<ExecuteCommandResult>>? HeldDown(ResourceCommandAnnotation command)
    {
        var execute = command.ExecuteCommand;
        if (command.Name == KnownResourceCommands.StartCommand)
        {
            return async context =>
            {
                Restarter(context).Release(context.ResourceName);
                return await execute(context);
            };
        }

        if (command.Name == KnownResourceCommands.StopCommand)
        {
            // Held down until the next Start, whoever gives it.
            return async context =>
            {
                Restarter(context).HoldDown(context.ResourceName);
                var result = await execute(context);
                if (!result.Success)
                {
                    Restarter(context).Release(context.ResourceName);
                }

                return result;
            };
        }

        if (command.Name == KnownResourceCommands.RestartCommand || command.Name == KnownResourceCommands.RebuildCommand)
        {
            // These stop the process and start it again themselves.
            return async context =>
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
            };
        }

        return null;
    }

    private static ProjectRestarter Restarter(ExecuteCommandContext context) => context.Services.GetRequiredService<ProjectRestarter>();
}
