using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>The storage accounts the deployment declares (the frontend's key-ring share, the photos' blobs and queue):
/// StorageV2, locally redundant, TLS 1.2 and HTTPS only, no anonymous blob access.</summary>
internal static class StorageAccount
{
    public const string ApiVersion = "2023-05-01";

    /// <summary>Adds the account to the module; <paramref name="properties"/> add to (or override) the common ones.</summary>
    public static BicepExpression Add(AzureModule module, string symbol, BicepValue name, BicepObject? properties = null)
    {
        var common = new BicepObject
        {
            ["minimumTlsVersion"] = "TLS1_2",
            ["allowBlobPublicAccess"] = false,
            ["supportsHttpsTrafficOnly"] = true,
        };
        foreach (var (key, value) in properties ?? [])
        {
            common[key] = value;
        }

        return module.File.Add(new BicepResource(symbol, $"Microsoft.Storage/storageAccounts@{ApiVersion}", new BicepObject
        {
            ["name"] = name,
            ["location"] = module.Location,
            ["tags"] = module.Tags,
            ["kind"] = "StorageV2",
            ["sku"] = new BicepObject { ["name"] = "Standard_LRS" },
            ["properties"] = common,
        }));
    }
}
