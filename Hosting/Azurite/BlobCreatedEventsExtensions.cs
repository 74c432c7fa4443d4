using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Hosting.Azurite;

public static class BlobCreatedEventsExtensions
{
    /// <summary>Delivers a <c>Microsoft.Storage.BlobCreated</c> event (Event Grid schema) to <paramref name="queue"/> for
    /// every blob created in <paramref name="container"/>, as an Event Grid subscription does in Azure. Azurite emits no
    /// events (Azure/Azurite#1174), so while the app host runs, it polls the container and sends them itself.</summary>
    public static IResourceBuilder<AzuriteResource> WithBlobCreatedEvents(this IResourceBuilder<AzuriteResource> storage, string container, string queue)
    {
        storage.WithAnnotation(new BlobCreatedEventsAnnotation(container, queue));
        if (!storage.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return storage;
        }

        return storage.OnResourceReady(async (resource, ready, cancellationToken) =>
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException($"'{resource.Name}' has no connection string.");
            var stopping = ready.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var logger = ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            var emulator = new BlobCreatedEventEmulator(connectionString, container, queue, logger);
            logger.LogInformation("Emulating Event Grid: blobs created in '{Container}' become BlobCreated events in queue '{Queue}'", container, queue);
            _ = Task.Run(() => emulator.RunAsync(stopping), CancellationToken.None);
        });
    }

    /// <summary>Declares that the resource consumes the storage queue <paramref name="queueName"/>: deployed, it may scale
    /// to zero, and events waiting in the queue start it, a replica per <paramref name="messagesPerReplica"/>.</summary>
    public static IResourceBuilder<T> WithAzureQueueScaleRule<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<AzuriteResource> storage, string queueName, int messagesPerReplica = 5)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new AzureQueueScaleRuleAnnotation(storage.Resource, queueName, messagesPerReplica))
            .WithStorageRole(storage, StorageRole.QueueDataReader, queueName);

    /// <summary>Deployed, the resource's own identity holds <paramref name="role"/> on the blob container or queue
    /// <paramref name="target"/> of the account, and nothing else: least privilege, and no account key.</summary>
    public static IResourceBuilder<T> WithStorageRole<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<AzuriteResource> storage, StorageRole role, string target)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new StorageRoleAnnotation(storage.Resource, role, target), ResourceAnnotationMutationBehavior.Append);
}
