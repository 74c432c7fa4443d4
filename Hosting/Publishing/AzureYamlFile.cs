using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Publishing;

/// <summary>azure.yaml: the azd project, its Bicep entry point and one service per project. With no Dockerfile,
/// azd builds a .NET project into an image with <c>dotnet publish /t:PublishContainer</c>.</summary>
internal static class AzureYamlFile
{
    public static string Write(string projectName, IReadOnlyList<ProjectResource> services, string applicationRoot)
    {
        var yaml = new StringBuilder();
        yaml.Append("# ").Append(AzureDeployment.GeneratedHeader).Append('\n');
        yaml.Append("name: ").Append(projectName).Append('\n');
        yaml.Append("infra:\n  provider: bicep\n  path: infra\n  module: main\n");
        yaml.Append("services:\n");
        foreach (var project in services)
        {
            yaml.Append("  ").Append(project.Name).Append(":\n");
            yaml.Append("    project: ").Append(Scalar(ProjectFolder(project, applicationRoot))).Append('\n');
            yaml.Append("    language: dotnet\n");
            yaml.Append("    host: containerapp\n");
        }

        return yaml.ToString();
    }

    /// <summary>The project's folder relative to the application root, where azure.yaml belongs.</summary>
    private static string ProjectFolder(ProjectResource project, string applicationRoot)
    {
        var projectPath = project.GetProjectMetadata().ProjectPath;
        var folder = Path.GetRelativePath(applicationRoot, Path.GetDirectoryName(projectPath)!).Replace('\\', '/');
        if (folder.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(folder))
        {
            throw new InvalidOperationException($"Project '{project.Name}' ({projectPath}) lies outside the application root {applicationRoot}.");
        }

        return $"./{folder}";
    }

    private static string Scalar(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '_')
            ? text
            : $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
