using Microsoft.Extensions.Configuration;
using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting;

/// <summary>Declares the resources of a distributed application, as Aspire's builder does.</summary>
public interface IDistributedApplicationBuilder
{
    DistributedApplicationOptions Options { get; }

    IConfigurationManager Configuration { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A resource builder for a resource already in the model.</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
