using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.ScaleToZero;

namespace Shop.Hosting.Azurite;

/// <summary>The service consumes the storage queue <paramref name="QueueName"/>: deployed, events waiting there start
/// replicas (KEDA's <c>azure-queue</c> scaler), one per <paramref name="MessagesPerReplica"/>; none while it is empty.
/// The scaler reads the queue's length as the app's own identity, which <see cref="StorageRole.QueueDataReader"/> lets
/// it do (given with the rule).</summary>
public sealed record AzureQueueScaleRuleAnnotation(AzuriteResource Storage, string QueueName, int MessagesPerReplica) : IQueueScaleRule
{
    public IResourceWithConnectionString Server => Storage;

    public AzureScaleRule ToScaleRule(AzureDeployment deployment) => new(
        Name: $"queue-{BicepNames.SecretName(QueueName)}",
        Type: "azure-queue",
        Metadata:
        [
            new("queueName", QueueName),
            new("queueLength", MessagesPerReplica.ToString(CultureInfo.InvariantCulture)),
            new("accountName", deployment.ModuleOutput(Storage, "name")),
        ],
        Authentication: [],
        AuthenticatesAsApp: true);
}
