using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Publishing;

public static class PersistentFolderExtensions
{
    /// <summary>Declares that the service keeps files that every replica must share and that must outlive a revision
    /// (a key ring, say) in the folder named by <paramref name="environmentVariable"/>. Deployed, the folder is an Azure
    /// Files share named <paramref name="shareName"/>; locally the variable stays unset. Aspire has no volume for a
    /// project resource; the azd publisher reads this annotation.</summary>
    public static IResourceBuilder<ProjectResource> WithPersistentFolder(
        this IResourceBuilder<ProjectResource> builder, string shareName, string environmentVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);
        if (shareName.Length is < 3 or > 63 || !shareName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException("A share name has 3 to 63 lower-case letters, digits and dashes.", nameof(shareName));
        }

        return builder.WithAnnotation(new PersistentFolderAnnotation(shareName, environmentVariable));
    }
}
