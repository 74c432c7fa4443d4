namespace Shop.Hosting.ApplicationModel;

/// <summary>The fluent vocabulary shared by every resource kind, constrained by capability.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithAnnotation<T>(this IResourceBuilder<T> builder, IResourceAnnotation annotation)
        where T : IResource
    {
        builder.Resource.Annotations.Add(annotation);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(env => env[name] = value));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment
    {
        builder.WithAnnotation(new ResourceRelationshipAnnotation(parameter.Resource));
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(env => env[name] = new ParameterReference(parameter.Resource)));
    }

    /// <summary>Gives the resource <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment
    {
        var target = source.Resource;
        builder.WithAnnotation(new ResourceRelationshipAnnotation(target));
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(
            env => env[$"ConnectionStrings__{target.ConnectionStringName}"] = new ConnectionStringReference(target)));
    }

    /// <summary>Gives the resource <c>services__{name}__{endpoint}__0</c> for every endpoint of the source, so that
    /// an HttpClient addressed as <c>http://{name}</c> finds it.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var target = source.Resource;
        builder.WithAnnotation(new ResourceRelationshipAnnotation(target));
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(env =>
        {
            foreach (var endpoint in target.Annotations.OfType<EndpointAnnotation>())
            {
                env[$"services__{target.Name}__{endpoint.Name}__0"] = new EndpointReference(target, endpoint);
            }
        }));
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport
    {
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new InvalidOperationException($"Resource '{builder.Resource.Name}' cannot wait for itself.");
        }

        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource));
    }

    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http")
        where T : IResourceWithEndpoints =>
        builder.WithAnnotation(new EndpointAnnotation(name, "http", port));

    /// <summary>Marks the HTTP endpoints public: the frontend's ingress when deployed.</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.Scheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }

    public static EndpointAnnotation GetEndpoint(this IResource resource, string name) =>
        resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == name)
        ?? throw new InvalidOperationException($"Resource '{resource.Name}' has no endpoint named '{name}'.");
}
