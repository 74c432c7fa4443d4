using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Postgres;

/// <summary>A database is created by its server's module; dependents get the server's connection string with it.</summary>
internal sealed class PostgresDatabaseAzureDeployment(PostgresDatabaseResource database) : AzureResourceDeployment
{
    /// <summary>Nothing of its own: the server's module creates every database of the model.</summary>
    public override void AddTo(AzureDeployment deployment)
    {
    }

    public override int? ClientMaxReplicas => PostgresAzureDeployment.MaxReplicasPerClient;

    public override BicepValue GetConnectionString(AzureDeployment deployment) =>
        PostgresAzureDeployment.ConnectionString(deployment, database.Parent, database.DatabaseName);
}
