using Shop.StorageClients;

namespace Shop.PhotoProcessor.Tests;

/// <summary>The services' storage clients: signed with the account key where the connection string holds one (Azurite),
/// as the managed identity where it names the endpoints only (Azure). The key path is exercised for real by every photo
/// test; the identity path needs Azure's identity endpoint, so here only which credential each client got is checked.</summary>
public sealed class StorageAccountClientsTests
{
    [Fact]
    public void A_connection_string_with_the_account_key_signs_with_the_key()
    {
        var clients = new StorageAccountClients(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1",
            clientId: "00000000-0000-0000-0000-000000000001");

        Assert.True(clients.Blobs.CanGenerateAccountSasUri);
        Assert.True(clients.Queues.CanGenerateAccountSasUri);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", clients.Queues.Uri.ToString().TrimEnd('/'));
    }

    [Fact]
    public void The_endpoints_alone_sign_in_as_the_identity_with_no_key_at_hand()
    {
        var clients = new StorageAccountClients(
            "BlobEndpoint=https://stshop.blob.core.windows.net/;QueueEndpoint=https://stshop.queue.core.windows.net/",
            clientId: "00000000-0000-0000-0000-000000000001");

        Assert.False(clients.Blobs.CanGenerateAccountSasUri);
        Assert.False(clients.Queues.CanGenerateAccountSasUri);
        Assert.Equal("https://stshop.blob.core.windows.net/", clients.Blobs.Uri.ToString());
        Assert.Equal("https://stshop.queue.core.windows.net/", clients.Queues.Uri.ToString());
    }

    [Fact]
    public void A_connection_string_with_neither_a_key_nor_the_endpoint_is_refused_naming_what_is_missing()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new StorageAccountClients("BlobEndpoint=https://stshop.blob.core.windows.net/", clientId: null));

        Assert.Contains("QueueEndpoint", refused.Message, StringComparison.Ordinal);
    }
}
