using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Publishing;

/// <summary>A role the deployed app's own identity holds on an Azure resource (<see cref="ContainerAppModule.Identity"/>).
/// Local runs ignore it: there the services use the emulators' keys.</summary>
public interface IAzureRoleAnnotation : IResourceAnnotation
{
    /// <summary>Adds the role assignment (and what it needs) to the app's module.</summary>
    void AddTo(AzureDeployment deployment, ContainerAppModule app);
}
