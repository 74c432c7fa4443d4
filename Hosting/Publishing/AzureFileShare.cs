using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>An Azure Files share in a storage account of its own, registered with the Container Apps environment so
/// that every replica of every revision of an app mounts the same folder.</summary>
internal static class AzureFileShare
{

    /// <summary>Declares the share <paramref name="shareName"/> in the app's module and returns the name under which the
    /// environment knows it (a volume's <c>storageName</c>).</summary>
    public static BicepExpression AddTo(AzureDeployment deployment, ContainerAppModule app, string shareName)
    {
        var module = app.Module;
        var environmentName = module.Pass("environmentName", "string", deployment.Environment.EnvironmentName);
        // Storage account names allow 3 to 24 lower-case letters and digits.
        var accountName = module.Pass("storageName", "string", new BicepExpression(
            $"take({BicepExpression.Interpolate($"st{app.Name.Replace("-", "", StringComparison.Ordinal)}", deployment.ResourceToken)}, 24)"));

        // The environment mounts the share over SMB with the account key.
        var storage = StorageAccount.Add(module, "storage", accountName, new BicepObject { ["allowSharedKeyAccess"] = true });
        var files = module.File.Add(new BicepResource("files", $"Microsoft.Storage/storageAccounts/fileServices@{StorageAccount.ApiVersion}", new BicepObject
        {
            ["parent"] = storage,
            ["name"] = "default",
        }));
        var share = module.File.Add(new BicepResource("share", $"Microsoft.Storage/storageAccounts/fileServices/shares@{StorageAccount.ApiVersion}", new BicepObject
        {
            ["parent"] = files,
            ["name"] = shareName,
            ["properties"] = new BicepObject { ["shareQuota"] = 1 },
        })
        {
            Comment = "1 GiB, the smallest share: it holds a few small files.",
        });
        var environment = module.File.Add(new BicepResource("environment", $"Microsoft.App/managedEnvironments@{ContainerAppModule.ApiVersion}", new BicepObject
        {
            ["name"] = environmentName,
        })
        {
            Existing = true,
        });
        var environmentStorage = module.File.Add(new BicepResource("environmentStorage", $"Microsoft.App/managedEnvironments/storages@{ContainerAppModule.ApiVersion}", new BicepObject
        {
            ["parent"] = environment,
            ["name"] = $"{app.Name}-{shareName}",
            ["properties"] = new BicepObject
            {
                ["azureFile"] = new BicepObject
                {
                    ["accountName"] = storage.Member("name"),
                    ["accountKey"] = storage.Member("listKeys().keys[0].value"),
                    ["shareName"] = share.Member("name"),
                    ["accessMode"] = "ReadWrite",
                },
            },
        }));
        return environmentStorage.Member("name");
    }
}
