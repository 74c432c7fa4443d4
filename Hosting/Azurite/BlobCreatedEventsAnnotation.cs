using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Azurite;

/// <summary>An Event Grid subscription on the storage account: every blob created in <see cref="Container"/> becomes a
/// <c>Microsoft.Storage.BlobCreated</c> event in the storage queue <see cref="Queue"/>. The publisher writes it as an
/// Event Grid system topic and subscription; the app host emulates it on Azurite (<see cref="BlobCreatedEventEmulator"/>).</summary>
public sealed class BlobCreatedEventsAnnotation(string container, string queue) : IResourceAnnotation
{
    public string Container => container;

    public string Queue => queue;
}
