using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Azurite;

/// <summary>The blob containers and queues a storage account holds: created in Azurite once it is healthy, and declared
/// by the Azure publisher beside the account.</summary>
public sealed class StorageLayoutAnnotation(IReadOnlyList<string> containers, IReadOnlyList<string> queues) : IResourceAnnotation
{
    public IReadOnlyList<string> Containers => containers;

    public IReadOnlyList<string> Queues => queues;
}
