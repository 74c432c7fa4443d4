using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Azurite;

/// <summary>Azure Storage's emulator (blob and queue services) as a server the app host runs: Aspire's own Azure
/// Storage integration is not served here. Its connection string has the shape of an Azure account's, with one
/// account whose key is a generated secret parameter, so services use the Azure SDK unchanged.</summary>
public sealed class AzuriteResource(string name, ParameterResource accountKey) : ContainerResource(name), IResourceWithConnectionString
{
    public const string AccountName = "devstoreaccount1";
    public const string BlobEndpointName = "blob";
    public const string QueueEndpointName = "queue";

    /// <summary>The account's key (base64, as Azure's are): Azurite reads it from AZURITE_ACCOUNTS.</summary>
    public ParameterResource AccountKey => accountKey;

    public EndpointReference BlobEndpoint => new(this, BlobEndpointName);

    public EndpointReference QueueEndpoint => new(this, QueueEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={Url(BlobEndpoint)};QueueEndpoint={Url(QueueEndpoint)}");

    /// <summary>Azurite serves the account under a path (an IP host cannot carry it as a subdomain).</summary>
    private static ReferenceExpression Url(EndpointReference endpoint) =>
        ReferenceExpression.Create($"http://{endpoint.Property(EndpointProperty.IPV4Host)}:{endpoint.Property(EndpointProperty.Port)}/{AccountName}");
}
