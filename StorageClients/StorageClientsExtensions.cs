using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Shop.StorageClients;

namespace Microsoft.Extensions.DependencyInjection;

public static class StorageClientsExtensions
{
    /// <summary>Set by the deployment on each app that reaches storage: the client id of the app's own identity.</summary>
    public const string ClientIdKey = "AZURE_CLIENT_ID";

    /// <summary>Registers the <see cref="BlobServiceClient"/> and <see cref="QueueServiceClient"/> of the account named
    /// <c>ConnectionStrings:{name}</c> (see <see cref="StorageAccountClients"/>). Both are made when
    /// first resolved, so a service without that connection string still serves whatever does not need storage.</summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services, string name, QueueClientOptions? queueOptions = null)
    {
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            return new StorageAccountClients(
                configuration.GetConnectionString(name) ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured."),
                configuration[ClientIdKey],
                queueOptions);
        });
        services.AddSingleton(provider => provider.GetRequiredService<StorageAccountClients>().Blobs);
        services.AddSingleton(provider => provider.GetRequiredService<StorageAccountClients>().Queues);
        return services;
    }
}
