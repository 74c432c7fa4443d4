using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Projects;

public static class ProjectBuilderExtensions
{
    /// <summary>Adds a service project with an HTTP endpoint (a stable <paramref name="port"/> locally; any free port in tests).</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name, int? port = null)
        where TProject : IProjectMetadata
    {
        var project = new ProjectResource(name, TProject.ProjectPath, TProject.AssemblyPath);
        return builder.AddResource(project)
            .WithAnnotation(new EndpointAnnotation("http", "http", port, targetPort: 8080))
            .WithAnnotation(new ResourceRunnerAnnotation("Project", context => new ProjectRunner(context, project)))
            .WithAnnotation(new ProjectAzureDeployment(project));
    }
}
