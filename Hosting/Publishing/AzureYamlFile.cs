using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Publishing;

/// <summary>azure.yaml: the azd project, its Bicep entry point and one service per project. With no Dockerfile,
/// azd builds a .NET project into an image with <c>dotnet publish /t:PublishContainer</c>. A project that runs to
/// completion is a Container Apps job: azd deploys its image, then its <c>postdeploy</c> hook runs it once and waits for
/// it; the services that wait for it name it under <c>uses</c>, so azd deploys them only after it succeeded.</summary>
internal static class AzureYamlFile
{
    public static string Write(string projectName, AzureDeployment deployment, string applicationRoot)
    {
        var yaml = new StringBuilder();
        yaml.Append("# ").Append(AzureDeployment.GeneratedHeader).Append('\n');
        yaml.Append("# yaml-language-server: $schema=https://raw.githubusercontent.com/Azure/azure-dev/main/schemas/v1.0/azure.yaml.json\n");
        yaml.Append("name: ").Append(projectName).Append('\n');
        yaml.Append("infra:\n  provider: bicep\n  path: infra\n  module: main\n");
        yaml.Append("services:\n");
        foreach (var project in deployment.Services)
        {
            yaml.Append("  ").Append(project.Name).Append(":\n");
            yaml.Append("    project: ").Append(Scalar(ProjectFolder(project, applicationRoot))).Append('\n');
            yaml.Append("    language: dotnet\n");
            yaml.Append("    host: containerapp\n");
            var jobs = project.Annotations.OfType<WaitAnnotation>()
                .Where(w => w.WaitType == WaitType.WaitForCompletion && deployment.RunsToCompletion(w.Resource))
                .Select(w => w.Resource.Name)
                .Distinct()
                .ToList();
            if (jobs.Count > 0)
            {
                yaml.Append("    uses:\n");
                foreach (var job in jobs)
                {
                    yaml.Append("      - ").Append(job).Append('\n');
                }
            }

            if (deployment.RunsToCompletion(project))
            {
                AppendRunOnceHook(yaml, project.Name);
            }
        }

        return yaml.ToString();
    }

    /// <summary>Starts one execution of the job, whose image azd has just deployed, and waits for its end: a failed run
    /// fails the deployment before any service that waits for the job is deployed. Needs the Azure CLI (<c>az</c>).</summary>
    private static void AppendRunOnceHook(StringBuilder yaml, string job)
    {
        string[] script =
        [
            $"execution=$(az containerapp job start --name {job} --resource-group \"$AZURE_RESOURCE_GROUP\" --query name --output tsv)",
            $"echo \"{job}: started execution $execution\"",
            "while true; do",
            $"  status=$(az containerapp job execution show --name {job} --resource-group \"$AZURE_RESOURCE_GROUP\" --job-execution-name \"$execution\" --query properties.status --output tsv)",
            "  case \"$status\" in",
            $"    Succeeded) echo \"{job}: $status\"; exit 0 ;;",
            $"    Failed|Stopped|Degraded) echo \"{job}: $status; see its logs: az containerapp job logs show --name {job} --resource-group $AZURE_RESOURCE_GROUP --execution $execution --container {job}\" >&2; exit 1 ;;",
            "  esac",
            "  sleep 5",
            "done",
        ];
        yaml.Append("    hooks:\n      postdeploy:\n        shell: sh\n        continueOnError: false\n        run: |\n");
        foreach (var line in script)
        {
            yaml.Append("          ").Append(line).Append('\n');
        }
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
