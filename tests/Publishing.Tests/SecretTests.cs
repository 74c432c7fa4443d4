using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Shop.Publishing.Tests.ArmTemplate;

namespace Shop.Publishing.Tests;

/// <summary>Passwords, the buyer-token key and the operator key never appear in the repository: they are secure
/// parameters that azd generates, and they reach containers only as container-app secrets.</summary>
public sealed class SecretTests(ShopDeployment deployment) : IClassFixture<ShopDeployment>
{
    private static readonly string[] _secretParameters = ["buyerTokenKey", "messagingPassword", "operatorKey", "postgresPassword"];

    private PublishedProject Published => deployment.Published;

    private ArmTemplate Template => Published.Template;

    private IEnumerable<string> SecureInMain => Template.Root["parameters"]!.AsObject()
        .Where(p => Text(p.Value!["type"]) == "securestring")
        .Select(p => p.Key);

    [Fact]
    public void No_secret_value_reaches_a_generated_file_or_the_compiled_template()
    {
        foreach (var text in Published.Files.Values.Append(Template.Build.Output))
        {
            foreach (var canary in PublishedProject.SecretCanaries.Values)
            {
                Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
            }
        }

        // A password is always an interpolated parameter or key, never text.
        foreach (var text in Published.Files.Values)
        {
            Assert.DoesNotMatch(@"(?i)password=(?!\$\{)", text);
        }

        foreach (var template in Template.Modules.Keys.Select(Template.ModuleTemplate).Append(Template.Root))
        {
            Assert.All(
                template["parameters"]!.AsObject().Where(p => Text(p.Value!["type"]) == "securestring"),
                p => Assert.True(p.Value!["defaultValue"] is null, $"Secure parameter {p.Key} has a default value."));
        }
    }

    [Fact]
    public void Secret_parameters_are_secure_generated_by_azd_and_not_bound_in_main_parameters_json()
    {
        Assert.Equal(_secretParameters, SecureInMain.Order());
        foreach (var name in SecureInMain)
        {
            var metadata = Template.Root["parameters"]![name]!["metadata"]!["azd"]!;
            Assert.Equal("generate", Text(metadata["type"]));
            Assert.True(metadata["config"]!["noSpecial"]!.GetValue<bool>());
        }

        var bound = Published.Parameters.Select(p => p.Key).ToList();
        Assert.Empty(bound.Intersect(SecureInMain));
        Assert.Contains("environmentName", bound);
        Assert.Contains("location", bound);
    }

    [Fact]
    public void Secrets_reach_containers_only_through_secure_parameters_and_secretRef()
    {
        var secureInMain = SecureInMain.ToList();
        foreach (var (name, module) in Template.Modules)
        {
            var template = Template.ModuleTemplate(name);
            foreach (var (parameter, argument) in module["properties"]!["parameters"]!.AsObject())
            {
                var value = argument!["value"]?.ToJsonString() ?? "";
                var carriesSecret = secureInMain.Any(s => value.Contains($"parameters('{s}')", StringComparison.Ordinal))
                    || value.Contains("listKeys(", StringComparison.Ordinal);
                Assert.True(!carriesSecret || Text(template["parameters"]![parameter]!["type"]) == "securestring",
                    $"main passes a secret to {name}'s parameter '{parameter}', which is not secure.");
            }

            if (Template.App(name) is not { } app)
            {
                continue;
            }

            var secureInModule = template["parameters"]!.AsObject().Where(p => Text(p.Value!["type"]) == "securestring")
                .Select(p => $"[parameters('{p.Key}')]").ToHashSet();
            var secrets = app["properties"]!["configuration"]!["secrets"]!.AsArray().Select(s => s!).ToList();
            Assert.Equal(secrets.Count, secrets.Select(s => Text(s["name"])).Distinct().Count());
            Assert.All(secrets, s => Assert.Contains(Text(s["value"]), secureInModule));
            foreach (var variable in Container(app)["env"]!.AsArray().Select(v => v!))
            {
                if (variable["value"] is { } plain)
                {
                    Assert.DoesNotContain(Text(plain), secureInModule);
                }
                else
                {
                    Assert.Contains(secrets, s => Text(s["name"]) == Text(variable["secretRef"]));
                }
            }

            foreach (var reference in SecretReferences(app))
            {
                Assert.Contains(secrets, s => Text(s["name"]) == reference);
            }
        }
    }

    /// <summary>Every <c>secretRef</c> under a node: environment variables and scale-rule authentication.</summary>
    private static IEnumerable<string> SecretReferences(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "secretRef" ? [Text(p.Value)] : SecretReferences(p.Value)),
        JsonArray a => a.SelectMany(SecretReferences),
        _ => [],
    };
}
