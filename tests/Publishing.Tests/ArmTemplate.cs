using System.Text.Json.Nodes;

namespace Shop.Publishing.Tests;

/// <summary>infra/main.bicep of a published folder, compiled by <c>bicep build</c> into one ARM template (each module a
/// nested deployment holding its own template), and its <c>bicep lint</c> verdict. The checks read what Azure would be
/// sent, not the Bicep text.</summary>
public sealed class ArmTemplate
{
    public ArmTemplate(string publishedDirectory)
    {
        var main = Path.Combine(publishedDirectory, "infra", "main.bicep");
        Build = BicepCli.Build(main);
        Lint = BicepCli.Lint(main);
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException(Build.ToString());
        }

        Root = JsonNode.Parse(Build.Output)!.AsObject();
    }

    public BicepRun Build { get; }

    public BicepRun Lint { get; }

    public JsonObject Root { get; }

    /// <summary>The nested deployments of main, one per module, by module name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Modules => Resources(Root)
        .Where(r => Text(r["type"]) == "Microsoft.Resources/deployments")
        .ToDictionary(r => Text(r["name"]), r => r);

    public JsonObject Module(string name) => Modules.TryGetValue(name, out var module)
        ? module
        : throw new KeyNotFoundException($"main.bicep calls no module '{name}'.");

    /// <summary>The template of a module.</summary>
    public JsonObject ModuleTemplate(string name) => Module(name)["properties"]!["template"]!.AsObject();

    /// <summary>What main passes to a module's parameter: an ARM expression (<c>[parameters('x')]</c>) or a literal.</summary>
    public string Argument(string module, string parameter) =>
        Text(Module(module)["properties"]!["parameters"]![parameter]?["value"] ?? throw new KeyNotFoundException($"main passes no '{parameter}' to {module}."));

    /// <summary>The container app or Container Apps job a module deploys; null when it deploys none.</summary>
    public JsonObject? App(string module) => Resources(ModuleTemplate(module))
        .SingleOrDefault(r => Text(r["type"]) is "Microsoft.App/containerApps" or "Microsoft.App/jobs");

    /// <summary>Every module that deploys a container app or job, with it.</summary>
    public IEnumerable<(string Module, JsonObject App)> Apps =>
        Modules.Keys.Select(m => (Module: m, App: App(m))).Where(a => a.App is not null).Select(a => (a.Module, a.App!));

    public static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.Select(r => r!.AsObject()),
        JsonObject symbolic => symbolic.Select(p => p.Value!.AsObject()),
        _ => [],
    };

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("A value is missing.");

    /// <summary>The container of an app or job.</summary>
    public static JsonObject Container(JsonObject app) => app["properties"]!["template"]!["containers"]![0]!.AsObject();
}
