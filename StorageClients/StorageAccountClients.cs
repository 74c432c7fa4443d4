using System.Data.Common;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Shop.StorageClients;

/// <summary>The blob and queue clients of one storage account, from a connection string in either shape Azure's own
/// take. With an account key (Azurite's, locally) the key signs every request. With the endpoints alone
/// (<c>BlobEndpoint=https://…;QueueEndpoint=https://…</c>, as deployed) the service signs in as its managed identity:
/// the user-assigned identity whose client id is <paramref name="clientId"/>, or, without one (a developer's machine
/// against a real account), whatever <see cref="DefaultAzureCredential"/> finds. No key is then in its configuration.</summary>
public sealed class StorageAccountClients
{
    public StorageAccountClients(string connectionString, string? clientId, QueueClientOptions? queueOptions = null)
    {
        var settings = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (settings.ContainsKey("AccountKey") || settings.ContainsKey("SharedAccessSignature") || settings.ContainsKey("UseDevelopmentStorage"))
        {
            Blobs = new BlobServiceClient(connectionString);
            Queues = new QueueServiceClient(connectionString, queueOptions);
            return;
        }

        TokenCredential credential = string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        Blobs = new BlobServiceClient(Endpoint(settings, "BlobEndpoint"), credential);
        Queues = new QueueServiceClient(Endpoint(settings, "QueueEndpoint"), credential, queueOptions);
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    private static Uri Endpoint(DbConnectionStringBuilder settings, string key) =>
        settings.TryGetValue(key, out var value) && Uri.TryCreate(value as string, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"The storage connection string has neither an AccountKey nor a {key} URL.");
}
