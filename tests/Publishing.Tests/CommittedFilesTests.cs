namespace Shop.Publishing.Tests;

/// <summary>azure.yaml and infra/ are generated, committed, and never edited by hand.</summary>
public sealed class CommittedFilesTests(ShopDeployment deployment) : IClassFixture<ShopDeployment>
{
    private const string Advice = "Re-run `dotnet run --project AppHost -- publish` and commit azure.yaml and infra/.";

    [Fact]
    public void The_committed_azd_project_equals_a_fresh_publish()
    {
        var root = PublishedProject.RepositoryRoot;
        var committed = Directory.EnumerateFiles(Path.Combine(root, "infra"), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "azure.yaml"))
            .Where(File.Exists)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);

        foreach (var (path, text) in deployment.Published.Files)
        {
            Assert.True(committed.TryGetValue(path, out var committedText), $"{path} is not committed. {Advice}");
            Assert.True(text == committedText, $"{path} differs from a fresh publish. {Advice}");
        }

        var extra = committed.Keys.Except(deployment.Published.Files.Keys).ToList();
        Assert.True(extra.Count == 0, $"Not written by publish: {string.Join(", ", extra)}. {Advice}");
    }
}
