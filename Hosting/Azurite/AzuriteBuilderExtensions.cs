using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Hosting.Azurite;

public static class AzuriteBuilderExtensions
{
    /// <summary>The emulator's image; the npm package of the same version serves it as a local process.</summary>
    public const string Version = "3.35.0";

    /// <summary>Adds Azurite (blob and queue services) with a generated account key. Healthy once the blob and queue
    /// services both answer an authenticated request; then the containers and queues of
    /// <see cref="WithStorageLayout"/> are created.</summary>
    public static IResourceBuilder<AzuriteResource> AddAzurite(this IDistributedApplicationBuilder builder, string name)
    {
        var key = builder.AddParameter($"{name}-key", new GenerateParameterDefault { MinLength = 64, Special = false }, secret: true, persist: true);
        var resource = new AzuriteResource(name, key.Resource);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new AzuriteHealthCheck(resource), failureStatus: null, tags: null));

        return builder.AddResource(resource)
            .WithImage("azure-storage/azurite", Version)
            .WithImageRegistry("mcr.microsoft.com")
            .WithEndpoint(targetPort: 10000, name: AzuriteResource.BlobEndpointName, scheme: "http")
            .WithEndpoint(targetPort: 10001, name: AzuriteResource.QueueEndpointName, scheme: "http")
            .WithEnvironment(context => context.EnvironmentVariables["AZURITE_ACCOUNTS"] = AccountsVariable(resource))
            .WithArgs("azurite", "--blobHost", "0.0.0.0", "--queueHost", "0.0.0.0", "--skipApiVersionCheck", "--disableTelemetry", "--location", "/data")
            .WithHealthCheck(healthCheckKey)
            .OnResourceReady(CreateLayoutAsync);
    }

    /// <summary>The blob containers and queues the account holds (here and in Azure).</summary>
    public static IResourceBuilder<AzuriteResource> WithStorageLayout(this IResourceBuilder<AzuriteResource> storage, IReadOnlyList<string> containers, IReadOnlyList<string> queues) =>
        storage.WithAnnotation(new StorageLayoutAnnotation(containers, queues));

    /// <summary>Keeps blobs and queues in a named volume, so they outlive the container.</summary>
    public static IResourceBuilder<AzuriteResource> WithDataVolume(this IResourceBuilder<AzuriteResource> storage) =>
        storage.WithVolume($"{storage.Resource.Name}-data", "/data");

    /// <summary>AZURITE_ACCOUNTS: <c>account:key</c>. Azurite then accepts that account only.</summary>
    internal static ReferenceExpression AccountsVariable(AzuriteResource resource) =>
        ReferenceExpression.Create($"{AzuriteResource.AccountName}:{resource.AccountKey}");

    private static async Task CreateLayoutAsync(AzuriteResource resource, ResourceReadyEvent ready, CancellationToken cancellationToken)
    {
        var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
        foreach (var layout in resource.Annotations.OfType<StorageLayoutAnnotation>())
        {
            var blobs = new BlobServiceClient(connectionString);
            foreach (var container in layout.Containers)
            {
                await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            var queues = new QueueServiceClient(connectionString);
            foreach (var queue in layout.Queues)
            {
                await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
        }
    }
}
