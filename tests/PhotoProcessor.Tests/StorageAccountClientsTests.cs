using Shop.StorageClients;

namespace Shop.PhotoProcessor.Tests;

/// <summary>The services' storage clients: signed with the account key where the connection string holds one (Azurite),
/// as the managed identity where it names the endpoints only (Azure). The key path is exercised for real by every photo
/// test; the identity path needs Azure's identity endpoint, so here only which credential each client got is checked.</summary>
public sealed class StorageAccountClientsTests
{
    [Theory]
    [InlineData(
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1",
        true, "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10001/devstoreaccount1")]
    [InlineData(
        "BlobEndpoint=https://stshop.blob.core.windows.net/;QueueEndpoint=https://stshop.queue.core.windows.net/",
        false, "https://stshop.blob.core.windows.net", "https://stshop.queue.core.windows.net")]
    public void The_key_signs_where_the_connection_string_holds_one_and_the_identity_where_it_names_the_endpoints_alone(
        string connectionString, bool signsWithKey, string blobEndpoint, string queueEndpoint)
    {
        var clients = new StorageAccountClients(connectionString, clientId: "00000000-0000-0000-0000-000000000001");

        // Only a client holding the account key can sign an account SAS.
        Assert.Equal(signsWithKey, clients.Blobs.CanGenerateAccountSasUri);
        Assert.Equal(signsWithKey, clients.Queues.CanGenerateAccountSasUri);
        Assert.Equal(blobEndpoint, clients.Blobs.Uri.ToString().TrimEnd('/'));
        Assert.Equal(queueEndpoint, clients.Queues.Uri.ToString().TrimEnd('/'));
    }

    [Fact]
    public void A_connection_string_with_neither_a_key_nor_the_endpoint_is_refused_naming_what_is_missing()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new StorageAccountClients("BlobEndpoint=https://stshop.blob.core.windows.net/", clientId: null));

        Assert.Contains("QueueEndpoint", refused.Message, StringComparison.Ordinal);
    }
}
