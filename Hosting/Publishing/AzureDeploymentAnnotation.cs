using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>How a resource appears in the Azure deployment, the counterpart of <see cref="ResourceRunnerAnnotation"/>:
/// each resource kind attaches its own, so the publisher writes whatever the model holds without knowing any kind.</summary>
public abstract class AzureDeploymentAnnotation : IResourceAnnotation
{
    /// <summary>Adds the resource's module, if it has one of its own, to the deployment.</summary>
    public abstract void AddTo(AzureDeployment deployment);

    /// <summary>The connection string dependents receive, as a main.bicep expression. It reads the resource's module
    /// outputs, so ARM deploys the dependents after the resource without an explicit dependsOn.</summary>
    public virtual BicepValue GetConnectionString(AzureDeployment deployment) =>
        throw new InvalidOperationException($"{GetType().Name} gives no connection string in Azure.");

    /// <summary>The URL at which other container apps of the environment reach one of the resource's endpoints.</summary>
    public virtual BicepValue GetEndpointUrl(AzureDeployment deployment, EndpointAnnotation endpoint) =>
        throw new InvalidOperationException($"{GetType().Name} exposes no endpoint '{endpoint.Name}' in Azure.");
}
