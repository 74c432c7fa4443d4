using Shop.Hosting.Publishing;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Azurite;

/// <summary>Deployed, the app's own identity holds <paramref name="Role"/> on the container or queue
/// <paramref name="Target"/> of <paramref name="Storage"/>'s account, and on nothing else of it.</summary>
public sealed record StorageRoleAnnotation(AzuriteResource Storage, StorageRole Role, string Target) : IAzureRoleAnnotation
{
    public void AddTo(AzureDeployment deployment, ContainerAppModule app)
    {
        var file = app.Module.File;
        var account = app.Module.PassOnce($"{BicepNames.Symbol(Storage.Name)}AccountName", "string", deployment.ModuleOutput(Storage, "name"));

        var targetSymbol = BicepNames.Symbol($"{Storage.Name}-{Target}");
        var target = file.Declares(targetSymbol)
            ? new BicepExpression(targetSymbol)
            : file.Add(new BicepResource(targetSymbol, StorageAzureDeployment.ResourceType(Role.OnQueue), new BicepObject
            {
                ["name"] = BicepExpression.Interpolate(account, $"/default/{Target}"),
            })
            {
                Existing = true,
            });

        var identity = app.Identity;
        file.Add(RoleAssignment.Create(
            BicepNames.Symbol($"{targetSymbol}-{Role.Name.Replace(' ', '-')}"), target, identity.Member("id"), identity.Member("properties").Member("principalId"), Role.RoleDefinitionId)
            with
        {
            Comment = $"{Role.Name} on '{Target}' only.",
        });
    }
}
