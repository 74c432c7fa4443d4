namespace Shop.Hosting.ApplicationModel;

/// <summary>A named part of the distributed application, described by its annotations.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}

/// <summary>A resource whose process receives environment variables.</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource that listens on one or more endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource that others find by name over HTTP (<c>http://{name}</c>), through <c>services__…</c> variables.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

/// <summary>A resource that can wait for other resources before it starts.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource that other resources reach through a connection string.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The name under which dependents find it: <c>ConnectionStrings__{ConnectionStringName}</c>.</summary>
    string ConnectionStringName => Name;

    /// <summary>The connection string; valid once endpoints are allocated and parameters resolved.</summary>
    string GetConnectionString();
}

/// <summary>A resource that lives inside another (a database inside a server): it shares the parent's lifecycle.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
