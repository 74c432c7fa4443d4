using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Publishing;

/// <summary>The environment variables the model gives a resource when published: its environment callbacks run in
/// publish mode, as Aspire runs them for its own publishers, so values stay references (a parameter, a connection
/// string, an endpoint) that the deployment renders as Bicep expressions.</summary>
public sealed record ModelEnvironment(IReadOnlyDictionary<string, object> Variables)
{
    public static ModelEnvironment Empty { get; } = new(new Dictionary<string, object>());

    public static async Task<ModelEnvironment> ReadAsync(
        IResource resource, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (!executionContext.IsPublishMode)
        {
            throw new InvalidOperationException("The model's environment is read for Azure in publish mode only: run mode resolves it to local values.");
        }

        var variables = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(executionContext, resource, variables, cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return new ModelEnvironment(variables);
    }
}
