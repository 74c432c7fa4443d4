using Shop.Hosting.Projects;

namespace Shop.Hosting.Tests;

/// <summary>Project metadata for model tests that never launch the project.</summary>
internal sealed class FakeProject : IProjectMetadata
{
    public static string ProjectPath => "/nowhere/Fake.csproj";

    public static string AssemblyPath => "/nowhere/Fake.dll";
}
