using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Projects;

/// <summary>A .NET service of the application, launched from its build output.</summary>
public sealed class ProjectResource(string name, string projectPath, string assemblyPath)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public string ProjectPath { get; } = projectPath;

    public string AssemblyPath { get; } = assemblyPath;
}
