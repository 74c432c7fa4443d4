using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Projects;

/// <summary>One-shot resources: those another resource waits for to complete (Aspire's <c>WaitForCompletion</c>), such
/// as the migrator. Their exit is their success: deployed they are jobs, and locally nothing starts them again.</summary>
internal static class RunToCompletion
{
    public static IEnumerable<IResource> AwaitedAmong(IEnumerable<IResource> resources) =>
        resources
            .SelectMany(r => r.Annotations.OfType<WaitAnnotation>())
            .Where(w => w.WaitType == WaitType.WaitForCompletion)
            .Select(w => w.Resource);
}
