using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.LocalServers;

namespace Shop.Hosting.Azurite;

public static class AzuriteLocalProcessExtensions
{
    /// <summary>Where <c>npm install --prefix</c> puts Azurite (scripts/prerequisites.sh does it, for ./run.sh and
    /// ./test.sh): ~/.local/share/shop-tools/azurite.</summary>
    public static string ToolsFolder => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "shop-tools", "azurite");

    /// <summary>Where no container runtime answers, runs Azurite from its npm package instead of the container: blob
    /// and queue services on loopback, the account key from the environment (never the command line), its data in the
    /// data folder.</summary>
    public static IResourceBuilder<AzuriteResource> RunAsLocalProcessWithoutContainerRuntime(this IResourceBuilder<AzuriteResource> storage)
    {
        if (!storage.RunsLocally())
        {
            return storage;
        }

        var program = LocalPrograms.Find("azurite", Path.Combine(ToolsFolder, "node_modules", ".bin"))
            ?? throw new PrerequisiteMissingException("Azurite", ["azurite"], "nodejs npm",
                $"npm install --prefix {ToolsFolder} azurite@{AzuriteBuilderExtensions.Version}");
        var resource = storage.Resource;
        var process = storage.AddLocalServerProcess(program);
        process
            .WithEnvironment(context => context.EnvironmentVariables["AZURITE_ACCOUNTS"] = AzuriteBuilderExtensions.AccountsVariable(resource))
            .WithArgs(
                "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", process.Resource.DataDirectory,
                "--blobHost", "127.0.0.1", "--blobPort", Port(resource, AzuriteResource.BlobEndpointName),
                "--queueHost", "127.0.0.1", "--queuePort", Port(resource, AzuriteResource.QueueEndpointName),
                "--tableHost", "127.0.0.1", "--tablePort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        return storage;
    }

    /// <summary>The port <see cref="LocalServerBuilderExtensions.AddLocalServerProcess"/> fixed for the endpoint.</summary>
    private static string Port(AzuriteResource resource, string endpoint) =>
        resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpoint).Port!.Value.ToString(CultureInfo.InvariantCulture);
}
