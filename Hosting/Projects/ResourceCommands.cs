using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Projects;

/// <summary>Wraps Aspire's lifecycle commands (Start, Stop, Restart, Rebuild) so that the app host's own emulation of the
/// platform (restart on exit, scale to zero) learns who stopped a service: a process stopped from the dashboard ends
/// the same way as one killed by someone else. Aspire adds these commands when it prepares the resources for its
/// orchestrator (after the model is built), so wrapping belongs in an <c>AfterResourcesCreatedEvent</c> subscriber.</summary>
internal static class ResourceCommands
{
    /// <summary>Puts <paramref name="wrap"/>(the command's execution) in the place of the resource's command named
    /// <paramref name="name"/>, if it has one. Aspire's annotation collection takes writes under a lock while the
    /// dashboard reads it; the wrapped command takes the place of the original, so no reader ever sees two commands of
    /// one name.</summary>
    public static void Wrap(
        IResource resource,
        string name,
        Func<Func<ExecuteCommandContext, Task<ExecuteCommandResult>>, Func<ExecuteCommandContext, Task<ExecuteCommandResult>>> wrap)
    {
        var annotations = resource.Annotations;
        if (annotations.OfType<ResourceCommandAnnotation>().LastOrDefault(c => c.Name == name) is not { } command
            || annotations.IndexOf(command) is not (var index and >= 0))
        {
            return;
        }

        annotations[index] = new ResourceCommandAnnotation(
            command.Name, command.DisplayName, command.UpdateState, wrap(command.ExecuteCommand), command.DisplayDescription, command.Arguments,
            command.ConfirmationMessage, command.IconName, command.IconVariant, command.IsHighlighted, command.Visibility,
            command.ValidateArguments);
    }
}
