using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Projects;

namespace Shop.Hosting.Publishing;

/// <summary>Writes an azd project from the app model: azure.yaml, infra/main.bicep, infra/main.parameters.json and
/// a module per deployable resource. It only reads the model (built in publish mode): no server, container engine or
/// Azure is needed.</summary>
public sealed class AzdPublisher(DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext, string applicationRoot)
{
    /// <summary>Writes the files under <paramref name="outputDirectory"/> and returns their relative paths. Paths in
    /// azure.yaml are relative to the application root, where azure.yaml belongs.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(string outputDirectory, CancellationToken cancellationToken = default)
    {
        var resources = model.Resources.Where(r => !r.IsExcludedFromPublish()).ToList();
        var environments = new Dictionary<IResource, ModelEnvironment>();
        foreach (var resource in resources.OfType<IResourceWithEnvironment>())
        {
            environments[resource] = await ModelEnvironment.ReadAsync(resource, executionContext, cancellationToken);
        }

        var deployment = new AzureDeployment(environments, RunToCompletion.AwaitedAmong(resources));
        foreach (var resource in resources)
        {
            AzureResourceDeployment.Of(resource)?.AddTo(deployment);
        }

        deployment.Validate();

        var files = new List<KeyValuePair<string, string>>
        {
            new("azure.yaml", AzureYamlFile.Write(ProjectName(), deployment, applicationRoot)),
            new("infra/main.bicep", deployment.Main.ToText()),
            new("infra/main.parameters.json", ParametersFile.Write(deployment.ParameterBindings)),
        };
        files.AddRange(deployment.ModuleFiles.Select(m => new KeyValuePair<string, string>($"infra/{m.Key}", m.Value.ToText())));

        var infra = Path.Combine(outputDirectory, "infra");
        Directory.CreateDirectory(infra);
        RemoveModulesNoLongerInTheModel(infra, files);
        foreach (var (path, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(outputDirectory, path), text, cancellationToken);
        }

        return [.. files.Select(f => f.Key)];
    }

    /// <summary>azd's project name: the solution's, else the application root's folder name.</summary>
    private string ProjectName()
    {
        var solutions = Directory.EnumerateFiles(applicationRoot, "*.sln").Concat(Directory.EnumerateFiles(applicationRoot, "*.slnx")).ToList();
        var name = solutions.Count == 1 ? Path.GetFileNameWithoutExtension(solutions[0]) : Path.GetFileName(Path.TrimEndingDirectorySeparator(applicationRoot));
        return name.ToLowerInvariant();
    }

    /// <summary>A module of a resource removed from the model would linger: delete generated ones not written now.</summary>
    private static void RemoveModulesNoLongerInTheModel(string infra, List<KeyValuePair<string, string>> files)
    {
        var written = files.Select(f => Path.GetFileName(f.Key)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(infra, "*.bicep"))
        {
            if (!written.Contains(Path.GetFileName(file)) && File.ReadLines(file).FirstOrDefault() == $"// {AzureDeployment.GeneratedHeader}")
            {
                File.Delete(file);
            }
        }
    }
}
