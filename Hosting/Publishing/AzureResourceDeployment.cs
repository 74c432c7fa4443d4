using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Azurite;
using Shop.Hosting.Postgres;
using Shop.Hosting.Projects;
using Shop.Hosting.Publishing.Bicep;
using Shop.Hosting.RabbitMQ;
using Shop.Hosting.Redis;

namespace Shop.Hosting.Publishing;

/// <summary>How one resource of the model appears in the Azure deployment. Aspire's resources cannot carry an annotation
/// of ours from their own Add* methods, so <see cref="Of"/> maps each resource kind to its deployment in this one place.</summary>
public abstract class AzureResourceDeployment
{
    /// <summary>Adds the resource's module, if it has one of its own, to the deployment.</summary>
    public abstract void AddTo(AzureDeployment deployment);

    /// <summary>The connection string dependents receive, as a main.bicep expression. It reads the resource's module
    /// outputs, so ARM deploys the dependents after the resource without an explicit dependsOn.</summary>
    public virtual BicepValue GetConnectionString(AzureDeployment deployment) =>
        throw new InvalidOperationException($"{GetType().Name} gives no connection string in Azure.");

    /// <summary>The URL at which other container apps of the environment reach one of the resource's endpoints.</summary>
    public virtual BicepValue GetEndpointUrl(AzureDeployment deployment, EndpointReference endpoint) =>
        throw new InvalidOperationException($"{GetType().Name} exposes no endpoint '{endpoint.EndpointName}' in Azure.");

    /// <summary>The most replicas each service connecting to this resource may run, when the resource limits its
    /// connections; null when it does not.</summary>
    public virtual int? ClientMaxReplicas => null;

    /// <summary>The deployment of a resource; null for a parameter, which becomes a main.bicep parameter where used.</summary>
    public static AzureResourceDeployment? Of(IResource resource) => resource switch
    {
        ParameterResource => null,
        ProjectResource project => new ProjectAzureDeployment(project),
        PostgresServerResource server => new PostgresAzureDeployment(server),
        PostgresDatabaseResource database => new PostgresDatabaseAzureDeployment(database),
        RedisResource redis => new RedisAzureDeployment(redis),
        RabbitMQServerResource rabbit => new RabbitMQAzureDeployment(rabbit),
        AzuriteResource storage => new StorageAzureDeployment(storage),
        _ => throw new InvalidOperationException(
            $"Resource '{resource.Name}' ({resource.GetType().Name}) cannot be deployed to Azure: the publisher knows no deployment for its kind."),
    };
}
