namespace Shop.Publishing.Tests;

/// <summary>The schema check must itself catch what it is there to catch.</summary>
public sealed class AzureYamlSchemaTests
{
    private const string Valid = """
        name: shop
        services:
          api:
            project: ./Api
            language: dotnet
            host: containerapp
        """;

    [Fact]
    public void A_valid_project_passes() => Assert.Empty(AzureYaml.Validate(AzureYaml.Parse(Valid)));

    [Theory]
    [InlineData("    host: [containerapp]\n", "a list for a host")]
    [InlineData("    uses: migrator\n", "uses as a string, not a list")]
    [InlineData("    hooks:\n      afterdeploy:\n        run: echo\n", "an unknown hook")]
    [InlineData("    hooks:\n      postdeploy:\n        shell: bash\n        run: echo\n", "a shell azd does not know")]
    public void A_project_azd_would_reject_fails(string serviceLines, string what)
    {
        var yaml = Valid.Replace("    host: containerapp", serviceLines.TrimEnd('\n'), StringComparison.Ordinal);
        if (!serviceLines.Contains("host:", StringComparison.Ordinal))
        {
            yaml = Valid + "\n" + serviceLines;
        }

        Assert.True(AzureYaml.Validate(AzureYaml.Parse(yaml)).Count > 0, $"A project with {what} validated.");
    }
}
