using Microsoft.Extensions.Configuration;
using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];
    private readonly IConfigurationManager _configuration = new ConfigurationManager();

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        _configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        _configuration.AddEnvironmentVariables();
    }

    public DistributedApplicationOptions Options { get; }

    public IConfigurationManager Configuration => _configuration;

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already in the model.");
        }

        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        var application = new DistributedApplication(new DistributedApplicationModel([.. _resources], _configuration), Options);
        if (DistributedApplication.Testing.Value is { } testing)
        {
            application.IsCapturedForTesting = true;
            testing.OnBuilt(application);
        }

        return application;
    }
}
