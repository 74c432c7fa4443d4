namespace Shop.Hosting.Projects;

/// <summary>A .NET project the app host launches. The build generates one class per referenced service project
/// (Projects.Catalog_Api, …) implementing this, as Aspire's SDK does.</summary>
public interface IProjectMetadata
{
    /// <summary>The .csproj file.</summary>
    static abstract string ProjectPath { get; }

    /// <summary>The built assembly, from the same build configuration as the app host.</summary>
    static abstract string AssemblyPath { get; }
}
