using System.Globalization;
using Shop.Hosting.Publishing;

namespace Shop.Hosting.Azurite;

/// <summary>The service consumes the storage queue <paramref name="QueueName"/>: deployed, events waiting there start
/// replicas (KEDA's <c>azure-queue</c> scaler), one per <paramref name="MessagesPerReplica"/>; none while it is empty.</summary>
public sealed record AzureQueueScaleRuleAnnotation(AzuriteResource Storage, string QueueName, int MessagesPerReplica) : IAzureScaleRuleAnnotation
{
    public AzureScaleRule ToScaleRule(AzureDeployment deployment) => new(
        Name: $"queue-{BicepNames.SecretName(QueueName)}",
        Type: "azure-queue",
        Metadata:
        [
            new("queueName", QueueName),
            new("queueLength", MessagesPerReplica.ToString(CultureInfo.InvariantCulture)),
        ],
        Authentication:
        [
            new ScaleRuleSecret("connection", $"{Storage.Name}-connection", new StorageAzureDeployment(Storage).GetConnectionString(deployment)),
        ]);
}
