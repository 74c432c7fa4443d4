using Microsoft.Extensions.Configuration;

namespace Shop.Hosting.ApplicationModel;

/// <summary>The resources declared by the app host, and the configuration parameters are read from.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources, IConfiguration configuration)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public IConfiguration Configuration { get; } = configuration;

    public IResource Find(string name) =>
        Resources.FirstOrDefault(r => r.Name == name) ?? throw new InvalidOperationException($"No resource named '{name}'.");
}
