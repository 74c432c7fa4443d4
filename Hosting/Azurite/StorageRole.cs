namespace Shop.Hosting.Azurite;

/// <summary>A built-in data role of Azure Storage, on one blob container or one queue.</summary>
public sealed record StorageRole(string Name, string RoleDefinitionId, bool OnQueue)
{
    /// <summary>Read and list blobs.</summary>
    public static StorageRole BlobDataReader { get; } = new("Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", OnQueue: false);

    /// <summary>Read, write and delete blobs.</summary>
    public static StorageRole BlobDataContributor { get; } = new("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", OnQueue: false);

    /// <summary>Read a queue's properties (its approximate length) and peek its messages: what KEDA's scaler reads.</summary>
    public static StorageRole QueueDataReader { get; } = new("Storage Queue Data Reader", "19e7f393-937e-4f77-808e-94535e297925", OnQueue: true);

    /// <summary>Peek, receive and delete messages: a consumer, which cannot add any.</summary>
    public static StorageRole QueueDataMessageProcessor { get; } = new("Storage Queue Data Message Processor", "8a0f0c08-91a1-4084-bc3d-661d67233fed", OnQueue: true);

    /// <summary>Add messages, nothing else: Event Grid's delivery to the queue.</summary>
    public static StorageRole QueueDataMessageSender { get; } = new("Storage Queue Data Message Sender", "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", OnQueue: true);
}
