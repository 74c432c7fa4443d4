using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Publishing;

/// <summary>The service keeps files that must outlive a replica in the folder named by
/// <paramref name="EnvironmentVariable"/>. Deployed, that folder is the Azure Files share <paramref name="ShareName"/>,
/// mounted by every replica of every revision. Local runs leave the variable unset: the service keeps its default
/// folder, which outlives the process already.</summary>
public sealed record PersistentFolderAnnotation(string ShareName, string EnvironmentVariable) : IResourceAnnotation
{
    /// <summary>Where the share is mounted in the container.</summary>
    public string MountPath => $"/mnt/{ShareName}";
}
