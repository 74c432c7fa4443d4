using System.Text.Json;

namespace Shop.Publishing.Tests;

/// <summary>Passwords, the buyer-token key and the operator key never appear in the repository: they are secure
/// parameters that azd generates, and they reach containers only as container-app secrets.</summary>
public sealed class SecretTests(ShopDeployment deployment) : IClassFixture<ShopDeployment>
{
    private static readonly string[] _secretParameters = ["buyerTokenKey", "messagingPassword", "operatorKey", "postgresPassword"];

    private PublishedProject Published => deployment.Published;

    [Fact]
    public void No_secret_value_reaches_a_generated_file()
    {
        foreach (var text in Published.Files.Values)
        {
            foreach (var canary in PublishedProject.SecretCanaries.Values)
            {
                Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
            }

            // A password is always an interpolated parameter or key, never text.
            Assert.DoesNotMatch(@"(?i)password=(?!\$\{)", text);
        }

        foreach (var (module, declarations) in Published.Bicep)
        {
            Assert.All(
                declarations.Where(d => d is { Keyword: "param", IsSecure: true }),
                d => Assert.True(d.Value is null, $"{module}.bicep: secure parameter {d.Name} has a default value."));
        }
    }

    [Fact]
    public void Secret_parameters_are_secure_and_left_to_azd_not_to_main_parameters_json()
    {
        var secure = Published.Bicep["main"].Where(d => d is { Keyword: "param", IsSecure: true }).ToList();
        Assert.Equal(_secretParameters, secure.Select(d => d.Name).Order());
        Assert.All(secure, d => Assert.Null(d.Value));
        Assert.All(secure, d => Assert.Contains(d.Decorators, x => x.Contains("type: 'generate'", StringComparison.Ordinal)));

        using var parameters = JsonDocument.Parse(Published.Files["infra/main.parameters.json"]);
        var bound = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Empty(bound.Intersect(secure.Select(d => d.Name)));
        Assert.Contains("environmentName", bound);
        Assert.Contains("location", bound);
    }

    [Fact]
    public void Secrets_reach_containers_only_through_secure_parameters_and_secretRef()
    {
        var secureInMain = Published.Bicep["main"].Where(d => d is { Keyword: "param", IsSecure: true }).Select(d => d.Name).ToList();
        foreach (var module in Published.Bicep.Keys.Where(m => m != "main"))
        {
            var moduleDeclaration = Published.Bicep["main"].Single(d => d.Keyword == "module" && d.TypeOrPath == $"{module}.bicep");
            foreach (var (name, argument) in ((BicepObjectNode)moduleDeclaration.Value!["params"]).Properties)
            {
                var carriesSecret = secureInMain.Any(s => System.Text.RegularExpressions.Regex.IsMatch(argument.AllText, $@"\b{s}\b"))
                    || argument.AllText.Contains("listKeys(", StringComparison.Ordinal);
                Assert.True(!carriesSecret || Published.Declaration(module, "param", name).IsSecure,
                    $"main.bicep passes a secret to {module}.bicep's parameter '{name}', which is not @secure().");
            }

            if (!Published.Bicep[module].Any(d => d is { Keyword: "resource", Name: "app" }))
            {
                continue;
            }

            var app = Published.App(module);
            var secureInModule = Published.Bicep[module].Where(d => d is { Keyword: "param", IsSecure: true }).Select(d => d.Name).ToHashSet();
            var secrets = app["properties"]["configuration"]["secrets"].Items;
            Assert.All(secrets, s => Assert.Contains(s["value"].Text, secureInModule));
            foreach (var variable in app["properties"]["template"]["containers"].Items[0]["env"].Items.Cast<BicepObjectNode>())
            {
                if (variable.Has("value"))
                {
                    Assert.DoesNotContain(variable.Get("value").Text, secureInModule);
                }
                else
                {
                    Assert.Contains(secrets, s => s["name"].Literal == variable.Get("secretRef").Literal);
                }
            }
        }
    }
}
